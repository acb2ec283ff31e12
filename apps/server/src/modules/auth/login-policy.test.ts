import { describe, expect, it } from 'vitest';
import { afterFailure, LOGIN_POLICY, loginGate } from './login-policy.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);
const state = (failedLoginCount: number, lastFailedLoginAt: Date | null = NOW, lockedUntil: Date | null = null) => ({
  failedLoginCount,
  lastFailedLoginAt,
  lockedUntil,
});

describe('loginGate', () => {
  it('keeps the documented policy', () => {
    expect(LOGIN_POLICY).toEqual({ freeAttempts: 4, lockAfter: 10, lockMinutes: 15, maxDelaySeconds: 60 });
  });

  it.each([0, 1, 2, 3, 4])('lets attempt %i failures in go through at once (free attempts)', (count) => {
    expect(loginGate(state(count), NOW)).toEqual({ kind: 'allowed' });
  });

  it.each([
    // failures so far → delay after the last failure: 1, 2, 4, 8, 16 s
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
  ])('after %i failures waits %i s from the last one', (count, seconds) => {
    expect(loginGate(state(count), NOW)).toEqual({ kind: 'throttled', retryAfterSeconds: seconds });
    // Part of the wait has passed: the rest is rounded up to whole seconds.
    if (seconds >= 2) {
      expect(loginGate(state(count, ago(seconds * 1000 - 1500)), NOW)).toEqual({
        kind: 'throttled',
        retryAfterSeconds: 2,
      });
    }
    expect(loginGate(state(count, ago(seconds * 1000 - 1)), NOW)).toEqual({ kind: 'throttled', retryAfterSeconds: 1 });
    expect(loginGate(state(count, ago(seconds * 1000)), NOW)).toEqual({ kind: 'allowed' });
    expect(loginGate(state(count, ago(3600_000)), NOW)).toEqual({ kind: 'allowed' });
  });

  it('caps the delay', () => {
    const policy = { freeAttempts: 1, lockAfter: 50, lockMinutes: 15, maxDelaySeconds: 60 };
    expect(loginGate(state(8), NOW, policy)).toEqual({ kind: 'throttled', retryAfterSeconds: 60 });
    expect(loginGate(state(40), NOW, policy)).toEqual({ kind: 'throttled', retryAfterSeconds: 60 });
  });

  it('does not throttle without a time of the last failure', () => {
    expect(loginGate(state(7, null), NOW)).toEqual({ kind: 'allowed' });
  });

  it.each([
    [ahead(15 * 60_000), 15],
    [ahead(14 * 60_000 + 1), 15],
    [ahead(14 * 60_000), 14],
    [ahead(61_000), 2],
    [ahead(10_000), 1],
    [ahead(1), 1],
  ])('locks until %s (%i minutes left, at least 1)', (until, minutes) => {
    expect(loginGate(state(0, NOW, until), NOW)).toEqual({ kind: 'locked', minutesLeft: minutes });
  });

  it('lets a lock expire', () => {
    expect(loginGate(state(0, ago(15 * 60_000), NOW), NOW)).toEqual({ kind: 'allowed' });
    expect(loginGate(state(0, ago(16 * 60_000), ago(60_000)), NOW)).toEqual({ kind: 'allowed' });
  });

  it('gives a lock precedence over the throttle', () => {
    expect(loginGate(state(9, NOW, ahead(60_000)), NOW).kind).toBe('locked');
  });
});

describe('afterFailure', () => {
  it.each([0, 1, 4, 8])('counts failure %i + 1 without locking below the threshold', (count) => {
    expect(afterFailure(count, NOW)).toEqual({
      failedLoginCount: count + 1,
      lastFailedLoginAt: NOW,
      lockedUntil: null,
    });
  });

  it('locks at the threshold and starts the count again', () => {
    expect(afterFailure(LOGIN_POLICY.lockAfter - 1, NOW)).toEqual({
      failedLoginCount: 0,
      lastFailedLoginAt: NOW,
      lockedUntil: ahead(LOGIN_POLICY.lockMinutes * 60_000),
    });
  });

  it('locks after exactly lockAfter failures when every wait is respected, then frees after the lock', () => {
    let s = state(0, null);
    let t = NOW;
    let failures = 0;
    let waited = 0;
    for (;;) {
      const gate = loginGate(s, t);
      if (gate.kind === 'throttled') {
        waited += gate.retryAfterSeconds;
        t = new Date(t.getTime() + gate.retryAfterSeconds * 1000);
        continue;
      }
      expect(gate.kind).toBe('allowed');
      s = afterFailure(s.failedLoginCount, t);
      failures += 1;
      if (s.lockedUntil) break;
    }
    expect(failures).toBe(LOGIN_POLICY.lockAfter);
    expect(waited).toBe(1 + 2 + 4 + 8 + 16);
    expect(loginGate(s, t)).toEqual({ kind: 'locked', minutesLeft: LOGIN_POLICY.lockMinutes });
    const later = new Date(s.lockedUntil!.getTime());
    expect(loginGate(s, later)).toEqual({ kind: 'allowed' });
    // One more failure after the lock does not lock again at once.
    expect(afterFailure(s.failedLoginCount, later).lockedUntil).toBeNull();
  });
});
