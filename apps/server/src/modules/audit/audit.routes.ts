import {
  AuditEventSchema,
  AuditVerifyResultSchema,
  ListAuditEventsQuerySchema,
  pageOf,
  shanghaiDate,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  const tags = ['audit'];
  app.get(
    '/audit-events',
    { schema: { tags, querystring: ListAuditEventsQuerySchema, response: { 200: pageOf(AuditEventSchema) } } },
    (req) => audit.list(req.ctx.actor!, req.query),
  );
  app.get('/audit-events/export', { schema: { tags, querystring: ListAuditEventsQuerySchema } }, async (req, reply) => {
    const { current: _c, pageSize: _p, ...filters } = req.query;
    const file = await audit.exportXlsx(req.ctx, filters);
    const name = `audit-${shanghaiDate(new Date())}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file);
  });
  app.get('/audit-events/verify', { schema: { tags, response: { 200: AuditVerifyResultSchema } } }, () =>
    audit.verify(),
  );
};
