import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { IsoDateSchema } from './member.schema.js';
import { OrgDomainSchema, OrgTypeSchema } from './org.schema.js';
import { INDICATOR_SOURCES, RATING_CYCLES, RATING_STATES, VETO_SOURCES } from './org-rating-rules.js';

/**
 * 党组织星级评定 (PRODUCT §3.4, DOMAIN-RULES §3.9): versioned schemes (rubric), campaigns, per-organization ratings
 * through self-assessment → superior review → publication with objections → final, and star history.
 * How scores and stars are worked out: packages/shared/src/org-rating-rules.ts and docs/org-rating.md.
 */
export const RatingStateSchema = z
  .enum(RATING_STATES)
  .describe('self_assessment 自评中 / under_review 上级审核中 / published 公示中 / final 已确定');
export const RatingCycleSchema = z.enum(RATING_CYCLES).describe('annual 每年 / biennial 每两年');
export const IndicatorSourceSchema = z
  .enum(INDICATOR_SOURCES)
  .describe(
    '自动计算来源: meeting_compliance 三会一课完成率 / committee_terms 按期换届 / attendance_rate 组织生活出勤率 / member_points 党员平均积分 / secretary_satisfaction 述职评议满意度',
  );
export const VetoSourceSchema = z
  .enum(VETO_SOURCES)
  .describe('自动识别: no_activity 一年以上未开展组织活动 / election_overdue 逾期一年以上未换届');
export const StarChangeSchema = z.enum(['up', 'down', 'same', 'new']).describe('升星 / 降星 / 持平 / 首次评定');
export const RatingObjectionOutcomeSchema = z
  .enum(['upheld', 'dismissed'])
  .describe('upheld 异议成立 / dismissed 不成立');

const Stars = z.number().int().min(1).max(5);
/** 0 = 不定星 (not rated) where a body names stars. */
const StarsOrNone = z.number().int().min(0).max(5).describe('星级（0 = 不定星）');
const Points = z.number().min(0).max(1000);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const OrgStarThresholdSchema = z.strictObject({ stars: Stars, minScore: Points });
export const OrgStarQuotaSchema = z.strictObject({
  stars: Stars,
  maxPercent: z.number().min(0).max(100).describe('该星级最多占参评组织的百分比'),
});
export const IndicatorSourceMapSchema = z
  .strictObject({ zeroAt: z.number().min(-1000).max(1000), fullAt: z.number().min(-1000).max(1000) })
  .describe('指标值到得分的线性换算：zeroAt 及以下得 0 分，fullAt 及以上得满分');

// --- schemes ---------------------------------------------------------------------------------------------------

export const RatingIndicatorSchema = z.object({
  id: z.string(),
  code: z.string(),
  sortOrder: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['core', 'bonus']),
  maxPoints: z.number(),
  criteriaZh: z.string(),
  criteriaEn: z.string(),
  evidenceRequired: z.boolean(),
  source: IndicatorSourceSchema.nullable(),
  sourceMap: z.object({ zeroAt: z.number(), fullAt: z.number() }).nullable(),
});
export type RatingIndicator = z.infer<typeof RatingIndicatorSchema>;

export const RatingVetoRuleSchema = z.object({
  id: z.string(),
  code: z.string(),
  sortOrder: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  source: VetoSourceSchema.nullable(),
});
export type RatingVetoRule = z.infer<typeof RatingVetoRuleSchema>;

export const RatingSchemeSchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  effectiveFrom: z.string(),
  cycle: RatingCycleSchema,
  orgTypes: z.array(z.string()),
  domains: z.array(z.string()).nullable(),
  thresholds: z.array(z.object({ stars: z.number().int(), minScore: z.number() })),
  quotas: z.array(z.object({ stars: z.number().int(), maxPercent: z.number() })),
  publicationDays: z.number().int(),
  requiresInnovationFor5Star: z.boolean(),
  allowAboveBase: z.boolean(),
  vetoStars: z.number().int().nullable(),
  note: z.string().nullable(),
  /** current 现行 / scheduled 待生效 / superseded 已被新版本替代 */
  state: z.enum(['current', 'scheduled', 'superseded']),
  /** Used by a campaign: never changed again. */
  inUse: z.boolean(),
  baseMax: z.number(),
  maxScore: z.number(),
  indicators: z.array(RatingIndicatorSchema),
  vetoRules: z.array(RatingVetoRuleSchema),
  updatedAt: z.string(),
});
export type RatingScheme = z.infer<typeof RatingSchemeSchema>;

