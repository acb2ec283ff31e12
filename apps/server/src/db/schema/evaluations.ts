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
import { storedFiles } from './files.js';
import { members } from './members.js';
import { organizations } from './organizations.js';

/**
 * 书记述职评议 (kind secretary_review) and 民主评议党员 (kind member_evaluation): one campaign per organization, kind
 * and year. Settings (voters, items, thresholds, the 1/3 rule's denominator) are copied from the rule defaults when
 * the campaign is created, so later changes of the defaults do not rewrite a past campaign.
 */
export const evaluationCampaigns = pgTable(
  'evaluation_campaigns',
  {
    id: uuid().primaryKey(),
    kind: text().notNull(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    year: integer().notNull(),
    title: text().notNull(),
    /** preparing | voting | closed | submitted | confirmed (evaluation-rules.ts) */
    status: text().notNull().default('preparing'),
    startsOn: date(),
    endsOn: date(),
    settings: jsonb()
      .$type<{
        voters?: { branchMembers: boolean; superiorCommittee: boolean; representativeIds: string[] };
        items: { key: string; label: string }[];
        thresholds?: { good: number; fairlyGood: number; average: number };
        probationaryVote?: boolean;
        excellentDenominator?: number;
      }>()
      .notNull(),
    votingOpenedAt: timestamp({ withTimezone: true }),
    votingClosedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedByName: text(),
    returnedReason: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_campaigns_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('evaluation_campaigns_org_id_idx').on(t.orgId),
    index('evaluation_campaigns_created_by_id_idx').on(t.createdById),
    uniqueIndex('evaluation_campaigns_kind_org_year_key').on(t.kind, t.orgId, t.year),
  ],
);

/**
 * Whom a campaign evaluates: a secretary of an organization (述职评议), or a member of the branch (民主评议). The
 * report, 点评 and result of a secretary; self-assessment, 互评 summary, proposed and final grade of a member.
 */
export const evaluationSubjects = pgTable(
  'evaluation_subjects',
  {
    id: uuid().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    memberId: uuid().references(() => members.id),
    name: text().notNull(),
    position: text(),
    category: text(),
    graded: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    report: text(),
    reportSubmittedAt: timestamp({ withTimezone: true }),
    reportByName: text(),
    comment: text(),
    commentedAt: timestamp({ withTimezone: true }),
    commentedByName: text(),
    resultGrade: text(),
    selfAssessment: text(),
    selfSubmittedAt: timestamp({ withTimezone: true }),
    peerSummary: text(),
    proposedGrade: text(),
    proposalNote: text(),
    finalGrade: text(),
  },
  (t) => [
    index('evaluation_subjects_campaign_id_idx').on(t.campaignId, t.sortOrder),
    index('evaluation_subjects_member_id_idx').on(t.memberId),
    index('evaluation_subjects_org_id_idx').on(t.orgId),
    index('evaluation_subjects_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
  ],
);

/**
 * The roll: who may vote, fixed when voting opens. `subject_id` limits a voter to one subject (a branch member
 * votes on their own secretary); null = every subject of the campaign. Public: it says who may vote, not how.
 */
export const evaluationVoters = pgTable(
  'evaluation_voters',
  {
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    subjectId: uuid().references(() => evaluationSubjects.id, { onDelete: 'cascade' }),
    /** branch | committee | representative | member */
    source: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.memberId] }),
    index('evaluation_voters_member_id_idx').on(t.memberId),
    index('evaluation_voters_org_id_idx').on(t.orgId),
    index('evaluation_voters_subject_id_idx').on(t.subjectId),
  ],
);

/**
 * BALLOT SECRECY, part 1: that a voter has voted (one per voter and campaign), never what. `key_hash` is the hash of
 * the client's ballot key, so a network retry of the same ballot is recognised without storing anything about it.
 */
export const ballotReceipts = pgTable(
  'ballot_receipts',
  {
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    keyHash: text().notNull(),
    castAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId] }), index('ballot_receipts_member_id_idx').on(t.memberId)],
);

/**
 * BALLOT SECRECY, part 2: what was chosen, with no voter, no time and a random id, so no row can be tied to a
 * receipt. `item` is '' for the overall choice and an item key for 分项测评. Only ever read aggregated.
 */
export const ballotChoices = pgTable(
  'ballot_choices',
  {
    id: uuid().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    subjectId: uuid()
      .notNull()
      .references(() => evaluationSubjects.id, { onDelete: 'cascade' }),
    item: text().notNull().default(''),
    choice: text().notNull(),
  },
  (t) => [index('ballot_choices_campaign_subject_idx').on(t.campaignId, t.subjectId)],
);

/** 整改清单: problems found in the 述职评议, each with an owner and a due date, followed to closure with evidence. */
export const evaluationRectifications = pgTable(
  'evaluation_rectifications',
  {
    id: uuid().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    subjectId: uuid()
      .notNull()
      .references(() => evaluationSubjects.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    problem: text().notNull(),
    measure: text(),
    ownerName: text().notNull(),
    dueOn: date().notNull(),
    /** open | in_progress | closed */
    status: text().notNull().default('open'),
    progressNote: text(),
    closingNote: text(),
    closedAt: timestamp({ withTimezone: true }),
    closedByName: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_rectifications_campaign_id_idx').on(t.campaignId),
    index('evaluation_rectifications_subject_id_idx').on(t.subjectId),
    index('evaluation_rectifications_org_id_idx').on(t.orgId),
    index('evaluation_rectifications_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('evaluation_rectifications_open_due_idx').on(t.dueOn).where(sql`${t.status} <> 'closed'`),
    index('evaluation_rectifications_created_by_id_idx').on(t.createdById),
  ],
);

/** 述职报告 attachments and 整改 evidence; the bytes live once per SHA-256 in `stored_files`. */
export const evaluationAttachments = pgTable(
  'evaluation_attachments',
  {
    id: uuid().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => evaluationCampaigns.id, { onDelete: 'cascade' }),
    subjectId: uuid()
      .notNull()
      .references(() => evaluationSubjects.id, { onDelete: 'cascade' }),
    rectificationId: uuid().references(() => evaluationRectifications.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    sha256: text()
      .notNull()
      .references(() => storedFiles.sha256),
    size: integer().notNull(),
    contentType: text().notNull(),
    uploadedById: uuid().references(() => users.id),
    uploadedByName: text(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_attachments_subject_id_idx').on(t.subjectId),
    index('evaluation_attachments_campaign_id_idx').on(t.campaignId),
    index('evaluation_attachments_rectification_id_idx').on(t.rectificationId),
    index('evaluation_attachments_sha256_idx').on(t.sha256),
    index('evaluation_attachments_uploaded_by_id_idx').on(t.uploadedById),
  ],
);
