import { createPointsGrantsService } from './points.grants.js';
import { createPointsPublicationService } from './points.publication.js';
import { createPointsRunService } from './points.run.js';
import { createPointsCore, createPointsService, type PointsDeps } from './points.service.js';

export type { PointsDeps } from './points.service.js';

import { createPointsStatsService } from './points.stats.js';

export type { BulkGradeLookup, GradeLookup } from './points.policy.js';
export { pointsRoutes } from './points.routes.js';
export {
  attendanceSource,
  baseSource,
  DEFAULT_POINT_SOURCES,
  type PointSource,
  type PointSourceContext,
  volunteerSource,
} from './points.sources.js';
export { averagePointsOf } from './points.stats.js';

/**
 * The 党员积分 module, wired: rules and "why" (service), manual grants, corrections and exemptions (grants), the
 * automatic run and `points verify` (run), publication and objections, aggregates and export (stats). The grade
 * lookup of the democratic evaluation and further point sources come in through `deps`.
 */
export function createPointsModule(deps: PointsDeps & { uploadLimit?: number }) {
  const core = createPointsCore(deps);
  return {
    core,
    service: createPointsService(core),
    grants: createPointsGrantsService(core, { uploadLimit: deps.uploadLimit }),
    run: createPointsRunService(core),
    publication: createPointsPublicationService(core),
    stats: createPointsStatsService(core),
  };
}
export type PointsModule = ReturnType<typeof createPointsModule>;
