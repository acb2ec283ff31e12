import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CampaignStatus,
  canTransition,
  checkExcellentQuota,
  DEFAULT_SATISFACTION_THRESHOLDS,
  daysOverdue,
  type EvaluationKind,
  excellentQuota,
  MEMBER_GRADES,
  type MemberGrade,
  type MemberTally,
  medianGrade,
  type RectificationStatus,
  rectificationCanMove,
  rectificationState,
  resultsVisible,
  type SecretaryTally,
  secretaryResult,
  suggestGrades,
  thresholdsValid,
  turnoutPercent,
} from './evaluation-rules.js';

const st = (good: number, fairly_good: number, average: number, poor: number): SecretaryTally => ({
  good,
  fairly_good,
  average,
  poor,
});
const mt = (excellent: number, qualified: number, basically_qualified: number, unqualified: number): MemberTally => ({
  excellent,
  qualified,
  basically_qualified,
  unqualified,
});

describe('secretaryResult (好+较好 share against 90/70/50)', () => {
  it.each<[string, SecretaryTally, number, number | null, string | null]>([
    ['no ballots', st(0, 0, 0, 0), 0, null, null],
    ['all 好', st(10, 0, 0, 0), 10, 100, 'good'],
    ['exactly 90 %', st(5, 4, 1, 0), 10, 90, 'good'],
    ['just under 90 %', st(50, 39, 11, 0), 100, 89, 'fairly_good'],
    ['exactly 70 %', st(0, 7, 3, 0), 10, 70, 'fairly_good'],
    ['69 of 100', st(30, 39, 30, 1), 100, 69, 'average'],
    ['exactly 50 %', st(1, 0, 0, 1), 2, 50, 'average'],
    ['under 50 %', st(1, 0, 1, 1), 3, 33.3, 'poor'],
    ['all 差', st(0, 0, 0, 4), 4, 0, 'poor'],
    ['a third rounds to 0.1 %', st(1, 0, 2, 0), 3, 33.3, 'poor'],
    ['two thirds', st(1, 1, 1, 0), 3, 66.7, 'average'],
  ])('%s', (_label, tally, total, percent, grade) => {
    expect(secretaryResult(tally, DEFAULT_SATISFACTION_THRESHOLDS)).toEqual({
      total,
      satisfactionPercent: percent,
      grade,
    });
  });

  it('follows configured thresholds', () => {
    expect(secretaryResult(st(8, 0, 2, 0), { good: 80, fairlyGood: 60, average: 40 }).grade).toBe('good');
    expect(secretaryResult(st(8, 0, 2, 0), { good: 81, fairlyGood: 60, average: 40 }).grade).toBe('fairly_good');
    expect(secretaryResult(st(0, 0, 0, 1), { good: 0, fairlyGood: 0, average: 0 }).grade).toBe('good');
  });

  it.each<[string, { good: number; fairlyGood: number; average: number }, boolean]>([
    ['defaults', DEFAULT_SATISFACTION_THRESHOLDS, true],
    ['equal', { good: 60, fairlyGood: 60, average: 60 }, true],
    ['unordered', { good: 70, fairlyGood: 90, average: 50 }, false],
    ['over 100', { good: 101, fairlyGood: 70, average: 50 }, false],
    ['negative', { good: 90, fairlyGood: 70, average: -1 }, false],
    ['fraction', { good: 90.5, fairlyGood: 70, average: 50 }, false],
  ])('thresholds %s valid: %s', (_l, t, ok) => expect(thresholdsValid(t)).toBe(ok));

  it('never grades better when a ballot moves to a worse choice (property)', () => {
    const n = fc.nat({ max: 40 });
    fc.assert(
      fc.property(n, n, n, n, fc.constantFrom(0, 1, 2), (a, b, c, d, from) => {
        const before = st(a, b, c, d);
        const keys = ['good', 'fairly_good', 'average', 'poor'] as const;
        if (before[keys[from]] === 0) return;
        const after = {
          ...before,
          [keys[from]]: before[keys[from]] - 1,
          [keys[from + 1]!]: before[keys[from + 1]!] + 1,
        };
        const rank = (g: string | null) => (g === null ? 9 : keys.indexOf(g as (typeof keys)[number]));
        expect(rank(secretaryResult(after, DEFAULT_SATISFACTION_THRESHOLDS).grade)).toBeGreaterThanOrEqual(
          rank(secretaryResult(before, DEFAULT_SATISFACTION_THRESHOLDS).grade),
        );
      }),
    );
  });
});

