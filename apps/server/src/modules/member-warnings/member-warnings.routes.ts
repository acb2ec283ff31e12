import { MemberWarningsQuerySchema, MemberWarningsSchema } from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MemberWarningsService } from './member-warnings.service.js';

export const memberWarningRoutes: FastifyPluginAsyncZod<{ warnings: MemberWarningsService }> = async (
  app,
  { warnings },
) => {
  app.get(
    '/members/warnings',
    {
      schema: {
        tags: ['members'],
        description: '失联 and 流动 warnings: 停止党籍 due, 除名 due, relation transfer due',
        querystring: MemberWarningsQuerySchema,
        response: { 200: MemberWarningsSchema },
      },
    },
    (req) => warnings.list(req.ctx.actor!, req.query),
  );
};
