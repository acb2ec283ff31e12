import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canDoRating,
  clampIndicatorPoints,
  computedIndicatorPoints,
  indicatorMetricRatio,
  indicatorPoints,
  meanReviewPoints,
  nextRatingState,
  type OrgStarRules,
  orgStarsFor,
  RATING_ACTIONS,
  RATING_STATES,
  type RatingAction,
  type RatingIndicatorRule,
  type RatingSchemeDefinition,
  type RatingState,
  ratingFinalizeBlockers,
  ratingMaxScore,
  ratingObjectionDeadline,
  ratingPeriodYears,
  ratingTotalScore,
  starChange,
  starQuotaAllowance,
  starQuotaUsage,
  starQuotaViolations,
  validateRatingScheme,
} from './org-rating-rules.js';

/** 五星创评 as seeded: 7 core indicators of 100 points and 10 bonus points. */
const INDICATORS: RatingIndicatorRule[] = [
  { code: 'leadership', maxPoints: 15, kind: 'core' },
  { code: 'team', maxPoints: 15, kind: 'core' },
  { code: 'venue', maxPoints: 10, kind: 'core' },
  { code: 'systems', maxPoints: 20, kind: 'core' },
  { code: 'support', maxPoints: 10, kind: 'core' },
  { code: 'performance', maxPoints: 15, kind: 'core' },
  { code: 'masses', maxPoints: 15, kind: 'core' },
  { code: 'bonus', maxPoints: 10, kind: 'bonus' },
];
const FIVE_STAR: OrgStarRules = {
  thresholds: [
    { stars: 5, minScore: 90 },
    { stars: 4, minScore: 80 },
    { stars: 3, minScore: 70 },
    { stars: 2, minScore: 60 },
    { stars: 1, minScore: 0 },
  ],
  quotas: [
    { stars: 5, maxPercent: 10 },
    { stars: 4, maxPercent: 40 },
  ],
  requiresInnovationFor5Star: true,
  allowAboveBase: true,
  vetoStars: 1,
};
/** 党支部星级化管理 (district): ★5/★4/★3 only, below ★3 not rated, a veto means not rated. */
const DISTRICT: OrgStarRules = {
  thresholds: [
    { stars: 5, minScore: 95 },
    { stars: 4, minScore: 85 },
    { stars: 3, minScore: 75 },
  ],
  quotas: [
    { stars: 5, maxPercent: 10 },
    { stars: 4, maxPercent: 40 },
    { stars: 3, maxPercent: 30 },
  ],
  requiresInnovationFor5Star: false,
  allowAboveBase: false,
  vetoStars: null,
};

const points = (entries: Record<string, number | null>) => new Map(Object.entries(entries));

describe('indicator points', () => {
  it.each([
    ['manual points within range', 15, { computed: null, adjustment: null, points: 12 }, 12],
    ['manual points above the maximum are cut', 15, { computed: null, adjustment: null, points: 18 }, 15],
    ['negative manual points are 0', 15, { computed: null, adjustment: null, points: -3 }, 0],
    ['nothing entered', 15, { computed: null, adjustment: null, points: null }, null],
    ['computed points', 20, { computed: 17.5, adjustment: null, points: null }, 17.5],
    ['computed plus an adjustment', 20, { computed: 17.5, adjustment: 1.5, points: null }, 19],
    ['computed minus an adjustment', 20, { computed: 17.5, adjustment: -4, points: null }, 13.5],
    ['an adjustment cannot pass the maximum', 20, { computed: 17.5, adjustment: 9, points: null }, 20],
    ['an adjustment cannot go below 0', 20, { computed: 2, adjustment: -9, points: null }, 0],
    ['computed wins over entered points', 20, { computed: 10, adjustment: 0, points: 3 }, 10],
    ['one decimal', 15, { computed: null, adjustment: null, points: 12.345 }, 12.3],
  ] as const)('%s', (_label, max, entry, expected) => {
    expect(indicatorPoints(max, entry)).toBe(expected);
  });

  it.each([
    [Number.NaN, 10, 0],
    [Number.POSITIVE_INFINITY, 10, 0],
    [5, 0, 0],
    [5, -1, 0],
    [7.25, 10, 7.3],
  ])('clampIndicatorPoints(%s, %s) = %s', (p, max, expected) => {
    expect(clampIndicatorPoints(p, max)).toBe(expected);
  });
});

