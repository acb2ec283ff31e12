import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Check-in codes. Three kinds, each a short ASCII string that fits a small QR code:
 * - room code  `R1.<meeting>.<window>.<sig>`: shown on the projector, rotates every `rotationSeconds`; signed with the
 *   meeting's own secret, so a code cannot be made without the database and a screenshot dies with its window;
 * - member code `M1.<member>.<expires>.<sig>`: a member's personal code for a door volunteer to scan; signed with a key
 *   derived from DATA_KEY, valid for minutes;
 * - staff token `S1.<random>`: a volunteer's credential for one meeting; only its SHA-256 is stored.
 * Parsing is strict (exact lengths and alphabets), so anything else is "forged" before any lookup.
 */

const B64 = '[A-Za-z0-9_-]';
const ROOM_RE = new RegExp(`^R1\\.(${B64}{22})\\.([0-9a-z]{1,11})\\.(${B64}{22})$`);
const MEMBER_RE = new RegExp(`^M1\\.(${B64}{22})\\.([0-9a-z]{1,11})\\.(${B64}{22})$`);
const STAFF_RE = new RegExp(`^S1\\.(${B64}{43})$`);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uuidToB64(id: string): string {
  if (!UUID_RE.test(id)) throw new Error('not a uuid');
  return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
}

export function b64ToUuid(text: string): string | null {
  const bytes = Buffer.from(text, 'base64url');
  // base64url decoding is lenient: insist on the canonical form, so one id has exactly one spelling.
  if (bytes.length !== 16 || bytes.toString('base64url') !== text) return null;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sign = (key: Buffer | string, payload: string) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');

function sameSig(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const newMeetingSecret = () => randomBytes(32).toString('base64url');

// ---------- room codes ----------

export type RoomCodeTiming = { rotationSeconds: number; graceSeconds: number };

export const windowOf = (nowMs: number, rotationSeconds: number) => Math.floor(nowMs / 1000 / rotationSeconds);

export function issueRoomCode(meetingId: string, secret: string, window: number): string {
  const payload = `R1.${uuidToB64(meetingId)}.${window.toString(36)}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The meeting a room code names, before its signature is checked (which needs that meeting's secret). */
export function parseRoomCode(
  code: string,
): { meetingId: string; window: number; payload: string; sig: string } | null {
  const m = ROOM_RE.exec(code);
  if (!m) return null;
  const meetingId = b64ToUuid(m[1]!);
  const window = Number.parseInt(m[2]!, 36);
  if (!meetingId || !Number.isSafeInteger(window) || window.toString(36) !== m[2]) return null;
  return { meetingId, window, payload: code.slice(0, code.lastIndexOf('.')), sig: m[3]! };
}

export type RoomVerdict = { ok: true; window: number } | { ok: false; reason: 'forged' | 'expired' };

/**
 * Accepts the current window's code, and the previous window's for `graceSeconds` after it rotated (a member who
 * scanned just before the change). A code from a future window was not issued by us: forged.
 */
export function verifyRoomCode(
  parsed: NonNullable<ReturnType<typeof parseRoomCode>>,
  secret: string,
  timing: RoomCodeTiming,
  nowMs: number,
): RoomVerdict {
  if (!sameSig(sign(secret, parsed.payload), parsed.sig)) return { ok: false, reason: 'forged' };
  const current = windowOf(nowMs, timing.rotationSeconds);
  if (parsed.window > current) return { ok: false, reason: 'forged' };
  if (parsed.window === current) return { ok: true, window: parsed.window };
  const rotatedAtMs = current * timing.rotationSeconds * 1000;
  if (parsed.window === current - 1 && nowMs - rotatedAtMs < timing.graceSeconds * 1000)
    return { ok: true, window: parsed.window };
  return { ok: false, reason: 'expired' };
}

/** When the current window ends: the projector fetches the next code then. */
export function windowEndsAt(nowMs: number, rotationSeconds: number): Date {
  return new Date((windowOf(nowMs, rotationSeconds) + 1) * rotationSeconds * 1000);
}

// ---------- member codes ----------

export const memberCodeKey = (dataKey: Buffer) =>
  createHmac('sha256', dataKey).update('red-engine/member-checkin-code/v1').digest();

export function issueMemberCode(key: Buffer, memberId: string, expiresAtMs: number): string {
  const payload = `M1.${uuidToB64(memberId)}.${Math.floor(expiresAtMs / 1000).toString(36)}`;
  return `${payload}.${sign(key, payload)}`;
}

export type MemberVerdict = { ok: true; memberId: string } | { ok: false; reason: 'forged' | 'expired' };

export function verifyMemberCode(key: Buffer, code: string, nowMs: number): MemberVerdict {
  const m = MEMBER_RE.exec(code);
  if (!m) return { ok: false, reason: 'forged' };
  const memberId = b64ToUuid(m[1]!);
  const expires = Number.parseInt(m[2]!, 36);
  if (!memberId || !Number.isSafeInteger(expires) || expires.toString(36) !== m[2])
    return { ok: false, reason: 'forged' };
  if (!sameSig(sign(key, code.slice(0, code.lastIndexOf('.'))), m[3]!)) return { ok: false, reason: 'forged' };
  if (expires * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, memberId };
}

// ---------- staff tokens ----------

export const newStaffToken = () => `S1.${randomBytes(32).toString('base64url')}`;

/** The stored form of a staff token; null when the text cannot be one. */
export function staffTokenHash(token: string): string | null {
  if (!STAFF_RE.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}
