import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Red Engine';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/** Returns the time step of a valid code (±1 step of drift), or null. */
export function checkTotp(secretBase32: string, code: string, now = Date.now()): number | null {
  const totp = totpFor(secretBase32, '');
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / 30) + delta;
}

export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totpFor(secretBase32, '').generate({ timestamp });
}
