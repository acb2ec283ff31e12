import { LoginBodySchema, LoginResultSchema, MeSchema, MfaVerifyBodySchema } from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { SESSION_COOKIE } from '../../core/request-guards.js';
import { type AuthService, toMe } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/auth/login',
    { schema: { tags: ['auth'], body: LoginBodySchema, response: { 200: LoginResultSchema } } },
    async (req, reply) => {
      const { result, session } = await auth.login(req.ctx, req.body, { userAgent: req.headers['user-agent'] ?? null });
      if (session) {
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: 'auto',
          expires: session.expiresAt,
        });
      }
      return result;
    },
  );

  app.post(
    '/auth/mfa/verify',
    { schema: { tags: ['auth'], body: MfaVerifyBodySchema, response: { 200: LoginResultSchema } } },
    async (req) => auth.verifyMfa(req.ctx, req.cookies[SESSION_COOKIE], req.body.code),
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await auth.logout(req.ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeSchema } } }, async (req) => {
    if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED', MESSAGES.unauthenticated);
    return toMe(req.ctx.actor);
  });
};
