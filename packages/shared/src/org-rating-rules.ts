/**
 * 党组织星级评定 (organization star rating) — the pure rules (DOMAIN-RULES §3.9, PEER-LESSONS §8 item 17):
 * indicator points, the total score, stars from thresholds (★5 may need an innovation project), the one-vote veto,
 * quotas per star level, up/down-grades against the previous rating, the objection window and the workflow.
 * No I/O: the server module and the console both use these, and they are table- and property-tested.
 */

export const RATING_STATES = ['self_assessment', 'under_review', 'published', 'final'] as const;
export type RatingState = (typeof RATING_STATES)[number];

export const RATING_CYCLES = ['annual', 'biennial'] as const;
export type RatingCycle = (typeof RATING_CYCLES)[number];

/** Indicator sources the server can compute from data; anything else (or a source that answers null) is manual. */
export const INDICATOR_SOURCES = [
  'meeting_compliance',
  'committee_terms',
  'attendance_rate',
  'member_points',
  'secretary_satisfaction',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** Veto rules the server can detect from data; the others are recorded by a reviewer with a reason. */
export const VETO_SOURCES = ['no_activity', 'election_overdue'] as const;
export type VetoSource = (typeof VETO_SOURCES)[number];

export type OrgStarThreshold = { stars: number; minScore: number };
export type OrgStarQuota = { stars: number; maxPercent: number };

/** What decides a score's stars. */
export type OrgStarRules = {
  thresholds: readonly OrgStarThreshold[];
  quotas: readonly OrgStarQuota[];
  /** ★5 only with a 党建创新项目 (五星创评); without one a ★5 score is rated at the next level it reaches. */
  requiresInnovationFor5Star: boolean;
  /** Bonus points may lift the total above the base (the sum of the core indicators' maxima). */
  allowAboveBase: boolean;
  /** The most stars an organization with a veto hit may get; null: 不定星 (not rated). */
  vetoStars: number | null;
};

export type RatingIndicatorKind = 'core' | 'bonus';
export type RatingIndicatorRule = { code: string; maxPoints: number; kind: RatingIndicatorKind };

/** Points carry one decimal. */
export const ratingRound = (x: number) => Math.round(x * 10 + Number.EPSILON * Math.sign(x)) / 10;

/** Points within [0, max] with one decimal; anything not a finite number counts as 0. */
export function clampIndicatorPoints(points: number, max: number): number {
  if (!Number.isFinite(points) || !Number.isFinite(max) || max <= 0) return 0;
  return ratingRound(Math.min(Math.max(points, 0), max));
}

/**
 * One indicator's points from a scorer's entry: for a computed indicator the computed points plus the scorer's
 * adjustment, otherwise the points entered; clamped to [0, max].
 */
export function indicatorPoints(
  maxPoints: number,
  entry: { computed: number | null; adjustment: number | null; points: number | null },
): number | null {
  if (entry.computed !== null) return clampIndicatorPoints(entry.computed + (entry.adjustment ?? 0), maxPoints);
  if (entry.points === null) return null;
  return clampIndicatorPoints(entry.points, maxPoints);
}

/** Maximum of the core indicators (the base, usually 100) and of the bonus indicators. */
export function ratingSchemeMaxima(indicators: readonly RatingIndicatorRule[]) {
  let base = 0;
  let bonus = 0;
  for (const i of indicators) {
    if (i.kind === 'bonus') bonus += Math.max(0, i.maxPoints);
    else base += Math.max(0, i.maxPoints);
  }
  base = ratingRound(base);
  bonus = ratingRound(bonus);
  return { base, bonus };
}

/** The most a total can reach under these rules. */
export function ratingMaxScore(
  indicators: readonly RatingIndicatorRule[],
  rules: Pick<OrgStarRules, 'allowAboveBase'>,
): number {
  const { base, bonus } = ratingSchemeMaxima(indicators);
  return rules.allowAboveBase ? ratingRound(base + bonus) : base;
}

/**
 * The total: core points plus bonus points, each indicator clamped to its maximum; without `allowAboveBase` the
 * total stops at the base maximum. Indicators missing from `points` count 0.
 */
export function ratingTotalScore(
  indicators: readonly RatingIndicatorRule[],
  points: ReadonlyMap<string, number | null>,
  rules: Pick<OrgStarRules, 'allowAboveBase'>,
) {
  let core = 0;
  let bonus = 0;
  for (const i of indicators) {
    const p = clampIndicatorPoints(points.get(i.code) ?? 0, i.maxPoints);
    if (i.kind === 'bonus') bonus += p;
    else core += p;
  }
  core = ratingRound(core);
  bonus = ratingRound(bonus);
  const { base } = ratingSchemeMaxima(indicators);
  const total = rules.allowAboveBase ? ratingRound(core + bonus) : Math.min(ratingRound(core + bonus), base);
  return { core, bonus, total, max: ratingMaxScore(indicators, rules) };
}

/** Thresholds from the most stars down. */
const byStarsDesc = (thresholds: readonly OrgStarThreshold[]) => [...thresholds].sort((a, b) => b.stars - a.stars);

export type OrgStarsReason = 'below_lowest' | 'innovation_required' | 'veto';

/**
 * Stars for a score: the most stars whose minimum the score reaches (null below the lowest threshold: 不定星);
 * ★5 without an innovation project where the scheme asks for one falls to the next level the score reaches; a veto
 * hit caps the stars at the scheme's veto result (null: not rated at all).
 */
export function orgStarsFor(
  score: number,
  rules: OrgStarRules,
  facts: { hasInnovation: boolean; vetoed: boolean },
): { stars: number | null; reasons: OrgStarsReason[] } {
  const reasons: OrgStarsReason[] = [];
  const levels = byStarsDesc(rules.thresholds);
  let stars: number | null = null;
  for (const t of levels) {
    if (score < t.minScore) continue;
    if (t.stars === 5 && rules.requiresInnovationFor5Star && !facts.hasInnovation) {
      reasons.push('innovation_required');
      continue;
    }
    stars = t.stars;
    break;
  }
  if (stars === null && !reasons.includes('innovation_required')) reasons.push('below_lowest');
  if (facts.vetoed) {
    const capped = rules.vetoStars === null || stars === null ? null : Math.min(stars, rules.vetoStars);
    if (capped !== stars) reasons.push('veto');
    stars = capped;
  }
  return { stars, reasons };
}

/** How many organizations of a campaign of `total` may hold a star level capped at `maxPercent` (rounded down). */
export const starQuotaAllowance = (total: number, maxPercent: number) =>
  Math.max(0, Math.floor((total * maxPercent) / 100 + 1e-9));

export type StarQuotaViolation = { stars: number; maxPercent: number; total: number; allowed: number; wouldBe: number };

/**
 * The quotas `adding` (the stars of ratings about to become final) would break, given the final ratings' stars so
 * far (`finalCounts`: stars → count) in a campaign of `total` rated organizations. Empty: allowed.
 */
export function starQuotaViolations(
  quotas: readonly OrgStarQuota[],
  total: number,
  finalCounts: ReadonlyMap<number, number>,
  adding: readonly (number | null)[],
): StarQuotaViolation[] {
  const out: StarQuotaViolation[] = [];
  for (const q of [...quotas].sort((a, b) => b.stars - a.stars)) {
    const added = adding.filter((s) => s === q.stars).length;
    if (added === 0) continue;
    const wouldBe = (finalCounts.get(q.stars) ?? 0) + added;
    const allowed = starQuotaAllowance(total, q.maxPercent);
    if (wouldBe > allowed) out.push({ stars: q.stars, maxPercent: q.maxPercent, total, allowed, wouldBe });
  }
  return out;
}

/** Quota usage of a campaign for its board. */
export function starQuotaUsage(quotas: readonly OrgStarQuota[], total: number, counts: ReadonlyMap<number, number>) {
  return [...quotas]
    .sort((a, b) => b.stars - a.stars)
    .map((q) => ({
      stars: q.stars,
      maxPercent: q.maxPercent,
      allowed: starQuotaAllowance(total, q.maxPercent),
      used: counts.get(q.stars) ?? 0,
    }));
}

export type StarChange = 'up' | 'down' | 'same' | 'new';

/** 升星 / 降星 against the previous final rating (not rated counts as 0 stars); 'new' without a previous rating. */
export function starChange(previous: { stars: number | null } | null, current: number | null): StarChange {
  if (!previous) return 'new';
  const a = previous.stars ?? 0;
  const b = current ?? 0;
  return b > a ? 'up' : b < a ? 'down' : 'same';
}

/** A metric mapped linearly onto [0, 1]: `zeroAt` or less gives 0, `fullAt` or more gives 1. */
export function indicatorMetricRatio(value: number, map: { zeroAt: number; fullAt: number }): number {
  if (!Number.isFinite(value)) return 0;
  if (map.fullAt === map.zeroAt) return value >= map.fullAt ? 1 : 0;
  const r = (value - map.zeroAt) / (map.fullAt - map.zeroAt);
  return Math.min(1, Math.max(0, r));
}

/** Default metric mappings per source, used when an indicator does not set its own. */
export const INDICATOR_SOURCE_DEFAULT_MAPS: Record<IndicatorSource, { zeroAt: number; fullAt: number }> = {
  meeting_compliance: { zeroAt: 0, fullAt: 1 },
  committee_terms: { zeroAt: 0, fullAt: 1 },
  attendance_rate: { zeroAt: 0.6, fullAt: 0.95 },
  member_points: { zeroAt: 60, fullAt: 90 },
  secretary_satisfaction: { zeroAt: 0.5, fullAt: 0.95 },
};

/** Computed points of an indicator from its metric. */
export const computedIndicatorPoints = (maxPoints: number, value: number, map: { zeroAt: number; fullAt: number }) =>
  clampIndicatorPoints(maxPoints * indicatorMetricRatio(value, map), maxPoints);

/** The mean of several reviewers' points, one decimal. */
export function meanReviewPoints(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return ratingRound(values.reduce((a, b) => a + b, 0) / values.length);
}

/** The years a campaign of `year` covers: the year itself, or it and the one before for a biennial scheme. */
export const ratingPeriodYears = (cycle: RatingCycle, year: number) =>
  cycle === 'biennial' ? [year - 1, year] : [year];

// --- workflow ------------------------------------------------------------------------------------------------

export const RATING_ACTIONS = [
  'edit_self',
  'submit',
  'return',
  'review',
  'veto',
  'publish',
  'object',
  'answer',
  'reopen',
  'finalize',
  'adjust',
] as const;
export type RatingAction = (typeof RATING_ACTIONS)[number];

/** In which states an action is allowed, and where it leads (absent: the state stays). */
export const RATING_WORKFLOW: Record<RatingAction, { from: readonly RatingState[]; to?: RatingState }> = {
  edit_self: { from: ['self_assessment'] },
  submit: { from: ['self_assessment'], to: 'under_review' },
  return: { from: ['under_review'], to: 'self_assessment' },
  review: { from: ['under_review'] },
  veto: { from: ['under_review'] },
  publish: { from: ['under_review'], to: 'published' },
  object: { from: ['published'] },
  answer: { from: ['published'] },
  reopen: { from: ['published'], to: 'under_review' },
  finalize: { from: ['published'], to: 'final' },
  adjust: { from: ['final'] },
};

export const canDoRating = (state: RatingState, action: RatingAction) => RATING_WORKFLOW[action].from.includes(state);

/** The state after an action, or null when the action is not allowed in this state. */
export function nextRatingState(state: RatingState, action: RatingAction): RatingState | null {
  if (!canDoRating(state, action)) return null;
  return RATING_WORKFLOW[action].to ?? state;
}

const SHANGHAI_MS = 8 * 3_600_000;

/** The local (UTC+8) date of an instant. */
const localDateOf = (at: Date) => new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/**
 * 公示期: publication for `days` days counting the day of publication; objections are taken until the start of the
 * day after the last one (Asia/Shanghai).
 */
export function ratingObjectionDeadline(publishedAt: Date, days: number): Date {
  const start = new Date(`${localDateOf(publishedAt)}T00:00:00+08:00`);
  return new Date(start.getTime() + Math.max(1, days) * 86_400_000);
}

/** Whether a published rating may become final now: the window has closed and no objection waits for an answer. */
export function ratingFinalizeBlockers(p: {
  state: RatingState;
  deadline: Date | null;
  now: Date;
  openObjections: number;
}): ('state' | 'window_open' | 'open_objections')[] {
  const out: ('state' | 'window_open' | 'open_objections')[] = [];
  if (p.state !== 'published') out.push('state');
  if (!p.deadline || p.now < p.deadline) out.push('window_open');
  if (p.openObjections > 0) out.push('open_objections');
  return out;
}

// --- scheme validation ---------------------------------------------------------------------------------------

export type RatingSchemeDefinition = OrgStarRules & {
  indicators: readonly (RatingIndicatorRule & { source?: string | null })[];
  vetoRules: readonly { code: string; source?: string | null }[];
  publicationDays: number;
};

export type RatingSchemeIssue =
  | { path: string; issue: 'duplicate_code'; code: string }
  | { path: string; issue: 'stars_range' }
  | { path: string; issue: 'duplicate_stars'; stars: number }
  | { path: string; issue: 'thresholds_order' }
  | { path: string; issue: 'no_core_indicator' }
  | { path: string; issue: 'percent_range' }
  | { path: string; issue: 'unknown_source'; source: string }
  | { path: string; issue: 'no_thresholds' }
  | { path: string; issue: 'threshold_above_max'; max: number };

/** Problems of a scheme definition, each naming the field (empty: valid). */
export function validateRatingScheme(def: RatingSchemeDefinition): RatingSchemeIssue[] {
  const issues: RatingSchemeIssue[] = [];
  const seen = new Set<string>();
  def.indicators.forEach((ind, i) => {
    if (seen.has(ind.code)) issues.push({ path: `indicators.${i}.code`, issue: 'duplicate_code', code: ind.code });
    seen.add(ind.code);
    if (ind.source && !(INDICATOR_SOURCES as readonly string[]).includes(ind.source))
      issues.push({ path: `indicators.${i}.source`, issue: 'unknown_source', source: ind.source });
  });
  if (!def.indicators.some((i) => i.kind === 'core')) issues.push({ path: 'indicators', issue: 'no_core_indicator' });
  const vetoSeen = new Set<string>();
  def.vetoRules.forEach((v, i) => {
    if (vetoSeen.has(v.code)) issues.push({ path: `vetoRules.${i}.code`, issue: 'duplicate_code', code: v.code });
    vetoSeen.add(v.code);
    if (v.source && !(VETO_SOURCES as readonly string[]).includes(v.source))
      issues.push({ path: `vetoRules.${i}.source`, issue: 'unknown_source', source: v.source });
  });
  if (def.thresholds.length === 0) issues.push({ path: 'thresholds', issue: 'no_thresholds' });
  const stars = new Set<number>();
  def.thresholds.forEach((t, i) => {
    if (!Number.isInteger(t.stars) || t.stars < 1 || t.stars > 5)
      issues.push({ path: `thresholds.${i}.stars`, issue: 'stars_range' });
    else if (stars.has(t.stars))
      issues.push({ path: `thresholds.${i}.stars`, issue: 'duplicate_stars', stars: t.stars });
    stars.add(t.stars);
  });
  const sorted = byStarsDesc(def.thresholds);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.minScore >= sorted[i - 1]!.minScore) {
      issues.push({ path: 'thresholds', issue: 'thresholds_order' });
      break;
    }
  const max = ratingMaxScore(def.indicators, def);
  def.thresholds.forEach((t, i) => {
    if (t.minScore > max) issues.push({ path: `thresholds.${i}.minScore`, issue: 'threshold_above_max', max });
  });
  const quotaStars = new Set<number>();
  def.quotas.forEach((q, i) => {
    if (!Number.isInteger(q.stars) || q.stars < 1 || q.stars > 5)
      issues.push({ path: `quotas.${i}.stars`, issue: 'stars_range' });
    else if (quotaStars.has(q.stars))
      issues.push({ path: `quotas.${i}.stars`, issue: 'duplicate_stars', stars: q.stars });
    quotaStars.add(q.stars);
    if (!(q.maxPercent >= 0 && q.maxPercent <= 100))
      issues.push({ path: `quotas.${i}.maxPercent`, issue: 'percent_range' });
  });
  if (def.vetoStars !== null && (!Number.isInteger(def.vetoStars) || def.vetoStars < 1 || def.vetoStars > 5))
    issues.push({ path: 'vetoStars', issue: 'stars_range' });
  return issues;
}
