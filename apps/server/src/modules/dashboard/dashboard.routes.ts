import { type DashboardSummary, DashboardSummarySchema, ORG_TYPES } from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../core/actor.js';
import { isZoneWide, scopePaths } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { createAuditRepository } from '../audit/audit.repository.js';
import { createOrgRepository } from '../org/index.js';
import { createUserRepository } from '../user/index.js';

export function createDashboardService(db: Db) {
  const orgs = createOrgRepository(db);
  const users = createUserRepository(db);
  const audit = createAuditRepository(db);
  return {
    async summary(actor: Actor): Promise<DashboardSummary> {
      const roots = scopePaths(actor, 'dashboard:read');
      const today = new Date();
      today.setHours(0, 0, 0, 0);
      const [byType, byDomain, userTotal, auditEventsToday] = await Promise.all([
        orgs.countBy(roots, 'type'),
        orgs.countBy(roots, 'domain'),
        users.countInScope(roots),
        audit.countSince({ roots, includeUnscoped: isZoneWide(actor, 'dashboard:read') }, today),
      ]);
      const orgsByType = Object.fromEntries(
        ORG_TYPES.map((t) => [t, byType.find((r) => r.key === t)?.n ?? 0]),
      ) as DashboardSummary['orgsByType'];
      const orgsByDomain = Object.fromEntries(byDomain.filter((r) => r.key).map((r) => [r.key as string, r.n]));
      return { orgsByType, orgsByDomain, orgTotal: byType.reduce((s, r) => s + r.n, 0), userTotal, auditEventsToday };
    },
  };
}

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const dashboard = createDashboardService(db);
  app.get('/dashboard/summary', { schema: { tags: ['dashboard'], response: { 200: DashboardSummarySchema } } }, (req) =>
    dashboard.summary(req.ctx.actor!),
  );
};
