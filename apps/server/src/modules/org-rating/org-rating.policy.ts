import { addMonths, daysBetween } from '@red-engine/shared';

/**
 * Server-side pure rules of the star rating that need no database: who may review (superior, not belonging), how
 * committee terms cover a period, when the data triggers a veto. The scoring rules themselves live in
 * packages/shared/src/org-rating-rules.ts.
 */

export type ReviewerStanding = 'ok' | 'belongs' | 'not_superior';

/**
 * Whether someone may review (or decide on) the rating of the organization at `orgPath`: they must hold
 * rating:manage at a proper ancestor (`manageRoots`), and must not belong to the organization — neither a member of
 * it or of anything below it (`memberPath`), nor holding any role there or below (`grantPaths`). Belonging is
 * checked first: an administrator of both the zone and the branch still stands aside.
 */
export function reviewerStanding(
  orgPath: string,
  p: { manageRoots: readonly string[]; grantPaths: readonly string[]; memberPath: string | null },
): ReviewerStanding {
  if (p.memberPath?.startsWith(orgPath)) return 'belongs';
  if (p.grantPaths.some((g) => g.startsWith(orgPath))) return 'belongs';
  if (!p.manageRoots.some((r) => orgPath.startsWith(r) && r !== orgPath)) return 'not_superior';
  return 'ok';
}

export type Term = { electedOn: string; expiresOn: string; termNumber?: number };

const addDaysIso = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * How much of [start, end] (dates, inclusive) a committee term was in force, judged from the first recorded
 * election on (days before it are not held against the organization: the records may begin later).
 * `total` 0 means nothing to judge.
 */
export function termCoverage(terms: readonly Term[], start: string, end: string) {
  const sorted = [...terms].sort((a, b) => a.electedOn.localeCompare(b.electedOn));
  const first = sorted[0];
  if (!first || end < start) return { total: 0, covered: 0, overdueDays: 0, from: start };
  const from = first.electedOn > start ? first.electedOn : start;
  if (from > end) return { total: 0, covered: 0, overdueDays: 0, from };
  const total = daysBetween(from, end) + 1;
  let covered = 0;
  let cursor = from; // first day not yet counted
  for (const t of sorted) {
    const s = [t.electedOn, cursor].sort()[1]!; // the later of two ISO dates
    // A term runs up to the day before its expiry date; a new election on the expiry date is on time.
    const e = addDaysIso(t.expiresOn, -1) < end ? addDaysIso(t.expiresOn, -1) : end;
    if (e >= s) {
      covered += daysBetween(s, e) + 1;
      cursor = addDaysIso(e, 1);
    }
    if (cursor > end) break;
  }
  return { total, covered, overdueDays: total - covered, from };
}

/** The term in force on a date (the last one elected on or before it). */
export function termOn(terms: readonly Term[], date: string): Term | null {
  let found: Term | null = null;
  for (const t of terms) if (t.electedOn <= date && (!found || t.electedOn > found.electedOn)) found = t;
  return found;
}

/** 逾期一年以上未换届: the term in force on `date` expired more than `graceDays` before it. */
export function electionOverdue(terms: readonly Term[], date: string, graceDays = 365) {
  const t = termOn(terms, date);
  if (!t) return null;
  const overdue = daysBetween(t.expiresOn, date);
  return overdue > graceDays ? { term: t, overdueDays: overdue } : null;
}

/**
 * 一年以上未开展组织活动: no activity in the year up to `date`, for an organization that existed that whole year
 * (founded on or before its start, or founding date unknown).
 */
