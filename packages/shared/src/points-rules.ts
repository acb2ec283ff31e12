/**
 * 党员积分 · 评星: the pure rules (PRODUCT §3.4, DOMAIN-RULES §3.8, PEER-LESSONS §3 and §8 item 5). No I/O: the
 * server plans grants with these functions inside its transaction, and the tests drive them directly.
 *
 * - Period keys: day `2026-11-03`, month `2026-11`, quarter `2026-Q4`, year `2026`, all in Asia/Shanghai (UTC+8, no
 *   daylight saving), so an instant maps to one local date whatever the server's clock zone.
 * - Caps: a rule may cap its net points per day, per month and per year; a grant is cut to the room left in every
 *   window (a partial grant when some room is left, a 0-point entry noting the cap when none is). Deductions are capped
 *   by magnitude the same way. Reversals count in the windows, so a correction gives the room back.
 * - Idempotency: every planned grant has a key (rule version, rule, member, source, period); a key already booked is
 *   never booked again, so re-running a grant changes nothing.
 * - Stars: from the annual score and the thresholds of the scheme (default 60/70/80/90/96 of the 华宁县 template);
 *   不合格 in the democratic evaluation gives 0 stars, a veto item makes the score 0.
 */
import { addCalendarDays, isWorkingDay, type WorkingCalendar } from './recruitment-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

/** Where a point comes from. Only some exist yet; the others plug in later through the server's PointSource. */
export const POINT_SOURCE_TYPES = [
  'base',
  'attendance',
  'absence_without_leave',
  'study',
  'quiz',
  'competition',
  'volunteer_hours',
  'adopted_suggestion',
  'dues_on_time',
  'manual',
] as const;
export type PointSourceType = (typeof POINT_SOURCE_TYPES)[number];

/** Sources with a provider in this release (the rest are listed in rules and wait for their module). */
export const AVAILABLE_POINT_SOURCES: ReadonlySet<PointSourceType> = new Set([
  'base',
  'attendance',
  'absence_without_leave',
  'volunteer_hours',
  'competition',
  'quiz',
  'study',
  'manual',
]);

/** 基础分 · 组织生活 · 学习教育 · 履行义务 · 先锋作用 · 遵纪守法 */
export const POINT_CATEGORIES = ['basic', 'org_life', 'study', 'duty', 'pioneer', 'discipline'] as const;
export type PointCategory = (typeof POINT_CATEGORIES)[number];

/** Per occurrence, or once per month / quarter / year. */
export const POINT_UNITS = ['occurrence', 'month', 'quarter', 'year'] as const;
export type PointUnit = (typeof POINT_UNITS)[number];

/** 免扣 categories: 年老 (age from the scheme), 长期患病, 行动不便, 其他 (branch decision). */
export const EXEMPTION_CATEGORIES = ['elderly', 'long_ill', 'disabled', 'other'] as const;
export type ExemptionCategory = (typeof EXEMPTION_CATEGORIES)[number];

/** 民主评议党员 grades (DOMAIN-RULES §3.2) as the points scheme reads them. */
export const POINTS_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type PointsGrade = (typeof POINTS_GRADES)[number];

export const PERIOD_KINDS = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Dates and period keys (Asia/Shanghai)

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The local date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a local date starts in Asia/Shanghai. */
export const shanghaiMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

const pad2 = (n: number) => String(n).padStart(2, '0');

export function periodKeyOf(kind: PeriodKind, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  switch (kind) {
    case 'day':
      return date.slice(0, 10);
    case 'month':
      return `${y}-${pad2(m)}`;
    case 'quarter':
      return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year':
      return y;
  }
}

/** The period a rule of this unit is granted once in (per occurrence: the day). */
export const unitPeriodKind = (unit: PointUnit): PeriodKind => (unit === 'occurrence' ? 'day' : unit);

export type Period = { kind: PeriodKind; key: string; start: string; end: string; year: number };

const PERIOD_RE = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])))?$/;

/** Parses a period key into its first day and the day after its last (both local dates); null when malformed. */
export function parsePeriodKey(key: string): Period | null {
  const m = PERIOD_RE.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1921 || year > 2200) return null;
  if (m[4]) {
    const q = Number(m[4]);
    const start = `${year}-${pad2(q * 3 - 2)}-01`;
    const end = q === 4 ? `${year + 1}-01-01` : `${year}-${pad2(q * 3 + 1)}-01`;
    return { kind: 'quarter', key, start, end, year };
  }
  if (m[2] && m[3]) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    )
      return null;
    return { kind: 'day', key, start: date, end: addCalendarDays(date, 1), year };
  }
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const start = `${year}-${pad2(month)}-01`;
    const end = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
    return { kind: 'month', key, start, end, year };
  }
  return { kind: 'year', key, start: `${year}-01-01`, end: `${year + 1}-01-01`, year };
}

