import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
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

/** A draw rule: this many questions from the chosen banks, optionally of these tags and this difficulty. */
export type CompetitionDrawRule = { tags?: string[]; difficulty?: number; count: number };

/** The competition's own copy of a drawn question, so an edit of the bank never changes a running event. */
export type CompetitionQuestionSnapshot = {
  kind: string;
  stem: string;
  options: { key: string; text: string }[];
  answer: (string | boolean | string[])[];
  points: number;
};

/**
 * 知识竞赛: one scheduled event owned by an organization. The questions are drawn once (same `drawSeed` for everyone)
 * when the competition is scheduled; `audienceOrgIds` (and their subtrees) may take part. Status: draft → scheduled
 * (→ cancelled); running and finished follow from the server clock and `startsAt` / `endsAt`.
 */
export const competitions = pgTable(
  'competitions',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    title: text().notNull(),
    description: text(),
    status: text().notNull().default('draft'),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Minutes before the start a member may enter the lobby. */
    lobbyMinutes: integer().notNull().default(30),
    questionSeconds: integer().notNull().default(20),
    bankIds: uuid().array().notNull(),
    drawRules: jsonb().$type<CompetitionDrawRule[]>().notNull(),
    drawSeed: text().notNull(),
    /** individual | team | both */
    standings: text().notNull().default('both'),
    /** average | sum: how a team's (branch's) score is made from its members' */
    teamAggregate: text().notNull().default('average'),
    publishTopList: boolean().notNull().default(false),
    topListSize: integer().notNull().default(10),
    audienceOrgIds: uuid().array().notNull(),
    audiencePaths: text().array().notNull(),
    /** Members admitted per wave and the gap between waves (the staggered start). */
    waveSize: integer().notNull().default(200),
    waveMs: integer().notNull().default(1000),
    /** Answers faster than this (ms) are suspicious; a member is flagged after `anomalyMinCount` of them. */
    anomalyFloorMs: integer().notNull().default(1500),
    anomalyMinCount: integer().notNull().default(3),
    /** How many members have joined: the next one's place in the admission waves. */
    joinedCount: integer().notNull().default(0),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('competitions_org_path_idx').on(t.orgPath),
    index('competitions_org_id_idx').on(t.orgId),
    index('competitions_starts_at_idx').on(t.startsAt),
    index('competitions_created_by_id_idx').on(t.createdById),
  ],
);

/** The drawn questions of a competition in order (position 0…n-1), copied from the bank. */
export const competitionQuestions = pgTable(
  'competition_questions',
  {
    competitionId: uuid()
      .notNull()
      .references(() => competitions.id),
    position: smallint().notNull(),
    questionId: uuid().notNull(),
    snapshot: jsonb().$type<CompetitionQuestionSnapshot>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.position] })],
);

/**
 * One member's participation. `orgId`/`orgPath` are the member's branch when they joined: the team they count for.
 * `admitAt` is the member's place in the staggered start (server clock); `startedAt` when they were let in.
 */
export const competitionEntries = pgTable(
  'competition_entries',
  {
    id: uuid().primaryKey(),
    competitionId: uuid()
      .notNull()
      .references(() => competitions.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    admitAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }),
    score: integer().notNull().default(0),
    correct: integer().notNull().default(0),
    answered: integer().notNull().default(0),
    totalMs: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('competition_entries_member_key').on(t.competitionId, t.memberId),
    index('competition_entries_member_id_idx').on(t.memberId),
    index('competition_entries_org_id_idx').on(t.orgId),
    index('competition_entries_score_idx').on(t.competitionId, t.score),
  ],
);

/**
 * One question as a member met it: opened at `openedAt` (server clock), answered once (`answeredAt`, the first
 * answer wins; a retried POST finds the row answered and gets the stored result back).
 */
export const competitionAnswers = pgTable(
  'competition_answers',
  {
    entryId: uuid()
      .notNull()
      .references(() => competitionEntries.id),
    position: smallint().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    answer: jsonb().$type<unknown>(),
    correct: boolean(),
    points: integer().notNull().default(0),
    elapsedMs: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.position] }),
    index('competition_answers_answered_idx').on(t.entryId).where(sql`${t.answeredAt} is not null`),
  ],
);
