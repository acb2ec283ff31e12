import { describe, expect, it } from 'vitest';
import { approvalChain, formatLetterNo, isOverdue, letterSerial, lowestCommonAncestor } from './transfer.policy.js';

// R: 党工委 (root) · X, Y: 党委 · G: 党总支 under X · a, b: branches under X · c: branch under Y · g: branch under G
// · t: temporary branch right under the root.
const P = {
  a: 'R/X/a/',
  b: 'R/X/b/',
  c: 'R/Y/c/',
  g: 'R/X/G/g/',
  t: 'R/t/',
  other: 'Q/Z/z/',
};

describe('approvalChain', () => {
  it.each([
    ['siblings under one 党委: the parent once', P.a, P.b, ['X']],
    ['across two 党委: up to the root, down to the receiving parent', P.a, P.c, ['X', 'R', 'Y']],
    ['into a 党总支 branch under the same 党委', P.a, P.g, ['X', 'G']],
    ['out of a 党总支 branch to a sibling of its 党总支', P.g, P.b, ['G', 'X']],
    ['from a 党总支 branch to another 党委', P.g, P.c, ['G', 'X', 'R', 'Y']],
    ['from a temporary branch under the root', P.t, P.a, ['R', 'X']],
    ['into a temporary branch under the root', P.c, P.t, ['Y', 'R']],
    ['between two branches under the root', P.t, 'R/u/', ['R']],
  ])('within the zone: %s', (_label, from, to, expected) => {
    expect(approvalChain('within_zone', from, to)).toEqual(expected);
  });

  it.each([
    ['same branch', P.a, P.a],
    ['two zones', P.a, P.other],
    ['no receiving branch', P.a, null],
  ])('within the zone: no chain for %s', (_label, from, to) => {
    expect(approvalChain('within_zone', from, to)).toBeNull();
  });

  it.each([
    ['branch under a 党委', P.a, ['X', 'R']],
    ['branch under a 党总支', P.g, ['G', 'X', 'R']],
    ['branch under the root', P.t, ['R']],
  ])('out of the zone: %s', (_label, from, expected) => {
    expect(approvalChain('out_of_zone', from, null)).toEqual(expected);
  });

  it.each([
    ['branch under a 党委', P.a, ['X']],
    ['branch under a 党总支', P.g, ['G', 'X']],
    ['branch under the root', P.t, ['R']],
  ])('into the zone: %s', (_label, to, expected) => {
    expect(approvalChain('into_zone', null, to)).toEqual(expected);
  });

  it('needs the paths it uses', () => {
    expect(approvalChain('out_of_zone', null, P.a)).toBeNull();
    expect(approvalChain('into_zone', P.a, null)).toBeNull();
  });
});

describe('letters and deadlines', () => {
  it('numbers letters per year', () => {
    expect(formatLetterNo(2026, 1)).toBe('鄂开党转〔2026〕0001号');
    expect(letterSerial('鄂开党转〔2026〕0042号', 2026)).toBe(42);
    expect(letterSerial('鄂开党转〔2025〕0042号', 2026)).toBe(0);
    expect(letterSerial(null, 2026)).toBe(0);
  });

  it('finds the lowest common ancestor', () => {
    expect(lowestCommonAncestor(P.a, P.c)).toBe('R');
    expect(lowestCommonAncestor(P.a, P.g)).toBe('X');
    expect(lowestCommonAncestor(P.a, P.other)).toBeNull();
  });

  it.each([
    ['pending within the limit', { status: 'pending', requestedOn: '2026-01-01' }, '2026-01-31', false],
    ['pending past the limit', { status: 'pending', requestedOn: '2026-01-01' }, '2026-02-01', true],
    ['letter valid', { status: 'completed', letterValidUntil: '2026-03-01' }, '2026-03-01', false],
    ['letter expired, no receipt', { status: 'completed', letterValidUntil: '2026-03-01' }, '2026-03-02', true],
    [
      'letter expired, receipt back',
      { status: 'completed', letterValidUntil: '2026-03-01', receiptOn: '2026-02-10' },
      '2026-04-01',
      false,
    ],
    ['within-zone completed (no letter)', { status: 'completed' }, '2030-01-01', false],
    ['rejected', { status: 'rejected', requestedOn: '2020-01-01' }, '2030-01-01', false],
  ])('overdue: %s', (_label, t, today, expected) => {
    const row = { requestedOn: '2026-01-01', letterValidUntil: null, receiptOn: null, ...t };
    expect(isOverdue(row, today, 30)).toBe(expected);
  });
});