export const RatingIndicatorInputSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .describe('指标代码（小写字母、数字、下划线）'),
  nameZh: text(40),
  nameEn: text(80),
  kind: z.enum(['core', 'bonus']).default('core'),
  maxPoints: z.number().gt(0).max(200),
  criteriaZh: text(1000),
  criteriaEn: optionalText(2000),
  evidenceRequired: z.boolean().default(false),
  source: IndicatorSourceSchema.optional().nullable(),
  sourceMap: IndicatorSourceMapSchema.optional().nullable(),
});
export type RatingIndicatorInput = z.infer<typeof RatingIndicatorInputSchema>;

export const RatingVetoRuleInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: text(100),
  nameEn: text(200),
  source: VetoSourceSchema.optional().nullable(),
});
export type RatingVetoRuleInput = z.infer<typeof RatingVetoRuleInputSchema>;

const schemeFields = {
  nameZh: text(40),
  nameEn: text(80),
  effectiveFrom: IsoDateSchema.describe('生效日期'),
  cycle: RatingCycleSchema,
  orgTypes: z.array(OrgTypeSchema).min(1).max(7).describe('参评组织类型'),
  domains: z.array(OrgDomainSchema).max(6).optional().nullable().describe('适用领域（空 = 全部）'),
  thresholds: z.array(OrgStarThresholdSchema).min(1).max(5),
  quotas: z.array(OrgStarQuotaSchema).max(5),
  publicationDays: z.number().int().min(1).max(30).describe('公示天数'),
  requiresInnovationFor5Star: z.boolean().describe('五星须有党建创新项目'),
  allowAboveBase: z.boolean().describe('加分可使总分超过基本分满分'),
  vetoStars: Stars.nullable().describe('触发一票否决后最高星级（null = 不定星）'),
  note: optionalText(500),
  indicators: z.array(RatingIndicatorInputSchema).min(1).max(30),
  vetoRules: z.array(RatingVetoRuleInputSchema).max(20),
};

/** A new scheme, or a new version of an existing code (the version number follows the last). */
export const CreateRatingSchemeBodySchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  ...schemeFields,
});
export type CreateRatingSchemeBody = z.infer<typeof CreateRatingSchemeBodySchema>;

/** Changes a version no campaign uses yet; lists given replace the old ones. */
export const UpdateRatingSchemeBodySchema = z.strictObject(
  Object.fromEntries(Object.entries(schemeFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof schemeFields]: z.ZodOptional<(typeof schemeFields)[K]>;
  },
);
export type UpdateRatingSchemeBody = z.infer<typeof UpdateRatingSchemeBodySchema>;

// --- campaigns -------------------------------------------------------------------------------------------------

export const RatingCountsSchema = z.object({
  total: z.number().int(),
  self_assessment: z.number().int(),
  under_review: z.number().int(),
  published: z.number().int(),
  final: z.number().int(),
});

export const RatingCampaignSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  name: z.string(),
  rootOrgId: z.string(),
  rootOrgName: z.string(),
  schemeId: z.string(),
  schemeName: z.string(),
  schemeVersion: z.number().int(),
  cycle: RatingCycleSchema,
  selfDueOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Ratings of the campaign the caller can see, by state. */
  counts: RatingCountsSchema,
});
export type RatingCampaign = z.infer<typeof RatingCampaignSchema>;

export const RatingCampaignsQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type RatingCampaignsQuery = z.infer<typeof RatingCampaignsQuerySchema>;

export const CreateRatingCampaignBodySchema = z.strictObject({
  year: z.number().int().min(2000).max(2100).describe('评定年度'),
  rootOrgId: IdSchema.describe('组织范围：该组织及其下级'),
  schemeId: IdSchema.optional().describe('评定方案版本（默认：该年度生效的五星创评）'),
  name: optionalText(60),
  selfDueOn: IsoDateSchema.optional().nullable().describe('自评截止'),
  reviewDueOn: IsoDateSchema.optional().nullable().describe('审核截止'),
});
export type CreateRatingCampaignBody = z.infer<typeof CreateRatingCampaignBodySchema>;

export const RatingRowSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  orgType: z.string(),
  state: RatingStateSchema,
  selfScore: z.number().nullable(),
  reviewScore: z.number().nullable(),
  /** Published and final ratings only. */
  score: z.number().nullable(),
  stars: z.number().int().nullable(),
  previousStars: z.number().int().nullable(),
  change: StarChangeSchema.nullable(),
  vetoed: z.boolean(),
  hasInnovation: z.boolean(),
  reviewers: z.number().int(),
  reviewsSubmitted: z.number().int(),
  openObjections: z.number().int(),
  publishedAt: z.string().nullable(),
  objectionDeadline: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  /** The caller is an assigned reviewer who has not submitted yet. */
  myReviewPending: z.boolean(),
});
export type RatingRow = z.infer<typeof RatingRowSchema>;

export const RatingBoardQuerySchema = z.object({
  state: RatingStateSchema.optional(),
  mine: z.enum(['true', 'false']).optional().describe('只看分配给我的评审'),
});
export type RatingBoardQuery = z.infer<typeof RatingBoardQuerySchema>;

