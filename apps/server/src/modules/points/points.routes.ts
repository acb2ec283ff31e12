import {
  AnswerPointObjectionBodySchema,
  CreateMyPointObjectionBodySchema,
  CreatePointExemptionBodySchema,
  CreatePointGrantBodySchema,
  CreatePointPublicationBodySchema,
  CreatePointRuleVersionBodySchema,
  DecidePointGrantBodySchema,
  EndPointExemptionBodySchema,
  IdParamsSchema,
  MemberPointsSchema,
  MyPointPublicationSchema,
  MyPointRulesSchema,
  MyPointsSchema,
  PointEntrySchema,
  PointExemptionSchema,
  PointExemptionsQuerySchema,
  PointGrantSchema,
  PointGrantsQuerySchema,
  PointMemberRowSchema,
  PointMembersQuerySchema,
  PointObjectionSchema,
  PointObjectionsQuerySchema,
  PointPublicationSchema,
  PointPublicationsQuerySchema,
  PointRulesSchema,
  PointRuleVersionSchema,
  PointStatsQuerySchema,
  PointStatsSchema,
  PointsYearQuerySchema,
  pageOf,
  RejectPointGrantBodySchema,
  ReversePointEntryBodySchema,
  RunPointGrantsBodySchema,
  RunPointGrantsResultSchema,
  shanghaiDate,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopePaths } from '../../core/scope.js';
