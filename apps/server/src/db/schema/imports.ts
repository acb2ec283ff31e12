import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * One Excel import (dry run or commit) for traceability: who, when, which file (sha256), the mode, the counts and the
 * row errors. A commit writes its row in the same transaction as the imported records; `org_path` is the subtree the
 * import was limited to, and scopes who may see the job.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    mode: text().notNull(),
    status: text().notNull(),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    orgPath: text().notNull(),
    actorId: uuid().references(() => users.id),
    actorName: text(),
    rowsTotal: integer().notNull().default(0),
    rowsValid: integer().notNull().default(0),
    rowsInvalid: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    /** The first IMPORT_ERRORS_KEPT row errors, in both languages: [{ row, column, zh, en }]. */
    errors: jsonb().$type<unknown[]>().notNull().default([]),
    message: jsonb().$type<Record<string, string> | null>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('import_jobs_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('import_jobs_file_sha256_idx').on(t.fileSha256),
  ],
);
