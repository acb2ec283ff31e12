import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpCodeAt, totpUri } from './totp.js';

// RFC 6238 appendix B, SHA-1: the secret is the ASCII string "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238, SHA-1, 30 s, 6 digits)', () => {
  it('encodes the RFC secret as the expected base32', () => {
    expect(Secret.fromLatin1('12345678901234567890').base32).toBe(RFC_SECRET);
  });

  it.each([
    // unix seconds, RFC 8-digit value, our 6 digits (its last six)
    [59, '94287082', '287082'],
    [1111111109, '07081804', '081804'],
    [1111111111, '14050471', '050471'],
    [1234567890, '89005924', '005924'],
    [2000000000, '69279037', '279037'],
    [20000000000, '65353130', '353130'],
  ])('at %i s gives %s → %s', (seconds, rfc8, code) => {
    expect(rfc8.slice(-6)).toBe(code);
    expect(totpCodeAt(RFC_SECRET, seconds * 1000)).toBe(code);
    expect(checkTotp(RFC_SECRET, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('accepts one step of clock drift either way and nothing beyond', () => {
    const t = 1234567890_000;
    const step = Math.floor(t / 30_000);
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, t - 30_000), t)).toBe(step - 1);
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, t + 30_000), t)).toBe(step + 1);
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, t - 60_000), t)).toBeNull();
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, t + 60_000), t)).toBeNull();
  });

  it('refuses wrong codes', () => {
    const t = 59_000;
    for (const code of ['287083', '000000', '28708', '2870821', 'abcdef', '']) {
      expect(checkTotp(RFC_SECRET, code, t)).toBeNull();
    }
  });

  it('makes 160-bit secrets and an otpauth URI for authenticator apps', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = totpUri(a, 'secretary');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${a}`);
    expect(uri).toContain('issuer=Red%20Engine');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
    expect(uri).toContain('algorithm=SHA1');
  });
});