export const RatingBoardSchema = z.object({
  campaign: RatingCampaignSchema,
  scheme: RatingSchemeSchema,
  /** The caller may finalize and see quota usage: rating:manage over the campaign's root. */
  canManage: z.boolean(),
  ratings: z.array(RatingRowSchema),
  /** Published or final stars of the visible ratings (0 = 不定星). */
  distribution: z.array(z.object({ stars: z.number().int(), published: z.number().int(), final: z.number().int() })),
  /** Whole campaign: allowed and used per quota (final), with what is published and waiting. */
  quotas: z.array(
    z.object({
      stars: z.number().int(),
      maxPercent: z.number(),
      allowed: z.number().int(),
      used: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  total: z.number().int(),
  now: z.string(),
});
export type RatingBoard = z.infer<typeof RatingBoardSchema>;

export const FinalizeRatingCampaignResultSchema = z.object({
  finalized: z.number().int(),
  /** Published ratings not ready yet (window open or objections unanswered). */
  waiting: z.array(z.object({ ratingId: z.string(), orgName: z.string(), blockers: z.array(z.string()) })),
});
export type FinalizeRatingCampaignResult = z.infer<typeof FinalizeRatingCampaignResultSchema>;

// --- one rating ------------------------------------------------------------------------------------------------

export const RatingScoreEntrySchema = z.object({
  points: z.number().nullable(),
  adjustment: z.number().nullable(),
  reason: z.string().nullable(),
  byName: z.string().nullable(),
  updatedAt: z.string(),
});
export type RatingScoreEntry = z.infer<typeof RatingScoreEntrySchema>;

export const RatingEvidenceSchema = z.object({
  id: z.string(),
  indicatorId: z.string().nullable(),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type RatingEvidence = z.infer<typeof RatingEvidenceSchema>;

export const ComputedRatingIndicatorSchema = z.object({
  /** The metric: a rate (0–1), average points … null when the data cannot say (entered by hand). */
  value: z.number().nullable(),
  points: z.number().nullable(),
  /** "Why": how the value came about, in Chinese and English. */
  whyZh: z.string(),
  whyEn: z.string(),
  facts: z.record(z.string(), z.unknown()),
  computedAt: z.string(),
});

export const RatingIndicatorScoreSchema = z.object({
  indicator: RatingIndicatorSchema,
  computed: ComputedRatingIndicatorSchema.nullable(),
  self: RatingScoreEntrySchema.nullable(),
  reviews: z.array(RatingScoreEntrySchema.extend({ reviewerId: z.string() })),
  reviewMean: z.number().nullable(),
  evidence: z.array(RatingEvidenceSchema),
});
export type RatingIndicatorScore = z.infer<typeof RatingIndicatorScoreSchema>;

export const RatingReviewerSchema = z.object({
  userId: z.string(),
  name: z.string(),
  assignedAt: z.string(),
  submittedAt: z.string().nullable(),
  comment: z.string().nullable(),
});

export const RatingVetoSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  computed: z.boolean(),
  reason: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  clearedAt: z.string().nullable(),
  clearedByName: z.string().nullable(),
  clearedReason: z.string().nullable(),
});
export type RatingVeto = z.infer<typeof RatingVetoSchema>;

export const RatingObjectionSchema = z.object({
  id: z.string(),
  text: z.string(),
  raisedByName: z.string().nullable(),
  createdAt: z.string(),
  outcome: RatingObjectionOutcomeSchema.nullable(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type RatingObjection = z.infer<typeof RatingObjectionSchema>;

export const OrgStarHistoryEntrySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: z.enum(['rating', 'adjustment']),
  stars: z.number().int().nullable(),
  previousStars: z.number().int().nullable(),
  change: StarChangeSchema,
  score: z.number().nullable(),
  reason: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
  ratingId: z.string(),
});
export type OrgStarHistoryEntry = z.infer<typeof OrgStarHistoryEntrySchema>;

export const OrgStarHistorySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  entries: z.array(OrgStarHistoryEntrySchema),
});
export type OrgStarHistory = z.infer<typeof OrgStarHistorySchema>;

/** What the caller may do on this rating, and why not. */
export const RatingAbilitiesSchema = z.object({
  selfAssess: z.boolean(),
  review: z.boolean(),
  /** Why the caller may not review: excluded (belongs to the organization) or not a superior. */
  reviewRefusal: z.enum(['belongs', 'not_superior']).nullable(),
  manage: z.boolean(),
  object: z.boolean(),
});

export const OrgRatingDetailSchema = RatingRowSchema.extend({
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number().int(),
  scheme: RatingSchemeSchema,
  innovationNote: z.string().nullable(),
  returnedReason: z.string().nullable(),
  ruleStars: z.number().int().nullable(),
  starsReasons: z.array(z.string()),
  overrideReason: z.string().nullable(),
  computedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Self-assessment totals, and the reviewers' mean (hidden from the rated organization until published). */
  selfTotals: z.object({ core: z.number(), bonus: z.number(), total: z.number() }).nullable(),
  reviewTotals: z.object({ core: z.number(), bonus: z.number(), total: z.number() }).nullable(),
  /** What the rules give for the current review mean (before publication: a preview). */
  preview: z.object({ score: z.number(), stars: z.number().int().nullable(), reasons: z.array(z.string()) }).nullable(),
  indicators: z.array(RatingIndicatorScoreSchema),
  generalEvidence: z.array(RatingEvidenceSchema),
  reviewerList: z.array(RatingReviewerSchema),
  vetoes: z.array(RatingVetoSchema),
  objections: z.array(RatingObjectionSchema),
  history: z.array(OrgStarHistoryEntrySchema),
  can: RatingAbilitiesSchema,
  now: z.string(),
});
export type OrgRatingDetail = z.infer<typeof OrgRatingDetailSchema>;

// --- bodies ----------------------------------------------------------------------------------------------------

export const RatingScoreInputSchema = z.strictObject({
  indicatorId: IdSchema,
  points: Points.optional().nullable().describe('手工指标的得分'),
  adjustment: z.number().min(-200).max(200).optional().nullable().describe('自动计算指标的调整分（须说明理由）'),
  reason: optionalText(500),
});
export type RatingScoreInput = z.infer<typeof RatingScoreInputSchema>;

export const RatingSelfAssessmentBodySchema = z.strictObject({
  scores: z.array(RatingScoreInputSchema).max(30),
  hasInnovation: z.boolean().optional(),
  innovationNote: optionalText(500).describe('党建创新项目'),
});
export type RatingSelfAssessmentBody = z.infer<typeof RatingSelfAssessmentBodySchema>;

export const ReviewBodySchema = z.strictObject({
  scores: z.array(RatingScoreInputSchema).max(30),
  comment: optionalText(1000),
});
export type ReviewBody = z.infer<typeof ReviewBodySchema>;

export const RatingReasonBodySchema = z.strictObject({ reason: text(500) });
export type RatingReasonBody = z.infer<typeof RatingReasonBodySchema>;

export const AssignReviewerBodySchema = z.strictObject({ userId: IdSchema });
export type AssignReviewerBody = z.infer<typeof AssignReviewerBodySchema>;

export const ReviewerCandidateSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
  orgNames: z.array(z.string()),
});
export type ReviewerCandidate = z.infer<typeof ReviewerCandidateSchema>;