describe('total score', () => {
  it('adds core and bonus points; 五星创评 reaches 110', () => {
    const all = points(Object.fromEntries(INDICATORS.map((i) => [i.code, i.maxPoints])));
    expect(ratingTotalScore(INDICATORS, all, FIVE_STAR)).toEqual({ core: 100, bonus: 10, total: 110, max: 110 });
  });

  it('stops at the base when the scheme does not allow bonus beyond it', () => {
    const all = points(Object.fromEntries(INDICATORS.map((i) => [i.code, i.maxPoints])));
    expect(ratingTotalScore(INDICATORS, all, DISTRICT)).toEqual({ core: 100, bonus: 10, total: 100, max: 100 });
    const some = points({ leadership: 10, systems: 15, bonus: 6 });
    expect(ratingTotalScore(INDICATORS, some, DISTRICT).total).toBe(31);
  });

  it('counts missing indicators as 0 and cuts each indicator at its maximum', () => {
    expect(ratingTotalScore(INDICATORS, points({ leadership: 99, team: null }), FIVE_STAR)).toMatchObject({
      core: 15,
      total: 15,
    });
  });

  it('knows the maximum of each kind of scheme', () => {
    expect(ratingMaxScore(INDICATORS, FIVE_STAR)).toBe(110);
    expect(ratingMaxScore(INDICATORS, DISTRICT)).toBe(100);
  });
});

describe('stars', () => {
  const none = { hasInnovation: false, vetoed: false };
  const innovative = { hasInnovation: true, vetoed: false };
  it.each([
    ['95 with an innovation project', 95, FIVE_STAR, innovative, 5, []],
    ['95 without one falls to ★4', 95, FIVE_STAR, none, 4, ['innovation_required']],
    ['exactly 90 with one', 90, FIVE_STAR, innovative, 5, []],
    ['89.9', 89.9, FIVE_STAR, innovative, 4, []],
    ['80', 80, FIVE_STAR, none, 4, []],
    ['79.9', 79.9, FIVE_STAR, none, 3, []],
    ['60', 60, FIVE_STAR, none, 2, []],
    ['59.9 is ★1 (<60)', 59.9, FIVE_STAR, none, 1, []],
    ['0 is ★1', 0, FIVE_STAR, none, 1, []],
    ['a veto caps 五星创评 at ★1', 98, FIVE_STAR, { hasInnovation: true, vetoed: true }, 1, ['veto']],
    ['a veto on a ★1 score changes nothing', 40, FIVE_STAR, { hasInnovation: false, vetoed: true }, 1, []],
    ['district: 95 is ★5 without innovation', 95, DISTRICT, none, 5, []],
    ['district: below ★3 is not rated', 74.9, DISTRICT, none, null, ['below_lowest']],
    ['district: a veto means not rated', 99, DISTRICT, { hasInnovation: false, vetoed: true }, null, ['veto']],
  ] as const)('%s', (_label, score, rules, facts, stars, reasons) => {
    expect(orgStarsFor(score, rules, facts)).toEqual({ stars, reasons });
  });

  it('a scheme where ★5 is the only level and innovation is missing rates nothing', () => {
    const only5: OrgStarRules = { ...FIVE_STAR, thresholds: [{ stars: 5, minScore: 90 }] };
    expect(orgStarsFor(99, only5, none)).toEqual({ stars: null, reasons: ['innovation_required'] });
  });
});