describe('1/3 rule for 优秀', () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [10, 3],
    [15, 5],
    [16, 5],
    [50, 16],
  ])('%i graded → at most %i 优秀', (graded, max) => expect(excellentQuota(graded)).toBe(max));

  const E: MemberGrade = 'excellent';
  const Q: MemberGrade = 'qualified';
  it.each<[string, (MemberGrade | null)[], ReturnType<typeof checkExcellentQuota>]>([
    ['nobody graded', [], { ok: true, graded: 0, excellent: 0, max: 0 }],
    ['one of three', [E, Q, Q], { ok: true, graded: 3, excellent: 1, max: 1 }],
    ['two of three', [E, E, Q], { ok: false, reason: 'over', excellent: 2, graded: 3, max: 1 }],
    ['one of two', [E, Q], { ok: false, reason: 'over', excellent: 1, graded: 2, max: 0 }],
    ['missing grades first', [E, E, null], { ok: false, reason: 'missing', missing: 1, graded: 3 }],
    ['5 of 15', [...Array(5).fill(E), ...Array(10).fill(Q)], { ok: true, graded: 15, excellent: 5, max: 5 }],
    [
      '6 of 15',
      [...Array(6).fill(E), ...Array(9).fill(Q)],
      { ok: false, reason: 'over', excellent: 6, graded: 15, max: 5 },
    ],
  ])('%s', (_l, grades, expected) => expect(checkExcellentQuota(grades)).toEqual(expected));

  it('uses the configured denominator', () => {
    expect(checkExcellentQuota([E, Q, Q, Q], 4)).toEqual({ ok: true, graded: 4, excellent: 1, max: 1 });
    expect(checkExcellentQuota([E, E, Q, Q], 4).ok).toBe(false);
  });
});

describe('medianGrade and suggestions', () => {
  it.each<[string, MemberTally, MemberGrade | null]>([
    ['no ballots', mt(0, 0, 0, 0), null],
    ['all 优秀', mt(5, 0, 0, 0), 'excellent'],
    ['majority 优秀', mt(3, 2, 0, 0), 'excellent'],
    ['even split takes the lower median', mt(2, 2, 0, 0), 'qualified'],
    ['one extreme ballot does not move', mt(0, 4, 0, 1), 'qualified'],
    ['majority 不合格', mt(0, 1, 0, 2), 'unqualified'],
    ['spread', mt(1, 1, 1, 1), 'basically_qualified'],
  ])('%s', (_l, tally, grade) => expect(medianGrade(tally)).toBe(grade));

  it('caps 优秀 at the quota, keeping the strongest shares', () => {
    const s = suggestGrades([
      { id: 'a', tally: mt(9, 1, 0, 0) },
      { id: 'b', tally: mt(6, 4, 0, 0) },
      { id: 'c', tally: mt(7, 3, 0, 0) },
      { id: 'd', tally: mt(0, 10, 0, 0) },
      { id: 'e', tally: mt(0, 10, 0, 0) },
      { id: 'f', tally: mt(0, 0, 0, 0) },
    ]);
    expect(Object.fromEntries(s)).toEqual({
      a: 'excellent',
      c: 'excellent',
      b: 'qualified',
      d: 'qualified',
      e: 'qualified',
      f: null,
    });
  });

  it('suggestions always satisfy the quota (property)', () => {
    const tally = fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.nat({ max: 5 }), fc.nat({ max: 5 }))
      .map(([a, b, c, d]) => mt(a, b, c, d));
    fc.assert(
      fc.property(fc.array(tally, { maxLength: 40 }), fc.integer({ min: 2, max: 5 }), (tallies, den) => {
        const entries = tallies.map((t, i) => ({ id: `m${i}`, tally: t }));
        const s = suggestGrades(entries, den);
        const excellent = [...s.values()].filter((g) => g === 'excellent').length;
        expect(excellent).toBeLessThanOrEqual(excellentQuota(entries.length, den));
        for (const e of entries) {
          const g = s.get(e.id);
          // A suggestion is the median, or 合格 where the quota took 优秀 away.
          expect(g === medianGrade(e.tally) || (g === 'qualified' && medianGrade(e.tally) === 'excellent')).toBe(true);
          expect(g === null || MEMBER_GRADES.includes(g!)).toBe(true);
        }
      }),
    );
  });
});

