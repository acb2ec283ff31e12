import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, parseIdNumber } from './id-number.js';

const TODAY = new Date('2026-06-30T12:00:00Z');
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

describe('parseIdNumber (GB 11643)', () => {
  it.each([
    ['11010519491231002X', { ok: true, birthDate: '1949-12-31', gender: 'female', normalized: '11010519491231002X' }],
    ['11010519491231002x', { ok: true, birthDate: '1949-12-31', gender: 'female', normalized: '11010519491231002X' }],
    [' 11010519491231002X ', { ok: true, normalized: '11010519491231002X' }],
    ['440524188001010014', { ok: false, reason: 'birth_date' }],
    [withCheck('15062419850312001'), { ok: true, birthDate: '1985-03-12', gender: 'male' }],
    [withCheck('15062419850312002'), { ok: true, birthDate: '1985-03-12', gender: 'female' }],
    [withCheck('15062420000229003'), { ok: true, birthDate: '2000-02-29' }],
  ])('accepts %s', (id, expected) => {
    expect(parseIdNumber(id, TODAY)).toMatchObject(expected);
  });

  it.each([
    ['110105194912310021', 'checksum'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100X2', 'format'],
    ['11010519491231002', 'format'],
    ['110105194912310021X', 'format'],
    ['', 'format'],
    [withCheck('15062419850230001'), 'birth_date'],
    [withCheck('15062419851301001'), 'birth_date'],
    [withCheck('15062419990229001'), 'birth_date'],
    [withCheck('15062418991231001'), 'birth_date'],
    [withCheck('15062420260701001'), 'birth_date'],
  ])('rejects %s (%s)', (id, reason) => {
    expect(parseIdNumber(id, TODAY)).toEqual({ ok: false, reason });
  });

  it('masks all but the area code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  const validId = fc
    .record({
      area: fc.integer({ min: 110000, max: 659999 }),
      birth: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2026-06-29T00:00:00Z'),
        noInvalidDate: true,
      }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ area, birth, seq }) =>
      withCheck(`${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`),
    );

  it('parses every generated valid number, with its birth date and gender', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const info = parseIdNumber(id, TODAY);
        expect(info.ok).toBe(true);
        if (info.ok) {
          expect(info.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));
          expect(info.gender).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a valid number with any one digit changed', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const c = id[pos]!;
        if (c === 'X') return;
        const changed = id.slice(0, pos) + String((Number(c) + delta) % 10) + id.slice(pos + 1);
        expect(parseIdNumber(changed, TODAY).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
