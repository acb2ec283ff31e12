import {
  CreateOrgBodySchema,
  IdParamsSchema,
  ListOrgsQuerySchema,
  OrgSchema,
  OrgTreeNodeSchema,
  OrgTreeQuerySchema,
  pageOf,
  UpdateOrgBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OrgService } from './org.service.js';

export const orgRoutes: FastifyPluginAsyncZod<{ orgs: OrgService }> = async (app, { orgs }) => {
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
};
