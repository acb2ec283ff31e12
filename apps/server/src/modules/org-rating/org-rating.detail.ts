import { type OrgRatingDetail, type RatingState, todayInChina } from '@red-engine/shared';
import type { Actor } from '../../core/actor.js';
import { isPathInScope } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { manageRoots, readRoots } from './org-rating.access.js';
import {
  iso,
  isoOrNull,
  toEvidenceDto,
  toHistoryDto,
  toObjectionDto,
  toRatingRowDto,
  toReviewerDto,
  toSchemeDto,
  toScoreEntry,
  toVetoDto,
} from './org-rating.mapper.js';
import { reviewerStanding } from './org-rating.policy.js';
import type { OrgRatingRepository, RatingRow } from './org-rating.repository.js';
import {
  COMPUTED,
  countingReviewers,
  pointsOfScorer,
  resultOf,
  reviewMeans,
  SELF,
  totalsOf,
} from './org-rating.scoring.js';

const shown = (state: string) => state === 'published' || state === 'final';

/** The whole of one rating as the caller may see it: reviewers' scores stay hidden from the rated side until published. */
export async function buildDetail(
  deps: { repo: OrgRatingRepository; now: Date },
  actor: Actor,
  rating: RatingRow,
  tx: DbOrTx,
): Promise<OrgRatingDetail> {
  const { repo, now } = deps;
  const campaign = (await repo.campaign(rating.campaignId, tx))!;
  const [all, scores, reviewers, evidence, vetoes, objections, history, board, member] = await Promise.all([
    repo.schemes(tx),
    repo.scores(rating.id, tx),
    repo.reviewers(rating.id, tx),
    repo.evidence(rating.id, tx),
    repo.vetoes(rating.id, tx),
    repo.objections(rating.id, tx),
    repo.history(rating.orgId, tx),
    repo.board(rating.campaignId, [rating.orgPath], actor.userId, tx),
    repo.memberPathOf(actor.userId, tx),
  ]);
  const scheme = all.find((s) => s.id === campaign.schemeId)!;
  const row = board.find((b) => b.id === rating.id)!;
  const state = rating.state as RatingState;
  const grantPaths = actor.roles.map((r) => r.orgPath);
  const memberPath = member?.org_path ?? null;
  const standing = reviewerStanding(rating.orgPath, { manageRoots: manageRoots(actor), grantPaths, memberPath });
  // Superiors (even read-only ones) see the review as it goes; the rated side sees it once published.
  const superiorView =
    reviewerStanding(rating.orgPath, { manageRoots: readRoots(actor), grantPaths, memberPath }) === 'ok';
  const reviewVisible = superiorView || shown(state);
  const canManageHere = isPathInScope(actor, 'rating:manage', rating.orgPath);
  const counting = countingReviewers(reviewers, shown(state)).map((r) => r.userId);
  const means = reviewMeans(scheme, scores, counting);
  const active = vetoes.filter((v) => !v.clearedAt);
  const selfPoints = pointsOfScorer(scheme, scores, SELF);
  const anySelf = scores.some((s) => s.scorer === SELF);
  const preview =
    reviewVisible && counting.length > 0
      ? resultOf(scheme, means, { hasInnovation: rating.hasInnovation, vetoed: active.length > 0 })
      : null;

  return {
    ...toRatingRowDto(row, reviewVisible),
    campaignId: campaign.id,
    campaignName: campaign.name,
    year: rating.year,
    scheme: toSchemeDto(scheme, all, todayInChina(now)),
    innovationNote: rating.innovationNote,
    returnedReason: rating.returnedReason,
    ruleStars: shown(state) ? rating.ruleStars : null,
    starsReasons: shown(state) ? rating.starsReasons : [],
    overrideReason: shown(state) ? rating.overrideReason : null,
    computedAt: isoOrNull(rating.computedAt),
    submittedAt: isoOrNull(rating.submittedAt),
    selfTotals: anySelf ? totalsOf(scheme, selfPoints) : null,
    reviewTotals: preview ? preview.totals : null,
    preview: preview ? { score: preview.totals.total, stars: preview.stars, reasons: preview.reasons } : null,
    indicators: scheme.indicators.map((ind) => {
      const c = scores.find((s) => s.scorer === COMPUTED && s.indicatorId === ind.id);
      const detail = (c?.detail ?? {}) as { whyZh?: string; whyEn?: string; facts?: Record<string, unknown> };
      const self = scores.find((s) => s.scorer === SELF && s.indicatorId === ind.id);
      return {
        indicator: {
          id: ind.id,
          code: ind.code,
          sortOrder: ind.sortOrder,
          nameZh: ind.nameZh,
          nameEn: ind.nameEn,
          kind: ind.kind as 'core' | 'bonus',
          maxPoints: ind.maxPoints,
          criteriaZh: ind.criteriaZh,
          criteriaEn: ind.criteriaEn,
          evidenceRequired: ind.evidenceRequired,
          source: (ind.source as never) ?? null,
          sourceMap: ind.sourceMap ?? null,
        },
        computed: c
          ? {
              value: c.value,
              points: c.points,
              whyZh: detail.whyZh ?? '',
              whyEn: detail.whyEn ?? '',
              facts: detail.facts ?? {},
              computedAt: iso(c.updatedAt),
            }
          : null,
        self: self ? toScoreEntry(self) : null,
        reviews: reviewVisible
          ? reviewers
              .map((r) => scores.find((s) => s.scorer === r.userId && s.indicatorId === ind.id))
              .filter((s) => s !== undefined)
              .map((s) => ({ ...toScoreEntry(s), reviewerId: s.scorer }))
          : [],
        reviewMean: reviewVisible ? (means.get(ind.code) ?? null) : null,
        evidence: evidence.filter((e) => e.indicatorId === ind.id).map(toEvidenceDto),
      };
    }),
    generalEvidence: evidence.filter((e) => !e.indicatorId).map(toEvidenceDto),
    reviewerList: reviewers.map(toReviewerDto),
    vetoes: reviewVisible
      ? vetoes.map((v) =>
          toVetoDto(
            v,
            scheme.vetoRules.find((r) => r.id === v.vetoRuleId),
          ),
        )
      : [],
    objections: objections.map(toObjectionDto),
    history: history.map(toHistoryDto),
    can: {
      selfAssess: canManageHere && state === 'self_assessment',
      review: standing === 'ok' && state === 'under_review',
      reviewRefusal: standing === 'ok' ? null : standing,
      manage: standing === 'ok',
      object:
        canManageHere &&
        state === 'published' &&
        rating.objectionDeadline !== null &&
        now < new Date(rating.objectionDeadline),
    },
    now: now.toISOString(),
  };
}
