export { type AuditInput, appendAuditEvents } from './audit.repository.js';
export { auditRoutes } from './audit.routes.js';
export { recordDeferred, sealAllPending, sealPendingAudit, startAuditSealer } from './audit.sealer.js';
export { type AuditService, createAuditService, verifyAuditChain } from './audit.service.js';
