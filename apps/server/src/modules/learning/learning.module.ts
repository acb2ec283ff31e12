import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { type BlobStore, blobStoreFor } from '../file-store/index.js';
import { createContentService } from './learning.content.js';
import { createCourseService } from './learning.courses.js';
import { createLearningStatsService } from './learning.stats.js';
import { createStudyService } from './learning.study.js';

/** 学习教育, wired: contents and files, courses and plans, study sessions and records, statistics. */
export function createLearningModule(deps: { db: Db; config: Config; blobs?: BlobStore; now?: () => Date }) {
  const contents = createContentService({
    db: deps.db,
    blobs: deps.blobs ?? blobStoreFor(deps.config),
    uploadLimit: deps.config.uploadLimit,
  });
  return {
    contents,
    courses: createCourseService({ db: deps.db }),
    study: createStudyService({ db: deps.db, contents, ...(deps.now ? { now: deps.now } : {}) }),
    stats: createLearningStatsService({ db: deps.db, ...(deps.now ? { now: deps.now } : {}) }),
  };
}
export type LearningModule = ReturnType<typeof createLearningModule>;