/** Whether a local date lies in a period. */
export const inPeriod = (date: string, p: Pick<Period, 'start' | 'end'>) => date >= p.start && date < p.end;

/** Whole years between two dates (age on a date). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// The scheme of a rule version

export type PointScheme = {
  /** Annual score needed for ★1…★5 (ascending); below the first: no star (不合格 in the 华宁县 template). */
  starThresholds: [number, number, number, number, number];
  /** 民主评议 不合格 → 0 stars whatever the points. */
  unqualifiedZeroStars: boolean;
  /** Points added to the annual score by grade before the thresholds apply ("积分 + 民主评议"). */
  gradeBonus: Record<PointsGrade, number>;
  /** A veto item (一票否决) booked in the year makes the annual score 0. */
  vetoZeroesScore: boolean;
  /** Objection window after a publication, in working days of the zone's calendar. */
  objectionWorkingDays: number;
  /** Members of at least this age are in the exemption category `elderly`. */
  elderlyAge: number;
};

export const DEFAULT_POINT_SCHEME: PointScheme = {
  starThresholds: [60, 70, 80, 90, 96],
  unqualifiedZeroStars: true,
  gradeBonus: { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 },
  vetoZeroesScore: true,
  objectionWorkingDays: 5,
  elderlyAge: 70,
};

