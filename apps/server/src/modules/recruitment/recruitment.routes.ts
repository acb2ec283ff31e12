import {
  CloseRecruitmentCaseBodySchema,
  CreateRecruitmentCaseBodySchema,
  ExtendProbationBodySchema,
  IdParamsSchema,
  ListRecruitmentCasesQuerySchema,
  pageOf,
  RecordStepBodySchema,
  RecruitmentBoardQuerySchema,
  RecruitmentBoardSchema,
  RecruitmentCaseDetailSchema,
  RecruitmentCaseSchema,
  RecruitmentMaterialSchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../file-store/index.js';
import type { RecruitmentService } from './recruitment.service.js';

export const recruitmentRoutes: FastifyPluginAsyncZod<{ recruitment: RecruitmentService }> = async (
  app,
  { recruitment },
) => {
  const tags = ['recruitment'];
  const params = IdParamsSchema;
  const one = { 200: RecruitmentCaseDetailSchema };
  app.get(
    '/recruitment-cases',
    {
      schema: { tags, querystring: ListRecruitmentCasesQuerySchema, response: { 200: pageOf(RecruitmentCaseSchema) } },
    },
    (req) => recruitment.list(req.ctx.actor!, req.query),
  );
  app.get(
    '/recruitment-cases/board',
    { schema: { tags, querystring: RecruitmentBoardQuerySchema, response: { 200: RecruitmentBoardSchema } } },
    (req) => recruitment.board(req.ctx.actor!, req.query),
  );
  app.get(
    '/recruitment-cases/reminders',
    {
      schema: {
        tags,
        description: 'Open cases whose next deadline has passed or is near, the most urgent first',
        querystring: ListRecruitmentCasesQuerySchema.omit({ due: true, status: true }),
        response: { 200: pageOf(RecruitmentCaseSchema) },
      },
    },
    (req) => recruitment.list(req.ctx.actor!, { ...req.query, due: 'any' }),
  );
  app.get('/recruitment-cases/:id', { schema: { tags, params, response: one } }, (req) =>
    recruitment.get(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/recruitment-cases',
    { schema: { tags, body: CreateRecruitmentCaseBodySchema, response: { 201: RecruitmentCaseDetailSchema } } },
    async (req, reply) => reply.code(201).send(await recruitment.create(req.ctx, req.body)),
  );
  app.post(
    '/recruitment-cases/:id/steps',
    {
      schema: {
        tags,
        params,
        body: RecordStepBodySchema,
        description:
          'Records a step (or re-records one). Hard gates answer 400; gates that only warn answer 409 RECRUITMENT_GATE_WARNING with details.gates until an overrideReason is given.',
        response: one,
      },
    },
    (req) => recruitment.recordStep(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/recruitment-cases/:id/extend-probation',
    { schema: { tags, params, body: ExtendProbationBodySchema, response: one } },
    (req) => recruitment.extendProbation(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/recruitment-cases/:id/cancel',
    { schema: { tags, params, body: CloseRecruitmentCaseBodySchema, response: one } },
    (req) => recruitment.close(req.ctx, req.params.id, 'cancelled', req.body),
  );
  app.post(
    '/recruitment-cases/:id/reject',
    { schema: { tags, params, body: CloseRecruitmentCaseBodySchema, response: one } },
    (req) => recruitment.close(req.ctx, req.params.id, 'rejected', req.body),
  );
  app.post(
    '/recruitment-cases/:id/materials',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description:
          'multipart/form-data: fields `kind` (and optional `stepNo`) first, then one `file` (pdf, jpg, png, docx, doc, xlsx; type checked by content)',
        response: { 201: RecruitmentMaterialSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await recruitment.uploadMaterial(req.ctx, req.params.id, req)),
  );
  app.get(
    '/recruitment-materials/:id',
    { schema: { tags, params, description: 'The file of a material (audited as a sensitive read)' } },
    async (req, reply) => {
      const file = await recruitment.downloadMaterial(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
};
