/**
 * Pure rules of 书记述职评议 (DOMAIN-RULES §3.7) and 民主评议党员 (DOMAIN-RULES §3.2). No I/O: the server and the
 * console both use them, and evaluation-rules.test.ts covers them with tables. How they are applied: docs/evaluation.md.
 */

/** 述职评议 测评等次: 好 / 较好 / 一般 / 差. */
export const SECRETARY_CHOICES = ['good', 'fairly_good', 'average', 'poor'] as const;
export type SecretaryChoice = (typeof SECRETARY_CHOICES)[number];

/** 民主评议党员 等次: 优秀 / 合格 / 基本合格 / 不合格 (best first). */
export const MEMBER_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type MemberGrade = (typeof MEMBER_GRADES)[number];

export const EVALUATION_KINDS = ['secretary_review', 'member_evaluation'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/**
 * Campaign states. 述职评议: preparing 准备（述职报告） → voting 测评中 → closed 已出结果 (点评, 整改).
 * 民主评议: preparing 自评 → voting 民主测评 → closed 计票完成（支部提出等次） → submitted 已报上级 → confirmed 上级已审定
 * (grades published); a submitted proposal may be returned to closed.
 */
export const CAMPAIGN_STATUSES = ['preparing', 'voting', 'closed', 'submitted', 'confirmed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const TRANSITIONS: Record<EvaluationKind, Partial<Record<CampaignStatus, readonly CampaignStatus[]>>> = {
  secretary_review: { preparing: ['voting'], voting: ['closed'] },
  member_evaluation: {
    preparing: ['voting'],
    voting: ['closed'],
    closed: ['submitted'],
    submitted: ['confirmed', 'closed'],
  },
};

export function canTransition(kind: EvaluationKind, from: CampaignStatus, to: CampaignStatus): boolean {
  return TRANSITIONS[kind][from]?.includes(to) ?? false;
}

/** Tallies are shown only once voting has ended, so watching them move during voting cannot reveal a ballot. */
export const resultsVisible = (status: CampaignStatus) => status !== 'preparing' && status !== 'voting';

// ---------------------------------------------------------------------------------------------------------------
// 述职评议: aggregation

export type SecretaryTally = Record<SecretaryChoice, number>;

/** Satisfaction thresholds in percent of (好 + 较好) among the ballots cast for the secretary. */
export type SatisfactionThresholds = { good: number; fairlyGood: number; average: number };

/**
 * Defaults (local practice, configurable in `rule_settings`): ≥ 90 % 好, ≥ 70 % 较好, ≥ 50 % 一般, below 50 % 差 —
 * the Guangxi 分类定级 rule rates an organization 较差 when satisfaction is under 50 % (DOMAIN-RULES §3.7).
 */
export const DEFAULT_SATISFACTION_THRESHOLDS: SatisfactionThresholds = { good: 90, fairlyGood: 70, average: 50 };

export function thresholdsValid(t: SatisfactionThresholds): boolean {
  const ok = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
  return ok(t.good) && ok(t.fairlyGood) && ok(t.average) && t.good >= t.fairlyGood && t.fairlyGood >= t.average;
}

export const emptySecretaryTally = (): SecretaryTally => ({ good: 0, fairly_good: 0, average: 0, poor: 0 });

export type SecretaryResult = {
  total: number;
  /** (好 + 较好) / total, rounded to 0.1 %; null without ballots. */
  satisfactionPercent: number | null;
  grade: SecretaryChoice | null;
};

/** The overall grade from the tally: the satisfaction share against the thresholds (integer arithmetic). */
export function secretaryResult(tally: SecretaryTally, t: SatisfactionThresholds): SecretaryResult {
  const total = tally.good + tally.fairly_good + tally.average + tally.poor;
  if (total === 0) return { total, satisfactionPercent: null, grade: null };
  const satisfied = tally.good + tally.fairly_good;
  const reaches = (percent: number) => satisfied * 100 >= percent * total;
  const grade: SecretaryChoice = reaches(t.good)
    ? 'good'
    : reaches(t.fairlyGood)
      ? 'fairly_good'
      : reaches(t.average)
        ? 'average'
        : 'poor';
  return { total, satisfactionPercent: Math.round((satisfied * 1000) / total) / 10, grade };
}

// ---------------------------------------------------------------------------------------------------------------
// 民主评议党员: 1/3 rule, suggestions

export type MemberTally = Record<MemberGrade, number>;
export const emptyMemberTally = (): MemberTally => ({
  excellent: 0,
  qualified: 0,
  basically_qualified: 0,
  unqualified: 0,
});

/** 优秀 at most 1/N of those graded (N = 3 by the rule; rounded down). */
export const excellentQuota = (graded: number, denominator = 3) =>
  denominator > 0 ? Math.floor(graded / denominator) : graded;

export type QuotaCheck =
  | { ok: true; graded: number; excellent: number; max: number }
  | { ok: false; reason: 'missing'; missing: number; graded: number }
  | { ok: false; reason: 'over'; excellent: number; graded: number; max: number };

/**
 * Before the branch submits and the superior confirms: every graded member has a grade, and 优秀 ≤ 1/N of them.
 * Probationary members are not in the list (they take part without a grade).
 */
export function checkExcellentQuota(grades: readonly (MemberGrade | null)[], denominator = 3): QuotaCheck {
  const graded = grades.length;
  const missing = grades.filter((g) => g === null).length;
  if (missing > 0) return { ok: false, reason: 'missing', missing, graded };
  const excellent = grades.filter((g) => g === 'excellent').length;
  const max = excellentQuota(graded, denominator);
  if (excellent > max) return { ok: false, reason: 'over', excellent, graded, max };
  return { ok: true, graded, excellent, max };
}

/**
 * The grade the ballots point to: the median ballot (grades ordered best → worst, the lower median on an even
 * count), so one extreme ballot cannot move a member by itself. Null without ballots.
 */
export function medianGrade(tally: MemberTally): MemberGrade | null {
  const total = MEMBER_GRADES.reduce((n, g) => n + tally[g], 0);
  if (total === 0) return null;
  const target = Math.floor(total / 2) + 1;
  let seen = 0;
  for (const g of MEMBER_GRADES) {
    seen += tally[g];
    if (seen >= target) return g;
  }
  return 'unqualified';
}

/**
 * Suggested grades for the branch's proposal: each member's median grade; when more than the quota come out 优秀,
 * those with the largest share of 优秀 ballots keep it (ties: more ballots, then id) and the rest become 合格.
 */
export function suggestGrades(
  entries: readonly { id: string; tally: MemberTally }[],
  denominator = 3,
): Map<string, MemberGrade | null> {
  const out = new Map<string, MemberGrade | null>();
  for (const e of entries) out.set(e.id, medianGrade(e.tally));
  const max = excellentQuota(entries.length, denominator);
  const share = (t: MemberTally) => {
    const total = MEMBER_GRADES.reduce((n, g) => n + t[g], 0);
    return total === 0 ? 0 : t.excellent / total;
  };
  const excellent = entries
    .filter((e) => out.get(e.id) === 'excellent')
    .sort((a, b) => share(b.tally) - share(a.tally) || b.tally.excellent - a.tally.excellent || (a.id < b.id ? -1 : 1));
  for (const e of excellent.slice(max)) out.set(e.id, 'qualified');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Turnout and 整改清单

/** Share of the roll that has voted, rounded to 0.1 %; null for an empty roll. */
export const turnoutPercent = (cast: number, eligible: number) =>
  eligible > 0 ? Math.round((cast * 1000) / eligible) / 10 : null;

export const RECTIFICATION_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** How a rectification item stands today: closed, overdue (past its due date), due soon (within N days) or on track. */
export type RectificationState = 'closed' | 'overdue' | 'due_soon' | 'on_track';

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

export function rectificationState(
  item: { status: RectificationStatus; dueOn: string },
  today: string,
  warnDays: number,
): RectificationState {
  if (item.status === 'closed') return 'closed';
  const left = dayNumber(item.dueOn) - dayNumber(today);
  if (left < 0) return 'overdue';
  if (left <= warnDays) return 'due_soon';
  return 'on_track';
}

/** Days past the due date (0 when not overdue). */
export const daysOverdue = (dueOn: string, today: string) => Math.max(0, dayNumber(today) - dayNumber(dueOn));

/** A rectification may move open ⇄ in_progress and to closed; a closed one only by reopening. */
export function rectificationCanMove(from: RectificationStatus, to: RectificationStatus): boolean {
  if (from === to) return false;
  if (from === 'closed') return to === 'in_progress';
  return true;
}
