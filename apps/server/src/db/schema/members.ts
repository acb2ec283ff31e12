import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { organizations } from './organizations.js';

/**
 * A party member. The lifecycle columns (org, category, status …) are a cache of the fold of `member_events`,
 * rewritten in the same transaction as every event; the events are the truth, and as-of queries read them.
 */
export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    /** Pinyin initials of the name, e.g. 'zs' for 张三, for search. */
    nameInitials: text().notNull(),
    namePinyin: text().notNull(),
    nameMongolian: text(),
    gender: text().notNull(),
    /** AES-GCM sealed; `idNumberHash` (HMAC) finds duplicates and makes imports idempotent. */
    idNumberEnc: text().notNull(),
    idNumberHash: text().notNull(),
    idNumberMasked: text().notNull(),
    idTail: text().notNull(),
    ethnicity: text().notNull(),
    birthDate: date().notNull(),
    education: text().notNull(),
    jobCategory: text().notNull(),
    phoneEnc: text(),
    phoneMasked: text(),
    phoneTail: text(),
    addressEnc: text(),
    nativePlace: text(),
    degree: text(),
    title: text(),
    workUnit: text(),
    workPost: text(),
    talentFlags: jsonb().$type<string[]>().notNull().default([]),
    tags: jsonb().$type<string[]>().notNull().default([]),
    partyPosts: jsonb().$type<string[]>().notNull().default([]),
    userId: uuid().references(() => users.id),
    // Cache of the folded state:
    orgId: uuid().references(() => organizations.id),
    orgPath: text(),
    category: text(),
    status: text().notNull().default('active'),
    partyStatus: text().notNull().default('normal'),
    lostContact: boolean().notNull().default(false),
    lostSince: date(),
    flowing: boolean().notNull().default(false),
    flowDestination: text(),
    joinDate: date(),
    fullMemberDate: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_id_number_hash_key').on(t.idNumberHash),
    index('members_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('members_org_id_idx').on(t.orgId),
    index('members_name_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
    index('members_name_idx').on(t.name.op('text_pattern_ops')),
    index('members_user_id_idx').on(t.userId),
    index('members_status_idx').on(t.status),
    // Lists sort by pinyin; with the tie-breakers the first page of a wide scope is read in index order.
    index('members_name_pinyin_idx').on(t.namePinyin, t.name, t.id),
    // 预警提醒: the few active members who are lost or flowing, by subtree.
    index('members_warning_org_path_idx')
      .on(t.orgPath.op('text_pattern_ops'))
      .where(sql`${t.status} = 'active' and (${t.lostContact} or ${t.flowing})`),
  ],
);

export const memberEvents = pgTable(
  'member_events',
  {
    id: uuid().primaryKey(),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** Order among events of one member on the same date. */
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    effectiveDate: date().notNull(),
    orgId: uuid().references(() => organizations.id),
    orgPath: text(),
    fromOrgId: uuid().references(() => organizations.id),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    recordedBy: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_events_member_seq_key').on(t.memberId, t.seq),
    index('member_events_member_date_idx').on(t.memberId, t.effectiveDate),
    index('member_events_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('member_events_effective_date_idx').on(t.effectiveDate),
    index('member_events_from_org_id_idx').on(t.fromOrgId),
    index('member_events_org_id_idx').on(t.orgId),
  ],
);
