import {
  ApiTokenSchema,
  ChangePasswordBodySchema,
  CreateApiTokenBodySchema,
  CreateApiTokenResultSchema,
  IdParamsSchema,
  MeSchema,
  MfaActivateBodySchema,
  MfaActivateResultSchema,
  MfaDisableBodySchema,
  MfaEnrollResultSchema,
  UpdatePreferencesBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AuthService, toMe } from '../auth/auth.service.js';
import type { AccountService } from './account.service.js';

export const accountRoutes: FastifyPluginAsyncZod<{ account: AccountService; auth: AuthService }> = async (
  app,
  { account, auth },
) => {
  const tags = ['account'];
  const noContent = { 204: z.null() };

  app.patch(
    '/account/preferences',
    { schema: { tags, body: UpdatePreferencesBodySchema, response: { 200: MeSchema } } },
    async (req) => {
      await account.updatePreferences(req.ctx, req.body);
      const fresh = await auth.actorFromSession(req.cookies.re_sid ?? '');
      return toMe(fresh && fresh !== 'mfa_pending' ? fresh : req.ctx.actor!);
    },
  );
  app.post(
    '/account/password',
    { schema: { tags, body: ChangePasswordBodySchema, response: noContent } },
    async (req, reply) => {
      await account.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send(null);
    },
  );
  app.post('/account/mfa/enroll', { schema: { tags, response: { 200: MfaEnrollResultSchema } } }, (req) =>
    account.enrollMfa(req.ctx),
  );
  app.post(
    '/account/mfa/activate',
    { schema: { tags, body: MfaActivateBodySchema, response: { 200: MfaActivateResultSchema } } },
    (req) => account.activateMfa(req.ctx, req.body.code),
  );
  app.post(
    '/account/mfa/disable',
    { schema: { tags, body: MfaDisableBodySchema, response: noContent } },
    async (req, reply) => {
      await account.disableMfa(req.ctx, req.body.password);
      return reply.code(204).send(null);
    },
  );
  app.get('/account/tokens', { schema: { tags, response: { 200: z.array(ApiTokenSchema) } } }, (req) =>
    account.listTokens(req.ctx),
  );
  app.post(
    '/account/tokens',
    { schema: { tags, body: CreateApiTokenBodySchema, response: { 201: CreateApiTokenResultSchema } } },
    async (req, reply) => reply.code(201).send(await account.createToken(req.ctx, req.body)),
  );
  app.delete(
    '/account/tokens/:id',
    { schema: { tags, params: IdParamsSchema, response: noContent } },
    async (req, reply) => {
      await account.revokeToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
};
