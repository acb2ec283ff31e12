import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentTransition,
  creditFor,
  DEFAULT_STUDY_SETTINGS,
  detectLearningFile,
  type Heartbeat,
  type MemberDayState,
  parseRange,
  type SessionState,
} from './learning.policy.js';

const T0 = new Date('2026-05-12T02:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const session = (over: Partial<SessionState> = {}): SessionState => ({
  id: 's1',
  kind: 'article',
  lastBeatAt: T0,
  lastPosition: 0,
  ...over,
});
const day = (over: Partial<MemberDayState> = {}): MemberDayState => ({
  creditedSeconds: 0,
  lastCreditAt: null,
  lastSessionId: null,
  ...over,
});
const beat = (over: Partial<Heartbeat> = {}): Heartbeat => ({
  now: at(15),
  visible: true,
  active: true,
  position: 0.3,
  ...over,
});

describe('creditFor', () => {
  it.each([
    ['an article read for 15 s', beat(), session(), day(), 15, null],
    ['a hidden page', beat({ visible: false }), session(), day(), 0, 'hidden'],
    ['an idle page', beat({ active: false }), session(), day(), 0, 'idle'],
    ['a long gap is capped per heartbeat', beat({ now: at(600) }), session(), day(), 30, null],
    ['a heartbeat within a second', beat({ now: at(0.5) }), session(), day(), 0, 'too_soon'],
    ['a scroll fraction above 1', beat({ position: 1.5 }), session(), day(), 0, 'bad_position'],
    ['a negative position', beat({ position: -1 }), session(), day(), 0, 'bad_position'],
    ['a playing video', beat({ position: 75 }), session({ kind: 'video', lastPosition: 60 }), day(), 15, null],
    ['a paused video', beat({ position: 60 }), session({ kind: 'video', lastPosition: 60 }), day(), 0, 'no_progress'],
    ['a rewound video', beat({ position: 10 }), session({ kind: 'video', lastPosition: 60 }), day(), 0, 'no_progress'],
    [
      'a video that advanced 5 s in 15 s',
      beat({ position: 65 }),
      session({ kind: 'video', lastPosition: 60 }),
      day(),
      6,
      null,
    ],
    [
      'another session credited 10 s ago (two tabs)',
      beat(),
      session(),
      day({ lastSessionId: 's2', lastCreditAt: at(5) }),
      0,
      'overlap',
    ],
    [
      'another session quiet for a minute',
      beat({ now: at(75) }),
      session({ lastBeatAt: at(60) }),
      day({ lastSessionId: 's2', lastCreditAt: at(5) }),
      15,
      null,
    ],
    [
      'the same session credited just before',
      beat(),
      session(),
      day({ lastSessionId: 's1', lastCreditAt: at(0) }),
      15,
      null,
    ],
    ['the daily cap reached', beat(), session(), day({ creditedSeconds: 7200 }), 0, 'daily_cap'],
    ['the daily cap nearly reached', beat(), session(), day({ creditedSeconds: 7190 }), 10, null],
  ] as const)('%s', (_label, b, s, d, seconds, refusal) => {
    expect(creditFor(b, s, d, DEFAULT_STUDY_SETTINGS)).toEqual({ seconds, refusal });
  });

  it('never credits more than the real time since the previous heartbeat, the per-beat cap or the room left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.constantFrom('article', 'video', 'document', 'policy') as fc.Arbitrary<SessionState['kind']>,
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (elapsed, credited, kind, last, pos, visible, active) => {
          const c = creditFor(
            { now: at(elapsed), visible, active, position: kind === 'video' ? pos : Math.min(pos, 1) },
            session({ kind, lastPosition: last }),
            day({ creditedSeconds: credited }),
            DEFAULT_STUDY_SETTINGS,
          );
          expect(c.seconds).toBeGreaterThanOrEqual(0);
          expect(c.seconds).toBeLessThanOrEqual(Math.min(elapsed, 30, Math.max(0, 7200 - credited)));
          if (!visible || !active) expect(c.seconds).toBe(0);
          if (kind === 'video' && pos <= last) expect(c.seconds).toBe(0);
          expect(c.seconds === 0).toBe(c.refusal !== null);
        },
      ),
    );
  });

  it('two tabs beating alternately are credited at most real time together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 60 }), (gaps) => {
        let now = 0;
        const last = { a: 0, b: 0 };
        let d = day();
        for (const [i, g] of gaps.entries()) {
          now += g;
          const id = i % 2 === 0 ? 'a' : 'b';
          const c = creditFor(
            { now: at(now), visible: true, active: true, position: 0.5 },
            session({ id, lastBeatAt: at(last[id]) }),
            d,
            DEFAULT_STUDY_SETTINGS,
          );
          last[id] = now;
          if (c.seconds > 0)
            d = { creditedSeconds: d.creditedSeconds + c.seconds, lastCreditAt: at(now), lastSessionId: id };
        }
        expect(d.creditedSeconds).toBeLessThanOrEqual(now);
      }),
    );
  });
});

describe('contentTransition', () => {
  it.each([
    ['submit', 'draft', 'u1', 'u1', { ok: true, next: 'in_review' }],
    ['submit', 'published', 'u1', 'u1', { ok: false, reason: 'state' }],
    ['approve', 'in_review', 'u1', 'u2', { ok: true, next: 'published' }],
    ['approve', 'in_review', 'u1', 'u1', { ok: false, reason: 'own_review' }],
    ['reject', 'in_review', 'u1', 'u1', { ok: false, reason: 'own_review' }],
    ['reject', 'in_review', 'u1', 'u2', { ok: true, next: 'rejected' }],
    ['approve', 'draft', 'u1', 'u2', { ok: false, reason: 'state' }],
    ['edit', 'rejected', 'u1', 'u2', { ok: true, next: 'rejected' }],
    ['edit', 'published', 'u1', 'u1', { ok: false, reason: 'state' }],
    ['withdraw', 'published', 'u1', 'u2', { ok: true, next: 'withdrawn' }],
  ] as const)('%s a %s content by %s as %s', (action, status, author, user, expected) => {
    expect(contentTransition(action, { status, authorId: author }, user)).toEqual(expected);
  });
});

describe('files and ranges', () => {
  it('recognises types by content', () => {
    expect(detectLearningFile(Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(detectLearningFile(Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]))).toBe('mp4');
    expect(detectLearningFile(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe('webm');
    expect(detectLearningFile(Buffer.from('<html>'))).toBeNull();
  });
  it.each([
    [undefined, 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=50-500', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=9-3', 100, 'unsatisfiable'],
    ['items=0-1', 100, null],
  ] as const)('%s of %d bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
