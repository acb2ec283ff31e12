import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey(),
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    /** Ancestor ids and own id, each followed by '/': a subtree is one prefix match. */
    path: text().notNull(),
    depth: integer().notNull(),
    type: text().notNull(),
    domain: text(),
    name: text().notNull(),
    shortName: text(),
    code: text(),
    status: text().notNull().default('active'),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_path_key').on(t.path.op('text_pattern_ops')),
    index('organizations_parent_id_idx').on(t.parentId),
    uniqueIndex('organizations_code_key').on(t.code).where(sql`${t.code} is not null`),
  ],
);
