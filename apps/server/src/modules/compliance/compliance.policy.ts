import type { ComplianceCycle, CycleStatus, RuleState } from '@red-engine/shared';

/**
 * 三会一课 compliance as pure functions over dates written YYYY-MM-DD. All dates are local dates of the zone
 * (Asia/Shanghai, UTC+8 all year: China has no daylight saving time), whatever the server's clock zone.
 * docs/compliance.md explains the rules in prose.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The local (UTC+8) date of an instant. */
export const localDate = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a local date begins (00:00 UTC+8). */
export const startOfLocalDay = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One assessment period: `key` 2026-03 / 2026-Q1 / 2026; `start` and `end` are both inclusive. */
export type CycleSpan = { unit: ComplianceCycle; key: string; start: string; end: string };

function monthSpan(year: number, month: number): CycleSpan {
  return {
    unit: 'month',
    key: `${year}-${pad(month)}`,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
  };
}

function quarterSpan(year: number, quarter: number): CycleSpan {
  const last = quarter * 3;
  return {
    unit: 'quarter',
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(last - 2)}-01`,
    end: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`,
  };
}

const yearSpan = (year: number): CycleSpan => ({
  unit: 'year',
  key: String(year),
  start: `${year}-01-01`,
  end: `${year}-12-31`,
});

/** The cycles of a calendar year, in order. */
export function cyclesOfYear(unit: ComplianceCycle, year: number): CycleSpan[] {
  if (unit === 'year') return [yearSpan(year)];
  if (unit === 'quarter') return [1, 2, 3, 4].map((q) => quarterSpan(year, q));
  return Array.from({ length: 12 }, (_, i) => monthSpan(year, i + 1));
}

/** The cycle a local date falls in. */
export function cycleOf(unit: ComplianceCycle, date: string): CycleSpan {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (unit === 'year') return yearSpan(year);
  if (unit === 'quarter') return quarterSpan(year, Math.ceil(month / 3));
  return monthSpan(year, month);
}

export type Timing = 'past' | 'current' | 'future';

export function timingOf(span: CycleSpan, today: string): Timing {
  if (span.end < today) return 'past';
  if (span.start > today) return 'future';
  return 'current';
}

