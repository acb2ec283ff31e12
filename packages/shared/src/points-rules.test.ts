import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  attendanceOutcome,
  type Booked,
  bandOf,
  cappedPoints,
  DEFAULT_POINT_SCHEME,
  type ExemptionCategory,
  type GrantCandidate,
  grantKey,
  objectionDeadline,
  objectionOpen,
  type PlannedEntry,
  type PointRuleDef,
  parsePeriodKey,
  periodKeyOf,
  planGrants,
  publishablePeriod,
  ruleProblems,
  schemeProblems,
  shanghaiDate,
  shanghaiMidnight,
  standingOf,
  starsOf,
  type VersionedRule,
  versionOn,
  versionState,
} from './points-rules.js';
import { addCalendarDays, plainCalendar } from './recruitment-rules.js';

const rule = (over: Partial<PointRuleDef> = {}): PointRuleDef => ({
  code: 'attend',
  category: 'org_life',
  nameZh: '参加组织生活',
  nameEn: 'Attends',
  points: 1,
  unit: 'occurrence',
  capDay: null,
  capMonth: null,
  capYear: null,
  evidenceRequired: false,
  source: 'attendance',
  approvalRequired: false,
  veto: false,
  exemptCategories: [],
  ...over,
});

const cand = (memberId: string, occurredOn: string, sourceId: string, r: PointRuleDef, versionId = 'v1') => ({
  memberId,
  occurredOn,
  sourceType: r.source,
  sourceId,
  label: sourceId,
  versionId,
  rule: r,
});

