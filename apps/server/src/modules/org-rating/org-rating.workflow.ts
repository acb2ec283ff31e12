import type { OrgRatingDetail, RatingEvidence, RatingReasonBody, RatingSelfAssessmentBody } from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { createFileStore, readUpload } from '../file-store/index.js';
import { manageRoots, readRoots, requireState } from './org-rating.access.js';
import { figuresFor, rewriteFigures } from './org-rating.compute.js';
import { toEvidenceDto } from './org-rating.mapper.js';
import type { CampaignRow, RatingRow, SchemeFull } from './org-rating.repository.js';
import { createRatingReview } from './org-rating.review.js';
import {
  computedPoints,
  countingReviewers,
  type Entry,
  entriesAudit,
  entriesOf,
  missingOf,
  pointsOfScorer,
  reviewMeans,
  SELF,
  totalsOf,
} from './org-rating.scoring.js';
import type { OrgRatingService } from './org-rating.service.js';
import type { IndicatorSources } from './org-rating.sources.js';

/**
 * The rating workflow before publication: self-assessment with evidence and fresh figures here; reviewers,
 * reviews, returning and vetoes in org-rating.review.ts. Every change locks the rating row and leaves an audit
 * event in the same transaction.
 */
export type WorkflowHelpers = {
  locked: (
    actor: Actor,
    id: string,
    tx: Tx,
  ) => Promise<{ rating: RatingRow; campaign: CampaignRow; scheme: SchemeFull }>;
  detail: (actor: Actor, id: string, tx: DbOrTx) => Promise<OrgRatingDetail>;
  writeEntries: (
    tx: DbOrTx,
    rating: RatingRow,
    scorer: string,
    scorerName: string,
    entries: readonly Entry[],
  ) => Promise<void>;
  fillComputed: (tx: DbOrTx, rating: RatingRow, scheme: SchemeFull, scorer: string, name: string) => Promise<void>;
  refreshScores: (tx: DbOrTx, rating: RatingRow, scheme: SchemeFull) => Promise<RatingRow>;
};

