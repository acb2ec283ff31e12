import {
  AdjustStarsBodySchema,
  AnswerRatingObjectionBodySchema,
  AssignReviewerBodySchema,
  ClearVetoBodySchema,
  CreateRatingCampaignBodySchema,
  CreateRatingSchemeBodySchema,
  FinalizeRatingCampaignResultSchema,
  IdParamsSchema,
  MyOrgRatingSchema,
  OrgRatingDetailSchema,
  OrgStarHistorySchema,
  PublishBodySchema,
  pageOf,
  RatingBoardQuerySchema,
  RatingBoardSchema,
  RatingCampaignSchema,
  RatingCampaignsQuerySchema,
  RatingEvidenceSchema,
  RatingExportQuerySchema,
  RatingObjectionBodySchema,
  RatingReasonBodySchema,
  RatingSchemeSchema,
  RatingSelfAssessmentBodySchema,
  ReviewBodySchema,
  ReviewerCandidateSchema,
  UpdateRatingSchemeBodySchema,
  VetoBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../file-store/index.js';
import type { RatingDecisions } from './org-rating.decisions.js';
import { exportCampaign } from './org-rating.export.js';
import type { SchemeService } from './org-rating.schemes.js';
import type { OrgRatingService } from './org-rating.service.js';
import type { RatingWorkflow } from './org-rating.workflow.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type OrgRatingModule = {
  schemes: SchemeService;
  ratings: OrgRatingService;
  workflow: RatingWorkflow;
  decisions: RatingDecisions;
  db: Parameters<typeof exportCampaign>[0]['db'];
};

