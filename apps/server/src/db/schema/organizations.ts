import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    /** 建立日期 and 建立文号 */
    foundedOn: date(),
    foundingDocNo: text(),
    address: text(),
    longitude: doublePrecision(),
    latitude: doublePrecision(),
    contactPerson: text(),
    contactPhone: text(),
    /** 党组织所在单位情况: same_as_parent / legal_entity / joint */
    unitSituation: text(),
    secretaryName: text(),
    /** Temporary branches: the project they are bound to (a projects table replaces this later). */
    projectName: text(),
    temporaryUntil: date(),
    /** Temporary branches: the project's actual end (项目结束); the branch is dissolved on it. */
    projectEndedOn: date(),
    /** Temporary branches: the organization that approved setting it up and appoints its secretary. */
    parentApprovedBy: uuid().references((): AnyPgColumn => organizations.id),
    dissolvedOn: date(),
    dissolvedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_path_key').on(t.path.op('text_pattern_ops')),
    index('organizations_parent_id_idx').on(t.parentId),
    uniqueIndex('organizations_code_key').on(t.code).where(sql`${t.code} is not null`),
    // The daily sweep for temporary branches whose project has ended.
    index('organizations_temporary_until_idx')
      .on(t.temporaryUntil)
      .where(sql`${t.type} = 'temporary_branch' and ${t.status} = 'active'`),
  ],
);
