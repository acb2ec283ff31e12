export { memberWarningRoutes } from './member-warnings.routes.js';
export { createMemberWarningsService, type MemberWarningsService } from './member-warnings.service.js';
