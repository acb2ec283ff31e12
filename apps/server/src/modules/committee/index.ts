export { committeeRoutes } from './committee.routes.js';
export { type CommitteeService, createCommitteeService } from './committee.service.js';
