/** GB 11643 公民身份号码: 6-digit area, 8-digit birth date, 3-digit sequence (odd = male), check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberInfo =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; reason: 'format' | 'checksum' | 'birth_date' };

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Checks format, check character and the embedded birth date (not in the future, not before 1900). */
export function parseIdNumber(raw: string, today = new Date()): IdNumberInfo {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'format' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'checksum' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || birthDate > today.toISOString().slice(0, 10)) {
    return { ok: false, reason: 'birth_date' };
  }
  return { ok: true, normalized: id, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 150624********1234: area code and last four shown, birth date hidden. */
export const maskIdNumber = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