/** 党组织星级评定: schemes, campaigns, ratings through their workflow, history, and the member's view. */
export const orgRatingRoutes: FastifyPluginAsyncZod<OrgRatingModule> = async (app, m) => {
  const tags = ['org-rating'];
  const params = IdParamsSchema;
  const one = { 200: OrgRatingDetailSchema };
  const { schemes, ratings, workflow, decisions } = m;

  // --- schemes (评定方案) ---
  app.get('/rating-schemes', { schema: { tags, response: { 200: z.array(RatingSchemeSchema) } } }, () =>
    schemes.list(),
  );
  app.get('/rating-schemes/:id', { schema: { tags, params, response: { 200: RatingSchemeSchema } } }, (req) =>
    schemes.dto(req.params.id),
  );
  app.post(
    '/rating-schemes',
    {
      schema: {
        tags,
        description: 'A new scheme, or the next version of an existing code',
        body: CreateRatingSchemeBodySchema,
        response: { 201: RatingSchemeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await schemes.create(req.ctx, req.body)),
  );
  app.patch(
    '/rating-schemes/:id',
    {
      schema: {
        tags,
        params,
        description: 'Changes a version no campaign uses yet (409 CONFLICT once one does: make a new version)',
        body: UpdateRatingSchemeBodySchema,
        response: { 200: RatingSchemeSchema },
      },
    },
    (req) => schemes.update(req.ctx, req.params.id, req.body),
  );

  // --- campaigns (评定活动) ---
  app.get(
    '/rating-campaigns',
    { schema: { tags, querystring: RatingCampaignsQuerySchema, response: { 200: pageOf(RatingCampaignSchema) } } },
    (req) => ratings.listCampaigns(req.ctx.actor!, req.query),
  );
  app.post(
    '/rating-campaigns',
    {
      schema: {
        tags,
        description:
          'Opens a campaign for the applicable organizations of a subtree, with the data-backed indicators computed',
        body: CreateRatingCampaignBodySchema,
        response: { 201: RatingCampaignSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await ratings.createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/rating-campaigns/:id',
    { schema: { tags, params, querystring: RatingBoardQuerySchema, response: { 200: RatingBoardSchema } } },
    (req) => ratings.board(req.ctx.actor!, req.params.id, req.query),
  );
  app.post(
    '/rating-campaigns/:id/finalize',
    {
      schema: {
        tags,
        params,
        description:
          'Makes every ready published rating final at once, or none when together they would break a quota (409 RATING_QUOTA_EXCEEDED)',
        response: { 200: FinalizeRatingCampaignResultSchema },
      },
    },
    (req) => ratings.finalizeCampaign(req.ctx, req.params.id),
  );
  app.get(
    '/rating-campaigns/:id/export',
    { schema: { tags, params, querystring: RatingExportQuerySchema, description: '评定结果 as an Excel workbook' } },
    async (req, reply) => {
      const { file, name } = await exportCampaign(
        { db: m.db, service: ratings },
        req.ctx.actor!,
        req.params.id,
        req.query.state,
      );
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  // --- one rating ---
  app.get('/org-ratings/:id', { schema: { tags, params, response: one } }, (req) =>
    ratings.get(req.ctx.actor!, req.params.id),
  );
  app.put(
    '/org-ratings/:id/self-assessment',
    { schema: { tags, params, body: RatingSelfAssessmentBodySchema, response: one } },
    (req) => workflow.saveSelf(req.ctx, req.params.id, req.body),
  );
  app.post('/org-ratings/:id/submit', { schema: { tags, params, response: one } }, (req) =>
    workflow.submitSelf(req.ctx, req.params.id),
  );
  app.post('/org-ratings/:id/recompute', { schema: { tags, params, response: one } }, (req) =>
    workflow.recompute(req.ctx, req.params.id),
  );
  app.post(
    '/org-ratings/:id/evidence',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description:
          'multipart/form-data: optional field `indicatorId` first, then one `file` (pdf, jpg, png, docx, xlsx …; type checked by content)',
        response: { 201: RatingEvidenceSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await workflow.uploadEvidence(req.ctx, req.params.id, req)),
  );
  app.get(
    '/rating-evidence/:id',
    { schema: { tags, params, description: 'The bytes of an evidence file' } },
    async (req, reply) => {
      const f = await workflow.downloadEvidence(req.ctx.actor!, req.params.id);
      return reply
        .type(f.contentType)
        .header('content-disposition', contentDisposition(f.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  );
  app.post(
    '/rating-evidence/:id/remove',
    { schema: { tags, params, body: RatingReasonBodySchema, response: { 200: RatingEvidenceSchema } } },
    (req) => workflow.removeEvidence(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/org-ratings/:id/reviewer-candidates',
    { schema: { tags, params, response: { 200: z.array(ReviewerCandidateSchema) } } },
    (req) => workflow.candidates(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/org-ratings/:id/reviewers',
    {
      schema: {
        tags,
        params,
        description:
          'Assigns a reviewer: a rating manager of a superior who does not belong to the organization (409 RATING_REVIEWER_EXCLUDED otherwise)',
        body: AssignReviewerBodySchema,
        response: one,
      },
    },
    (req) => workflow.assignReviewer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/reviewers/remove',
    { schema: { tags, params, body: AssignReviewerBodySchema, response: one } },
    (req) => workflow.removeReviewer(req.ctx, req.params.id, req.body),
  );
  app.put('/org-ratings/:id/review', { schema: { tags, params, body: ReviewBodySchema, response: one } }, (req) =>
    workflow.review(req.ctx, req.params.id, req.body, false),
  );
  app.post(
    '/org-ratings/:id/review/submit',
    { schema: { tags, params, body: ReviewBodySchema, response: one } },
    (req) => workflow.review(req.ctx, req.params.id, req.body, true),
  );
  app.post(
    '/org-ratings/:id/return',
    { schema: { tags, params, body: RatingReasonBodySchema, response: one } },
    (req) => workflow.returnToSelf(req.ctx, req.params.id, req.body),
  );
  app.post('/org-ratings/:id/vetoes', { schema: { tags, params, body: VetoBodySchema, response: one } }, (req) =>
    workflow.addVeto(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/vetoes/clear',
    { schema: { tags, params, body: ClearVetoBodySchema, response: one } },
    (req) => workflow.clearVeto(req.ctx, req.params.id, req.body),
  );
  app.post('/org-ratings/:id/publish', { schema: { tags, params, body: PublishBodySchema, response: one } }, (req) =>
    decisions.publish(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/objections',
    { schema: { tags, params, body: RatingObjectionBodySchema, response: one } },
    (req) => decisions.object(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/objections/answer',
    { schema: { tags, params, body: AnswerRatingObjectionBodySchema, response: one } },
    (req) => decisions.answer(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/reopen',
    { schema: { tags, params, body: RatingReasonBodySchema, response: one } },
    (req) => decisions.reopen(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/org-ratings/:id/finalize',
    {
      schema: {
        tags,
        params,
        description:
          'After the publication period with every objection answered; 409 RATING_QUOTA_EXCEEDED names the quota it would break',
        response: one,
      },
    },
    (req) => decisions.finalize(req.ctx, req.params.id),
  );
  app.post('/org-ratings/:id/adjust', { schema: { tags, params, body: AdjustStarsBodySchema, response: one } }, (req) =>
    decisions.adjust(req.ctx, req.params.id, req.body),
  );

  // --- history and H5 ---
  app.get('/orgs/:id/star-history', { schema: { tags, params, response: { 200: OrgStarHistorySchema } } }, (req) =>
    ratings.history(req.ctx.actor!, req.params.id),
  );
  app.get('/me/org-rating', { schema: { tags, response: { 200: MyOrgRatingSchema } } }, (req) =>
    ratings.mine(req.ctx.actor!),
  );
};
