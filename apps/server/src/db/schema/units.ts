import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/**
 * 单位: enterprises, agencies, villages, communities … that party organizations sit in. A tree of its own in the
 * national model; here each unit has a managing organization (归口) that decides who may edit it.
 */
export const units = pgTable(
  'units',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    /** 统一社会信用代码 (GB 32100) */
    creditCode: text(),
    kind: text().notNull(),
    industry: text(),
    economicType: text(),
    enterpriseScale: text(),
    /** 规模以上 */
    aboveDesignatedSize: boolean().notNull().default(false),
    employees: integer(),
    employeesUnder35: integer(),
    legalRepIsMember: boolean().notNull().default(false),
    address: text(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_credit_code_key').on(t.creditCode).where(sql`${t.creditCode} is not null`),
    index('units_owner_org_id_idx').on(t.ownerOrgId),
    index('units_kind_idx').on(t.kind),
  ],
);

/** Which units a party organization sits in (a joint branch: up to 5). */
export const orgUnits = pgTable(
  'org_units',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.unitId] }), index('org_units_unit_id_idx').on(t.unitId)],
);
