import type { Db } from './db/client.js';
import { competitionPointSource } from './modules/competition/index.js';
import { evaluationGradeOf } from './modules/evaluation/index.js';
import { quizPointSource } from './modules/exam/index.js';
import { studySource } from './modules/learning/index.js';
import { DEFAULT_POINT_SOURCES, type PointsDeps } from './modules/points/index.js';

/**
 * What 党员积分 reads from modules it does not own: the 民主评议 grade and the automatic point sources (attendance and
 * volunteer hours from the points module itself; study, quizzes and competitions from learning). One definition for
 * the app and the CLI, so `red-engine points grant` books exactly what the app books.
 */
export function pointsDeps(db: Db): PointsDeps {
  return {
    db,
    gradeOf: evaluationGradeOf,
    sources: [...DEFAULT_POINT_SOURCES, competitionPointSource, studySource, quizPointSource],
  };
}
