import {
  CommitteeSchema,
  CreateCommitteeBodySchema,
  IdParamsSchema,
  TermRuleSchema,
  TermWarningsQuerySchema,
  TermWarningsSchema,
  UpdateCommitteeBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommitteeService } from './committee.service.js';

export const committeeRoutes: FastifyPluginAsyncZod<{ committees: CommitteeService }> = async (app, { committees }) => {
  const tags = ['committees'];
  const params = IdParamsSchema;
  app.get(
    '/orgs/term-warnings',
    { schema: { tags, querystring: TermWarningsQuerySchema, response: { 200: TermWarningsSchema } } },
    (req) => committees.warnings(req.ctx.actor!, req.query),
  );
  app.get('/term-rules', { schema: { tags, response: { 200: z.array(TermRuleSchema) } } }, () => committees.rules());
  app.get('/orgs/:id/committees', { schema: { tags, params, response: { 200: z.array(CommitteeSchema) } } }, (req) =>
    committees.listOfOrg(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/orgs/:id/committees',
    { schema: { tags, params, body: CreateCommitteeBodySchema, response: { 201: CommitteeSchema } } },
    async (req, reply) => reply.code(201).send(await committees.elect(req.ctx, req.params.id, req.body)),
  );
  app.get('/committees/:id', { schema: { tags, params, response: { 200: CommitteeSchema } } }, (req) =>
    committees.get(req.ctx.actor!, req.params.id),
  );
  app.patch(
    '/committees/:id',
    { schema: { tags, params, body: UpdateCommitteeBodySchema, response: { 200: CommitteeSchema } } },
    (req) => committees.update(req.ctx, req.params.id, req.body),
  );
};
