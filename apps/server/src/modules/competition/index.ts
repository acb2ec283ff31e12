import type { Db } from '../../db/client.js';
import { createCompetitionExport } from './competition.export.js';
import { createCompetitionPlay } from './competition.play.js';
import { competitionRoutes } from './competition.routes.js';
import { createCompetitionService } from './competition.service.js';
import { createCompetitionStandings } from './competition.standings.js';

export { competitionPointSource } from './competition.source.js';
export { competitionRoutes };

/** 知识竞赛, wired together. `now` is the server clock (tests move it). */
export function createCompetitionModule(deps: { db: Db; now?: () => Date }) {
  const setup = createCompetitionService(deps);
  const play = createCompetitionPlay(deps);
  const standings = createCompetitionStandings({ ...deps, play });
  const exports = createCompetitionExport({ db: deps.db, standings });
  return { setup, play, standings, exports };
}
export type CompetitionModule = ReturnType<typeof createCompetitionModule>;
