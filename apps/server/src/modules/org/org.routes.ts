import {
  AuditEventSchema,
  CreateOrgBodySchema,
  DissolveOrgBodySchema,
  EndProjectBodySchema,
  IdParamsSchema,
  ListOrgsQuerySchema,
  MergeOrgBodySchema,
  MoveOrgBodySchema,
  OrgSchema,
  OrgTreeNodeSchema,
  OrgTreeQuerySchema,
  PageQuerySchema,
  pageOf,
  RestructurePreviewSchema,
  SplitOrgBodySchema,
  UpdateOrgBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RestructureService } from './org.restructure.js';
import type { OrgService } from './org.service.js';

export const orgRoutes: FastifyPluginAsyncZod<{ orgs: OrgService; restructure: RestructureService }> = async (
  app,
  { orgs, restructure },
) => {
  const tags = ['organizations'];
  app.get(
    '/orgs',
    { schema: { tags, querystring: ListOrgsQuerySchema, response: { 200: pageOf(OrgSchema) } } },
    (req) => orgs.list(req.ctx.actor!, req.query),
  );
  app.get(
    '/orgs/tree',
    { schema: { tags, querystring: OrgTreeQuerySchema, response: { 200: z.array(OrgTreeNodeSchema) } } },
    (req) => orgs.tree(req.ctx.actor!, req.query.parentId),
  );
  app.get('/orgs/:id', { schema: { tags, params: IdParamsSchema, response: { 200: OrgSchema } } }, (req) =>
    orgs.get(req.ctx.actor!, req.params.id),
  );
  app.post('/orgs', { schema: { tags, body: CreateOrgBodySchema, response: { 201: OrgSchema } } }, async (req, reply) =>
    reply.code(201).send(await orgs.create(req.ctx, req.body)),
  );
  app.patch(
    '/orgs/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateOrgBodySchema, response: { 200: OrgSchema } } },
    (req) => orgs.update(req.ctx, req.params.id, req.body),
  );

  const preview = { 200: RestructurePreviewSchema };
  const params = IdParamsSchema;
  app.post('/orgs/:id/move', { schema: { tags, params, body: MoveOrgBodySchema, response: preview } }, (req) =>
    restructure.move(req.ctx, req.params.id, req.body),
  );
  app.post('/orgs/:id/move/preview', { schema: { tags, params, body: MoveOrgBodySchema, response: preview } }, (req) =>
    restructure.previewMove(req.ctx, req.params.id, req.body),
  );
  app.post('/orgs/:id/merge', { schema: { tags, params, body: MergeOrgBodySchema, response: preview } }, (req) =>
    restructure.merge(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/merge/preview',
    { schema: { tags, params, body: MergeOrgBodySchema, response: preview } },
    (req) => restructure.previewMerge(req.ctx, req.params.id, req.body),
  );
  app.post('/orgs/:id/dissolve', { schema: { tags, params, body: DissolveOrgBodySchema, response: preview } }, (req) =>
    restructure.dissolve(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/dissolve/preview',
    { schema: { tags, params, body: DissolveOrgBodySchema, response: preview } },
    (req) => restructure.previewDissolve(req.ctx, req.params.id, req.body),
  );
  app.post('/orgs/:id/split', { schema: { tags, params, body: SplitOrgBodySchema, response: preview } }, (req) =>
    restructure.split(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/split/preview',
    { schema: { tags, params, body: SplitOrgBodySchema, response: preview } },
    (req) => restructure.previewSplit(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/project-end',
    { schema: { tags, params, body: EndProjectBodySchema, response: preview } },
    (req) => restructure.endProject(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/orgs/:id/project-end/preview',
    { schema: { tags, params, body: EndProjectBodySchema, response: preview } },
    (req) => restructure.previewProjectEnd(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/orgs/:id/history',
    { schema: { tags, params, querystring: PageQuerySchema, response: { 200: pageOf(AuditEventSchema) } } },
    (req) => restructure.history(req.ctx.actor!, req.params.id, req.query),
  );
};
