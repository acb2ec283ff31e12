import type { Db } from '../../db/client.js';
import { createRatingDecisions } from './org-rating.decisions.js';
import { type OrgRatingModule, orgRatingRoutes } from './org-rating.routes.js';
import { createSchemeService } from './org-rating.schemes.js';
import { createOrgRatingService } from './org-rating.service.js';
import type { IndicatorSources } from './org-rating.sources.js';
import { createRatingWorkflow } from './org-rating.workflow.js';

export type { OrgRatingService } from './org-rating.service.js';
export type { IndicatorSources } from './org-rating.sources.js';
export { orgRatingRoutes };

/**
 * The star rating module wired together. `sources` plugs in figures other modules own (average member points,
 * 述职评议 satisfaction); without them those indicators are scored by hand.
 */
export function createOrgRatingModule(deps: {
  db: Db;
  sources?: IndicatorSources;
  uploadLimit?: number;
  now?: () => Date;
}): OrgRatingModule {
  const ratings = createOrgRatingService(deps);
  const workflow = createRatingWorkflow({ ...deps, service: ratings });
  const decisions = createRatingDecisions({ db: deps.db, service: ratings, workflow, now: deps.now });
  return { schemes: createSchemeService(deps), ratings, workflow, decisions, db: deps.db };
}
