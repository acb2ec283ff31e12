import {
  BallotReceiptSchema,
  CampaignDetailSchema,
  CampaignSchema,
  CastBallotBodySchema,
  CloseRectificationBodySchema,
  CommentBodySchema,
  CreateCampaignBodySchema,
  CreateRectificationBodySchema,
  EvaluationAttachmentSchema,
  EvaluationDefaultsSchema,
  IdParamsSchema,
  ListCampaignsQuerySchema,
  ListRectificationsQuerySchema,
  MyEvaluationDetailSchema,
  MyEvaluationSchema,
  MySecretaryReportBodySchema,
  ProposalsBodySchema,
  pageOf,
  ReasonBodySchema,
  RectificationSchema,
  RectificationSummaryQuerySchema,
  RectificationSummarySchema,
  ResultsSchema,
  SelfAssessmentBodySchema,
  SubjectSchema,
  TurnoutDetailSchema,
  UpdateCampaignBodySchema,
  UpdateRectificationBodySchema,
  UpdateSubjectBodySchema,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../file-store/index.js';
import type { EvaluationModule } from './index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD = 'multipart/form-data: one `file` (pdf, jpg, png, docx, doc, xlsx; type checked by content)';

/** 书记述职评议 and 民主评议党员: console routes under /evaluation, the member's own under /me/evaluations. */
export const evaluationRoutes: FastifyPluginAsyncZod<EvaluationModule> = async (app, m) => {
  const tags = ['evaluation'];
  const params = IdParamsSchema;
  const actor = (req: FastifyRequest) => req.ctx.actor!;
  const detail = { 200: CampaignDetailSchema };

  app.get('/evaluation/defaults', { schema: { tags, response: { 200: EvaluationDefaultsSchema } } }, () =>
    m.campaigns.defaults(),
  );
  app.get(
    '/evaluation/campaigns',
    { schema: { tags, querystring: ListCampaignsQuerySchema, response: { 200: pageOf(CampaignSchema) } } },
    (req) => m.campaigns.list(actor(req), req.query),
  );
  app.post(
    '/evaluation/campaigns',
    { schema: { tags, body: CreateCampaignBodySchema, response: { 201: CampaignDetailSchema } } },
    async (req, reply) => reply.code(201).send(await m.campaigns.create(req.ctx, req.body)),
  );
  app.get('/evaluation/campaigns/:id', { schema: { tags, params, response: detail } }, (req) =>
    m.campaigns.get(actor(req), req.params.id),
  );
  app.patch(
    '/evaluation/campaigns/:id',
    { schema: { tags, params, body: UpdateCampaignBodySchema, response: detail } },
    (req) => m.campaigns.update(req.ctx, req.params.id, req.body),
  );
  app.post('/evaluation/campaigns/:id/open-voting', { schema: { tags, params, response: detail } }, (req) =>
    m.campaigns.openVoting(req.ctx, req.params.id),
  );
  app.post('/evaluation/campaigns/:id/close-voting', { schema: { tags, params, response: detail } }, (req) =>
    m.campaigns.closeVoting(req.ctx, req.params.id),
  );
  app.post('/evaluation/campaigns/:id/submit', { schema: { tags, params, response: detail } }, (req) =>
    m.campaigns.submit(req.ctx, req.params.id),
  );
  app.post('/evaluation/campaigns/:id/confirm', { schema: { tags, params, response: detail } }, (req) =>
    m.campaigns.confirm(req.ctx, req.params.id),
  );
  app.post(
    '/evaluation/campaigns/:id/return',
    { schema: { tags, params, body: ReasonBodySchema, response: detail } },
    (req) => m.campaigns.returnToBranch(req.ctx, req.params.id, req.body.reason),
  );
  app.put(
    '/evaluation/campaigns/:id/proposals',
    {
      schema: {
        tags,
        params,
        body: ProposalsBodySchema,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    (req) => m.subjects.propose(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/evaluation/campaigns/:id/turnout',
    { schema: { tags, params, response: { 200: TurnoutDetailSchema } } },
    (req) => m.ballots.turnout(actor(req), req.params.id),
  );
  app.get('/evaluation/campaigns/:id/results', { schema: { tags, params, response: { 200: ResultsSchema } } }, (req) =>
    m.ballots.resultsFor(actor(req), req.params.id),
  );
  app.get(
    '/evaluation/campaigns/:id/export',
    { schema: { tags, params, description: 'The results as xlsx: counts only, never voters with choices' } },
    async (req, reply) => {
      const { file, name, ascii } = await m.exports.xlsx(req.ctx, req.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.patch(
    '/evaluation/subjects/:id',
    { schema: { tags, params, body: UpdateSubjectBodySchema, response: { 200: SubjectSchema } } },
    (req) => m.subjects.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/evaluation/subjects/:id/comment',
    { schema: { tags, params, body: CommentBodySchema, response: { 200: SubjectSchema } } },
    (req) => m.subjects.comment(req.ctx, req.params.id, req.body.comment),
  );
  app.post(
    '/evaluation/subjects/:id/attachments',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description: UPLOAD,
        response: { 201: EvaluationAttachmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await m.subjects.uploadReportFile(req.ctx, req.params.id, req)),
  );
  app.post(
    '/evaluation/subjects/:id/rectifications',
    { schema: { tags, params, body: CreateRectificationBodySchema, response: { 201: RectificationSchema } } },
    async (req, reply) => reply.code(201).send(await m.rectifications.create(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/evaluation-attachments/:id',
    { schema: { tags, params, description: 'The file of a report attachment or of closing evidence' } },
    async (req, reply) => {
      const file = await m.subjects.download(actor(req), req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.get(
    '/evaluation/rectifications',
    { schema: { tags, querystring: ListRectificationsQuerySchema, response: { 200: pageOf(RectificationSchema) } } },
    (req) => m.rectifications.list(actor(req), req.query),
  );
  app.get(
    '/evaluation/rectification-summary',
    { schema: { tags, querystring: RectificationSummaryQuerySchema, response: { 200: RectificationSummarySchema } } },
    (req) => m.rectifications.summary(actor(req), req.query.campaignId),
  );
  app.patch(
    '/evaluation/rectifications/:id',
    { schema: { tags, params, body: UpdateRectificationBodySchema, response: { 200: RectificationSchema } } },
    (req) => m.rectifications.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/evaluation/rectifications/:id/close',
    { schema: { tags, params, body: CloseRectificationBodySchema, response: { 200: RectificationSchema } } },
    (req) => m.rectifications.close(req.ctx, req.params.id, req.body.closingNote),
  );
  app.post(
    '/evaluation/rectifications/:id/reopen',
    { schema: { tags, params, body: ReasonBodySchema, response: { 200: RectificationSchema } } },
    (req) => m.rectifications.reopen(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/evaluation/rectifications/:id/attachments',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description: UPLOAD,
        response: { 201: EvaluationAttachmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await m.rectifications.uploadEvidence(req.ctx, req.params.id, req)),
  );

  app.get('/me/evaluations', { schema: { tags, response: { 200: z.array(MyEvaluationSchema) } } }, (req) =>
    m.mine.list(actor(req)),
  );
  app.get('/me/evaluations/:id', { schema: { tags, params, response: { 200: MyEvaluationDetailSchema } } }, (req) =>
    m.mine.get(actor(req), req.params.id),
  );
  app.post(
    '/me/evaluations/:id/ballot',
    { schema: { tags, params, body: CastBallotBodySchema, response: { 201: BallotReceiptSchema } } },
    async (req, reply) => reply.code(201).send(await m.ballots.cast(req.ctx, req.params.id, req.body)),
  );
  app.put(
    '/me/evaluations/:id/self-assessment',
    { schema: { tags, params, body: SelfAssessmentBodySchema, response: { 200: MyEvaluationDetailSchema } } },
    (req) => m.mine.selfAssess(req.ctx, req.params.id, req.body.selfAssessment),
  );
  app.put(
    '/me/evaluations/:id/report',
    { schema: { tags, params, body: MySecretaryReportBodySchema, response: { 200: MyEvaluationDetailSchema } } },
    (req) => m.mine.report(req.ctx, req.params.id, req.body.report),
  );
  app.post(
    '/me/evaluations/:id/report-attachments',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description: UPLOAD,
        response: { 201: EvaluationAttachmentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await m.mine.uploadReportFile(req.ctx, req.params.id, req)),
  );
};
