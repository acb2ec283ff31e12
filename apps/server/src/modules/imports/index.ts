export { formatRowError } from './imports.policy.js';
export { importRoutes } from './imports.routes.js';
export { createImportService, type ImportService, type JobState } from './imports.service.js';
