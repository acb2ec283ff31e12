import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  b64ToUuid,
  issueMemberCode,
  issueRoomCode,
  memberCodeKey,
  newMeetingSecret,
  newStaffToken,
  parseRoomCode,
  staffTokenHash,
  uuidToB64,
  verifyMemberCode,
  verifyRoomCode,
  windowEndsAt,
  windowOf,
} from './meeting.tokens.js';

const MEETING = '0b5f8a2c-3d4e-4f60-8a1b-2c3d4e5f6071';
const OTHER = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const timing = { rotationSeconds: 30, graceSeconds: 10 };
const T0 = Date.UTC(2026, 10, 24, 1, 0, 0); // a window boundary: 30 s divides the epoch seconds

function roomCodeAt(nowMs: number, secret: string, meetingId = MEETING) {
  return issueRoomCode(meetingId, secret, windowOf(nowMs, timing.rotationSeconds));
}

function verifyAt(code: string, secret: string, nowMs: number) {
  const parsed = parseRoomCode(code);
  if (!parsed) return { ok: false as const, reason: 'forged' as const };
  return verifyRoomCode(parsed, secret, timing, nowMs);
}

describe('room codes', () => {
  const secret = newMeetingSecret();

  it('accepts the current code and names its meeting', () => {
    const code = roomCodeAt(T0 + 5_000, secret);
    expect(parseRoomCode(code)?.meetingId).toBe(MEETING);
    expect(verifyAt(code, secret, T0 + 29_999)).toEqual({ ok: true, window: windowOf(T0, 30) });
  });

  it.each([
    ['just rotated, inside the grace', 30_000 + 9_999, true],
    ['grace over', 30_000 + 10_000, false],
    ['two windows later (a forwarded screenshot)', 60_000 + 1, false],
    ['an hour later', 3_600_000, false],
  ])('the previous code: %s', (_label, later, ok) => {
    const code = roomCodeAt(T0 + 1_000, secret);
    const verdict = verifyAt(code, secret, T0 + later);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toBe('expired');
  });

  it('refuses a code signed with another meeting secret (forged)', () => {
    const code = roomCodeAt(T0, newMeetingSecret());
    expect(verifyAt(code, secret, T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a code from a future window (not issued by us)', () => {
    const code = roomCodeAt(T0 + 30_000, secret);
    expect(verifyAt(code, secret, T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('a code names exactly one meeting: swapping the meeting id breaks the signature', () => {
    const code = roomCodeAt(T0, secret);
    const swapped = code.replace(uuidToB64(MEETING), uuidToB64(OTHER));
    expect(parseRoomCode(swapped)?.meetingId).toBe(OTHER);
    expect(verifyAt(swapped, secret, T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('the projector refetches when the window ends', () => {
    expect(windowEndsAt(T0 + 12_000, 30).getTime()).toBe(T0 + 30_000);
  });

  it('property: any single-character change of a valid code is refused', () => {
    const code = roomCodeAt(T0, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat(code.length - 1), fc.constantFrom(...alphabet), (i, ch) => {
        fc.pre(code[i] !== ch);
        const tampered = code.slice(0, i) + ch + code.slice(i + 1);
        expect(verifyAt(tampered, secret, T0).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('property: the parser never throws and accepts only canonical codes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const parsed = parseRoomCode(text);
        if (parsed)
          expect(issueRoomCode(parsed.meetingId, secret, parsed.window).slice(0, parsed.payload.length)).toBe(
            parsed.payload,
          );
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a code verifies exactly while its window (plus grace) lasts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 200_000 }), (startS, laterMs) => {
        const issued = T0 + startS * 1000;
        const code = roomCodeAt(issued, secret);
        const now = issued + laterMs;
        const w = windowOf(issued, 30);
        const current = windowOf(now, 30);
        const expected = current === w || (current === w + 1 && now - current * 30_000 < 10_000);
        expect(verifyAt(code, secret, now).ok).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('member codes', () => {
  const key = memberCodeKey(Buffer.alloc(32, 7));

  it('valid until it expires', () => {
    const code = issueMemberCode(key, MEETING, T0 + 300_000);
    expect(verifyMemberCode(key, code, T0)).toEqual({ ok: true, memberId: MEETING });
    expect(verifyMemberCode(key, code, T0 + 300_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('another installation’s key, a tampered member or expiry: forged', () => {
    const code = issueMemberCode(key, MEETING, T0 + 300_000);
    expect(verifyMemberCode(memberCodeKey(Buffer.alloc(32, 8)), code, T0).ok).toBe(false);
    const otherMember = code.replace(uuidToB64(MEETING), uuidToB64(OTHER));
    expect(verifyMemberCode(key, otherMember, T0)).toEqual({ ok: false, reason: 'forged' });
    const [a, b, , d] = code.split('.');
    const longer = [a, b, Math.floor((T0 + 9e9) / 1000).toString(36), d].join('.');
    expect(verifyMemberCode(key, longer, T0)).toEqual({ ok: false, reason: 'forged' });
  });

  it('property: random text is never a member code, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        expect(verifyMemberCode(key, text, T0).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a room code is not a member code, nor the reverse', () => {
    const room = roomCodeAt(T0, newMeetingSecret());
    expect(verifyMemberCode(key, room, T0).ok).toBe(false);
    expect(parseRoomCode(issueMemberCode(key, MEETING, T0 + 1000))).toBeNull();
  });
});

describe('ids and staff tokens', () => {
  it('property: uuid ↔ base64url round-trips and only the canonical spelling decodes', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(b64ToUuid(uuidToB64(id))).toBe(id);
      }),
    );
    // The last base64url character carries 2 spare bits: a non-canonical twin must not decode to the same id.
    const b64 = uuidToB64(MEETING);
    const twin = b64.slice(0, -1) + (b64.endsWith('A') ? 'B' : 'A');
    expect(b64ToUuid(twin)).not.toBe(MEETING);
  });

  it('staff tokens hash when well-formed only', () => {
    const token = newStaffToken();
    expect(staffTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(staffTokenHash(`${token}x`)).toBeNull();
    expect(staffTokenHash('S1.short')).toBeNull();
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (t) => void staffTokenHash(t)));
  });
});
