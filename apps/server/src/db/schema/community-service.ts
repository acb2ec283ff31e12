import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { members } from './members.js';
import { organizations } from './organizations.js';

/** 服务岗位 categories (local practice [L]); seeded by the migration, codes match SERVICE_CATEGORIES. */
export const communityServiceCategories = pgTable('community_service_categories', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: integer().notNull(),
});

/** 党组织报到: a unit's party organization registers with a community party organization (双报到). */
export const orgReports = pgTable(
  'org_reports',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    communityOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    reportedOn: date().notNull(),
    contactPerson: text().notNull(),
    contactPhone: text(),
    /** 服务承诺 */
    commitments: text().notNull(),
    status: text().notNull().default('active'),
    withdrawnOn: date(),
    withdrawReason: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_reports_one_active_key').on(t.orgId, t.communityOrgId).where(sql`${t.status} = 'active'`),
    index('org_reports_org_id_idx').on(t.orgId),
    index('org_reports_community_org_id_idx').on(t.communityOrgId),
    index('org_reports_created_by_id_idx').on(t.createdById),
  ],
);

/** 在职党员报到: a member registers with the community where they live; one active registration at a time. */
export const memberReports = pgTable(
  'member_reports',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    communityOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    reportedOn: date().notNull(),
    /** The latest report: the first one, then each 每半年报到 re-report. */
    lastReportedOn: date().notNull(),
    status: text().notNull().default('active'),
    serviceCategories: jsonb().$type<string[]>().notNull().default([]),
    withdrawnOn: date(),
    /** moved / returned (已返回) / other */
    withdrawReason: text(),
    withdrawNote: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_reports_one_active_key').on(t.memberId).where(sql`${t.status} = 'active'`),
    index('member_reports_member_id_idx').on(t.memberId),
    index('member_reports_community_org_id_idx').on(t.communityOrgId),
    index('member_reports_created_by_id_idx').on(t.createdById),
  ],
);

/** 社区需求 / 微心愿: posted by a community organization ("居民点单、社区派单"), claimed by members ("党员接单"). */
export const communityNeeds = pgTable(
  'community_needs',
  {
    id: uuid().primaryKey(),
    communityOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    title: text().notNull(),
    category: text()
      .notNull()
      .references(() => communityServiceCategories.code),
    source: text().notNull().default('community'),
    description: text().notNull(),
    place: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    hours: numeric({ precision: 4, scale: 1, mode: 'number' }).notNull(),
    capacity: integer().notNull(),
    /** Claims not cancelled; kept with the need row, which claimants lock, so capacity holds under concurrency. */
    claimedCount: integer().notNull().default(0),
    status: text().notNull().default('open'),
    postedById: uuid().references(() => users.id),
    postedByName: text(),
    closedOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('community_needs_community_org_id_idx').on(t.communityOrgId),
    index('community_needs_status_idx').on(t.status),
    index('community_needs_category_idx').on(t.category),
    index('community_needs_posted_by_id_idx').on(t.postedById),
  ],
);

/** A member's claim of a need: claimed → completed (hours reported) → confirmed by the community; or cancelled. */
export const needClaims = pgTable(
  'need_claims',
  {
    id: uuid().primaryKey(),
    needId: uuid()
      .notNull()
      .references(() => communityNeeds.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    status: text().notNull().default('claimed'),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    reportedHours: numeric({ precision: 4, scale: 1, mode: 'number' }),
    note: text(),
    confirmedHours: numeric({ precision: 4, scale: 1, mode: 'number' }),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedById: uuid().references(() => users.id),
    confirmedByName: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('need_claims_one_live_key').on(t.needId, t.memberId).where(sql`${t.status} <> 'cancelled'`),
    index('need_claims_need_id_idx').on(t.needId),
    index('need_claims_member_id_idx').on(t.memberId),
    index('need_claims_confirmed_by_id_idx').on(t.confirmedById),
    index('need_claims_status_idx').on(t.status),
  ],
);
