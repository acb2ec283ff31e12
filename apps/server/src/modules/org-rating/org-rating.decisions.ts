import {
  type AdjustStarsBody,
  type AnswerRatingObjectionBody,
  type OrgRatingDetail,
  type PublishBody,
  type RatingObjectionBody,
  type RatingReasonBody,
  type RatingState,
  ratingFinalizeBlockers,
  ratingObjectionDeadline,
  starChange,
} from '@red-engine/shared';
import type { RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { beijingDateTime } from '../../core/messages-meetings.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { manageRoots, requireState } from './org-rating.access.js';
import { assertQuotas, makeFinal } from './org-rating.finalize.js';
import type { OrgRatingService } from './org-rating.service.js';
import type { RatingWorkflow } from './org-rating.workflow.js';

/** Publication, objections, finalization under the quotas, and dynamic adjustment of final stars. */
export function createRatingDecisions(deps: {
  db: Db;
  service: OrgRatingService;
  workflow: RatingWorkflow;
  now?: () => Date;
}) {
  const { db, service, workflow } = deps;
  const { repo, access } = service;
  const now = deps.now ?? (() => new Date());
  const { locked, detail } = workflow;

  return {
    /**
     * 公示: the reviewers' mean gives the score, the rules give the stars (veto and innovation applied); the stars
     * may only be lowered here (for the quotas), with a reason. Objections are taken for the scheme's days.
     */
    async publish(ctx: RequestContext, id: string, body: PublishBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('publish', rating.state, ['under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const result = await workflow.reviewResult(tx, rating, scheme);
        const pending = result.reviewers.filter((r) => !r.submittedAt);
        if (pending.length) throw new AppError('CONFLICT', RM.ratingReviewsPending(pending.map((r) => r.userName)));
        if (result.reviewers.length === 0) throw new AppError('CONFLICT', RM.ratingNoReviews);
        const ruleStars = result.stars;
        let stars = ruleStars;
        let overrideReason: string | null = null;
        if (body.stars !== undefined && body.stars !== null && body.stars !== (ruleStars ?? 0)) {
          if (body.stars > (ruleStars ?? 0)) throw fieldError('body.stars', RM.ratingOverrideUp(ruleStars ?? 0));
          overrideReason = body.reason?.trim() || null;
          if (!overrideReason) throw fieldError('body.reason', RM.ratingOverrideReason);
          stars = body.stars === 0 ? null : body.stars;
        }
        const at = now();
        const deadline = ratingObjectionDeadline(at, scheme.publicationDays);
        await repo.updateRating(
          rating.id,
          {
            state: 'published',
            score: result.totals.total,
            reviewScore: result.totals.total,
            ruleStars,
            stars,
            starsReasons: overrideReason ? [...result.reasons, 'override'] : result.reasons,
            overrideReason,
            vetoed: result.vetoed,
            publishedAt: at,
            objectionDeadline: deadline,
          },
          tx,
        );
        audit.record({
          action: 'rating.publish',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { state: 'under_review' },
          after: {
            state: 'published',
            score: result.totals.total,
            ruleStars,
            stars,
            reasons: result.reasons,
            overrideReason,
            objectionDeadline: deadline.toISOString(),
          },
        });
        return detail(actor, id, tx);
      });
    },

    /** 异议: raised during the publication period by someone managing ratings over the organization. */
    async object(ctx: RequestContext, id: string, body: RatingObjectionBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating } = await locked(actor, id, tx);
        requireState('object', rating.state, ['published']);
        if (!rating.objectionDeadline || now() >= rating.objectionDeadline)
          throw new AppError('RATING_STATE', RM.ratingObjectionClosed);
        const o = await repo.insertObjection(
          {
            id: crypto.randomUUID(),
            ratingId: rating.id,
            text: body.text,
            raisedById: actor.userId,
            raisedByName: actor.displayName,
          },
          tx,
        );
        audit.record({
          action: 'rating.objection.raise',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { objectionId: o.id, text: body.text },
        });
        return detail(actor, id, tx);
      });
    },

    /** 答复异议: an objection upheld sends the rating back to review (reviews open again); dismissed keeps it. */
    async answer(ctx: RequestContext, id: string, body: AnswerRatingObjectionBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating } = await locked(actor, id, tx);
        requireState('answer', rating.state, ['published']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const o = await repo.lockObjection(body.objectionId, rating.id, tx);
        if (!o) throw fieldError('body.objectionId', RM.ratingObjectionUnknown);
        if (o.answeredAt) throw new AppError('CONFLICT', RM.ratingObjectionAnswered);
        await repo.answerObjection(
          o.id,
          {
            outcome: body.outcome,
            answer: body.answer,
            answeredById: actor.userId,
            answeredByName: actor.displayName,
            answeredAt: now(),
          },
          tx,
        );
        if (body.outcome === 'upheld') {
          await repo.reopenReviews(rating.id, tx);
          await repo.updateRating(rating.id, { state: 'under_review', publishedAt: null, objectionDeadline: null }, tx);
        }
        audit.record({
          action: 'rating.objection.answer',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { objectionId: o.id, state: rating.state },
          after: {
            outcome: body.outcome,
            answer: body.answer,
            state: body.outcome === 'upheld' ? 'under_review' : rating.state,
          },
        });
        return detail(actor, id, tx);
      });
    },

    /** 撤回重新审核: a published rating goes back to review (e.g. to meet a quota), with the reason. */
    async reopen(ctx: RequestContext, id: string, body: RatingReasonBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating } = await locked(actor, id, tx);
        requireState('reopen', rating.state, ['published']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        await repo.reopenReviews(rating.id, tx);
        await repo.updateRating(rating.id, { state: 'under_review', publishedAt: null, objectionDeadline: null }, tx);
        audit.record({
          action: 'rating.reopen',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { state: 'published', stars: rating.stars },
          after: { state: 'under_review', reason: body.reason },
        });
        return detail(actor, id, tx);
      });
    },

    /**
     * 确定: after the publication period, with every objection answered, inside the quotas. The campaign row is
     * locked first, so two finalizations of one campaign count the quotas one after the other.
     */
    async finalize(ctx: RequestContext, id: string): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      const first = await repo.rating(id, manageRoots(actor));
      if (!first) throw notFound();
      return inTransaction(db, ctx, async (tx, audit) => {
        const campaign = (await repo.lockCampaign(first.campaignId, tx))!;
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('finalize', rating.state, ['published']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const open = (await repo.objections(rating.id, tx)).filter((o) => !o.answeredAt).length;
        const at = now();
        const blockers = ratingFinalizeBlockers({
          state: rating.state as RatingState,
          deadline: rating.objectionDeadline,
          now: at,
          openObjections: open,
        });
        if (blockers.includes('window_open'))
          throw new AppError('RATING_STATE', RM.ratingWindowOpen(beijingDateTime(rating.objectionDeadline!)));
        if (blockers.includes('open_objections')) throw new AppError('RATING_STATE', RM.ratingOpenObjections(open));
        await assertQuotas(repo, tx, campaign, scheme, [rating.stars]);
        await makeFinal(repo, tx, audit, actor, [rating], at);
        return detail(actor, id, tx);
      });
    },

    /**
     * 动态调整: a final rating's stars go up or down later in the year (standards not kept, or a commendation),
     * with the reason; raising is held to the quotas. Recorded in the history as an adjustment.
     */
    async adjust(ctx: RequestContext, id: string, body: AdjustStarsBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      const first = await repo.rating(id, manageRoots(actor));
      if (!first) throw notFound();
      return inTransaction(db, ctx, async (tx, audit) => {
        const campaign = (await repo.lockCampaign(first.campaignId, tx))!;
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('adjust', rating.state, ['final']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const stars = body.stars === 0 ? null : body.stars;
        if (stars === rating.stars) throw fieldError('body.stars', RM.ratingAdjustSame);
        if ((stars ?? 0) > (rating.stars ?? 0)) await assertQuotas(repo, tx, campaign, scheme, [stars], rating);
        const change = starChange({ stars: rating.stars }, stars);
        await repo.updateRating(rating.id, { stars }, tx);
        await repo.insertHistory(
          [
            {
              id: crypto.randomUUID(),
              orgId: rating.orgId,
              orgPath: rating.orgPath,
              year: rating.year,
              ratingId: rating.id,
              kind: 'adjustment',
              stars,
              previousStars: rating.stars,
              change,
              score: rating.score,
              reason: body.reason,
              byId: actor.userId,
              byName: actor.displayName,
              at: now(),
            },
          ],
          tx,
        );
        audit.record({
          action: 'rating.adjust',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { stars: rating.stars },
          after: { stars, change, reason: body.reason },
        });
        return detail(actor, id, tx);
      });
    },
  };
}

export type RatingDecisions = ReturnType<typeof createRatingDecisions>;
