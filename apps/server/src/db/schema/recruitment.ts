import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { storedFiles } from './files.js';
import { members } from './members.js';
import { organizations } from './organizations.js';

/**
 * 发展党员: one case per applicant, from the application (step 1) to the filing of materials (step 25). The
 * applicant's ID number and phone are sealed like a member's; at step 17 the member record is made from them.
 * `next_due_on` caches the next deadline the rules compute from the recorded dates (rewritten with every change).
 */
export const recruitmentCases = pgTable(
  'recruitment_cases',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    nameInitials: text().notNull(),
    namePinyin: text().notNull(),
    gender: text().notNull(),
    birthDate: date().notNull(),
    idNumberEnc: text().notNull(),
    idNumberHash: text().notNull(),
    idNumberMasked: text().notNull(),
    idTail: text().notNull(),
    phoneEnc: text(),
    phoneMasked: text(),
    ethnicity: text().notNull(),
    education: text().notNull(),
    jobCategory: text().notNull(),
    workUnit: text(),
    workPost: text(),
    status: text().notNull().default('active'),
    stage: integer().notNull().default(1),
    currentStep: integer().notNull().default(1),
    appliedOn: date().notNull(),
    memberId: uuid().references(() => members.id),
    extensionMonths: integer(),
    extendedOn: date(),
    extensionReason: text(),
    nextDueStep: integer(),
    nextDueOn: date(),
    closedOn: date(),
    closeReason: text(),
    notes: text(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recruitment_cases_org_id_idx').on(t.orgId),
    index('recruitment_cases_status_stage_idx').on(t.status, t.stage),
    index('recruitment_cases_next_due_on_idx').on(t.nextDueOn),
    index('recruitment_cases_member_id_idx').on(t.memberId),
    index('recruitment_cases_created_by_id_idx').on(t.createdById),
    // One open case per person.
    uniqueIndex('recruitment_cases_one_active_key').on(t.idNumberHash).where(sql`${t.status} = 'active'`),
  ],
);

/** One recorded step of a case (re-recording a step replaces it; the audit trail keeps the earlier version). */
export const recruitmentSteps = pgTable(
  'recruitment_steps',
  {
    id: uuid().primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => recruitmentCases.id, { onDelete: 'cascade' }),
    stepNo: integer().notNull(),
    date: date().notNull(),
    location: text(),
    notes: text(),
    /** Talker (2, 16), contacts (5) or introducers (9): member ids. */
    memberIds: jsonb().$type<string[]>().notNull().default([]),
    otherPeople: text(),
    approvalResult: text(),
    approvingOrgId: uuid().references(() => organizations.id),
    approverName: text(),
    documentNo: text(),
    publicityStart: date(),
    publicityEnd: date(),
    trainingDays: integer(),
    trainingHours: integer(),
    votesEligible: integer(),
    votesPresent: integer(),
    votesFor: integer(),
    votesAgainst: integer(),
    votesAbstain: integer(),
    overrideReason: text(),
    /** The gates that warned and were overridden with the reason. */
    overriddenGates: jsonb().$type<unknown[]>().notNull().default([]),
    recordedById: uuid().references(() => users.id),
    recordedByName: text(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recruitment_steps_case_step_key').on(t.caseId, t.stepNo),
    index('recruitment_steps_approving_org_id_idx').on(t.approvingOrgId),
    index('recruitment_steps_recorded_by_id_idx').on(t.recordedById),
  ],
);

/** Materials of a case (入党申请书, 思想汇报, 政审材料, 志愿书 …); the bytes are in `stored_files`. */
export const recruitmentMaterials = pgTable(
  'recruitment_materials',
  {
    id: uuid().primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => recruitmentCases.id, { onDelete: 'cascade' }),
    stepNo: integer(),
    kind: text().notNull(),
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
    index('recruitment_materials_case_id_idx').on(t.caseId),
    index('recruitment_materials_sha256_idx').on(t.sha256),
    index('recruitment_materials_uploaded_by_id_idx').on(t.uploadedById),
  ],
);

/**
 * The zone's working calendar beyond Monday–Friday: public holidays (`holiday`) and weekend days declared working
 * days (`workday`, 调休). Publicity periods count working days with it. Seeded from the State Council notices.
 */
export const workingCalendar = pgTable('working_calendar', {
  day: date().primaryKey(),
  kind: text().notNull(),
  name: text(),
});