/** Problems of a scheme, as [field, problem] pairs (empty when valid). */
export function schemeProblems(s: PointScheme): [string, 'thresholds_ascending' | 'range'][] {
  const out: [string, 'thresholds_ascending' | 'range'][] = [];
  for (let i = 1; i < s.starThresholds.length; i++)
    if (s.starThresholds[i]! <= s.starThresholds[i - 1]!) out.push([`starThresholds.${i}`, 'thresholds_ascending']);
  if (s.objectionWorkingDays < 1 || s.objectionWorkingDays > 30) out.push(['objectionWorkingDays', 'range']);
  if (s.elderlyAge < 50 || s.elderlyAge > 120) out.push(['elderlyAge', 'range']);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules and caps

export type PointRuleDef = {
  code: string;
  category: PointCategory;
  nameZh: string;
  nameEn: string;
  /** Signed: a deduction is negative. 0 only for veto items. */
  points: number;
  unit: PointUnit;
  /** Caps on the net points of this rule per day / month / year (magnitudes); null = no cap. */
  capDay: number | null;
  capMonth: number | null;
  capYear: number | null;
  evidenceRequired: boolean;
  source: PointSourceType;
  approvalRequired: boolean;
  veto: boolean;
  exemptCategories: ExemptionCategory[];
};

/** Problems of a rule definition, as [field, problem] pairs. */
export function ruleProblems(
  r: PointRuleDef,
): [keyof PointRuleDef, 'zero_points' | 'veto_points' | 'cap_order' | 'manual_only' | 'exempt_deduction_only'][] {
  const out: ReturnType<typeof ruleProblems> = [];
  if (r.veto && r.points !== 0) out.push(['points', 'veto_points']);
  if (!r.veto && r.points === 0) out.push(['points', 'zero_points']);
  if (r.capDay !== null && r.capMonth !== null && r.capDay > r.capMonth) out.push(['capDay', 'cap_order']);
  if (r.capMonth !== null && r.capYear !== null && r.capMonth > r.capYear) out.push(['capMonth', 'cap_order']);
  if (r.capDay !== null && r.capYear !== null && r.capDay > r.capYear) out.push(['capDay', 'cap_order']);
  if ((r.approvalRequired || r.veto) && r.source !== 'manual') out.push(['approvalRequired', 'manual_only']);
  if (r.exemptCategories.length > 0 && r.points >= 0) out.push(['exemptCategories', 'exempt_deduction_only']);
  return out;
}

/** Points already booked for a rule and member on a day (entries or daily sums; reversals included, negative). */
export type Booked = { memberId: string; ruleCode: string; occurredOn: string; points: number };

/** The room a window leaves for a grant of this sign: cap minus what is booked there, in the rule's direction. */
function room(cap: number | null, used: number, sign: 1 | -1): number {
  if (cap === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, cap - sign * used);
}

/**
 * The points a grant of `nominal` may book given what its day, month and year already hold for this rule: the smallest
 * room of the three windows, never past the nominal amount, never of the other sign.
 */
export function cappedPoints(
  nominal: number,
  caps: Pick<PointRuleDef, 'capDay' | 'capMonth' | 'capYear'>,
  used: { day: number; month: number; year: number },
): number {
  if (nominal === 0) return 0;
  const sign: 1 | -1 = nominal > 0 ? 1 : -1;
  const r = Math.min(
    Math.abs(nominal),
    room(caps.capDay, used.day, sign),
    room(caps.capMonth, used.month, sign),
    room(caps.capYear, used.year, sign),
  );
  return r === 0 ? 0 : sign * r;
}

/** Net points of a rule and member in the day, month and year of `date`. */
export class CapBook {
  private readonly sums = new Map<string, number>();

  constructor(booked: Iterable<Booked> = []) {
    for (const b of booked) this.add(b);
  }

  private static keys(b: Pick<Booked, 'memberId' | 'ruleCode' | 'occurredOn'>) {
    const base = `${b.memberId}|${b.ruleCode}|`;
    return [base + b.occurredOn.slice(0, 10), base + b.occurredOn.slice(0, 7), base + b.occurredOn.slice(0, 4)];
  }

  add(b: Booked): void {
    if (b.points === 0) return;
    for (const k of CapBook.keys(b)) this.sums.set(k, (this.sums.get(k) ?? 0) + b.points);
  }

  used(b: Pick<Booked, 'memberId' | 'ruleCode' | 'occurredOn'>): { day: number; month: number; year: number } {
    const [d, m, y] = CapBook.keys(b).map((k) => this.sums.get(k) ?? 0) as [number, number, number];
    return { day: d, month: m, year: y };
  }
}

/** One event a source or a person asks to be booked. */
export type GrantCandidate = {
  memberId: string;
  occurredOn: string;
  sourceType: PointSourceType;
  sourceId: string;
  label: string;
};

/** A rule as it applies to candidates: its version and the rule itself. */
export type VersionedRule = { versionId: string; rule: PointRuleDef };

export type PlannedEntry = GrantCandidate & {
  key: string;
  versionId: string;
  ruleCode: string;
  periodKey: string;
  nominalPoints: number;
  points: number;
  /** null, 'capped' (cut or zeroed by a cap) or `exempt:<category>` (a deduction not applied). */
  adjustment: string | null;
};

/** The idempotency key of a grant: rule version, rule, member, source and period. */
export const grantKey = (
  versionId: string,
  ruleCode: string,
  memberId: string,
  sourceType: string,
  sourceId: string,
  periodKey: string,
) => `${versionId}|${ruleCode}|${memberId}|${sourceType}:${sourceId}|${periodKey}`;

/** The key of the one reversal an entry may have. */
export const reversalKey = (entryId: string) => `reversal|${entryId}`;

/**
 * Plans the entries for candidates, in the order given, against what is booked: candidates whose key is taken (or
 * repeated) are left out; the others get the rule's points cut by the caps, or 0 with the exemption noted when the
 * member is exempt from a deduction. `exemptions(memberId, date)` answers the member's categories on that date.
 */
export function planGrants(input: {
  candidates: readonly (GrantCandidate & VersionedRule)[];
  booked: Iterable<Booked>;
  takenKeys: ReadonlySet<string>;
  exemptions?: (memberId: string, date: string) => readonly ExemptionCategory[];
}): PlannedEntry[] {
  const book = new CapBook(input.booked);
  const seen = new Set<string>();
  const out: PlannedEntry[] = [];
  for (const c of input.candidates) {
    const periodKey = periodKeyOf(unitPeriodKind(c.rule.unit), c.occurredOn);
    const key = grantKey(c.versionId, c.rule.code, c.memberId, c.sourceType, c.sourceId, periodKey);
    if (input.takenKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    let points = c.rule.points;
    let adjustment: string | null = null;
    if (points < 0 && c.rule.exemptCategories.length > 0) {
      const mine = input.exemptions?.(c.memberId, c.occurredOn) ?? [];
      const hit = c.rule.exemptCategories.find((cat) => mine.includes(cat));
      if (hit) {
        points = 0;
        adjustment = `exempt:${hit}`;
      }
    }
    if (points !== 0) {
      const capped = cappedPoints(points, c.rule, book.used({ ...c, ruleCode: c.rule.code }));
      if (capped !== points) adjustment = 'capped';
      points = capped;
    }
    const entry: PlannedEntry = {
      memberId: c.memberId,
      occurredOn: c.occurredOn,
      sourceType: c.sourceType,
      sourceId: c.sourceId,
      label: c.label,
      key,
      versionId: c.versionId,
      ruleCode: c.rule.code,
      periodKey,
      nominalPoints: c.rule.points,
      points,
      adjustment,
    };
    book.add({ memberId: c.memberId, ruleCode: c.rule.code, occurredOn: c.occurredOn, points });
    out.push(entry);
  }
  return out;
}

/** The version in force on a date: the latest effective on or before it (versions in any order). */
export function versionOn<V extends { effectiveFrom: string }>(versions: readonly V[], date: string): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

/** Where a version stands today: in force, scheduled (not yet), or superseded by a later one in force. */
export function versionState(
  v: { effectiveFrom: string },
  versions: readonly { effectiveFrom: string }[],
  today: string,
): 'current' | 'scheduled' | 'superseded' {
  if (v.effectiveFrom > today) return 'scheduled';
  return versionOn(versions, today)?.effectiveFrom === v.effectiveFrom ? 'current' : 'superseded';
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance as a source

/** A participant of an ended meeting: attended (present, late, made up), excused (approved leave) or absent. */
export function attendanceOutcome(
  attendanceStatus: string | null,
  leaveApproved: boolean,
): 'attended' | 'excused' | 'absent' {
  if (attendanceStatus === 'present' || attendanceStatus === 'late' || attendanceStatus === 'made_up')
    return 'attended';
  return leaveApproved ? 'excused' : 'absent';
}

// ---------------------------------------------------------------------------------------------------------------
// Publication and objections

/**
 * The last day members may object to a publication made on `publishedOn`: the `workingDays`-th working day after it
 * (the day of publication does not count, so members always get that many full working days).
 */
export function objectionDeadline(publishedOn: string, workingDays: number, cal: WorkingCalendar): string {
  let d = publishedOn;
  let n = 0;
  while (n < Math.max(1, workingDays)) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) n++;
  }
  return d;
}

export const objectionOpen = (deadline: string, today: string) => today <= deadline;

/** Month and quarter keys may be published (not days or years). */
export const publishablePeriod = (key: string) => {
  const p = parsePeriodKey(key);
  return p && (p.kind === 'month' || p.kind === 'quarter') ? p : null;
};

// ---------------------------------------------------------------------------------------------------------------
// Stars and standing

export type StarVerdict = {
  /** The annual score the thresholds were applied to. */
  score: number;
  stars: 0 | 1 | 2 | 3 | 4 | 5;
  basis: 'thresholds' | 'below_threshold' | 'unqualified' | 'veto';
};

/** Annual stars from the ledger total, the democratic evaluation grade (null: none yet) and the veto flag. */
export function starsOf(
  input: { total: number; grade: PointsGrade | null; vetoed: boolean },
  scheme: Pick<PointScheme, 'starThresholds' | 'unqualifiedZeroStars' | 'gradeBonus' | 'vetoZeroesScore'>,
): StarVerdict {
  if (input.vetoed && scheme.vetoZeroesScore) return { score: 0, stars: 0, basis: 'veto' };
  const score = input.total + (input.grade ? (scheme.gradeBonus[input.grade] ?? 0) : 0);
  if (input.grade === 'unqualified' && scheme.unqualifiedZeroStars) return { score, stars: 0, basis: 'unqualified' };
  let stars = 0;
  for (const t of scheme.starThresholds) if (score >= t) stars++;
  return { score, stars: stars as StarVerdict['stars'], basis: stars === 0 ? 'below_threshold' : 'thresholds' };
}

/** Score bands of the distribution, aligned with the star thresholds: below ★1, ★1 … ★5. */
export function bandOf(score: number, thresholds: readonly number[]): number {
  let band = 0;
  for (const t of thresholds) if (score >= t) band++;
  return band;
}

export const STANDING_BANDS = ['top', 'upper', 'middle', 'lower'] as const;
export type StandingBand = (typeof STANDING_BANDS)[number];

/**
 * A member's standing in their branch without naming anyone: the share of the others scoring lower (ties count
 * half), as a percentile 0–100, and a band (前20% / 20–50% / 50–80% / 后20%). Null alone in the branch.
 */
export function standingOf(mine: number, others: readonly number[]): { percentile: number; band: StandingBand } | null {
  if (others.length === 0) return null;
  let below = 0;
  for (const o of others) below += o < mine ? 1 : o === mine ? 0.5 : 0;
  const percentile = Math.round((below / others.length) * 100);
  const band: StandingBand =
    percentile >= 80 ? 'top' : percentile >= 50 ? 'upper' : percentile >= 20 ? 'middle' : 'lower';
  return { percentile, band };
}

/** Whether a rule of this version may be granted by hand (manual source). */
export const isManualRule = (r: Pick<PointRuleDef, 'source'>) => r.source === 'manual';