export function noActivity(lastActivity: string | null, date: string, foundedOn: string | null) {
  const yearBefore = addMonths(date, -12);
  if (foundedOn && foundedOn > yearBefore) return null;
  if (lastActivity && lastActivity > yearBefore) return null;
  return { since: yearBefore, lastActivity };
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/** "Why" texts of computed indicators, in both languages. */
export const WHY = {
  period: (from: string, to: string) => ({ zh: `评定期 ${from} 至 ${to}`, en: `period ${from} to ${to}` }),
  notStarted: { zh: '评定期尚未开始，暂无数据', en: 'The rating period has not begun: no data yet' },
  compliance: (years: { year: number; rate: number | null; overdue: number }[]) => ({
    zh: years
      .map((y) =>
        y.rate === null
          ? `${y.year}年三会一课暂无应开展的周期`
          : `${y.year}年三会一课完成率 ${pct(y.rate)}，逾期 ${y.overdue} 个周期`,
      )
      .join('；'),
    en: years
      .map((y) =>
        y.rate === null
          ? `${y.year}: no 三会一课 cycle due yet`
          : `${y.year}: 三会一课 completion ${pct(y.rate)}, ${y.overdue} overdue cycle(s)`,
      )
      .join('; '),
  }),
  complianceNone: {
    zh: '该组织不在三会一课考核范围内（只考核党支部），请手工评分',
    en: 'This organization is not judged on 三会一课 (branches only): enter the points by hand',
  },
  termsNone: {
    zh: '没有录入班子届次记录，无法计算，请手工评分',
    en: 'No committee terms are recorded: enter the points by hand',
  },
  termsNotElecting: {
    zh: '该类组织不换届（由上级任命），请手工评分',
    en: 'This kind of organization does not elect a committee (appointed): enter the points by hand',
  },
  terms: (
    c: { from: string; to: string; total: number; covered: number; overdueDays: number },
    current: Term | null,
  ) => ({
    zh: `${c.from} 至 ${c.to} 共 ${c.total} 天，在任期内 ${c.covered} 天，逾期未换届 ${c.overdueDays} 天${
      current ? `；现任届次 ${current.electedOn} 当选，${current.expiresOn} 届满` : ''
    }`,
    en: `${c.from} to ${c.to}: ${c.total} days, ${c.covered} within a term, ${c.overdueDays} overdue${
      current ? `; current term elected ${current.electedOn}, expires ${current.expiresOn}` : ''
    }`,
  }),
  attendance: (c: { expected: number; present: number; meetings: number }) =>
    c.expected === 0
      ? {
          zh: '评定期内没有应参加组织生活的人次，无法计算，请手工评分',
          en: 'Nobody was expected at organizational life in the period: enter the points by hand',
        }
      : {
          zh: `${c.meetings} 次组织生活应到 ${c.expected} 人次，实到 ${c.present} 人次（含迟到、补签），出勤率 ${pct(c.present / c.expected)}`,
          en: `${c.meetings} activities: ${c.expected} expected, ${c.present} present (late and make-ups included), attendance ${pct(c.present / c.expected)}`,
        },
  points: (years: { year: number; value: number | null }[]) => ({
    zh: years.map((y) => `${y.year}年党员平均积分 ${y.value === null ? '暂无' : y.value.toFixed(1)}`).join('；'),
    en: years
      .map((y) => `${y.year}: average member points ${y.value === null ? 'n/a' : y.value.toFixed(1)}`)
      .join('; '),
  }),
  pointsNone: {
    zh: '党员积分数据暂不可用，请手工评分',
    en: 'Member points are not available: enter the points by hand',
  },
  satisfaction: (years: { year: number; value: number | null }[]) => ({
    zh: years
      .map((y) => `${y.year}年书记述职评议“好”“较好”票占比 ${y.value === null ? '暂无' : pct(y.value)}`)
      .join('；'),
    en: years
      .map((y) => `${y.year}: share of 好 and 较好 votes for the secretary ${y.value === null ? 'n/a' : pct(y.value)}`)
      .join('; '),
  }),
  satisfactionNone: {
    zh: '述职评议满意度数据暂不可用，请手工评分',
    en: 'Satisfaction from the secretary’s report evaluation is not available: enter the points by hand',
  },
  mapped: (value: string, points: number, max: number, map: { zeroAt: number; fullAt: number }, percent: boolean) => {
    const f = (x: number) => (percent ? pct(x) : String(x));
    return {
      zh: `（${f(map.zeroAt)} 得 0 分，${f(map.fullAt)} 及以上得满分 ${max} 分：${value} → ${points} 分）`,
      en: ` (${f(map.zeroAt)} gives 0, ${f(map.fullAt)} or more the full ${max}: ${value} → ${points} points)`,
    };
  },
  vetoNoActivity: (lastActivity: string | null, since: string) =>
    lastActivity
      ? `自 ${since} 起一年以上未开展组织活动（最近一次 ${lastActivity}）`
      : `自 ${since} 起一年以上没有组织活动记录`,
  vetoElectionOverdue: (t: Term, days: number) =>
    `届次 ${t.electedOn} 当选、${t.expiresOn} 届满，已逾期 ${days} 天未换届`,
};

export const percentSources = new Set([
  'meeting_compliance',
  'committee_terms',
  'attendance_rate',
  'secretary_satisfaction',
]);
