import { secretarySatisfactionOf } from './modules/evaluation/index.js';
import type { IndicatorSources } from './modules/org-rating/index.js';
import { averagePointsOf } from './modules/points/index.js';

/**
 * What 星级评定 reads from modules it does not own: the members' average points and the secretary's 述职评议
 * satisfaction (a share, not a percent). One definition so the demo seed computes indicators exactly as the app does.
 */
export const ratingSources: IndicatorSources = {
  averagePoints: averagePointsOf,
  secretarySatisfaction: async (db, orgId, year) => {
    const percent = await secretarySatisfactionOf(db, orgId, year);
    return percent === null ? null : percent / 100;
  },
};
