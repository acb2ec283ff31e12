export { createUnitRepository, type UnitRepository } from './unit.repository.js';
export { unitRoutes } from './unit.routes.js';
export { createUnitService, type UnitService } from './unit.service.js';