describe('quotas', () => {
  it.each([
    [100, 10, 10],
    [101, 10, 10],
    [9, 10, 0],
    [10, 10, 1],
    [20, 40, 8],
    [3, 40, 1],
    [7, 30, 2],
    [0, 50, 0],
    [5, 100, 5],
  ])('%s organizations at %s%% → %s', (total, pct, allowed) => {
    expect(starQuotaAllowance(total, pct)).toBe(allowed);
  });

  it('names the quota that would be broken', () => {
    const finals = new Map([
      [5, 2],
      [4, 7],
    ]);
    expect(starQuotaViolations(FIVE_STAR.quotas, 20, finals, [5])).toEqual([
      { stars: 5, maxPercent: 10, total: 20, allowed: 2, wouldBe: 3 },
    ]);
    expect(starQuotaViolations(FIVE_STAR.quotas, 20, finals, [4])).toEqual([]);
    expect(starQuotaViolations(FIVE_STAR.quotas, 20, finals, [4, 4])).toEqual([
      { stars: 4, maxPercent: 40, total: 20, allowed: 8, wouldBe: 9 },
    ]);
    // Levels without a quota and not-rated results are never limited.
    expect(starQuotaViolations(FIVE_STAR.quotas, 20, finals, [3, 3, 3, 2, 1, null])).toEqual([]);
  });

  it('shows usage from the most stars down', () => {
    expect(starQuotaUsage(FIVE_STAR.quotas, 30, new Map([[4, 5]]))).toEqual([
      { stars: 5, maxPercent: 10, allowed: 3, used: 0 },
      { stars: 4, maxPercent: 40, allowed: 12, used: 5 },
    ]);
  });
});

describe('up- and down-grades', () => {
  it.each([
    [null, 3, 'new'],
    [{ stars: 3 }, 4, 'up'],
    [{ stars: 4 }, 3, 'down'],
    [{ stars: 4 }, 4, 'same'],
    [{ stars: null }, 3, 'up'],
    [{ stars: 3 }, null, 'down'],
    [{ stars: null }, null, 'same'],
  ] as const)('%j → %s is %s', (prev, cur, change) => {
    expect(starChange(prev, cur)).toBe(change);
  });
});

describe('computed indicators', () => {
  it.each([
    [0.5, { zeroAt: 0, fullAt: 1 }, 0.5],
    [1.2, { zeroAt: 0, fullAt: 1 }, 1],
    [-1, { zeroAt: 0, fullAt: 1 }, 0],
    [0.775, { zeroAt: 0.6, fullAt: 0.95 }, 0.5],
    [75, { zeroAt: 60, fullAt: 90 }, 0.5],
    [90, { zeroAt: 90, fullAt: 90 }, 1],
    [89, { zeroAt: 90, fullAt: 90 }, 0],
    [Number.NaN, { zeroAt: 0, fullAt: 1 }, 0],
  ])('indicatorMetricRatio(%s, %j) = %s', (value, map, ratio) => {
    expect(indicatorMetricRatio(value, map)).toBeCloseTo(ratio, 10);
  });

  it('turns a metric into points of the indicator', () => {
    expect(computedIndicatorPoints(20, 0.875, { zeroAt: 0, fullAt: 1 })).toBe(17.5);
    expect(computedIndicatorPoints(15, 0.9, { zeroAt: 0.6, fullAt: 0.95 })).toBe(12.9);
  });

  it('averages reviewers to one decimal', () => {
    expect(meanReviewPoints([])).toBeNull();
    expect(meanReviewPoints([12, 13, 13])).toBe(12.7);
  });

  it('covers one or two years', () => {
    expect(ratingPeriodYears('annual', 2026)).toEqual([2026]);
    expect(ratingPeriodYears('biennial', 2026)).toEqual([2025, 2026]);
  });
});

