import type { ExemptionCategory, PointScheme } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { members } from './members.js';
import { organizations } from './organizations.js';

/**
 * 党员积分 rule set versions: the scheme (star thresholds, grade policy, objection window, exemption age) and, in
 * `point_rules`, the items. A version applies to events dated on or after its effective date until the next one; a
 * version in force is never changed (a change is a new version). The default is seeded by the migration.
 */
export const pointRuleVersions = pgTable(
  'point_rule_versions',
  {
    id: uuid().primaryKey(),
    effectiveFrom: date().notNull(),
    note: text(),
    scheme: jsonb().$type<PointScheme>().notNull(),
    createdById: uuid().references(() => users.id),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('point_rule_versions_effective_from_key').on(t.effectiveFrom),
    index('point_rule_versions_created_by_id_idx').on(t.createdById),
  ],
);

/** 积分项目 of one version (DOMAIN-RULES §3.8): points ±, per occurrence or period, caps, source, approval, veto. */
export const pointRules = pgTable(
  'point_rules',
  {
    versionId: uuid()
      .notNull()
      .references(() => pointRuleVersions.id),
    code: text().notNull(),
    /** basic | org_life | study | duty | pioneer | discipline */
    category: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    points: integer().notNull(),
    /** occurrence | month | quarter | year */
    unit: text().notNull(),
    capDay: integer(),
    capMonth: integer(),
    capYear: integer(),
    evidenceRequired: boolean().notNull().default(false),
    /** base | attendance | absence_without_leave | study | quiz | volunteer_hours | adopted_suggestion | dues_on_time | manual */
    source: text().notNull(),
    approvalRequired: boolean().notNull().default(false),
    veto: boolean().notNull().default(false),
    exemptCategories: jsonb().$type<ExemptionCategory[]>().notNull().default([]),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.code] })],
);

/**
 * The ledger: append-only (a trigger refuses UPDATE and DELETE). Each entry names its rule version and rule, its
 * source record and period; `idempotency_key` — a digest of (rule version, rule, member, source, period) — makes a
 * re-run book nothing twice. A correction is a new entry with the opposite points naming the entry it reverses.
 * Lean on purpose (the demo books ~55,000 entries a year): only the member is a foreign key (versions, organizations
 * and users are never deleted, and the names are kept beside the ids), and four indexes.
 */
export const pointEntries = pgTable(
  'point_entries',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** The member's branch when the entry was booked (history; scope follows the member's current branch). */
    orgId: uuid(),
    year: integer().notNull(),
    occurredOn: date().notNull(),
    periodKey: text().notNull(),
    ruleVersionId: uuid().notNull(),
    ruleCode: text().notNull(),
    sourceType: text().notNull(),
    sourceId: text().notNull(),
    /** A human label of the source, e.g. the meeting's title and date. */
    sourceLabel: text().notNull(),
    points: integer().notNull(),
    /** The rule's points before caps and exemptions. */
    nominalPoints: integer().notNull(),
    /** null | 'capped' | 'exempt:<category>' */
    adjustment: text(),
    reversesEntryId: uuid(),
    reason: text(),
    idempotencyKey: text().notNull(),
    createdById: uuid(),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('point_entries_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('point_entries_reverses_entry_id_key')
      .on(t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
    index('point_entries_member_year_idx').on(t.memberId, t.year),
    index('point_entries_occurred_on_idx').on(t.occurredOn),
  ],
);

/**
 * Each member's total per year, kept in the same transaction as every entry. Writers lock the row first, so caps are
 * checked against a stable ledger; `red-engine points verify` recomputes every total from the ledger.
 */
export const memberPointBalances = pgTable(
  'member_point_balances',
  {
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    year: integer().notNull(),
    total: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.year] }), index('member_point_balances_year_idx').on(t.year)],
);

export type PointEvidenceItem = {
  id: string;
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedById: string | null;
};

/** A manual grant (加分/扣分申请) with evidence (files in `stored_files`) and, where the rule says so, approval. */
export const pointGrantRequests = pgTable(
  'point_grant_requests',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    ruleVersionId: uuid()
      .notNull()
      .references(() => pointRuleVersions.id),
    ruleCode: text().notNull(),
    occurredOn: date().notNull(),
    points: integer().notNull(),
    reason: text().notNull(),
    evidence: jsonb().$type<PointEvidenceItem[]>().notNull().default([]),
    /** pending | approved | rejected */
    status: text().notNull().default('pending'),
    requestedById: uuid().references(() => users.id),
    requestedByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id),
    decidedByName: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    entryId: uuid().references(() => pointEntries.id),
  },
  (t) => [
    index('point_grant_requests_member_id_idx').on(t.memberId),
    index('point_grant_requests_status_idx').on(t.status, t.createdAt),
    index('point_grant_requests_rule_version_id_idx').on(t.ruleVersionId),
    index('point_grant_requests_requested_by_id_idx').on(t.requestedById),
    index('point_grant_requests_decided_by_id_idx').on(t.decidedById),
    index('point_grant_requests_entry_id_idx').on(t.entryId),
  ],
);

/** 免扣: a member exempted from deductions (long ill, disabled …) for a time; age-based exemption needs no row. */
export const pointExemptions = pgTable(
  'point_exemptions',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** elderly | long_ill | disabled | other */
    category: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    reason: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('point_exemptions_member_id_idx').on(t.memberId),
    index('point_exemptions_created_by_id_idx').on(t.createdById),
  ],
);

/** 积分公示: an organization's subtree, a month or a quarter, and the objection window that follows. */
export const pointPublications = pgTable(
  'point_publications',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    periodKey: text().notNull(),
    /** month | quarter */
    periodKind: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The last day (Asia/Shanghai) an objection is accepted. */
    objectionDeadline: date().notNull(),
    objectionDays: integer().notNull(),
    memberCount: integer().notNull(),
    totalPoints: integer().notNull(),
    note: text(),
    publishedById: uuid().references(() => users.id),
    publishedByName: text(),
  },
  (t) => [
    index('point_publications_org_id_idx').on(t.orgId, t.periodKey),
    index('point_publications_deadline_idx').on(t.objectionDeadline),
    index('point_publications_published_by_id_idx').on(t.publishedById),
  ],
);

/** 异议: a member's objection to a published period (or one entry of it), and the answer. */
export const pointObjections = pgTable(
  'point_objections',
  {
    id: uuid().primaryKey(),
    publicationId: uuid()
      .notNull()
      .references(() => pointPublications.id),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    entryId: uuid().references(() => pointEntries.id),
    text: text().notNull(),
    /** pending | answered */
    status: text().notNull().default('pending'),
    upheld: boolean(),
    answer: text(),
    answeredById: uuid().references(() => users.id),
    answeredByName: text(),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('point_objections_publication_id_idx').on(t.publicationId),
    index('point_objections_member_id_idx').on(t.memberId),
    index('point_objections_entry_id_idx').on(t.entryId),
    index('point_objections_status_idx').on(t.status, t.createdAt),
    index('point_objections_answered_by_id_idx').on(t.answeredById),
  ],
);
