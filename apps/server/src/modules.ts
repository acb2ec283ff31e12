import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { DbHandle } from './db/client.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { createAccountService } from './modules/account/account.service.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import type { AuthService } from './modules/auth/auth.service.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { createOrgService, orgRoutes } from './modules/org/index.js';
import { createUserService, userRoutes } from './modules/user/index.js';

/** Composition root: one line per module. */
export async function registerModules(
  api: FastifyInstance,
  deps: { config: Config; database: DbHandle; auth: AuthService },
) {
  const { db } = deps.database;
  await api.register(authRoutes, { auth: deps.auth });
  await api.register(accountRoutes, { account: createAccountService({ db, config: deps.config }), auth: deps.auth });
  await api.register(orgRoutes, { orgs: createOrgService({ db }) });
  await api.register(userRoutes, { users: createUserService({ db, config: deps.config }) });
  await api.register(auditRoutes, { audit: createAuditService({ db }) });
  await api.register(dashboardRoutes, { db });
}
