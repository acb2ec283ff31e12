import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
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
import { venues } from './venues.js';

/** 活动类型: configurable; the built-in ones (三会一课 etc.) are seeded by the migration and cannot be deleted. */
export const activityTypes = pgTable('activity_types', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  /** three_one (三会一课), life (组织生活), service, study, culture, joint, other */
  category: text().notNull(),
  sortOrder: integer().notNull(),
  builtin: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
});

/** 党小组 membership: a member of a branch may belong to one of its party groups. */
export const partyGroupMembers = pgTable(
  'party_group_members',
  {
    memberId: uuid()
      .primaryKey()
      .references(() => members.id),
    groupId: uuid()
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [index('party_group_members_group_id_idx').on(t.groupId)],
);

/**
 * 组织生活 · 活动: planned by an organization, counted for one or more activity types. Check-in settings live on
 * the meeting: the rotating room code's secret and period, the time window and the optional geofence.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    title: text().notNull(),
    agenda: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    venueId: uuid().references(() => venues.id),
    location: text(),
    hostName: text(),
    recorderName: text(),
    /** Members who organize (组织者): they may check people in, approve leave and record make-ups. */
    organizerMemberIds: jsonb().$type<string[]>().notNull().default([]),
    /** Who is expected: {orgIds, groupIds, memberIds}; materialized into meeting_participants. */
    participantSpec: jsonb().$type<{ orgIds: string[]; groupIds: string[]; memberIds: string[] }>().notNull(),
    /** planned | cancelled | archived */
    status: text().notNull().default('planned'),
    cancelReason: text(),
    checkinSecret: text().notNull(),
    checkinRotationSeconds: integer().notNull().default(30),
    checkinGraceSeconds: integer().notNull().default(10),
    checkinOpensAt: timestamp({ withTimezone: true }).notNull(),
    checkinClosesAt: timestamp({ withTimezone: true }).notNull(),
    /** A check-in after this moment counts as 迟到. */
    lateAfter: timestamp({ withTimezone: true }).notNull(),
    geofenceEnabled: boolean().notNull().default(false),
    geofenceLatitude: doublePrecision(),
    geofenceLongitude: doublePrecision(),
    geofenceRadiusMeters: integer(),
    minutes: text(),
    archivedAt: timestamp({ withTimezone: true }),
    archivedById: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_org_id_starts_at_idx').on(t.orgId, t.startsAt),
    index('meetings_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('meetings_venue_id_starts_at_idx').on(t.venueId, t.startsAt),
    index('meetings_starts_at_idx').on(t.startsAt),
    index('meetings_created_by_id_idx').on(t.createdById),
    index('meetings_archived_by_id_idx').on(t.archivedById),
  ],
);

/** One meeting may count for several activity types (e.g. a 主题党日 that is also the 党员大会). */
export const meetingTypes = pgTable(
  'meeting_types',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    typeCode: text()
      .notNull()
      .references(() => activityTypes.code),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.typeCode] }), index('meeting_types_type_code_idx').on(t.typeCode)],
);

/** Joint activities (联合开展): the further organizations taking part, besides the organizer. */
export const meetingOrgs = pgTable(
  'meeting_orgs',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.orgId] }), index('meeting_orgs_org_id_idx').on(t.orgId)],
);

/** 应到: the members expected, fixed from the spec when planned (and refreshed on edit before the start). */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** The member's branch when the list was fixed. */
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    memberName: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_participants_member_id_idx').on(t.memberId),
    index('meeting_participants_org_id_idx').on(t.orgId),
  ],
);

/**
 * 实到: one row per member and meeting (present, late or made_up). The primary key makes a second check-in
 * impossible; the nonce makes a retried scan answer with the first one's result.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    /** present | late | made_up */
    status: text().notNull(),
    /** room_code | staff_scan | organizer | makeup */
    method: text().notNull(),
    checkedInAt: timestamp({ withTimezone: true }).notNull(),
    nonce: text(),
    staffTokenId: uuid(),
    byUserId: uuid(),
    byName: text(),
    reason: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    accuracyMeters: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('meeting_attendance_member_id_idx').on(t.memberId)],
);

/** 请假: asked by the member (or for them), approved or rejected by an organizer. */
export const meetingLeaves = pgTable(
  'meeting_leaves',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    reason: text().notNull(),
    /** pending | approved | rejected | withdrawn */
    status: text().notNull().default('pending'),
    decidedById: uuid().references(() => users.id),
    decidedByName: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_leaves_one_open_key')
      .on(t.meetingId, t.memberId)
      .where(sql`${t.status} in ('pending', 'approved')`),
    index('meeting_leaves_member_id_idx').on(t.memberId),
    index('meeting_leaves_decided_by_id_idx').on(t.decidedById),
  ],
);

/** A door volunteer's credential: one meeting, a time window, revocable; only its hash is kept. */
export const checkinStaffTokens = pgTable(
  'checkin_staff_tokens',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    tokenHash: text().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('checkin_staff_tokens_hash_key').on(t.tokenHash),
    index('checkin_staff_tokens_meeting_id_idx').on(t.meetingId),
    index('checkin_staff_tokens_revoked_by_id_idx').on(t.revokedById),
    index('checkin_staff_tokens_created_by_id_idx').on(t.createdById),
  ],
);

/** Every refused check-in attempt with its reason (expired, forged, other meeting, …). */
export const checkinRejections = pgTable(
  'checkin_rejections',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    meetingId: uuid(),
    memberId: uuid(),
    userId: uuid(),
    staffTokenId: uuid(),
    method: text().notNull(),
    reason: text().notNull(),
    detail: jsonb(),
    nonce: text(),
    ip: text(),
  },
  (t) => [
    index('checkin_rejections_meeting_id_idx').on(t.meetingId, t.at),
    index('checkin_rejections_member_id_idx').on(t.memberId),
  ],
);

/** Photos and attachments, content-addressed by SHA-256 in the file store under DATA_DIR. */
export const meetingFiles = pgTable(
  'meeting_files',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** photo | attachment */
    kind: text().notNull(),
    name: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    thumbSha256: text(),
    uploadedById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
    removedReason: text(),
  },
  (t) => [
    index('meeting_files_meeting_id_idx').on(t.meetingId),
    index('meeting_files_uploaded_by_id_idx').on(t.uploadedById),
  ],
);

/** After archiving, every change is an amendment (更正) with a reason, kept beside the record. */
export const meetingAmendments = pgTable(
  'meeting_amendments',
  {
    id: uuid().primaryKey(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    field: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    reason: text().notNull(),
    byId: uuid().references(() => users.id),
    byName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_amendments_meeting_id_idx').on(t.meetingId), index('meeting_amendments_by_id_idx').on(t.byId)],
);

/**
 * 三会一课 compliance: activity type × organization type × cycle → expected count per cycle. Defaults from
 * DOMAIN-RULES §3.2 are seeded; `per_group` rules count for each 党小组 of the branch.
 */
export const complianceRules = pgTable(
  'compliance_rules',
  {
    id: uuid().primaryKey(),
    typeCode: text()
      .notNull()
      .references(() => activityTypes.code),
    orgType: text().notNull(),
    /** month | quarter | year */
    cycle: text().notNull(),
    expectedCount: integer().notNull(),
    perGroup: boolean().notNull().default(false),
    effectiveFrom: date().notNull(),
    note: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compliance_rules_key').on(t.typeCode, t.orgType, t.effectiveFrom)],
);