/** The months (YYYY-MM) a cycle covers: counts are kept per month and summed per cycle. */
export function monthsOf(span: CycleSpan): string[] {
  const year = Number(span.start.slice(0, 4));
  const first = Number(span.start.slice(5, 7));
  const last = Number(span.end.slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, i) => `${year}-${pad(first + i)}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Rule versions

export type RuleVersion = {
  id: string;
  typeCode: string;
  orgType: string;
  cycle: ComplianceCycle;
  expectedCount: number;
  perGroup: boolean;
  effectiveFrom: string;
};

export const ruleKey = (r: { typeCode: string; orgType: string }) => `${r.typeCode}|${r.orgType}`;

/** Rule versions by activity type × organization type, each list ordered by effective date. */
export function groupVersions<R extends RuleVersion>(rules: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rules) {
    const list = out.get(ruleKey(r)) ?? [];
    list.push(r);
    out.set(ruleKey(r), list);
  }
  for (const list of out.values()) list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return out;
}

/** The version in force on a date: the latest one effective on or before it. */
export function versionOn<R extends RuleVersion>(versions: readonly R[], date: string): R | undefined {
  let found: R | undefined;
  for (const v of versions) if (v.effectiveFrom <= date && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

export function ruleState(version: RuleVersion, versions: readonly RuleVersion[], today: string): RuleState {
  if (version.effectiveFrom > today) return 'scheduled';
  return versionOn(versions, today)?.id === version.id ? 'current' : 'superseded';
}

/**
 * A version may be changed in place while no cycle that began before today depends on it; otherwise a change is a
 * new version, so the cycles already judged keep the rule they were judged by.
 */
export const editableInPlace = (version: RuleVersion, today: string) => version.effectiveFrom >= today;

/**
 * The cycles of a year and the version each is judged by: the version in force on the cycle's first day. When a
 * version changes the cycle unit, each unit's cycles are kept where their first day falls under a version of
 * that unit (a quarter rule replaced by a monthly one from 1 May: Q1, Q2, then May … December).
 */
export function ruleCycles<R extends RuleVersion>(
  versions: readonly R[],
  year: number,
): { span: CycleSpan; rule: R }[] {
  const units = [...new Set(versions.map((v) => v.cycle))];
  const out: { span: CycleSpan; rule: R }[] = [];
  for (const unit of units) {
    for (const span of cyclesOfYear(unit, year)) {
      const rule = versionOn(versions, span.start);
      if (rule && rule.cycle === unit) out.push({ span, rule });
    }
  }
  return out.sort((a, b) => a.span.start.localeCompare(b.span.start) || a.span.end.localeCompare(b.span.end));
}

// ---------------------------------------------------------------------------------------------------------------
// Meeting counts

/**
 * How a meeting is attributed to an organization:
 * - `direct`: the organization held it (or took part in a joint activity) without naming party groups;
 * - `direct_named`: it held it and named party groups as participants;
 * - `spec`: a party group named as participant by its own branch's meeting.
 */
export type CountKind = 'direct' | 'direct_named' | 'spec';
/** Meetings per organization, type, local month and kind; `via` is the organizer of a `spec` row. */
export type MeetingCountRow = {
  orgId: string;
  typeCode: string;
  month: string;
  kind: CountKind;
  via?: string | null;
  n: number;
};

/**
 * A party group named by a meeting counts it only when its own branch held the meeting: a committee above
 * naming groups of several branches holds no 党小组会 for them.
 */
export function attributable(rows: readonly MeetingCountRow[], groupParents: ReadonlyMap<string, string>) {
  return rows.filter((r) => r.kind !== 'spec' || (r.via != null && groupParents.get(r.orgId) === r.via));
}

export type CountIndex = Map<string, number>;
const countKey = (orgId: string, typeCode: string, month: string, kind: CountKind) =>
  `${orgId}|${typeCode}|${month}|${kind}`;

export function indexCounts(rows: readonly MeetingCountRow[]): CountIndex {
  const index: CountIndex = new Map();
  for (const r of rows) {
    const k = countKey(r.orgId, r.typeCode, r.month, r.kind);
    index.set(k, (index.get(k) ?? 0) + Number(r.n));
  }
  return index;
}

function sum(index: CountIndex, orgId: string, typeCode: string, months: readonly string[], kinds: CountKind[]) {
  let n = 0;
  for (const m of months) for (const k of kinds) n += index.get(countKey(orgId, typeCode, m, k)) ?? 0;
  return n;
}

/** Meetings that count for a branch's own rules: held by it, or joint activities it took part in. */
export const heldByBranch = (index: CountIndex, branchId: string, typeCode: string, months: readonly string[]) =>
  sum(index, branchId, typeCode, months, ['direct', 'direct_named']);

/**
 * Meetings that count for one party group under a per-group rule: the group's own, those of its branch naming it,
 * and those of its branch naming no group at all (the whole branch met: every group counts it).
 */
export const heldByGroup = (
  index: CountIndex,
  groupId: string,
  branchId: string,
  typeCode: string,
  months: readonly string[],
) =>
  sum(index, groupId, typeCode, months, ['direct', 'direct_named', 'spec']) +
  sum(index, branchId, typeCode, months, ['direct']);

// ---------------------------------------------------------------------------------------------------------------
// Status

export function cycleStatus(p: {
  expected: number;
  done: number;
  timing: Timing;
  daysLeft: number;
  warnDays: number;
}): CycleStatus {
  if (p.expected <= 0) return 'not_applicable';
  if (p.timing === 'future') return 'future';
  if (p.done >= p.expected) return 'done';
  if (p.timing === 'past') return 'overdue';
  return p.daysLeft < p.warnDays ? 'warning' : 'in_progress';
}

export type BranchFacts = { id: string; foundedOn: string | null; groupIds: readonly string[] };

export type CycleResult = {
  key: string;
  start: string;
  end: string;
  expected: number;
  done: number;
  held: number;
  status: CycleStatus;
  timing: Timing;
};

/** A cycle with everything that is the same for every branch worked out once. */
export type PreparedCycle = {
  span: CycleSpan;
  rule: RuleVersion;
  months: string[];
  timing: Timing;
  daysLeft: number;
};

export function prepareCycles(versions: readonly RuleVersion[], year: number, today: string): PreparedCycle[] {
  return ruleCycles(versions, year).map(({ span, rule }) => ({
    span,
    rule,
    months: monthsOf(span),
    timing: timingOf(span, today),
    daysLeft: daysBetween(today, span.end),
  }));
}

/**
 * One branch, one rule version, one cycle. Per-group rules expect the count from every 党小组 (a branch without
 * groups owes none) and cap each group at the count, so one busy group cannot stand in for another. Cycles that
 * began before the branch was founded are not assessed.
 */
export function evaluatePrepared(
  c: PreparedCycle,
  branch: BranchFacts,
  index: CountIndex,
  warnDays: number,
): CycleResult {
  const { rule, span, months, timing } = c;
  const applicable = !branch.foundedOn || branch.foundedOn <= span.start;
  let expected: number;
  let held = 0;
  let done = 0;
  if (rule.perGroup) {
    expected = rule.expectedCount * branch.groupIds.length;
    for (const g of branch.groupIds) {
      const n = heldByGroup(index, g, branch.id, rule.typeCode, months);
      held += n;
      done += Math.min(n, rule.expectedCount);
    }
  } else {
    expected = rule.expectedCount;
    held = heldByBranch(index, branch.id, rule.typeCode, months);
    done = Math.min(held, expected);
  }
  if (!applicable) expected = 0;
  done = Math.min(done, expected);
  const status = cycleStatus({ expected, done, timing, daysLeft: c.daysLeft, warnDays });
  return { key: span.key, start: span.start, end: span.end, expected, done, held, status, timing };
}

export function evaluateCycle(p: {
  rule: RuleVersion;
  span: CycleSpan;
  branch: BranchFacts;
  index: CountIndex;
  today: string;
  warnDays: number;
}): CycleResult {
  const prepared = {
    span: p.span,
    rule: p.rule,
    months: monthsOf(p.span),
    timing: timingOf(p.span, p.today),
    daysLeft: daysBetween(p.today, p.span.end),
  };
  return evaluatePrepared(prepared, p.branch, p.index, p.warnDays);
}

/** The status that needs attention first, for a cell summing several cycles. */
const STATUS_WEIGHT: Record<CycleStatus, number> = {
  overdue: 5,
  warning: 4,
  in_progress: 3,
  done: 2,
  future: 1,
  not_applicable: 0,
};
export function worstStatus(statuses: readonly CycleStatus[]): CycleStatus {
  return statuses.reduce<CycleStatus>((w, s) => (STATUS_WEIGHT[s] > STATUS_WEIGHT[w] ? s : w), 'not_applicable');
}

export type RuleCellResult = {
  typeCode: string;
  ruleId: string;
  cycle: ComplianceCycle;
  perGroup: boolean;
  expectedToDate: number;
  doneToDate: number;
  expectedYear: number;
  held: number;
  status: CycleStatus;
  cycles: CycleResult[];
};

/** A branch's completion of one rule (all its versions) over a year's prepared cycles; null when there are none. */
export function evaluateCells(
  prepared: readonly PreparedCycle[],
  branch: BranchFacts,
  index: CountIndex,
  warnDays: number,
): RuleCellResult | null {
  if (prepared.length === 0) return null;
  const cycles = prepared.map((c) => evaluatePrepared(c, branch, index, warnDays));
  const last = prepared[prepared.length - 1]!.rule;
  let expectedToDate = 0;
  let doneToDate = 0;
  let expectedYear = 0;
  let held = 0;
  for (const c of cycles) {
    if (c.timing !== 'future') {
      expectedToDate += c.expected;
      doneToDate += c.done;
    }
    expectedYear += c.expected;
    held += c.held;
  }
  return {
    typeCode: last.typeCode,
    ruleId: last.id,
    cycle: last.cycle,
    perGroup: last.perGroup,
    expectedToDate,
    doneToDate,
    expectedYear,
    held,
    status: worstStatus(cycles.map((c) => c.status)),
    cycles,
  };
}

export function evaluateRule(p: {
  versions: readonly RuleVersion[];
  branch: BranchFacts;
  year: number;
  index: CountIndex;
  today: string;
  warnDays: number;
}): RuleCellResult | null {
  return evaluateCells(prepareCycles(p.versions, p.year, p.today), p.branch, p.index, p.warnDays);
}

/**
 * A branch's figures over its cells. Compliant: no past cycle is overdue. Rate: what was done over what was due,
 * where a cycle still running counts only with what it already has, so the first days of a month do not drag
 * the rate down; null when nothing has been due yet.
 */
export function summarizeBranch(cells: readonly RuleCellResult[]) {
  let due = 0;
  let done = 0;
  let overdue = 0;
  let warnings = 0;
  for (const cell of cells) {
    for (const c of cell.cycles) {
      if (c.timing === 'past') {
        due += c.expected;
        done += c.done;
      } else if (c.timing === 'current') {
        due += c.done;
        done += c.done;
      }
      if (c.status === 'overdue') overdue += 1;
      if (c.status === 'warning') warnings += 1;
    }
  }
  return { rate: due > 0 ? done / due : null, compliant: overdue === 0, overdue, warnings };
}

/** For each parent organization, its branches anywhere below it and how many of them are compliant. */
export function parentShares(
  parents: readonly { id: string; path: string }[],
  branches: readonly { path: string; compliant: boolean }[],
) {
  return parents.map((p) => {
    const below = branches.filter((b) => b.path.startsWith(p.path) && b.path !== p.path);
    const compliant = below.filter((b) => b.compliant).length;
    return {
      id: p.id,
      branches: below.length,
      compliantBranches: compliant,
      share: below.length > 0 ? compliant / below.length : null,
    };
  });
}

/**
 * Sort keys that list organizations as the tree shows them: parents before children, siblings by their sort
 * order, then name. Organizations whose parent is not in the list start a tree of their own.
 */
export function treeOrderKeys(
  orgs: readonly { id: string; parentId: string | null; sortOrder: number; name: string }[],
): Map<string, string> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const keys = new Map<string, string>();
  const keyOf = (o: (typeof orgs)[number], seen: Set<string>): string => {
    const known = keys.get(o.id);
    if (known !== undefined) return known;
    const parent = o.parentId && !seen.has(o.parentId) ? byId.get(o.parentId) : undefined;
    const prefix = parent ? keyOf(parent, new Set([...seen, o.id])) : '';
    const key = `${prefix}${String(o.sortOrder + 1_000_000).padStart(8, '0')}${o.name}\u0000${o.id}\u0001`;
    keys.set(o.id, key);
    return key;
  };
  for (const o of orgs) keyOf(o, new Set([o.id]));
  return keys;
}
