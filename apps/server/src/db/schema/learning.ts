import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { organizations } from './organizations.js';

/** 学习资料分类: a flat list, shared by the zone. */
export const learningCategories = pgTable('learning_categories', {
  id: uuid().primaryKey(),
  name: text().notNull().unique(),
  sortOrder: integer().notNull().default(0),
});

/**
 * 学习资料: an article (sanitized HTML), a video, a document (PDF) or a policy document (a PDF and/or text, with a
 * series and a version). Owned by an organization (who manages it); seen by members of the zone or of the targeted
 * subtrees once published. Draft → in_review → published (by a reviewer other than the author) or rejected → draft.
 */
export const learningContents = pgTable(
  'learning_contents',
  {
    id: uuid().primaryKey(),
    /** article | video | document | policy */
    kind: text().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    /** Sanitized on the server before it is stored. */
    bodyHtml: text().notNull().default(''),
    /** The body's text without tags, for search. */
    bodyText: text().notNull().default(''),
    categoryId: uuid().references(() => learningCategories.id),
    tags: jsonb().$type<string[]>().notNull().default([]),
    /** draft | in_review | published | rejected | withdrawn */
    status: text().notNull().default('draft'),
    /** zone | orgs */
    audience: text().notNull().default('zone'),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    fileSha256: text(),
    fileName: text(),
    fileMime: text(),
    fileSize: integer(),
    /** Video length in seconds (as the uploader's browser measured it); null for other kinds. */
    durationSeconds: integer(),
    /** Policy documents: the series all versions share, the version number and the document number (文号). */
    seriesId: uuid(),
    version: integer().notNull().default(1),
    docNumber: text(),
    authorId: uuid().notNull(),
    authorName: text().notNull(),
    reviewerId: uuid(),
    reviewerName: text(),
    reviewNote: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('learning_contents_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('learning_contents_status_idx').on(t.status, t.publishedAt),
    index('learning_contents_series_idx').on(t.seriesId, t.version),
    index('learning_contents_category_id_idx').on(t.categoryId),
  ],
);

/** The organizations a content of audience `orgs` is for (their whole subtrees). */
export const learningContentTargets = pgTable(
  'learning_content_targets',
  {
    contentId: uuid()
      .notNull()
      .references(() => learningContents.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.contentId, t.orgId] }), index('learning_content_targets_org_id_idx').on(t.orgId)],
);

/** Images and files uploaded for contents (bytes in the blob store under DATA_DIR/files). */
export const learningFiles = pgTable('learning_files', {
  sha256: text().primaryKey(),
  mime: text().notNull(),
  size: integer().notNull(),
  fileName: text().notNull(),
  uploadedBy: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 课程: ordered lessons, each a content with a required study time. */
export const learningCourses = pgTable(
  'learning_courses',
  {
    id: uuid().primaryKey(),
    title: text().notNull(),
    description: text().notNull().default(''),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    createdById: uuid().notNull(),
    createdByName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learning_courses_org_path_idx').on(t.orgPath.op('text_pattern_ops'))],
);

export const learningLessons = pgTable(
  'learning_lessons',
  {
    id: uuid().primaryKey(),
    courseId: uuid()
      .notNull()
      .references(() => learningCourses.id),
    position: integer().notNull(),
    contentId: uuid()
      .notNull()
      .references(() => learningContents.id),
    title: text().notNull(),
    requiredSeconds: integer().notNull(),
  },
  (t) => [
    uniqueIndex('learning_lessons_course_position_key').on(t.courseId, t.position),
    index('learning_lessons_content_id_idx').on(t.contentId),
  ],
);

/** 学习计划: a course assigned to organizations (their subtrees) or members, with a period and a deadline. */
export const learningPlans = pgTable(
  'learning_plans',
  {
    id: uuid().primaryKey(),
    title: text().notNull(),
    courseId: uuid()
      .notNull()
      .references(() => learningCourses.id),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    createdById: uuid().notNull(),
    createdByName: text().notNull(),
    lastRemindedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learning_plans_org_path_idx').on(t.orgPath.op('text_pattern_ops'))],
);

/** Who a plan is for: an organization's subtree (orgPath) or one member. */
export const learningPlanTargets = pgTable(
  'learning_plan_targets',
  {
    id: uuid().primaryKey(),
    planId: uuid()
      .notNull()
      .references(() => learningPlans.id, { onDelete: 'cascade' }),
    orgId: uuid().references(() => organizations.id),
    orgPath: text(),
    memberId: uuid().references(() => members.id),
  },
  (t) => [
    index('learning_plan_targets_plan_id_idx').on(t.planId),
    index('learning_plan_targets_member_id_idx').on(t.memberId),
  ],
);

/**
 * 在线学习: one row per page visit of a member on a content. Every heartbeat is counted (accepted or refused, with
 * the last refusal's reason), and `credited_seconds` is the sum of what the server credited: each credited second is
 * traceable to a session and its heartbeats. A session belongs to one local day (a new one starts after midnight).
 */
export const learningStudySessions = pgTable(
  'learning_study_sessions',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    contentId: uuid()
      .notNull()
      .references(() => learningContents.id),
    lessonId: uuid().references(() => learningLessons.id),
    day: date({ mode: 'string' }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    lastBeatAt: timestamp({ withTimezone: true }).notNull(),
    lastCreditAt: timestamp({ withTimezone: true }),
    lastPosition: real().notNull().default(0),
    heartbeats: integer().notNull().default(0),
    acceptedHeartbeats: integer().notNull().default(0),
    creditedSeconds: integer().notNull().default(0),
    lastRefusal: text(),
  },
  (t) => [
    index('learning_study_sessions_member_day_idx').on(t.memberId, t.day),
    index('learning_study_sessions_content_id_idx').on(t.contentId),
    index('learning_study_sessions_day_idx').on(t.day),
  ],
);

/** A member's credited seconds per local day: the row locked for the daily cap and the overlap check. */
export const learningStudyDays = pgTable(
  'learning_study_days',
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    day: date({ mode: 'string' }).notNull(),
    creditedSeconds: integer().notNull().default(0),
    lastCreditAt: timestamp({ withTimezone: true }),
    lastSessionId: uuid(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] }), index('learning_study_days_day_idx').on(t.day)],
);

/** Seconds credited to a member on a content (all sessions), and when each lesson reached its required time. */
export const learningContentProgress = pgTable(
  'learning_content_progress',
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    contentId: uuid()
      .notNull()
      .references(() => learningContents.id),
    creditedSeconds: integer().notNull().default(0),
    lastPosition: real().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.contentId] }),
    index('learning_content_progress_content_idx').on(t.contentId),
  ],
);

export const learningLessonCompletions = pgTable(
  'learning_lesson_completions',
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    lessonId: uuid()
      .notNull()
      .references(() => learningLessons.id),
    completedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.lessonId] }),
    index('learning_lesson_completions_lesson_idx').on(t.lessonId),
  ],
);
