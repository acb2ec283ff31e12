import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { members } from './members.js';
import { organizations } from './organizations.js';

/**
 * Rules kept as data (DOMAIN-RULES §3.4–3.5): letter validity, overdue days, lost/flowing thresholds. Seeded by the
 * migration with the defaults; an operator may change a value without a release.
 */
export const ruleSettings = pgTable('rule_settings', {
  key: text().primaryKey(),
  value: integer().notNull(),
  note: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * 组织关系转接. `member_id` is empty only for a person arriving from outside the zone who is not on record yet;
 * their fields wait sealed in `incoming_member_enc` until the last approval creates the member.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    status: text().notNull().default('pending'),
    memberId: uuid().references(() => members.id),
    memberName: text().notNull(),
    fromOrgId: uuid().references(() => organizations.id),
    toOrgId: uuid().references(() => organizations.id),
    destination: text(),
    source: text(),
    sourceLetterNo: text(),
    reason: text().notNull(),
    requestedOn: date().notNull(),
    requestedById: uuid().references(() => users.id),
    requestedByName: text(),
    /** 介绍信编号, given when the letter is issued (last approval). */
    letterNo: text(),
    letterValidDays: integer().notNull(),
    letterIssuedOn: date(),
    letterValidUntil: date(),
    issuingOrgId: uuid().references(() => organizations.id),
    /** 党费交至年月 (YYYY-MM) */
    duesPaidUntil: text(),
    receiptOn: date(),
    rejectionReason: text(),
    completedOn: date(),
    /** AES-GCM sealed JSON of the incoming person's member fields; cleared when the member is created. */
    incomingMemberEnc: text(),
    incomingIdHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfers_letter_no_key').on(t.letterNo).where(sql`${t.letterNo} is not null`),
    index('transfers_member_id_idx').on(t.memberId),
    // One open transfer per member at a time.
    uniqueIndex('transfers_one_pending_key').on(t.memberId).where(sql`${t.status} = 'pending'`),
    index('transfers_from_org_id_idx').on(t.fromOrgId),
    index('transfers_to_org_id_idx').on(t.toOrgId),
    index('transfers_status_idx').on(t.status),
    index('transfers_requested_by_id_idx').on(t.requestedById),
    index('transfers_issuing_org_id_idx').on(t.issuingOrgId),
  ],
);

/** The ordered approval chain of a transfer, computed from the two organizations' paths. */
export const transferSteps = pgTable(
  'transfer_steps',
  {
    id: uuid().primaryKey(),
    transferId: uuid()
      .notNull()
      .references(() => transfers.id, { onDelete: 'cascade' }),
    stepNo: integer().notNull(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    status: text().notNull().default('pending'),
    actorId: uuid().references(() => users.id),
    actorName: text(),
    actedAt: timestamp({ withTimezone: true }),
    comment: text(),
  },
  (t) => [
    uniqueIndex('transfer_steps_transfer_step_key').on(t.transferId, t.stepNo),
    index('transfer_steps_org_id_idx').on(t.orgId),
    index('transfer_steps_actor_id_idx').on(t.actorId),
  ],
);
