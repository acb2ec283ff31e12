import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { members } from './members.js';
import { organizations } from './organizations.js';
import { questions } from './questions.js';

/**
 * 考试 / 测验: a paper drawn at random from banks by tag and difficulty (`drawRules`), or fixed questions; the
 * audience is organizations (their subtrees) and chosen members; it opens and closes at times. Results are shown at
 * once or only after the close (`resultsRelease`).
 */
export const exams = pgTable(
  'exams',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    /** exam 考试 | quiz 测验 */
    kind: text().notNull().default('quiz'),
    title: text().notNull(),
    description: text(),
    /** draft | published | closed */
    status: text().notNull().default('draft'),
    /** random | fixed */
    paperMode: text().notNull().default('random'),
    bankIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    drawRules: jsonb()
      .$type<{ tags?: string[]; difficulty?: number[]; count: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    fixedQuestionIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    shuffleQuestions: boolean().notNull().default(true),
    shuffleOptions: boolean().notNull().default(true),
    timeLimitMinutes: integer(),
    graceSeconds: integer().notNull().default(30),
    maxAttempts: integer().notNull().default(1),
    passPercent: smallint().notNull().default(60),
    /** immediate | after_close */
    resultsRelease: text().notNull().default('immediate'),
    audienceOrgIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    audienceMemberIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    opensAt: timestamp({ withTimezone: true }),
    closesAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('exams_org_path_idx').on(t.orgPath),
    index('exams_org_id_idx').on(t.orgId),
    index('exams_created_by_id_idx').on(t.createdById),
  ],
);

/** Per-member exceptions: extra attempts and extra minutes (illness, a lost phone). */
export const examOverrides = pgTable(
  'exam_overrides',
  {
    examId: uuid()
      .notNull()
      .references(() => exams.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    extraAttempts: integer().notNull().default(0),
    extraMinutes: integer().notNull().default(0),
    note: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.examId, t.memberId] }), index('exam_overrides_member_id_idx').on(t.memberId)],
);

/**
 * One attempt. The questions and their order (`questionIds`) and the choice order of each (`optionOrders`, original
 * keys in display order) are fixed when the attempt starts, so a resumed attempt shows the same paper. The server's
 * `deadline` decides: answers after it are refused; submission is allowed until deadline + `graceSeconds`.
 */
export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: uuid().primaryKey(),
    examId: uuid()
      .notNull()
      .references(() => exams.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** The member's branch path when the attempt started (scope of the results). */
    orgPath: text().notNull(),
    attemptNo: integer().notNull(),
    seed: text().notNull(),
    questionIds: uuid().array().notNull(),
    optionOrders: jsonb().$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    deadline: timestamp({ withTimezone: true }),
    graceSeconds: integer().notNull().default(30),
    /** in_progress | submitted | expired */
    status: text().notNull().default('in_progress'),
    submittedAt: timestamp({ withTimezone: true }),
    score: integer(),
    maxScore: integer().notNull().default(0),
    percent: numeric({ precision: 5, scale: 1, mode: 'number' }),
    passed: boolean(),
  },
  (t) => [
    uniqueIndex('exam_attempts_exam_member_no_key').on(t.examId, t.memberId, t.attemptNo),
    index('exam_attempts_member_id_idx').on(t.memberId),
    index('exam_attempts_org_path_idx').on(t.orgPath),
  ],
);

/** The latest saved answer to one question of an attempt (autosave overwrites; grading fills `correct`/`score`). */
export const examAnswers = pgTable(
  'exam_answers',
  {
    attemptId: uuid()
      .notNull()
      .references(() => examAttempts.id),
    questionId: uuid()
      .notNull()
      .references(() => questions.id),
    answer: jsonb().$type<string | boolean | string[]>().notNull(),
    savedAt: timestamp({ withTimezone: true }).notNull(),
    correct: boolean(),
    score: integer(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] }), index('exam_answers_question_id_idx').on(t.questionId)],
);
