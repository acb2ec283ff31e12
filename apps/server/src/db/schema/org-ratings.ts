import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { organizations } from './organizations.js';

/**
 * 党组织星级评定 rubric (DOMAIN-RULES §3.9): one row per version of a scheme. A version used by a campaign is never
 * changed again; changes make a new version. The migration seeds 五星创评 (8 indicators, 110 points) as the default.
 */
export const ratingSchemes = pgTable(
  'rating_schemes',
  {
    id: uuid().primaryKey(),
    code: text().notNull(),
    version: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    effectiveFrom: date().notNull(),
    /** annual | biennial */
    cycle: text().notNull(),
    /** Organization types rated under the scheme. */
    orgTypes: jsonb().$type<string[]>().notNull(),
    /** Domains (领域) the scheme applies to; null: every domain. */
    domains: jsonb().$type<string[] | null>(),
    /** [{stars, minScore}] */
    thresholds: jsonb().$type<{ stars: number; minScore: number }[]>().notNull(),
    /** [{stars, maxPercent}]: at most this share of a campaign's organizations may end with these stars. */
    quotas: jsonb().$type<{ stars: number; maxPercent: number }[]>().notNull(),
    /** 公示 days (the town scheme's 5 by default). */
    publicationDays: integer().notNull().default(5),
    requiresInnovationFor5Star: boolean().notNull().default(false),
    allowAboveBase: boolean().notNull().default(false),
    /** The most stars after a veto hit; null: not rated. */
    vetoStars: integer(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_schemes_code_version_key').on(t.code, t.version)],
);

/** 评定指标: points, criteria, evidence, and where the points can be computed from. */
export const ratingIndicators = pgTable(
  'rating_indicators',
  {
    id: uuid().primaryKey(),
    schemeId: uuid()
      .notNull()
      .references(() => ratingSchemes.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    sortOrder: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** core | bonus (加分项目) */
    kind: text().notNull(),
    maxPoints: doublePrecision().notNull(),
    criteriaZh: text().notNull(),
    criteriaEn: text().notNull(),
    evidenceRequired: boolean().notNull().default(false),
    /** meeting_compliance | committee_terms | attendance_rate | member_points | secretary_satisfaction; null: manual */
    source: text(),
    /** How the source's metric maps onto the points: {zeroAt, fullAt}; null: the source's default. */
    sourceMap: jsonb().$type<{ zeroAt: number; fullAt: number } | null>(),
  },
  (t) => [uniqueIndex('rating_indicators_scheme_code_key').on(t.schemeId, t.code)],
);

/** 一票否决 rules of a scheme; those with a source are detected from data, the others recorded by a reviewer. */
export const ratingVetoRules = pgTable(
  'rating_veto_rules',
  {
    id: uuid().primaryKey(),
    schemeId: uuid()
      .notNull()
      .references(() => ratingSchemes.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    sortOrder: integer().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    /** no_activity | election_overdue; null: recorded by hand */
    source: text(),
  },
  (t) => [uniqueIndex('rating_veto_rules_scheme_code_key').on(t.schemeId, t.code)],
);

/** 评定活动: one year (or two, biennial) for the applicable organizations of a subtree. */
export const ratingCampaigns = pgTable(
  'rating_campaigns',
  {
    id: uuid().primaryKey(),
    year: integer().notNull(),
    name: text().notNull(),
    schemeId: uuid()
      .notNull()
      .references(() => ratingSchemes.id),
    rootOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    rootPath: text().notNull(),
    selfDueOn: date(),
    reviewDueOn: date(),
    createdById: uuid().references(() => users.id),
    createdByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rating_campaigns_root_path_idx').on(t.rootPath.op('text_pattern_ops')),
    index('rating_campaigns_scheme_id_idx').on(t.schemeId),
    index('rating_campaigns_root_org_id_idx').on(t.rootOrgId),
    index('rating_campaigns_created_by_id_idx').on(t.createdById),
  ],
);

/** One organization's rating in a campaign, through self_assessment → under_review → published → final. */
export const orgRatings = pgTable(
  'org_ratings',
  {
    id: uuid().primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => ratingCampaigns.id),
    year: integer().notNull(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    /** The name when the campaign began (the organization may be renamed later). */
    orgName: text().notNull(),
    state: text().notNull().default('self_assessment'),
    hasInnovation: boolean().notNull().default(false),
    innovationNote: text(),
    selfScore: doublePrecision(),
    reviewScore: doublePrecision(),
    /** Fixed at publication: the score, the stars the rules give, and the stars published (after a quota override). */
    score: doublePrecision(),
    ruleStars: integer(),
    stars: integer(),
    starsReasons: jsonb().$type<string[]>().notNull().default([]),
    overrideReason: text(),
    vetoed: boolean().notNull().default(false),
    previousStars: integer(),
    previousYear: integer(),
    /** up | down | same | new, set when final. */
    change: text(),
    returnedReason: text(),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    objectionDeadline: timestamp({ withTimezone: true }),
    finalizedAt: timestamp({ withTimezone: true }),
    finalizedById: uuid().references(() => users.id),
    computedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_ratings_campaign_org_key').on(t.campaignId, t.orgId),
    // An organization is rated once a year, whichever campaign rates it.
    uniqueIndex('org_ratings_org_year_key').on(t.orgId, t.year),
    index('org_ratings_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('org_ratings_finalized_by_id_idx').on(t.finalizedById),
  ],
);

/**
 * Points per indicator and scorer: `computed` (what the data says, with its facts), `self` (the organization's
 * self-assessment) or a reviewer's user id. Computed indicators take an adjustment with a reason.
 */
export const orgRatingScores = pgTable(
  'org_rating_scores',
  {
    id: uuid().primaryKey(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id, { onDelete: 'cascade' }),
    indicatorId: uuid()
      .notNull()
      .references(() => ratingIndicators.id),
    scorer: text().notNull(),
    scorerName: text(),
    /** Computed rows: the metric (a rate, average points …). */
    value: doublePrecision(),
    points: doublePrecision(),
    adjustment: doublePrecision(),
    reason: text(),
    detail: jsonb(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_rating_scores_key').on(t.ratingId, t.indicatorId, t.scorer),
    index('org_rating_scores_indicator_id_idx').on(t.indicatorId),
  ],
);

/** 评审人: assigned by the superior; never someone belonging to the rated organization. */
export const orgRatingReviewers = pgTable(
  'org_rating_reviewers',
  {
    id: uuid().primaryKey(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    userName: text().notNull(),
    assignedById: uuid().references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    comment: text(),
  },
  (t) => [
    uniqueIndex('org_rating_reviewers_key').on(t.ratingId, t.userId),
    index('org_rating_reviewers_user_id_idx').on(t.userId),
    index('org_rating_reviewers_assigned_by_id_idx').on(t.assignedById),
  ],
);

/** 佐证材料: files for an indicator (or the rating as a whole), stored once per SHA-256 in stored_files. */
export const orgRatingEvidence = pgTable(
  'org_rating_evidence',
  {
    id: uuid().primaryKey(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id, { onDelete: 'cascade' }),
    indicatorId: uuid().references(() => ratingIndicators.id),
    fileName: text().notNull(),
    sha256: text().notNull(),
    size: integer().notNull(),
    contentType: text().notNull(),
    uploadedById: uuid().references(() => users.id),
    uploadedByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
    removedReason: text(),
  },
  (t) => [
    index('org_rating_evidence_rating_id_idx').on(t.ratingId),
    index('org_rating_evidence_indicator_id_idx').on(t.indicatorId),
    index('org_rating_evidence_uploaded_by_id_idx').on(t.uploadedById),
  ],
);

/** 一票否决 hits: detected from data or recorded by a reviewer; cleared only with a reason. */
export const orgRatingVetoes = pgTable(
  'org_rating_vetoes',
  {
    id: uuid().primaryKey(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id, { onDelete: 'cascade' }),
    vetoRuleId: uuid()
      .notNull()
      .references(() => ratingVetoRules.id),
    computed: boolean().notNull().default(false),
    reason: text().notNull(),
    detail: jsonb(),
    recordedById: uuid().references(() => users.id),
    recordedByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp({ withTimezone: true }),
    clearedById: uuid().references(() => users.id),
    clearedByName: text(),
    clearedReason: text(),
  },
  (t) => [
    index('org_rating_vetoes_rating_id_idx').on(t.ratingId),
    index('org_rating_vetoes_veto_rule_id_idx').on(t.vetoRuleId),
    index('org_rating_vetoes_recorded_by_id_idx').on(t.recordedById),
    index('org_rating_vetoes_cleared_by_id_idx').on(t.clearedById),
    uniqueIndex('org_rating_vetoes_one_active_key').on(t.ratingId, t.vetoRuleId).where(sql`${t.clearedAt} is null`),
  ],
);

/** 公示期异议 and their answers. */
export const orgRatingObjections = pgTable(
  'org_rating_objections',
  {
    id: uuid().primaryKey(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id, { onDelete: 'cascade' }),
    text: text().notNull(),
    raisedById: uuid().references(() => users.id),
    raisedByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** upheld | dismissed; null while unanswered */
    outcome: text(),
    answer: text(),
    answeredById: uuid().references(() => users.id),
    answeredByName: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('org_rating_objections_rating_id_idx').on(t.ratingId),
    index('org_rating_objections_raised_by_id_idx').on(t.raisedById),
    index('org_rating_objections_answered_by_id_idx').on(t.answeredById),
  ],
);

/** Stars per organization and year: one row when a rating becomes final, one per later 动态调整 (up or down). */
export const orgStarHistory = pgTable(
  'org_star_history',
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    orgPath: text().notNull(),
    year: integer().notNull(),
    ratingId: uuid()
      .notNull()
      .references(() => orgRatings.id),
    /** rating | adjustment */
    kind: text().notNull(),
    stars: integer(),
    previousStars: integer(),
    change: text().notNull(),
    score: doublePrecision(),
    reason: text(),
    byId: uuid().references(() => users.id),
    byName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_star_history_org_id_idx').on(t.orgId, t.year),
    index('org_star_history_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    index('org_star_history_rating_id_idx').on(t.ratingId),
    index('org_star_history_by_id_idx').on(t.byId),
  ],
);