export const VetoBodySchema = z.strictObject({ ruleId: IdSchema, reason: text(500) });
export type VetoBody = z.infer<typeof VetoBodySchema>;

export const ClearVetoBodySchema = z.strictObject({ vetoId: IdSchema, reason: text(500) });
export type ClearVetoBody = z.infer<typeof ClearVetoBodySchema>;

export const PublishBodySchema = z.strictObject({
  stars: StarsOrNone.optional().nullable().describe('按名额调低的星级（只能调低，须说明理由）'),
  reason: optionalText(500),
});
export type PublishBody = z.infer<typeof PublishBodySchema>;

export const RatingObjectionBodySchema = z.strictObject({ text: text(1000) });
export type RatingObjectionBody = z.infer<typeof RatingObjectionBodySchema>;

export const AnswerRatingObjectionBodySchema = z.strictObject({
  objectionId: IdSchema,
  outcome: RatingObjectionOutcomeSchema,
  answer: text(1000),
});
export type AnswerRatingObjectionBody = z.infer<typeof AnswerRatingObjectionBodySchema>;

export const AdjustStarsBodySchema = z.strictObject({ stars: StarsOrNone, reason: text(500) });
export type AdjustStarsBody = z.infer<typeof AdjustStarsBodySchema>;

export const RatingExportQuerySchema = z.object({ state: RatingStateSchema.optional() });

/** H5 我的 → 支部星级: the member's branch, its latest published or final rating, and its history. */
export const MyOrgRatingSchema = z.object({
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  current: z
    .object({
      year: z.number().int(),
      state: RatingStateSchema,
      score: z.number().nullable(),
      stars: z.number().int().nullable(),
      change: StarChangeSchema.nullable(),
      publishedAt: z.string().nullable(),
      objectionDeadline: z.string().nullable(),
      schemeName: z.string(),
      indicators: z.array(
        z.object({ nameZh: z.string(), nameEn: z.string(), maxPoints: z.number(), points: z.number().nullable() }),
      ),
    })
    .nullable(),
  history: z.array(OrgStarHistoryEntrySchema),
});
export type MyOrgRating = z.infer<typeof MyOrgRatingSchema>;
