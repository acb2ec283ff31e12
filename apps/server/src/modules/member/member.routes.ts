import {
  CreateMemberBodySchema,
  CreateMemberEventBodySchema,
  IdParamsSchema,
  ListMembersQuerySchema,
  MemberEventSchema,
  MemberSchema,
  MemberStatsQuerySchema,
  MemberStatsSchema,
  pageOf,
  RevealMemberFieldQuerySchema,
  RevealMemberFieldResultSchema,
  UpdateMemberBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MemberService } from './member.service.js';

export const memberRoutes: FastifyPluginAsyncZod<{ members: MemberService }> = async (app, { members }) => {
  const tags = ['members'];
  app.get(
    '/members',
    { schema: { tags, querystring: ListMembersQuerySchema, response: { 200: pageOf(MemberSchema) } } },
    (req) => members.list(req.ctx.actor!, req.query),
  );
  app.get(
    '/members/stats',
    { schema: { tags, querystring: MemberStatsQuerySchema, response: { 200: MemberStatsSchema } } },
    (req) => members.stats(req.ctx.actor!, req.query),
  );
  app.get('/members/:id', { schema: { tags, params: IdParamsSchema, response: { 200: MemberSchema } } }, (req) =>
    members.get(req.ctx.actor!, req.params.id),
  );
  app.get(
    '/members/:id/events',
    { schema: { tags, params: IdParamsSchema, response: { 200: z.array(MemberEventSchema) } } },
    (req) => members.events(req.ctx.actor!, req.params.id),
  );
  app.get(
    '/members/:id/sensitive',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: RevealMemberFieldQuerySchema,
        response: { 200: RevealMemberFieldResultSchema },
      },
    },
    (req) => members.reveal(req.ctx, req.params.id, req.query.field),
  );
  app.post(
    '/members',
    { schema: { tags, body: CreateMemberBodySchema, response: { 201: MemberSchema } } },
    async (req, reply) => reply.code(201).send(await members.create(req.ctx, req.body)),
  );
  app.patch(
    '/members/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateMemberBodySchema, response: { 200: MemberSchema } } },
    (req) => members.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/members/:id/events',
    {
      schema: { tags, params: IdParamsSchema, body: CreateMemberEventBodySchema, response: { 201: MemberEventSchema } },
    },
    async (req, reply) => reply.code(201).send(await members.addEvent(req.ctx, req.params.id, req.body)),
  );
  app.get('/me/member', { schema: { tags, response: { 200: MemberSchema } } }, (req) => members.mine(req.ctx.actor!));
};
