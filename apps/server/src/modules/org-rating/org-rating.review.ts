import type {
  AssignReviewerBody,
  ClearVetoBody,
  OrgRatingDetail,
  RatingReasonBody,
  ReviewBody,
  ReviewerCandidate,
  VetoBody,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { manageRoots, requireState } from './org-rating.access.js';
import type { RatingRow, SchemeFull } from './org-rating.repository.js';
import {
  computedPoints,
  countingReviewers,
  entriesAudit,
  entriesOf,
  missingOf,
  resultOf,
  reviewMeans,
} from './org-rating.scoring.js';
import type { OrgRatingService } from './org-rating.service.js';
import type { WorkflowHelpers } from './org-rating.workflow.js';

/**
 * 上级审核: reviewers (never anyone belonging to the rated organization), their reviews, returning a rating to the
 * branch, and one-vote vetoes. Each check of who may act runs on the server inside the transaction.
 */
export function createRatingReview(deps: {
  db: Db;
  service: OrgRatingService;
  now: () => Date;
  helpers: WorkflowHelpers;
}) {
  const { db, service, now } = deps;
  const { repo, access } = service;
  const { locked, detail, writeEntries, fillComputed, refreshScores } = deps.helpers;

  return {
    /** Users who may review: role holders at a superior with rating:manage who do not belong to the organization. */
    async candidates(actor: Actor, id: string): Promise<ReviewerCandidate[]> {
      const rating = await repo.rating(id, manageRoots(actor));
      if (!rating) throw notFound();
      const parts = rating.orgPath.split('/').filter(Boolean);
      const ancestors = parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
      const rows = await repo.usersGrantedAt(ancestors);
      const out = new Map<string, ReviewerCandidate>();
      for (const r of rows) {
        if (out.has(r.user_id)) {
          out.get(r.user_id)!.orgNames.push(r.org_name);
          continue;
        }
        if ((await access.standingOfUser(r.user_id, rating.orgPath)) !== 'ok') continue;
        out.set(r.user_id, {
          userId: r.user_id,
          displayName: r.display_name,
          username: r.username,
          orgNames: [r.org_name],
        });
      }
      return [...out.values()];
    },

    /** 指定评审人: a superior's rating manager who does not belong to the rated organization. */
    async assignReviewer(ctx: RequestContext, id: string, body: AssignReviewerBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating } = await locked(actor, id, tx);
        requireState('reviewers', rating.state, ['self_assessment', 'under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const user = await repo.user(body.userId, tx);
        if (user?.status !== 'active') throw fieldError('body.userId', RM.ratingUserUnknown);
        const standing = await access.standingOfUser(user.id, rating.orgPath, tx);
        if (standing === 'belongs')
          throw new AppError('RATING_REVIEWER_EXCLUDED', RM.ratingAssigneeBelongs(user.display_name));
        if (standing === 'not_superior')
          throw new AppError('RATING_REVIEWER_EXCLUDED', RM.ratingAssigneeNotSuperior(user.display_name));
        const created = await repo.insertReviewer(
          {
            id: crypto.randomUUID(),
            ratingId: rating.id,
            userId: user.id,
            userName: user.display_name,
            assignedById: actor.userId,
          },
          tx,
        );
        if (!created) throw new AppError('CONFLICT', RM.ratingAssigneeAlready(user.display_name));
        audit.record({
          action: 'rating.reviewer.assign',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { userId: user.id, name: user.display_name },
        });
        return detail(actor, id, tx);
      });
    },

    async removeReviewer(ctx: RequestContext, id: string, body: AssignReviewerBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('reviewers', rating.state, ['self_assessment', 'under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const r = (await repo.reviewers(rating.id, tx)).find((x) => x.userId === body.userId);
        if (!r) throw fieldError('body.userId', RM.ratingAssigneeNotAssigned);
        if (r.submittedAt) throw new AppError('CONFLICT', RM.ratingAssigneeSubmitted);
        await repo.deleteScoresOf(rating.id, r.userId, tx);
        await repo.deleteReviewer(r.id, tx);
        await refreshScores(tx, rating, scheme);
        audit.record({
          action: 'rating.reviewer.remove',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { userId: r.userId, name: r.userName },
        });
        return detail(actor, id, tx);
      });
    },

    /**
     * 评审: a superior (never someone belonging to the organization) scores each indicator; the first save makes
     * them a reviewer if nobody assigned them. `submit` closes their review.
     */
    async review(ctx: RequestContext, id: string, body: ReviewBody, submit: boolean): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('review', rating.state, ['under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        let reviewer = (await repo.reviewers(rating.id, tx)).find((r) => r.userId === actor.userId);
        if (reviewer?.submittedAt) throw new AppError('CONFLICT', RM.ratingReviewSubmitted);
        if (!reviewer) {
          reviewer = (await repo.insertReviewer(
            {
              id: crypto.randomUUID(),
              ratingId: rating.id,
              userId: actor.userId,
              userName: actor.displayName,
              assignedById: actor.userId,
            },
            tx,
          ))!;
        }
        const entries = entriesOf(scheme, computedPoints(await repo.scores(rating.id, tx)), body.scores);
        await writeEntries(tx, rating, actor.userId, actor.displayName, entries);
        if (submit) {
          const missing = missingOf(scheme, await repo.scores(rating.id, tx), actor.userId);
          if (missing.length) throw fieldError('body.scores', RM.ratingIndicatorMissing(missing.map((i) => i.nameZh)));
          await fillComputed(tx, rating, scheme, actor.userId, actor.displayName);
        }
        const patch = {
          ...(body.comment !== undefined ? { comment: body.comment?.trim() || null } : {}),
          ...(submit ? { submittedAt: now() } : {}),
        };
        if (Object.keys(patch).length > 0) await repo.updateReviewer(reviewer.id, patch, tx);
        const updated = await refreshScores(tx, rating, scheme);
        audit.record({
          action: submit ? 'rating.review.submit' : 'rating.review.save',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { reviewer: actor.displayName, scores: entriesAudit(entries), reviewScore: updated.reviewScore },
        });
        return detail(actor, id, tx);
      });
    },

    /** 退回: back to the organization for its self-assessment, with the reason; reviews open again. */
    async returnToSelf(ctx: RequestContext, id: string, body: RatingReasonBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating } = await locked(actor, id, tx);
        requireState('return', rating.state, ['under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        await repo.reopenReviews(rating.id, tx);
        await repo.updateRating(rating.id, { state: 'self_assessment', returnedReason: body.reason }, tx);
        audit.record({
          action: 'rating.return',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { state: 'under_review' },
          after: { state: 'self_assessment', reason: body.reason },
        });
        return detail(actor, id, tx);
      });
    },

    /** 一票否决: a reviewer records a hit of one of the scheme's veto rules, with the reason. */
    async addVeto(ctx: RequestContext, id: string, body: VetoBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('veto', rating.state, ['under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const rule = scheme.vetoRules.find((v) => v.id === body.ruleId);
        if (!rule) throw fieldError('body.ruleId', RM.ratingVetoRuleUnknown);
        if ((await repo.vetoes(rating.id, tx)).some((v) => v.vetoRuleId === rule.id && !v.clearedAt))
          throw new AppError('CONFLICT', RM.ratingVetoExists);
        await repo.insertVetoes(
          [
            {
              id: crypto.randomUUID(),
              ratingId: rating.id,
              vetoRuleId: rule.id,
              computed: false,
              reason: body.reason,
              recordedById: actor.userId,
              recordedByName: actor.displayName,
            },
          ],
          tx,
        );
        await repo.updateRating(rating.id, { vetoed: true }, tx);
        audit.record({
          action: 'rating.veto.add',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { rule: rule.code, reason: body.reason },
        });
        return detail(actor, id, tx);
      });
    },

    async clearVeto(ctx: RequestContext, id: string, body: ClearVetoBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('veto', rating.state, ['under_review']);
        await access.requireSuperior(actor, rating.orgPath, tx);
        const vetoes = await repo.vetoes(rating.id, tx);
        const v = vetoes.find((x) => x.id === body.vetoId && !x.clearedAt);
        if (!v) throw fieldError('body.vetoId', RM.ratingVetoUnknown);
        await repo.clearVeto(
          v.id,
          { clearedById: actor.userId, clearedByName: actor.displayName, clearedReason: body.reason },
          tx,
        );
        const still = vetoes.some((x) => x.id !== v.id && !x.clearedAt);
        await repo.updateRating(rating.id, { vetoed: still }, tx);
        audit.record({
          action: 'rating.veto.clear',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { rule: scheme.vetoRules.find((r) => r.id === v.vetoRuleId)?.code, reason: v.reason },
          after: { reason: body.reason },
        });
        return detail(actor, id, tx);
      });
    },

    /** The score and stars the reviews give now (used by publication). */
    async reviewResult(tx: DbOrTx, rating: RatingRow, scheme: SchemeFull) {
      const [scores, reviewers, vetoes] = await Promise.all([
        repo.scores(rating.id, tx),
        repo.reviewers(rating.id, tx),
        repo.vetoes(rating.id, tx),
      ]);
      const counting = countingReviewers(reviewers, true).map((r) => r.userId);
      const vetoed = vetoes.some((v) => !v.clearedAt);
      return {
        reviewers,
        ...resultOf(scheme, reviewMeans(scheme, scores, counting), { hasInnovation: rating.hasInnovation, vetoed }),
        vetoed,
      };
    },
  };
}
