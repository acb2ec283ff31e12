import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { organizations } from './organizations.js';

/**
 * 任期规则: term years by organization type and/or domain, in force from a date. Seeded by the migration with
 * the defaults of DOMAIN-RULES §3.1; the most specific rule in force on the election date applies.
 */
export const termRules = pgTable('term_rules', {
  id: uuid().primaryKey(),
  orgType: text(),
  domain: text(),
  termYears: integer().notNull(),
  effectiveFrom: date().notNull(),
  note: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** 领导班子: one row per term (届); exactly one current term per organization. */
export const committees = pgTable(
  'committees',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    termNumber: integer().notNull(),
    electedOn: date().notNull(),
    /** Term years from the rules in force on the election date, kept so later rule changes do not rewrite history. */
    termYears: integer().notNull(),
    expiresOn: date().notNull(),
    isCurrent: boolean().notNull().default(true),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('committees_org_term_key').on(t.orgId, t.termNumber),
    uniqueIndex('committees_one_current_key').on(t.orgId).where(sql`${t.isCurrent}`),
    index('committees_expires_on_idx').on(t.expiresOn),
  ],
);

/** 班子成员 */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid().primaryKey(),
    committeeId: uuid()
      .notNull()
      .references(() => committees.id, { onDelete: 'cascade' }),
    memberId: uuid().references(() => members.id),
    name: text().notNull(),
    position: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    index('committee_members_committee_id_idx').on(t.committeeId),
    index('committee_members_member_id_idx').on(t.memberId),
  ],
);
