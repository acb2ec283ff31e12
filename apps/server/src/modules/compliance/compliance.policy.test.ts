import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CountKind,
  cycleOf,
  cycleStatus,
  cyclesOfYear,
  evaluateCycle,
  evaluateRule,
  indexCounts,
  localDate,
  type MeetingCountRow,
  monthsOf,
  parentShares,
  type RuleVersion,
  ruleCycles,
  ruleState,
  startOfLocalDay,
  summarizeBranch,
  timingOf,
  treeOrderKeys,
  versionOn,
  worstStatus,
} from './compliance.policy.js';

const rule = (over: Partial<RuleVersion> = {}): RuleVersion => ({
  id: 'r1',
  typeCode: 'committee_meeting',
  orgType: 'branch',
  cycle: 'month',
  expectedCount: 1,
  perGroup: false,
  effectiveFrom: '2018-10-28',
  ...over,
});
const counts = (...rows: [string, string, string, CountKind, number][]) =>
  indexCounts(rows.map(([orgId, typeCode, month, kind, n]): MeetingCountRow => ({ orgId, typeCode, month, kind, n })));

describe('local dates in UTC+8', () => {
  it.each([
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01'],
    ['2026-06-30T15:59:59.999Z', '2026-06-30'],
    ['2024-02-28T16:30:00Z', '2024-02-29'],
  ])('%s is %s in the zone', (instant, date) => {
    expect(localDate(new Date(instant))).toBe(date);
  });

  it('starts a local day at 16:00 UTC the day before', () => {
    expect(startOfLocalDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('round-trips any instant to the local day that contains it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const day = localDate(d);
        const start = startOfLocalDay(day).getTime();
        expect(start).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime() - start).toBeLessThan(86_400_000);
      }),
    );
  });
});