export function createRatingWorkflow(deps: {
  db: Db;
  service: OrgRatingService;
  sources?: IndicatorSources;
  uploadLimit?: number;
  now?: () => Date;
}) {
  const { db, service } = deps;
  const { repo } = service;
  const now = deps.now ?? (() => new Date());
  const files = createFileStore({ db, maxBytes: deps.uploadLimit });

  /** The rating locked for a change by someone holding rating:manage over it (404 otherwise). */
  async function locked(actor: Actor, id: string, tx: Tx) {
    const rating = await repo.rating(id, manageRoots(actor), tx, true);
    if (!rating) throw notFound();
    const campaign = (await repo.campaign(rating.campaignId, tx))!;
    const scheme = (await repo.scheme(campaign.schemeId, tx))!;
    return { rating, campaign, scheme };
  }

  async function writeEntries(
    tx: DbOrTx,
    rating: RatingRow,
    scorer: string,
    scorerName: string,
    entries: readonly Entry[],
  ) {
    for (const e of entries)
      await repo.upsertScore(
        {
          id: crypto.randomUUID(),
          ratingId: rating.id,
          indicatorId: e.indicator.id,
          scorer,
          scorerName,
          points: e.points,
          adjustment: e.adjustment,
          reason: e.reason,
          updatedAt: new Date(),
        },
        tx,
      );
  }

  /** Computed indicators the scorer left alone count with adjustment 0: written out when they submit. */
  async function fillComputed(tx: DbOrTx, rating: RatingRow, scheme: SchemeFull, scorer: string, name: string) {
    const scores = await repo.scores(rating.id, tx);
    const computed = computedPoints(scores);
    const mine = new Set(scores.filter((s) => s.scorer === scorer).map((s) => s.indicatorId));
    const missing = scheme.indicators.filter((i) => computed.has(i.id) && !mine.has(i.id));
    await writeEntries(
      tx,
      rating,
      scorer,
      name,
      missing.map((i) => ({ indicator: i, points: computed.get(i.id)!, adjustment: 0, reason: null })),
    );
  }

  async function refreshScores(tx: DbOrTx, rating: RatingRow, scheme: SchemeFull) {
    const [scores, reviewers] = await Promise.all([repo.scores(rating.id, tx), repo.reviewers(rating.id, tx)]);
    const anySelf = scores.some((s) => s.scorer === SELF);
    const counting = countingReviewers(reviewers, false).map((r) => r.userId);
    return repo.updateRating(
      rating.id,
      {
        selfScore: anySelf ? totalsOf(scheme, pointsOfScorer(scheme, scores, SELF)).total : null,
        reviewScore: counting.length ? totalsOf(scheme, reviewMeans(scheme, scores, counting)).total : null,
      },
      tx,
    );
  }

  const detail = (actor: Actor, id: string, tx: DbOrTx) =>
    repo.rating(id, readRoots(actor), tx).then((r) => service.detail(actor, r!, tx));

  /** Fresh figures for one rating (read outside the transaction, written inside it). */
  async function figuresOf(rating: RatingRow) {
    const campaign = (await repo.campaign(rating.campaignId))!;
    const scheme = (await repo.scheme(campaign.schemeId))!;
    const org = (await repo.org(rating.orgId))!;
    return (await figuresFor({ db, sources: deps.sources ?? {}, now: now() }, campaign, scheme, [org])).get(org.id);
  }

  async function recomputeIn(
    tx: Tx,
    rating: RatingRow,
    scheme: SchemeFull,
    fig: Awaited<ReturnType<typeof figuresOf>>,
  ) {
    const [scores, vetoes] = await Promise.all([repo.scores(rating.id, tx), repo.vetoes(rating.id, tx)]);
    const vetoed = await rewriteFigures(repo, tx, rating.id, scheme, fig, { scores, vetoes }, now());
    await repo.updateRating(rating.id, { vetoed, computedAt: now() }, tx);
    return refreshScores(tx, rating, scheme);
  }

  return {
    /** 自评: points per indicator (computed ones take an adjustment with a reason), and the innovation project. */
    async saveSelf(ctx: RequestContext, id: string, body: RatingSelfAssessmentBody): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('edit_self', rating.state, ['self_assessment']);
        const entries = entriesOf(scheme, computedPoints(await repo.scores(rating.id, tx)), body.scores);
        await writeEntries(tx, rating, SELF, actor.displayName, entries);
        const patch: Partial<RatingRow> = {};
        if (body.hasInnovation !== undefined) patch.hasInnovation = body.hasInnovation;
        if (body.innovationNote !== undefined) patch.innovationNote = body.innovationNote?.trim() || null;
        if (Object.keys(patch).length) await repo.updateRating(rating.id, patch, tx);
        await refreshScores(tx, rating, scheme);
        audit.record({
          action: 'rating.self.save',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { scores: entriesAudit(entries), ...patch },
        });
        return detail(actor, id, tx);
      });
    },

    /** 提交自评 → 上级审核: every indicator scored, evidence where required, and the figures computed afresh. */
    async submitSelf(ctx: RequestContext, id: string): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      const first = await repo.rating(id, manageRoots(actor));
      if (!first) throw notFound();
      requireState('submit', first.state, ['self_assessment']);
      const fig = await figuresOf(first);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('submit', rating.state, ['self_assessment']);
        await recomputeIn(tx, rating, scheme, fig);
        const scores = await repo.scores(rating.id, tx);
        const missing = missingOf(scheme, scores, SELF);
        if (missing.length) throw fieldError('body.scores', RM.ratingIndicatorMissing(missing.map((i) => i.nameZh)));
        const evidence = await repo.evidence(rating.id, tx);
        const self = pointsOfScorer(scheme, scores, SELF);
        const computed = computedPoints(scores);
        const unproven = scheme.indicators.filter(
          (i) =>
            i.evidenceRequired &&
            (self.get(i.code) ?? computed.get(i.id) ?? 0) > 0 &&
            !evidence.some((e) => e.indicatorId === i.id),
        );
        if (unproven.length) throw fieldError('body.evidence', RM.ratingEvidenceMissing(unproven.map((i) => i.nameZh)));
        if (rating.hasInnovation && !rating.innovationNote)
          throw fieldError('body.innovationNote', RM.ratingInnovationNote);
        await fillComputed(tx, rating, scheme, SELF, actor.displayName);
        await refreshScores(tx, rating, scheme);
        await repo.updateRating(rating.id, { state: 'under_review', submittedAt: now(), returnedReason: null }, tx);
        audit.record({
          action: 'rating.self.submit',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { state: 'self_assessment' },
          after: {
            state: 'under_review',
            selfScore: totalsOf(scheme, pointsOfScorer(scheme, await repo.scores(rating.id, tx), SELF)).total,
          },
        });
        return detail(actor, id, tx);
      });
    },

    /** 重新计算: the data-backed indicators and vetoes from today's data (before publication). */
    async recompute(ctx: RequestContext, id: string): Promise<OrgRatingDetail> {
      const actor = ctx.actor!;
      const first = await repo.rating(id, manageRoots(actor));
      if (!first) throw notFound();
      requireState('recompute', first.state, ['self_assessment', 'under_review']);
      const fig = await figuresOf(first);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('recompute', rating.state, ['self_assessment', 'under_review']);
        const updated = await recomputeIn(tx, rating, scheme, fig);
        audit.record({
          action: 'rating.recompute',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { vetoed: updated.vetoed, selfScore: updated.selfScore, reviewScore: updated.reviewScore },
        });
        return detail(actor, id, tx);
      });
    },

    /** 佐证材料: multipart with an optional `indicatorId` field first, then one `file`. */
    async uploadEvidence(ctx: RequestContext, id: string, req: FastifyRequest): Promise<RatingEvidence> {
      const actor = ctx.actor!;
      const first = await repo.rating(id, manageRoots(actor));
      if (!first) throw notFound();
      const upload = await readUpload(req, files.maxBytes);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { rating, scheme } = await locked(actor, id, tx);
        requireState('evidence', rating.state, ['self_assessment']);
        const indicatorId = upload.fields.indicatorId?.trim() || null;
        if (indicatorId && !scheme.indicators.some((i) => i.id === indicatorId))
          throw fieldError('body.indicatorId', RM.ratingEvidenceIndicator);
        const stored = await files.put(tx, upload);
        const e = await repo.insertEvidence(
          {
            id: crypto.randomUUID(),
            ratingId: rating.id,
            indicatorId,
            fileName: stored.fileName || 'file',
            sha256: stored.sha256,
            size: stored.size,
            contentType: stored.contentType,
            uploadedById: actor.userId,
            uploadedByName: actor.displayName,
          },
          tx,
        );
        audit.record({
          action: 'rating.evidence.upload',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          after: { evidenceId: e.id, indicatorId, fileName: e.fileName, sha256: e.sha256, size: e.size },
        });
        return toEvidenceDto(e);
      });
    },

    async downloadEvidence(actor: Actor, fileId: string) {
      const found = await repo.evidenceFile(fileId, readRoots(actor));
      if (!found) throw notFound();
      const file = await files.get(found.file.sha256);
      if (!file) throw notFound();
      return { fileName: found.file.fileName, contentType: file.contentType, bytes: file.bytes };
    },

    async removeEvidence(ctx: RequestContext, fileId: string, body: RatingReasonBody): Promise<RatingEvidence> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await repo.evidenceFile(fileId, manageRoots(actor), tx, true);
        if (!found) throw notFound();
        const { rating } = await locked(actor, found.rating.id, tx);
        requireState('evidence', rating.state, ['self_assessment']);
        if (found.file.removedAt) throw new AppError('CONFLICT', RM.ratingEvidenceRemoved);
        await repo.removeEvidence(fileId, body.reason, tx);
        audit.record({
          action: 'rating.evidence.remove',
          entity: 'org_rating',
          entityId: rating.id,
          orgPath: rating.orgPath,
          before: { evidenceId: fileId, fileName: found.file.fileName },
          after: { reason: body.reason },
        });
        return toEvidenceDto(found.file);
      });
    },

    locked,
    detail,
    ...createRatingReview({ db, service, now, helpers: { locked, detail, writeEntries, fillComputed, refreshScores } }),
  };
}

export type RatingWorkflow = ReturnType<typeof createRatingWorkflow>;