describe('campaign states', () => {
  it.each<[EvaluationKind, CampaignStatus, CampaignStatus, boolean]>([
    ['secretary_review', 'preparing', 'voting', true],
    ['secretary_review', 'voting', 'closed', true],
    ['secretary_review', 'preparing', 'closed', false],
    ['secretary_review', 'closed', 'submitted', false],
    ['secretary_review', 'closed', 'voting', false],
    ['member_evaluation', 'preparing', 'voting', true],
    ['member_evaluation', 'voting', 'closed', true],
    ['member_evaluation', 'closed', 'submitted', true],
    ['member_evaluation', 'submitted', 'confirmed', true],
    ['member_evaluation', 'submitted', 'closed', true],
    ['member_evaluation', 'closed', 'confirmed', false],
    ['member_evaluation', 'confirmed', 'closed', false],
    ['member_evaluation', 'voting', 'preparing', false],
  ])('%s: %s → %s is %s', (kind, from, to, ok) => expect(canTransition(kind, from, to)).toBe(ok));

  it.each<[CampaignStatus, boolean]>([
    ['preparing', false],
    ['voting', false],
    ['closed', true],
    ['submitted', true],
    ['confirmed', true],
  ])('results visible while %s: %s', (s, v) => expect(resultsVisible(s)).toBe(v));
});

describe('turnout and rectification', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 10, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [10, 10, 100],
  ])('%i of %i → %s %', (cast, eligible, p) => expect(turnoutPercent(cast, eligible)).toBe(p));

  it.each<[RectificationStatus, string, string, number, string]>([
    ['closed', '2020-01-01', '2026-01-01', 7, 'closed'],
    ['open', '2026-01-10', '2026-01-11', 7, 'overdue'],
    ['in_progress', '2026-01-10', '2026-01-10', 7, 'due_soon'],
    ['open', '2026-01-17', '2026-01-10', 7, 'due_soon'],
    ['open', '2026-01-18', '2026-01-10', 7, 'on_track'],
    ['open', '2026-03-01', '2026-02-28', 0, 'on_track'],
    ['open', '2026-03-01', '2026-03-01', 0, 'due_soon'],
  ])('%s due %s on %s (warn %i days) → %s', (status, dueOn, today, warn, state) =>
    expect(rectificationState({ status, dueOn }, today, warn)).toBe(state),
  );

  it.each<[string, string, number]>([
    ['2026-01-10', '2026-01-09', 0],
    ['2026-01-10', '2026-01-10', 0],
    ['2026-01-10', '2026-02-10', 31],
    ['2024-02-28', '2024-03-01', 2],
  ])('due %s, today %s → %i days overdue', (due, today, n) => expect(daysOverdue(due, today)).toBe(n));

  it.each<[RectificationStatus, RectificationStatus, boolean]>([
    ['open', 'in_progress', true],
    ['in_progress', 'open', true],
    ['open', 'closed', true],
    ['in_progress', 'closed', true],
    ['closed', 'in_progress', true],
    ['closed', 'open', false],
    ['open', 'open', false],
  ])('%s → %s: %s', (from, to, ok) => expect(rectificationCanMove(from, to)).toBe(ok));
});