describe('cycles of a year', () => {
  it('has 12 months, 4 quarters, 1 year with inclusive bounds', () => {
    expect(cyclesOfYear('month', 2024).map((c) => [c.key, c.start, c.end])[1]).toEqual([
      '2024-02',
      '2024-02-01',
      '2024-02-29',
    ]);
    expect(cyclesOfYear('month', 2025)[1]!.end).toBe('2025-02-28');
    expect(cyclesOfYear('quarter', 2026).map((c) => `${c.key} ${c.start}..${c.end}`)).toEqual([
      '2026-Q1 2026-01-01..2026-03-31',
      '2026-Q2 2026-04-01..2026-06-30',
      '2026-Q3 2026-07-01..2026-09-30',
      '2026-Q4 2026-10-01..2026-12-31',
    ]);
    expect(cyclesOfYear('year', 2026)).toEqual([{ unit: 'year', key: '2026', start: '2026-01-01', end: '2026-12-31' }]);
  });

  it.each([
    ['month', '2026-01-31', '2026-01'],
    ['month', '2026-02-01', '2026-02'],
    ['quarter', '2026-03-31', '2026-Q1'],
    ['quarter', '2026-04-01', '2026-Q2'],
    ['quarter', '2026-12-31', '2026-Q4'],
    ['year', '2026-07-01', '2026'],
  ] as const)('%s of %s is %s', (unit, date, key) => {
    expect(cycleOf(unit, date).key).toBe(key);
  });

  it('covers every day of the year exactly once, for every unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom('month', 'quarter', 'year'), (year, unit) => {
        const spans = cyclesOfYear(unit, year);
        expect(spans[0]!.start).toBe(`${year}-01-01`);
        expect(spans.at(-1)!.end).toBe(`${year}-12-31`);
        for (let i = 1; i < spans.length; i++) {
          const next = new Date(Date.parse(`${spans[i - 1]!.end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          expect(spans[i]!.start).toBe(next);
        }
        expect(spans.flatMap(monthsOf)).toHaveLength(12);
      }),
    );
  });

  it.each([
    ['2026-03-31', 'current'],
    ['2026-04-01', 'past'],
    ['2026-02-28', 'current'],
    ['2026-02-27', 'current'],
    ['2025-12-31', 'future'],
  ] as const)('Q1 2026 seen on %s is %s', (today, timing) => {
    expect(timingOf(cycleOf('quarter', '2026-02-01'), today)).toBe(timing);
  });

  it('a meeting at 23:30 on 31 March Beijing time falls in March and Q1', () => {
    const day = localDate(new Date('2026-03-31T15:30:00Z'));
    expect(cycleOf('month', day).key).toBe('2026-03');
    expect(cycleOf('quarter', day).key).toBe('2026-Q1');
    expect(cycleOf('quarter', localDate(new Date('2026-03-31T16:30:00Z'))).key).toBe('2026-Q2');
  });
});

describe('rule versions', () => {
  const v1 = rule({ id: 'v1', effectiveFrom: '2018-10-28', cycle: 'quarter' });
  const v2 = rule({ id: 'v2', effectiveFrom: '2026-05-01', cycle: 'month', expectedCount: 2 });
  const v3 = rule({ id: 'v3', effectiveFrom: '2026-09-15' });

  it.each([
    ['2018-10-27', undefined],
    ['2018-10-28', 'v1'],
    ['2026-04-30', 'v1'],
    ['2026-05-01', 'v2'],
    ['2026-09-14', 'v2'],
    ['2026-09-15', 'v3'],
  ])('on %s the version in force is %s', (date, id) => {
    expect(versionOn([v3, v1, v2], date)?.id).toBe(id);
  });

  it('judges each cycle by the version in force on its first day', () => {
    const cycles = ruleCycles([v1, v2, v3], 2026).map((c) => `${c.span.key}:${c.rule.id}`);
    expect(cycles).toEqual([
      '2026-Q1:v1',
      '2026-Q2:v1',
      '2026-05:v2',
      '2026-06:v2',
      '2026-07:v2',
      '2026-08:v2',
      '2026-09:v2',
      '2026-10:v3',
      '2026-11:v3',
      '2026-12:v3',
    ]);
  });

  it('has no cycles before the first version', () => {
    expect(ruleCycles([rule({ effectiveFrom: '2026-03-02' })], 2026).map((c) => c.span.key)[0]).toBe('2026-04');
    expect(ruleCycles([rule({ effectiveFrom: '2027-01-01' })], 2026)).toEqual([]);
  });

  it.each([
    ['v1', '2026-04-01', 'current'],
    ['v2', '2026-04-01', 'scheduled'],
    ['v1', '2026-05-01', 'superseded'],
    ['v2', '2026-05-01', 'current'],
    ['v3', '2026-12-31', 'current'],
  ])('%s on %s is %s', (id, today, state) => {
    const all = [v1, v2, v3];
    expect(ruleState(all.find((v) => v.id === id)!, all, today)).toBe(state);
  });
});

describe('status of a cycle', () => {
  it.each([
    [{ expected: 0, done: 0, timing: 'past', daysLeft: -5 }, 'not_applicable'],
    [{ expected: 1, done: 0, timing: 'future', daysLeft: 40 }, 'future'],
    [{ expected: 1, done: 1, timing: 'past', daysLeft: -5 }, 'done'],
    [{ expected: 1, done: 1, timing: 'current', daysLeft: 2 }, 'done'],
    [{ expected: 2, done: 1, timing: 'past', daysLeft: -1 }, 'overdue'],
    [{ expected: 1, done: 0, timing: 'current', daysLeft: 10 }, 'in_progress'],
    [{ expected: 1, done: 0, timing: 'current', daysLeft: 9 }, 'warning'],
    [{ expected: 1, done: 0, timing: 'current', daysLeft: 0 }, 'warning'],
  ] as const)('%o → %s (warning in the last 10 days)', (p, status) => {
    expect(cycleStatus({ ...p, warnDays: 10 })).toBe(status);
  });

  it('warns on the 22nd of a 31-day month, not on the 21st', () => {
    const branch = { id: 'b', foundedOn: null, groupIds: [] };
    const at = (today: string) =>
      evaluateCycle({ rule: rule(), span: cycleOf('month', today), branch, index: counts(), today, warnDays: 10 })
        .status;
    expect(at('2026-03-21')).toBe('in_progress');
    expect(at('2026-03-22')).toBe('warning');
    expect(at('2026-03-31')).toBe('warning');
  });

  it('orders statuses by the attention they need', () => {
    expect(worstStatus(['done', 'future', 'overdue', 'warning'])).toBe('overdue');
    expect(worstStatus(['done', 'in_progress', 'future'])).toBe('in_progress');
    expect(worstStatus(['not_applicable'])).toBe('not_applicable');
    expect(worstStatus([])).toBe('not_applicable');
  });
});

describe('completion of a branch', () => {
  const branch = { id: 'B', foundedOn: '2010-01-01', groupIds: ['G1', 'G2', 'G3'] };
  const today = '2026-03-15';
  const run = (r: RuleVersion, month: string, index = counts()) =>
    evaluateCycle({ rule: r, span: cycleOf(r.cycle, `${month}-01`), branch, index, today, warnDays: 10 });

  it('counts the branch’s own and joint meetings, capped at the expected count', () => {
    const idx = counts(
      ['B', 'committee_meeting', '2026-01', 'direct', 2],
      ['B', 'committee_meeting', '2026-01', 'direct_named', 1],
      ['G1', 'committee_meeting', '2026-01', 'direct', 4],
    );
    expect(run(rule(), '2026-01', idx)).toMatchObject({ expected: 1, held: 3, done: 1, status: 'done' });
    expect(run(rule(), '2026-02', idx)).toMatchObject({ expected: 1, held: 0, done: 0, status: 'overdue' });
  });

  it('sums the months of a quarter', () => {
    const idx = counts(['B', 'general_meeting', '2026-03', 'direct', 1]);
    const q = rule({ typeCode: 'general_meeting', cycle: 'quarter' });
    expect(run(q, '2026-01', idx)).toMatchObject({ key: '2026-Q1', expected: 1, done: 1, status: 'done' });
  });

  it('expects a per-group rule from every party group and caps each group', () => {
    const g = rule({ typeCode: 'group_meeting', perGroup: true });
    const idx = counts(
      ['G1', 'group_meeting', '2026-01', 'direct', 3],
      ['G2', 'group_meeting', '2026-01', 'spec', 1],
      ['B', 'group_meeting', '2026-02', 'direct', 1],
      ['B', 'group_meeting', '2026-03', 'direct_named', 1],
      ['G3', 'group_meeting', '2026-03', 'spec', 1],
    );
    // January: G1 three times (counts once), G2 named by its branch, G3 nothing.
    expect(run(g, '2026-01', idx)).toMatchObject({ expected: 3, held: 4, done: 2, status: 'overdue' });
    // February: the whole branch met without naming groups: every group counts it.
    expect(run(g, '2026-02', idx)).toMatchObject({ expected: 3, done: 3, status: 'done' });
    // March: the branch named G3 only; the named meeting does not count for the others.
    expect(run(g, '2026-03', idx)).toMatchObject({ expected: 3, done: 1, status: 'in_progress' });
  });

  it('expects nothing of a per-group rule from a branch without groups', () => {
    const g = rule({ typeCode: 'group_meeting', perGroup: true });
    const lone = { id: 'B', foundedOn: null, groupIds: [] };
    const c = evaluateCycle({
      rule: g,
      span: cycleOf('month', '2026-01-01'),
      branch: lone,
      index: counts(['B', 'group_meeting', '2026-01', 'direct', 1]),
      today,
      warnDays: 10,
    });
    expect(c).toMatchObject({ expected: 0, done: 0, status: 'not_applicable' });
  });

  it('does not assess cycles that began before the branch was founded', () => {
    const young = { id: 'B', foundedOn: '2026-02-10', groupIds: [] };
    const cell = evaluateRule({
      versions: [rule()],
      branch: young,
      year: 2026,
      index: counts(),
      today,
      warnDays: 10,
    })!;
    expect(cell.cycles.slice(0, 3).map((c) => c.status)).toEqual(['not_applicable', 'not_applicable', 'in_progress']);
    expect(summarizeBranch([cell]).compliant).toBe(true);
  });

  it('sums a rule over the year: begun cycles, the year, the worst status', () => {
    const idx = counts(['B', 'committee_meeting', '2026-01', 'direct', 1]);
    const cell = evaluateRule({ versions: [rule()], branch, year: 2026, index: idx, today, warnDays: 10 })!;
    expect(cell).toMatchObject({ expectedToDate: 3, doneToDate: 1, expectedYear: 12, held: 1, status: 'overdue' });
    expect(cell.cycles.map((c) => c.status).slice(0, 4)).toEqual(['done', 'overdue', 'in_progress', 'future']);
  });

  it('rates only what was due: a running cycle counts with what it already has', () => {
    const idx = counts(['B', 'committee_meeting', '2026-01', 'direct', 1], ['B', 'theme_day', '2026-03', 'direct', 1]);
    const cells = ['committee_meeting', 'theme_day'].map(
      (typeCode) =>
        evaluateRule({ versions: [rule({ typeCode })], branch, year: 2026, index: idx, today, warnDays: 10 })!,
    );
    // Past: Jan+Feb of both rules = 4 due, 1 done; March: theme day done (1/1), committee not yet (0/0).
    expect(summarizeBranch(cells)).toEqual({ rate: 2 / 5, compliant: false, overdue: 3, warnings: 0 });
    const empty = evaluateRule({
      versions: [rule()],
      branch,
      year: 2026,
      index: counts(),
      today: '2026-01-03',
      warnDays: 10,
    })!;
    expect(summarizeBranch([empty])).toEqual({ rate: null, compliant: true, overdue: 0, warnings: 0 });
  });

  it('never counts more done than expected, whatever the meetings', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('B', 'G1', 'G2', 'X'),
            fc.integer({ min: 1, max: 12 }),
            fc.constantFrom<CountKind>('direct', 'direct_named', 'spec'),
            fc.integer({ min: 1, max: 5 }),
          ),
          { maxLength: 30 },
        ),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        (rows, perGroup, expectedCount) => {
          const idx = counts(
            ...rows.map(
              ([org, m, kind, n]) =>
                [org, 'x', `2026-${String(m).padStart(2, '0')}`, kind, n] as [
                  string,
                  string,
                  string,
                  CountKind,
                  number,
                ],
            ),
          );
          const b = { id: 'B', foundedOn: null, groupIds: ['G1', 'G2'] };
          const cell = evaluateRule({
            versions: [rule({ typeCode: 'x', perGroup, expectedCount })],
            branch: b,
            year: 2026,
            index: idx,
            today: '2026-07-01',
            warnDays: 10,
          })!;
          for (const c of cell.cycles) {
            expect(c.done).toBeLessThanOrEqual(c.expected);
            expect(c.done).toBeLessThanOrEqual(c.held);
            expect(c.expected).toBe(expectedCount * (perGroup ? 2 : 1));
          }
          const { rate } = summarizeBranch([cell]);
          if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
          if (rate !== null) expect(rate).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('parents', () => {
  it('shares compliant branches anywhere below, not beside', () => {
    const shares = parentShares(
      [
        { id: 'Z', path: 'z/' },
        { id: 'P', path: 'z/p/' },
        { id: 'Q', path: 'z/q/' },
      ],
      [
        { path: 'z/p/a/', compliant: true },
        { path: 'z/p/b/', compliant: false },
        { path: 'z/p/g/c/', compliant: true },
        { path: 'z/d/', compliant: true },
      ],
    );
    expect(shares).toEqual([
      { id: 'Z', branches: 4, compliantBranches: 3, share: 0.75 },
      { id: 'P', branches: 3, compliantBranches: 2, share: 2 / 3 },
      { id: 'Q', branches: 0, compliantBranches: 0, share: null },
    ]);
  });

  it('orders organizations as the tree shows them', () => {
    const keys = treeOrderKeys([
      { id: 'b2', parentId: 'p', sortOrder: 2, name: '乙' },
      { id: 'p', parentId: 'root-out-of-scope', sortOrder: 1, name: '党委' },
      { id: 'b1', parentId: 'p', sortOrder: 1, name: '甲' },
      { id: 'g', parentId: 'b1', sortOrder: 1, name: '第一党小组' },
      { id: 'q', parentId: null, sortOrder: 0, name: '另一个' },
    ]);
    const sorted = [...keys.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([id]) => id);
    expect(sorted).toEqual(['q', 'p', 'b1', 'g', 'b2']);
  });
});