describe('workflow', () => {
  const table: [RatingState, RatingAction, RatingState | null][] = [
    ['self_assessment', 'edit_self', 'self_assessment'],
    ['self_assessment', 'submit', 'under_review'],
    ['self_assessment', 'publish', null],
    ['self_assessment', 'finalize', null],
    ['under_review', 'review', 'under_review'],
    ['under_review', 'return', 'self_assessment'],
    ['under_review', 'publish', 'published'],
    ['under_review', 'edit_self', null],
    ['under_review', 'finalize', null],
    ['published', 'object', 'published'],
    ['published', 'answer', 'published'],
    ['published', 'reopen', 'under_review'],
    ['published', 'finalize', 'final'],
    ['published', 'review', null],
    ['final', 'adjust', 'final'],
    ['final', 'object', null],
    ['final', 'reopen', null],
    ['final', 'submit', null],
  ];
  it.each(table)('%s --%s--> %s', (state, action, to) => {
    expect(nextRatingState(state, action)).toBe(to);
  });

  it('never leaves final except by a dynamic adjustment, which stays final', () => {
    for (const action of RATING_ACTIONS) {
      const to = nextRatingState('final', action);
      expect(to === null || to === 'final').toBe(true);
    }
    expect(canDoRating('final', 'adjust')).toBe(true);
  });

  it('counts the publication days from the day of publication (Asia/Shanghai)', () => {
    // 2026-11-24 14:00 in Shanghai, 5 days: objections until 2026-11-28 inclusive.
    expect(ratingObjectionDeadline(new Date('2026-11-24T06:00:00Z'), 5).toISOString()).toBe('2026-11-28T16:00:00.000Z');
    // 23:30 on 11-24 in Shanghai is still the 24th there.
    expect(ratingObjectionDeadline(new Date('2026-11-24T15:30:00Z'), 1).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    // 00:30 on 11-25 in Shanghai is the 25th.
    expect(ratingObjectionDeadline(new Date('2026-11-24T16:30:00Z'), 1).toISOString()).toBe('2026-11-25T16:00:00.000Z');
  });

  it('lists what blocks finalization', () => {
    const deadline = new Date('2026-12-01T00:00:00Z');
    const after = new Date('2026-12-02T00:00:00Z');
    expect(ratingFinalizeBlockers({ state: 'published', deadline, now: after, openObjections: 0 })).toEqual([]);
    expect(ratingFinalizeBlockers({ state: 'published', deadline, now: deadline, openObjections: 0 })).toEqual([]);
    expect(
      ratingFinalizeBlockers({
        state: 'published',
        deadline,
        now: new Date('2026-11-30T00:00:00Z'),
        openObjections: 1,
      }),
    ).toEqual(['window_open', 'open_objections']);
    expect(ratingFinalizeBlockers({ state: 'under_review', deadline: null, now: after, openObjections: 0 })).toEqual([
      'state',
      'window_open',
    ]);
  });
});

describe('scheme validation', () => {
  const base: RatingSchemeDefinition = {
    ...FIVE_STAR,
    indicators: INDICATORS.map((i) => ({ ...i, source: null })),
    vetoRules: [{ code: 'no_activity', source: 'no_activity' }],
    publicationDays: 5,
  };
  it('accepts the seeded 五星创评 scheme', () => {
    expect(validateRatingScheme(base)).toEqual([]);
  });
  it.each([
    [
      'duplicate indicator codes',
      { indicators: [...base.indicators, { code: 'team', maxPoints: 1, kind: 'core' as const }] },
      'indicators.8.code',
    ],
    ['no core indicator', { indicators: [{ code: 'b', maxPoints: 10, kind: 'bonus' as const }] }, 'indicators'],
    [
      'an unknown source',
      { indicators: [{ code: 'a', maxPoints: 10, kind: 'core' as const, source: 'horoscope' }] },
      'indicators.0.source',
    ],
    ['an unknown veto source', { vetoRules: [{ code: 'x', source: 'rumour' }] }, 'vetoRules.0.source'],
    ['stars out of range', { thresholds: [{ stars: 6, minScore: 99 }] }, 'thresholds.0.stars'],
    [
      'the same level twice',
      {
        thresholds: [
          { stars: 4, minScore: 80 },
          { stars: 4, minScore: 70 },
        ],
      },
      'thresholds.1.stars',
    ],
    [
      'more stars for a lower score',
      {
        thresholds: [
          { stars: 5, minScore: 80 },
          { stars: 4, minScore: 90 },
        ],
      },
      'thresholds',
    ],
    ['a threshold above the maximum', { thresholds: [{ stars: 5, minScore: 111 }] }, 'thresholds.0.minScore'],
    ['no thresholds', { thresholds: [] }, 'thresholds'],
    ['a quota over 100%', { quotas: [{ stars: 5, maxPercent: 120 }] }, 'quotas.0.maxPercent'],
    ['a veto result out of range', { vetoStars: 0 }, 'vetoStars'],
  ])('refuses %s', (_label, change, path) => {
    const issues = validateRatingScheme({ ...base, ...change } as RatingSchemeDefinition);
    expect(issues.map((i) => i.path)).toContain(path);
  });
});

// --- properties ----------------------------------------------------------------------------------------------

const starLevel = fc.integer({ min: 1, max: 5 });
const quotasArb = fc
  .uniqueArray(fc.record({ stars: starLevel, maxPercent: fc.integer({ min: 0, max: 100 }) }), {
    selector: (q) => q.stars,
    maxLength: 5,
  })
  .map((qs) => qs as { stars: number; maxPercent: number }[]);

describe('properties', () => {
  it('finalizing one by one or in batches never exceeds a quota', () => {
    fc.assert(
      fc.property(
        quotasArb,
        fc.integer({ min: 1, max: 150 }),
        fc.array(fc.array(fc.option(starLevel, { nil: null }), { minLength: 1, maxLength: 6 }), { maxLength: 80 }),
        (quotas, total, batches) => {
          const finals = new Map<number, number>();
          let finalized = 0;
          for (const batch of batches) {
            // A campaign has `total` ratings: nothing beyond them can become final.
            if (finalized + batch.length > total) break;
            if (starQuotaViolations(quotas, total, finals, batch).length > 0) continue;
            for (const s of batch) if (s !== null) finals.set(s, (finals.get(s) ?? 0) + 1);
            finalized += batch.length;
          }
          for (const q of quotas)
            expect(finals.get(q.stars) ?? 0).toBeLessThanOrEqual(starQuotaAllowance(total, q.maxPercent));
        },
      ),
    );
  });

  it('a refused batch names a quota it would really break', () => {
    fc.assert(
      fc.property(
        quotasArb,
        fc.integer({ min: 1, max: 150 }),
        fc.array(fc.tuple(starLevel, fc.nat(40))),
        fc.array(fc.option(starLevel, { nil: null }), { maxLength: 10 }),
        (quotas, total, counts, batch) => {
          const finals = new Map(counts);
          for (const v of starQuotaViolations(quotas, total, finals, batch)) {
            const q = quotas.find((x) => x.stars === v.stars)!;
            expect(v.allowed).toBe(starQuotaAllowance(total, q.maxPercent));
            expect(v.wouldBe).toBeGreaterThan(v.allowed);
            expect(v.wouldBe).toBe((finals.get(v.stars) ?? 0) + batch.filter((s) => s === v.stars).length);
          }
        },
      ),
    );
  });

  const indicatorsArb = fc
    .uniqueArray(
      fc.record({
        code: fc.string({ minLength: 1, maxLength: 4 }),
        maxPoints: fc.integer({ min: 1, max: 400 }).map((n) => n / 10),
        kind: fc.constantFrom<'core' | 'bonus'>('core', 'bonus'),
      }),
      { selector: (i) => i.code, minLength: 1, maxLength: 10 },
    )
    .map((xs) => xs as RatingIndicatorRule[]);
  const hostile = fc.oneof(
    fc.double({ noNaN: false }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constant(null),
    fc.constant(Number.POSITIVE_INFINITY),
  );

  it('a score never exceeds the maximum, and stays within the base unless bonus beyond it is allowed', () => {
    fc.assert(
      fc.property(indicatorsArb, fc.boolean(), fc.array(hostile, { maxLength: 10 }), (indicators, above, values) => {
        const map = new Map(indicators.map((ind, i) => [ind.code, values[i] ?? null]));
        const s = ratingTotalScore(indicators, map, { allowAboveBase: above });
        const base = indicators.filter((i) => i.kind === 'core').reduce((a, i) => a + i.maxPoints, 0);
        const bonus = indicators.filter((i) => i.kind === 'bonus').reduce((a, i) => a + i.maxPoints, 0);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(s.max + 1e-9);
        expect(s.total).toBeLessThanOrEqual((above ? base + bonus : base) + 1e-9);
      }),
    );
  });

  it('each indicator entry lands within [0, max] whatever the adjustment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }).map((n) => n / 10),
        fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: null }),
        fc.option(fc.double({ noNaN: false }), { nil: null }),
        fc.option(fc.double({ noNaN: false }), { nil: null }),
        (max, computed, adjustment, entered) => {
          const p = indicatorPoints(max, { computed, adjustment, points: entered });
          if (p === null) expect(computed === null && entered === null).toBe(true);
          else {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  const rulesArb = fc
    .record({
      levels: fc.uniqueArray(starLevel, { minLength: 1, maxLength: 5 }),
      mins: fc.uniqueArray(fc.integer({ min: 0, max: 110 }), { minLength: 5, maxLength: 5 }),
      requiresInnovationFor5Star: fc.boolean(),
      vetoStars: fc.option(starLevel, { nil: null }),
    })
    .map(({ levels, mins, requiresInnovationFor5Star, vetoStars }): OrgStarRules => {
      const stars = [...levels].sort((a, b) => b - a);
      const scores = [...mins].sort((a, b) => b - a);
      return {
        thresholds: stars.map((s, i) => ({ stars: s, minScore: scores[i]! })),
        quotas: [],
        requiresInnovationFor5Star,
        allowAboveBase: true,
        vetoStars,
      };
    });

  it('a higher score never gets fewer stars; a veto never gives more than the veto result', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.boolean(),
        (rules, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          for (const hasInnovation of [true, false]) {
            const sLo = orgStarsFor(lo, rules, { hasInnovation, vetoed: false }).stars ?? 0;
            const sHi = orgStarsFor(hi, rules, { hasInnovation, vetoed: false }).stars ?? 0;
            expect(sHi).toBeGreaterThanOrEqual(sLo);
            const vetoed = orgStarsFor(hi, rules, { hasInnovation, vetoed: true }).stars;
            if (rules.vetoStars === null) expect(vetoed).toBeNull();
            else expect(vetoed ?? 0).toBeLessThanOrEqual(Math.min(rules.vetoStars, sHi));
            if (rules.requiresInnovationFor5Star && !hasInnovation) expect(sHi).toBeLessThan(5);
          }
        },
      ),
    );
  });

  it('an up-grade one way is a down-grade the other way', () => {
    fc.assert(
      fc.property(fc.option(starLevel, { nil: null }), fc.option(starLevel, { nil: null }), (a, b) => {
        const there = starChange({ stars: a }, b);
        const back = starChange({ stars: b }, a);
        expect(back).toBe(there === 'up' ? 'down' : there === 'down' ? 'up' : 'same');
      }),
    );
  });

  it('every state can be reached and only final is an end', () => {
    const reached = new Set<RatingState>(['self_assessment']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reached])
        for (const a of RATING_ACTIONS) {
          const to = nextRatingState(s, a);
          if (to && !reached.has(to)) {
            reached.add(to);
            grew = true;
          }
        }
    }
    expect([...reached].sort()).toEqual([...RATING_STATES].sort());
  });
});
