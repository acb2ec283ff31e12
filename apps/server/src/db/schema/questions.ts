import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { organizations } from './organizations.js';

/**
 * 题库: a named bank owned by an organization (the zone's banks by the root). Exams, quizzes and knowledge
 * competitions draw from banks by tag and difficulty.
 */
export const questionBanks = pgTable(
  'question_banks',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    description: text(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('question_banks_org_name_key').on(t.orgId, t.name),
    index('question_banks_org_path_idx').on(t.orgPath),
    index('question_banks_created_by_id_idx').on(t.createdById),
  ],
);

/**
 * One question. `kind`: single | multiple | true_false | fill. `options` holds the choices in authoring order
 * ({key: 'A', text}) — empty for fill-in; `answer` holds the keys of the right choices, [true|false] for true/false,
 * or the accepted texts of each blank for fill-in. A question in use by an attempt is never edited in place: an edit
 * of a used question retires it (`retiredAt`) and inserts a successor, so a graded attempt keeps what was asked.
 * `contentHash` (kind, stem, options, answer normalized) makes a re-imported bank change nothing.
 */
export const questions = pgTable(
  'questions',
  {
    id: uuid().primaryKey(),
    bankId: uuid()
      .notNull()
      .references(() => questionBanks.id),
    kind: text().notNull(),
    stem: text().notNull(),
    options: jsonb().$type<{ key: string; text: string }[]>().notNull().default(sql`'[]'::jsonb`),
    answer: jsonb().$type<(string | boolean | string[])[]>().notNull(),
    explanation: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** 1 easy … 3 hard */
    difficulty: smallint().notNull().default(2),
    points: integer().notNull().default(1),
    contentHash: text().notNull(),
    replacesId: uuid(),
    retiredAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('questions_bank_hash_live_key').on(t.bankId, t.contentHash).where(sql`${t.retiredAt} is null`),
    index('questions_bank_id_idx').on(t.bankId),
    index('questions_bank_live_idx').on(t.bankId, t.difficulty).where(sql`${t.retiredAt} is null`),
    index('questions_tags_idx').using('gin', t.tags),
    index('questions_created_by_id_idx').on(t.createdById),
  ],
);
