import {
  CreateUserBodySchema,
  IdParamsSchema,
  ListUsersQuerySchema,
  pageOf,
  ResetPasswordBodySchema,
  RevealPhoneResultSchema,
  UpdateUserBodySchema,
  UserSchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UserService } from './user.service.js';

export const userRoutes: FastifyPluginAsyncZod<{ users: UserService }> = async (app, { users }) => {
  const tags = ['users'];
  app.get(
    '/users',
    { schema: { tags, querystring: ListUsersQuerySchema, response: { 200: pageOf(UserSchema) } } },
    (req) => users.list(req.ctx.actor!, req.query),
  );
  app.get('/users/:id', { schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } } }, (req) =>
    users.get(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, body: CreateUserBodySchema, response: { 201: UserSchema } } },
    async (req, reply) => reply.code(201).send(await users.create(req.ctx, req.body)),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema } } },
    (req) => users.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    { schema: { tags, params: IdParamsSchema, body: ResetPasswordBodySchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await users.resetPassword(req.ctx, req.params.id, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/users/:id/unlock',
    { schema: { tags, params: IdParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await users.unlock(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/users/:id/phone',
    { schema: { tags, params: IdParamsSchema, response: { 200: RevealPhoneResultSchema } } },
    (req) => users.revealPhone(req.ctx, req.params.id),
  );
};
