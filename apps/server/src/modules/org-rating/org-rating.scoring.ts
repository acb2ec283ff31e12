import {
  clampIndicatorPoints,
  indicatorPoints,
  meanReviewPoints,
  type OrgStarRules,
  orgStarsFor,
  type RatingIndicatorRule,
  type RatingScoreInput,
  ratingTotalScore,
} from '@red-engine/shared';
import { fieldError } from '../../core/errors.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import type { IndicatorRow, ReviewerRow, SchemeFull, ScoreRow } from './org-rating.repository.js';

/** Scorer keys of `org_rating_scores`: the data, the organization itself, or a reviewer's user id. */
export const COMPUTED = 'computed';
export const SELF = 'self';

export const indicatorRules = (s: SchemeFull): RatingIndicatorRule[] =>
  s.indicators.map((i) => ({ code: i.code, maxPoints: i.maxPoints, kind: i.kind as 'core' | 'bonus' }));

export const starRules = (s: SchemeFull): OrgStarRules => ({
  thresholds: s.thresholds,
  quotas: s.quotas,
  requiresInnovationFor5Star: s.requiresInnovationFor5Star,
  allowAboveBase: s.allowAboveBase,
  vetoStars: s.vetoStars,
});

/** Computed points per indicator id (only indicators the data could score). */
export function computedPoints(scores: readonly ScoreRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of scores) if (s.scorer === COMPUTED && s.points !== null) out.set(s.indicatorId, s.points);
  return out;
}

export type Entry = {
  indicator: IndicatorRow;
  points: number | null;
  adjustment: number | null;
  reason: string | null;
};

/**
 * Checks a scorer's entries against the scheme and the computed values: computed indicators take an adjustment
 * (with a reason when not 0), the others take points within their maximum. Each problem names its field.
 */
export function entriesOf(
  scheme: SchemeFull,
  computed: ReadonlyMap<string, number>,
  input: readonly RatingScoreInput[],
) {
  const seen = new Set<string>();
  return input.map((s, i): Entry => {
    const ind = scheme.indicators.find((x) => x.id === s.indicatorId);
    if (!ind) throw fieldError(`body.scores.${i}.indicatorId`, RM.ratingIndicatorUnknown);
    if (seen.has(ind.id)) throw fieldError(`body.scores.${i}.indicatorId`, RM.ratingIndicatorTwice);
    seen.add(ind.id);
    const reason = s.reason?.trim() || null;
    const c = computed.get(ind.id);
    if (c !== undefined) {
      if (s.points !== undefined && s.points !== null)
        throw fieldError(`body.scores.${i}.points`, RM.ratingIndicatorComputed(ind.nameZh));
      const adjustment = s.adjustment ?? 0;
      if (adjustment !== 0 && !reason)
        throw fieldError(`body.scores.${i}.reason`, RM.ratingAdjustmentReason(ind.nameZh));
      return {
        indicator: ind,
        points: indicatorPoints(ind.maxPoints, { computed: c, adjustment, points: null }),
        adjustment,
        reason,
      };
    }
    if (s.adjustment !== undefined && s.adjustment !== null && s.adjustment !== 0)
      throw fieldError(`body.scores.${i}.adjustment`, RM.ratingAdjustmentNotComputed(ind.nameZh));
    if (s.points !== undefined && s.points !== null && s.points > ind.maxPoints)
      throw fieldError(`body.scores.${i}.points`, RM.ratingPointsAboveMax(ind.nameZh, ind.maxPoints));
    const points = s.points === undefined || s.points === null ? null : clampIndicatorPoints(s.points, ind.maxPoints);
    return { indicator: ind, points, adjustment: null, reason };
  });
}

/** Points per indicator code of one scorer. */
export function pointsOfScorer(scheme: SchemeFull, scores: readonly ScoreRow[], scorer: string) {
  const byId = new Map(scores.filter((s) => s.scorer === scorer).map((s) => [s.indicatorId, s.points]));
  return new Map(scheme.indicators.map((i) => [i.code, byId.get(i.id) ?? null]));
}

/** Indicators a scorer has not scored yet (computed ones count as scored: adjustment 0). */
export function missingOf(scheme: SchemeFull, scores: readonly ScoreRow[], scorer: string) {
  const computed = computedPoints(scores);
  const mine = new Map(scores.filter((s) => s.scorer === scorer).map((s) => [s.indicatorId, s]));
  return scheme.indicators.filter((i) => !computed.has(i.id) && (mine.get(i.id)?.points ?? null) === null);
}

/** The reviewers whose entries count: those who submitted, or everyone with entries when nobody has yet. */
export function countingReviewers(reviewers: readonly ReviewerRow[], onlySubmitted: boolean) {
  const submitted = reviewers.filter((r) => r.submittedAt);
  return onlySubmitted || submitted.length > 0 ? submitted : reviewers;
}

/** The reviewers' mean points per indicator code (a computed indicator nobody adjusted counts its computed points). */
export function reviewMeans(scheme: SchemeFull, scores: readonly ScoreRow[], reviewerIds: readonly string[]) {
  const computed = computedPoints(scores);
  const out = new Map<string, number | null>();
  for (const ind of scheme.indicators) {
    const values: number[] = [];
    for (const id of reviewerIds) {
      const s = scores.find((x) => x.scorer === id && x.indicatorId === ind.id);
      const p = s?.points ?? computed.get(ind.id) ?? null;
      if (p !== null) values.push(p);
    }
    out.set(ind.code, meanReviewPoints(values));
  }
  return out;
}

export const totalsOf = (scheme: SchemeFull, points: ReadonlyMap<string, number | null>) => {
  const t = ratingTotalScore(indicatorRules(scheme), points, scheme);
  return { core: t.core, bonus: t.bonus, total: t.total };
};

/** Score and stars the rules give for a set of points. */
export function resultOf(
  scheme: SchemeFull,
  points: ReadonlyMap<string, number | null>,
  facts: { hasInnovation: boolean; vetoed: boolean },
) {
  const totals = totalsOf(scheme, points);
  const { stars, reasons } = orgStarsFor(totals.total, starRules(scheme), facts);
  return { totals, stars, reasons: reasons as string[] };
}

/** What the audit trail keeps of a scorer's entries. */
export const entriesAudit = (entries: readonly Entry[]) =>
  entries.map((e) => ({ indicator: e.indicator.code, points: e.points, adjustment: e.adjustment, reason: e.reason }));
