export { createOrgRepository, type OrgRepository, type OrgRow } from './org.repository.js';
export { createRestructureService, type RestructureService, scheduleProjectEndSweep } from './org.restructure.js';
export { orgRoutes } from './org.routes.js';
export { createOrgService, type OrgService } from './org.service.js';
