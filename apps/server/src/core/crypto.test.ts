import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptText, encryptText, hashPassword, randomToken, safeEqual, sha256Hex, verifyPassword } from './crypto.js';

const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
/** Text that UTF-8 can carry: lone surrogates cannot round-trip and the API refuses them before they get here. */
const text = fc.string({ unit: 'binary', maxLength: 300 }).filter((s) => Buffer.from(s, 'utf8').toString('utf8') === s);

/** Flips one bit of one byte in one of the three parts of a sealed value. */
function tamper(sealed: string, part: 1 | 2 | 3, index: number, bit: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  if (bytes.length === 0) {
    // Empty plain text: the change is an added byte.
    parts[part] = Buffer.from([1 << bit]).toString('base64url');
    return parts.join('.');
  }
  const i = index % bytes.length;
  bytes[i] = bytes[i]! ^ (1 << bit);
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptText / decryptText (AES-256-GCM)', () => {
  it('round-trips any text', () => {
    fc.assert(
      fc.property(text, (plain) => {
        expect(decryptText(KEY, encryptText(KEY, plain))).toBe(plain);
      }),
    );
  });

  it('uses a fresh IV each time and shows nothing of the plain text', () => {
    const a = encryptText(KEY, '13800138000');
    const b = encryptText(KEY, '13800138000');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(a).not.toContain('13800138000');
  });

  it('detects any change to the IV, the tag or the ciphertext', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (plain, part, index, bit) => {
          const sealed = encryptText(KEY, plain);
          expect(() => decryptText(KEY, tamper(sealed, part, index, bit))).toThrow();
        },
      ),
    );
  });

  it('refuses the wrong key and malformed input', () => {
    const sealed = encryptText(KEY, '身份证号 150621199001011234');
    expect(() => decryptText(OTHER_KEY, sealed)).toThrow();
    for (const bad of ['', 'v1', 'v2.a.b.c', 'v1.a.b', 'plain text', sealed.replace(/^v1/, 'v0')]) {
      expect(() => decryptText(KEY, bad), bad).toThrow();
    }
    // Cutting the ciphertext short is caught by the tag.
    const [v, iv, tag, body] = sealed.split('.');
    expect(() => decryptText(KEY, [v, iv, tag, body!.slice(0, -4)].join('.'))).toThrow();
  });
});

describe('hashPassword / verifyPassword (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('RedEngine@2026');
    const b = await hashPassword('RedEngine@2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('RedEngine@2026', a)).toBe(true);
    expect(await verifyPassword('RedEngine@2026', b)).toBe(true);
    for (const wrong of ['redengine@2026', 'RedEngine@2026 ', 'RedEngine@202', '']) {
      expect(await verifyPassword(wrong, a)).toBe(false);
    }
  });

  it('treats compatibility forms of a character as the same (NFKC)', async () => {
    const stored = await hashPassword('Password123!');
    expect(await verifyPassword('Ｐａｓｓｗｏｒｄ１２３！', stored)).toBe(true);
  });

  it('round-trips random passwords', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 64 }), async (pw) => {
        const stored = await hashPassword(pw);
        expect(await verifyPassword(pw, stored)).toBe(true);
        expect(await verifyPassword(`${pw}x`, stored)).toBe(false);
      }),
      { numRuns: 3 },
    );
  });

  it('answers false, never throws, for malformed or tampered hashes', async () => {
    const stored = await hashPassword('Password123!');
    const parts = stored.split('$');
    const key = Buffer.from(parts[5]!, 'base64');
    key[0] = key[0]! ^ 1;
    const tampered = [...parts.slice(0, 5), key.toString('base64')].join('$');
    for (const bad of ['', 'plain', 'bcrypt$x', 'scrypt$32768$8$1$$', stored.replace('scrypt', 'argon2'), tampered]) {
      expect(await verifyPassword('Password123!', bad), bad).toBe(false);
    }
  });
});

describe('helpers', () => {
  it('hashes SHA-256 as hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(sha256Hex(Buffer.from(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('compares strings like === does', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
        expect(safeEqual(a, a)).toBe(true);
      }),
    );
  });

  it('makes url-safe random tokens of the asked size', () => {
    expect(randomToken()).toMatch(/^[\w-]{43}$/);
    expect(randomToken(24)).toMatch(/^[\w-]{32}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