import { contentDisposition } from '../file-store/index.js';
import type { PointsModule } from './index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 党员积分: rules, ledger ("why"), grants, corrections, exemptions, runs, publication, objections, aggregates; H5 `/me`. */
export const pointsRoutes: FastifyPluginAsyncZod<{ points: PointsModule }> = async (app, { points: p }) => {
  const tags = ['points'];
  const params = IdParamsSchema;
  const actor = (req: FastifyRequest) => req.ctx.actor!;

  // --- rules --------------------------------------------------------------------------------------------------------
  app.get('/points/rules', { schema: { tags, response: { 200: PointRulesSchema } } }, () => p.service.rules());
  app.post(
    '/points/rule-versions',
    { schema: { tags, body: CreatePointRuleVersionBodySchema, response: { 201: PointRuleVersionSchema } } },
    async (req, reply) => reply.code(201).send(await p.service.createVersion(req.ctx, req.body)),
  );

  // --- ledger and aggregates -------------------------------------------------------------------------------------
  app.get(
    '/points/members',
    {
      schema: {
        tags,
        description: 'Members with their total of the year, by name (never ranked by score)',
        querystring: PointMembersQuerySchema,
        response: { 200: pageOf(PointMemberRowSchema) },
      },
    },
    (req) => p.stats.members(actor(req), req.query),
  );
  app.get(
    '/members/:id/points',
    {
      schema: {
        tags,
        params,
        querystring: PointsYearQuerySchema,
        description: 'A member’s total, stars and every entry of the year with its rule and source (“why”)',
        response: { 200: MemberPointsSchema },
      },
    },
    (req) => p.service.memberPoints(actor(req), req.params.id, req.query.year),
  );
  app.get(
    '/points/stats',
    { schema: { tags, querystring: PointStatsQuerySchema, response: { 200: PointStatsSchema } } },
    (req) => p.stats.stats(actor(req), req.query),
  );
  app.get(
    '/points/export',
    {
      schema: { tags, querystring: PointStatsQuerySchema, description: 'Aggregates and the roster as .xlsx (audited)' },
    },
    async (req, reply) => {
      const file = await p.stats.exportWorkbook(req.ctx, req.query);
      const year = req.query.year ?? Number(shanghaiDate(new Date()).slice(0, 4));
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(`党员积分汇总-${year}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
  app.post(
    '/points/run-grants',
    {
      schema: {
        tags,
        description: 'Books the automatic points of a period for your scope; idempotent',
        body: RunPointGrantsBodySchema,
        response: { 200: RunPointGrantsResultSchema },
      },
    },
    async (req) => {
      const root = await p.grants.rootOf(actor(req), 'points:manage', req.body.orgId);
      return p.run.run(req.ctx, {
        period: req.body.period,
        roots: root ? [root] : scopePaths(actor(req), 'points:manage'),
        orgPath: root,
      });
    },
  );

  // --- manual grants ------------------------------------------------------------------------------------------------
  app.get(
    '/points/grants',
    { schema: { tags, querystring: PointGrantsQuerySchema, response: { 200: pageOf(PointGrantSchema) } } },
    (req) => p.grants.list(actor(req), req.query),
  );
  app.post(
    '/points/grants',
    { schema: { tags, body: CreatePointGrantBodySchema, response: { 201: PointGrantSchema } } },
    async (req, reply) => reply.code(201).send(await p.grants.create(req.ctx, req.body)),
  );
  app.post(
    '/points/grants/:id/approve',
    { schema: { tags, params, body: DecidePointGrantBodySchema, response: { 200: PointGrantSchema } } },
    (req) => p.grants.approve(req.ctx, req.params.id, req.body.note),
  );
  app.post(
    '/points/grants/:id/reject',
    { schema: { tags, params, body: RejectPointGrantBodySchema, response: { 200: PointGrantSchema } } },
    (req) => p.grants.reject(req.ctx, req.params.id, req.body.note),
  );
  app.post(
    '/points/grants/:id/evidence',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description: 'multipart/form-data: one `file` (pdf, jpg, png, docx, doc, xlsx; type checked by content)',
        response: { 201: PointGrantSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await p.grants.uploadEvidence(req.ctx, req.params.id, req)),
  );
  app.get(
    '/point-evidence/:id',
    { schema: { tags, params, description: 'An evidence file (audited as a sensitive read)' } },
    async (req, reply) => {
      const file = await p.grants.downloadEvidence(req.ctx, req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
  app.post(
    '/point-entries/:id/reverse',
    {
      schema: {
        tags,
        params,
        body: ReversePointEntryBodySchema,
        description: 'A correction: a reversing entry with the reason',
        response: { 201: PointEntrySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await p.grants.reverse(req.ctx, req.params.id, req.body)),
  );

  // --- exemptions -----------------------------------------------------------------------------------------------------
  app.get(
    '/points/exemptions',
    { schema: { tags, querystring: PointExemptionsQuerySchema, response: { 200: pageOf(PointExemptionSchema) } } },
    (req) => p.grants.exemptions(actor(req), req.query),
  );
  app.post(
    '/points/exemptions',
    { schema: { tags, body: CreatePointExemptionBodySchema, response: { 201: PointExemptionSchema } } },
    async (req, reply) => reply.code(201).send(await p.grants.createExemption(req.ctx, req.body)),
  );
  app.post(
    '/point-exemptions/:id/end',
    { schema: { tags, params, body: EndPointExemptionBodySchema, response: { 200: PointExemptionSchema } } },
    (req) => p.grants.endExemption(req.ctx, req.params.id, req.body.endsOn),
  );

  // --- publication and objections -----------------------------------------------------------------------------------
  app.get(
    '/points/publications',
    { schema: { tags, querystring: PointPublicationsQuerySchema, response: { 200: pageOf(PointPublicationSchema) } } },
    (req) => p.publication.publications(actor(req), req.query),
  );
  app.post(
    '/points/publications',
    { schema: { tags, body: CreatePointPublicationBodySchema, response: { 201: PointPublicationSchema } } },
    async (req, reply) => reply.code(201).send(await p.publication.publish(req.ctx, req.body)),
  );
  app.get(
    '/points/objections',
    { schema: { tags, querystring: PointObjectionsQuerySchema, response: { 200: pageOf(PointObjectionSchema) } } },
    (req) => p.publication.objections(actor(req), req.query),
  );
  app.post(
    '/point-objections/:id/answer',
    { schema: { tags, params, body: AnswerPointObjectionBodySchema, response: { 200: PointObjectionSchema } } },
    (req) => p.publication.answer(req.ctx, req.params.id, req.body),
  );

  // --- H5: the member linked to the account --------------------------------------------------------------------------
  app.get(
    '/me/points',
    { schema: { tags, querystring: PointsYearQuerySchema, response: { 200: MyPointsSchema } } },
    (req) => p.service.myPoints(actor(req), req.query.year),
  );
  app.get('/me/points/rules', { schema: { tags, response: { 200: MyPointRulesSchema } } }, () => p.service.myRules());
  app.get('/me/point-publications', { schema: { tags, response: { 200: z.array(MyPointPublicationSchema) } } }, (req) =>
    p.publication.myPublications(actor(req)),
  );
  app.get('/me/point-objections', { schema: { tags, response: { 200: z.array(PointObjectionSchema) } } }, (req) =>
    p.publication.myObjections(actor(req)),
  );
  app.post(
    '/me/point-objections',
    { schema: { tags, body: CreateMyPointObjectionBodySchema, response: { 201: PointObjectionSchema } } },
    async (req, reply) => reply.code(201).send(await p.publication.object(req.ctx, req.body)),
  );
};