describe('period keys in Asia/Shanghai', () => {
  it.each([
    ['day', '2026-11-03', '2026-11-03'],
    ['month', '2026-11-03', '2026-11'],
    ['quarter', '2026-01-31', '2026-Q1'],
    ['quarter', '2026-04-01', '2026-Q2'],
    ['quarter', '2026-09-30', '2026-Q3'],
    ['quarter', '2026-12-31', '2026-Q4'],
    ['year', '2026-12-31', '2026'],
  ] as const)('%s of %s is %s', (kind, date, key) => {
    expect(periodKeyOf(kind, date)).toBe(key);
  });

  it.each([
    ['2026-11-30T15:59:59Z', '2026-11-30'],
    ['2026-11-30T16:00:00Z', '2026-12-01'],
    ['2026-12-31T16:30:00Z', '2027-01-01'],
    ['2026-01-01T00:00:00+08:00', '2026-01-01'],
  ])('the instant %s falls on %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it('midnight in Shanghai is 16:00 UTC the day before', () => {
    expect(shanghaiMidnight('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it.each([
    ['2026', { kind: 'year', start: '2026-01-01', end: '2027-01-01' }],
    ['2026-Q4', { kind: 'quarter', start: '2026-10-01', end: '2027-01-01' }],
    ['2026-Q1', { kind: 'quarter', start: '2026-01-01', end: '2026-04-01' }],
    ['2026-02', { kind: 'month', start: '2026-02-01', end: '2026-03-01' }],
    ['2026-12', { kind: 'month', start: '2026-12-01', end: '2027-01-01' }],
    ['2028-02-29', { kind: 'day', start: '2028-02-29', end: '2028-03-01' }],
  ])('parses %s', (key, expected) => {
    expect(parsePeriodKey(key)).toMatchObject({ key, ...expected });
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2027-02-29', '26-11', '2026-1', 'x', '', '1800', '2026-11-31'])(
    'refuses %s',
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
    },
  );

  it('publishes months and quarters only', () => {
    expect(publishablePeriod('2026-11')?.kind).toBe('month');
    expect(publishablePeriod('2026-Q3')?.kind).toBe('quarter');
    expect(publishablePeriod('2026')).toBeNull();
    expect(publishablePeriod('2026-11-03')).toBeNull();
  });

  it('round-trips every day of a leap year through its keys', () => {
    for (let d = '2028-01-01'; d < '2029-01-01'; d = addCalendarDays(d, 1)) {
      for (const kind of ['day', 'month', 'quarter', 'year'] as const) {
        const p = parsePeriodKey(periodKeyOf(kind, d))!;
        expect(p.kind).toBe(kind);
        expect(d >= p.start && d < p.end, `${d} in ${p.key}`).toBe(true);
      }
    }
  });

  it.each([
    ['1956-11-24', '2026-11-24', 70],
    ['1956-11-25', '2026-11-24', 69],
    ['1956-12-01', '2026-11-24', 69],
    ['1960-02-29', '2026-02-28', 65],
  ])('born %s is %i… on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('cap arithmetic', () => {
  const caps = (capDay: number | null, capMonth: number | null, capYear: number | null) => ({
    capDay,
    capMonth,
    capYear,
  });
  it.each([
    // nominal, caps, used (day, month, year), booked
    [2, caps(null, null, null), [0, 0, 0], 2],
    [2, caps(4, 8, 20), [0, 0, 0], 2],
    [2, caps(4, 8, 20), [3, 3, 3], 1],
    [2, caps(4, 8, 20), [4, 4, 4], 0],
    [2, caps(null, 8, 20), [0, 7, 7], 1],
    [2, caps(null, 8, 20), [0, 2, 19], 1],
    [2, caps(null, null, 12), [0, 0, 13], 0],
    [5, caps(4, null, null), [0, 0, 0], 4],
    // A reversal left the day below zero: room is the cap plus what was taken back, never past the nominal.
    [2, caps(4, null, null), [-2, 0, 0], 2],
    // Deductions are capped by magnitude.
    [-2, caps(null, 6, null), [0, -5, -5], -1],
    [-2, caps(null, 6, null), [0, -6, -6], 0],
    [-3, caps(null, null, null), [0, -100, -100], -3],
    // Additions do not give a deduction room beyond its cap, and the reverse.
    [-2, caps(null, 6, null), [0, 4, 4], -2],
    [0, caps(1, 1, 1), [0, 0, 0], 0],
  ] as const)('%i with caps %o and %o used books %i', (nominal, c, [day, month, year], expected) => {
    expect(cappedPoints(nominal, c, { day, month, year })).toBe(expected);
  });
});

describe('planning grants', () => {
  it('cuts by the day, month and year caps, in the order given, and notes it', () => {
    const r = rule({ points: 2, capDay: 3, capMonth: 5, capYear: 6 });
    const planned = planGrants({
      candidates: [
        cand('m', '2026-01-05', 'a', r),
        cand('m', '2026-01-05', 'b', r),
        cand('m', '2026-01-06', 'c', r),
        cand('m', '2026-01-07', 'd', r),
        cand('m', '2026-02-01', 'e', r),
        cand('m', '2026-03-01', 'f', r),
      ],
      booked: [],
      takenKeys: new Set(),
    });
    expect(planned.map((p) => [p.sourceId, p.points, p.adjustment])).toEqual([
      ['a', 2, null],
      ['b', 1, 'capped'],
      ['c', 2, null],
      ['d', 0, 'capped'],
      ['e', 1, 'capped'],
      ['f', 0, 'capped'],
    ]);
  });

  it('counts what is booked, including reversals, and other members and rules apart', () => {
    const r = rule({ capMonth: 2 });
    const booked: Booked[] = [
      { memberId: 'm', ruleCode: 'attend', occurredOn: '2026-01-02', points: 1 },
      { memberId: 'm', ruleCode: 'attend', occurredOn: '2026-01-03', points: 1 },
      { memberId: 'm', ruleCode: 'attend', occurredOn: '2026-01-03', points: -1 },
      { memberId: 'other', ruleCode: 'attend', occurredOn: '2026-01-03', points: 2 },
      { memberId: 'm', ruleCode: 'volunteer', occurredOn: '2026-01-03', points: 9 },
    ];
    const planned = planGrants({
      candidates: [
        cand('m', '2026-01-20', 'x', r),
        cand('m', '2026-01-21', 'y', r),
        cand('other', '2026-02-01', 'z', r),
      ],
      booked,
      takenKeys: new Set(),
    });
    expect(planned.map((p) => p.points)).toEqual([1, 0, 1]);
  });

  it('skips keys already booked and repeated candidates; keys name version, rule, member, source and period', () => {
    const r = rule();
    const taken = grantKey('v1', 'attend', 'm', 'attendance', 'a', '2026-01-05');
    const planned = planGrants({
      candidates: [cand('m', '2026-01-05', 'a', r), cand('m', '2026-01-05', 'b', r), cand('m', '2026-01-05', 'b', r)],
      booked: [],
      takenKeys: new Set([taken]),
    });
    expect(planned.map((p) => p.key)).toEqual(['v1|attend|m|attendance:b|2026-01-05']);
  });

  it('grants a per-period rule once per period whatever the day', () => {
    const r = rule({ code: 'dues', source: 'dues_on_time', unit: 'month' });
    const planned = planGrants({
      candidates: [
        cand('m', '2026-03-01', 'dues', r),
        cand('m', '2026-03-31', 'dues', r),
        cand('m', '2026-04-01', 'dues', r),
      ],
      booked: [],
      takenKeys: new Set(),
    });
    expect(planned.map((p) => p.periodKey)).toEqual(['2026-03', '2026-04']);
  });

  it('exempts members of a listed category from a deduction, with a 0-point entry that says so', () => {
    const r = rule({
      code: 'absent',
      source: 'absence_without_leave',
      points: -2,
      exemptCategories: ['elderly', 'long_ill'],
    });
    const cats: Record<string, ExemptionCategory[]> = { old: ['elderly'], ill: ['other'] };
    const planned = planGrants({
      candidates: [
        cand('old', '2026-01-05', 'a', r),
        cand('ill', '2026-01-05', 'a', r),
        cand('young', '2026-01-05', 'a', r),
      ],
      booked: [],
      takenKeys: new Set(),
      exemptions: (m) => cats[m] ?? [],
    });
    expect(planned.map((p) => [p.memberId, p.points, p.adjustment])).toEqual([
      ['old', 0, 'exempt:elderly'],
      ['ill', -2, null],
      ['young', -2, null],
    ]);
  });

  it('books a veto item with 0 points', () => {
    const r = rule({ code: 'veto', source: 'manual', points: 0, veto: true });
    expect(
      planGrants({ candidates: [cand('m', '2026-05-05', 'req', r)], booked: [], takenKeys: new Set() }),
    ).toMatchObject([{ points: 0, adjustment: null, nominalPoints: 0 }]);
  });
});

describe('rule and scheme checks', () => {
  it.each([
    [rule(), []],
    [rule({ points: 0 }), ['points']],
    [rule({ veto: true, source: 'manual', points: 0 }), []],
    [rule({ veto: true, source: 'manual', points: -5 }), ['points']],
    [rule({ capDay: 5, capMonth: 4 }), ['capDay']],
    [rule({ capMonth: 20, capYear: 12 }), ['capMonth']],
    [rule({ approvalRequired: true }), ['approvalRequired']],
    [rule({ exemptCategories: ['elderly'] }), ['exemptCategories']],
    [rule({ points: -2, exemptCategories: ['elderly'] }), []],
  ] as const)('%o → %o', (r, fields) => {
    expect(ruleProblems(r as PointRuleDef).map(([f]) => f)).toEqual(fields);
  });

  it('wants ascending thresholds and sane windows', () => {
    expect(schemeProblems(DEFAULT_POINT_SCHEME)).toEqual([]);
    expect(
      schemeProblems({ ...DEFAULT_POINT_SCHEME, starThresholds: [60, 70, 70, 90, 96], objectionWorkingDays: 0 }),
    ).toEqual([
      ['starThresholds.2', 'thresholds_ascending'],
      ['objectionWorkingDays', 'range'],
    ]);
  });

  it('finds the version in force on a date and its state today', () => {
    const vs = [{ effectiveFrom: '2027-01-01' }, { effectiveFrom: '2024-01-01' }, { effectiveFrom: '2026-06-01' }];
    expect(versionOn(vs, '2023-12-31')).toBeUndefined();
    expect(versionOn(vs, '2026-05-31')?.effectiveFrom).toBe('2024-01-01');
    expect(versionOn(vs, '2026-06-01')?.effectiveFrom).toBe('2026-06-01');
    expect(vs.map((v) => versionState(v, vs, '2026-11-24'))).toEqual(['scheduled', 'superseded', 'current']);
  });
});

describe('attendance outcomes', () => {
  it.each([
    ['present', false, 'attended'],
    ['late', true, 'attended'],
    ['made_up', false, 'attended'],
    [null, true, 'excused'],
    [null, false, 'absent'],
  ] as const)('%s with approved leave %s is %s', (status, leave, outcome) => {
    expect(attendanceOutcome(status, leave)).toBe(outcome);
  });
});

describe('objection window', () => {
  // 2025 National Day + Mid-Autumn: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked.
  const CAL = plainCalendar(
    ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
    ['2025-09-28', '2025-10-11'],
  );
  it.each([
    // Published Monday: Tue–Fri and next Monday.
    ['2026-11-02', 5, '2026-11-09'],
    // Published on a Friday evening: the five working days of the next week.
    ['2026-11-06', 5, '2026-11-13'],
    // Published Saturday: counting starts Monday.
    ['2026-11-07', 5, '2026-11-13'],
    ['2026-11-02', 1, '2026-11-03'],
    // Across the National Day holiday, with the 调休 Saturday worked.
    ['2025-09-29', 5, '2025-10-13'],
    ['2025-09-29', 4, '2025-10-11'],
    ['2025-09-26', 3, '2025-09-30'],
  ])('published %s with %i working days: last day %s', (published, days, last) => {
    expect(objectionDeadline(published, days, CAL)).toBe(last);
  });

  it('is open through the last day', () => {
    expect(objectionOpen('2026-11-09', '2026-11-09')).toBe(true);
    expect(objectionOpen('2026-11-09', '2026-11-10')).toBe(false);
  });
});

describe('stars', () => {
  const s = DEFAULT_POINT_SCHEME;
  it.each([
    [59, null, false, 0, 'below_threshold'],
    [60, null, false, 1, 'thresholds'],
    [69, 'qualified', false, 1, 'thresholds'],
    [70, 'qualified', false, 2, 'thresholds'],
    [89, 'excellent', false, 3, 'thresholds'],
    [90, 'basically_qualified', false, 4, 'thresholds'],
    [95, null, false, 4, 'thresholds'],
    [96, 'excellent', false, 5, 'thresholds'],
    [140, null, false, 5, 'thresholds'],
    [99, 'unqualified', false, 0, 'unqualified'],
    [99, 'excellent', true, 0, 'veto'],
  ] as const)('%i points, grade %s, veto %s → %i stars (%s)', (total, grade, vetoed, stars, basis) => {
    expect(starsOf({ total, grade, vetoed }, s)).toMatchObject({ stars, basis });
  });

  it('adds the grade bonus of the scheme before the thresholds', () => {
    const scheme = { ...s, gradeBonus: { excellent: 10, qualified: 5, basically_qualified: 0, unqualified: -20 } };
    expect(starsOf({ total: 82, grade: 'excellent', vetoed: false }, scheme)).toEqual({
      score: 92,
      stars: 4,
      basis: 'thresholds',
    });
    expect(
      starsOf({ total: 99, grade: 'unqualified', vetoed: false }, { ...scheme, unqualifiedZeroStars: false }),
    ).toEqual({ score: 79, stars: 2, basis: 'thresholds' });
    expect(starsOf({ total: 99, grade: null, vetoed: true }, { ...s, vetoZeroesScore: false }).stars).toBe(5);
  });

  it.each([
    [59, 0],
    [60, 1],
    [95, 4],
    [96, 5],
  ])('score %i lies in band %i', (score, band) => {
    expect(bandOf(score, s.starThresholds)).toBe(band);
  });

  it.each([
    [80, [], null],
    [80, [70, 70, 70, 70], { percentile: 100, band: 'top' }],
    [80, [80, 80], { percentile: 50, band: 'upper' }],
    [60, [70, 80, 90, 61, 50], { percentile: 20, band: 'middle' }],
    [10, [70, 80], { percentile: 0, band: 'lower' }],
  ] as const)('%i among %o stands at %o', (mine, others, expected) => {
    expect(standingOf(mine, others)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const DAY0 = '2026-01-01';
const ruleArb = fc
  .record({
    sign: fc.constantFrom(1, -1),
    magnitude: fc.integer({ min: 1, max: 5 }),
    capDay: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    capMonth: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
    capYear: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  })
  .map(({ sign, magnitude, capDay, capMonth, capYear }) => {
    // Keep caps nested (a day cap above the month cap is refused by ruleProblems anyway).
    const m = capMonth !== null && capDay !== null ? Math.max(capMonth, capDay) : capMonth;
    const y = capYear !== null && m !== null ? Math.max(capYear, m) : capYear;
    return rule({ points: sign * magnitude, capDay, capMonth: m, capYear: y });
  });
/** Events over two members and about four months, several on one day. */
const eventArb = fc.record({
  member: fc.constantFrom('m1', 'm2'),
  day: fc.integer({ min: 0, max: 120 }),
  source: fc.integer({ min: 0, max: 30 }),
});
type Ev = { member: string; day: number; source: number };
const toCandidates = (events: readonly Ev[], r: PointRuleDef): (GrantCandidate & VersionedRule)[] =>
  events.map((e) => cand(e.member, addCalendarDays(DAY0, e.day), `s${e.source}`, r));
const asBooked = (entries: readonly PlannedEntry[]): Booked[] =>
  entries.map((e) => ({ memberId: e.memberId, ruleCode: e.ruleCode, occurredOn: e.occurredOn, points: e.points }));

/** Net points per window (member|day, member|month, member|year). */
function windowSums(entries: readonly Booked[]) {
  const sums = new Map<string, number>();
  for (const e of entries)
    for (const k of [e.occurredOn.slice(0, 10), e.occurredOn.slice(0, 7), e.occurredOn.slice(0, 4)]) {
      const key = `${e.memberId}|${k}`;
      sums.set(key, (sums.get(key) ?? 0) + e.points);
    }
  return sums;
}
const capOf = (key: string, r: PointRuleDef) => {
  const k = key.split('|')[1]!;
  return k.length === 10 ? r.capDay : k.length === 7 ? r.capMonth : r.capYear;
};
const totals = (entries: readonly Booked[]) => {
  const t = new Map<string, number>();
  for (const e of entries) t.set(e.memberId, (t.get(e.memberId) ?? 0) + e.points);
  return t;
};

describe('properties', () => {
  it('never exceeds a cap, whatever the order of the events', () => {
    fc.assert(
      fc.property(ruleArb, fc.array(eventArb, { maxLength: 60 }), fc.infiniteStream(fc.nat()), (r, events, seeds) => {
        // A random order of the same events (a shuffle driven by the stream).
        const order = events.map((e) => ({ e, k: seeds.next().value as number })).sort((a, b) => a.k - b.k);
        const planned = planGrants({
          candidates: toCandidates(
            order.map((o) => o.e),
            r,
          ),
          booked: [],
          takenKeys: new Set(),
        });
        for (const p of planned) {
          expect(Math.sign(p.points) === Math.sign(r.points) || p.points === 0).toBe(true);
          expect(Math.abs(p.points)).toBeLessThanOrEqual(Math.abs(r.points));
        }
        for (const [key, sum] of windowSums(asBooked(planned))) {
          const cap = capOf(key, r);
          if (cap !== null) expect(Math.abs(sum), key).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a reversal restores the totals and the room under the caps', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(eventArb, { maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(eventArb, { maxLength: 10 }),
        (r, events, reverseMask, later) => {
          const granted = planGrants({ candidates: toCandidates(events, r), booked: [], takenKeys: new Set() });
          const reversed = granted.filter((_, i) => reverseMask[i]);
          const ledger: Booked[] = [
            ...asBooked(granted),
            ...asBooked(reversed).map((b) => ({ ...b, points: -b.points })),
          ];
          const kept = asBooked(granted.filter((_, i) => !reverseMask[i]));
          // Totals: the ledger with reversals equals the ledger without the reversed entries.
          const withReversals = totals(ledger);
          for (const [member, total] of totals(kept)) expect(withReversals.get(member) ?? 0).toBe(total);
          for (const [member, total] of withReversals) expect(totals(kept).get(member) ?? 0).toBe(total);
          // Room: later grants book exactly as they would had the reversed entries never been booked.
          const taken = new Set(granted.map((g) => g.key));
          const laterCandidates = toCandidates(later, r).map((c) => ({ ...c, sourceId: `later-${c.sourceId}` }));
          const afterReversal = planGrants({ candidates: laterCandidates, booked: ledger, takenKeys: taken });
          const neverBooked = planGrants({ candidates: laterCandidates, booked: kept, takenKeys: taken });
          expect(afterReversal.map((p) => p.points)).toEqual(neverBooked.map((p) => p.points));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('re-running a grant changes nothing, in any order and with new events mixed in', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(eventArb, { maxLength: 40 }),
        fc.array(eventArb, { maxLength: 10 }),
        (r, events, extra) => {
          const first = planGrants({ candidates: toCandidates(events, r), booked: [], takenKeys: new Set() });
          const taken = new Set(first.map((p) => p.key));
          const again = planGrants({
            candidates: toCandidates([...events].reverse(), r),
            booked: asBooked(first),
            takenKeys: taken,
          });
          expect(again).toEqual([]);
          // New events book only themselves; the first run's entries are never booked twice.
          const fresh = planGrants({
            candidates: toCandidates([...extra, ...events], r).map((c, i) =>
              i < extra.length ? { ...c, sourceId: `new-${c.sourceId}` } : c,
            ),
            booked: asBooked(first),
            takenKeys: taken,
          });
          for (const p of fresh) expect(taken.has(p.key)).toBe(false);
          expect(fresh.every((p) => p.sourceId.startsWith('new-'))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
