import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { IsoDateSchema } from './member.schema.js';
import {
  EXEMPTION_CATEGORIES,
  POINT_CATEGORIES,
  POINT_SOURCE_TYPES,
  POINT_UNITS,
  POINTS_GRADES,
  STANDING_BANDS,
} from './points-rules.js';

/** 党员积分 · 评星 (PRODUCT §3.4, DOMAIN-RULES §3.8): rule versions, the ledger, grants, publication, objections. */

export const PointSourceTypeSchema = z.enum(POINT_SOURCE_TYPES);
export const PointCategorySchema = z.enum(POINT_CATEGORIES);
export const PointUnitSchema = z.enum(POINT_UNITS);
export const ExemptionCategorySchema = z.enum(EXEMPTION_CATEGORIES);
export const PointsGradeSchema = z.enum(POINTS_GRADES);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const YearSchema = z.coerce.number().int().min(2000).max(2100);
const cap = z.number().int().min(1).max(10_000).nullable().default(null);

/** Month (2026-11), quarter (2026-Q4) or year (2026). */
export const PeriodKeySchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, 'YYYY, YYYY-MM or YYYY-Qn')
  .describe('期间：年（2026）、月（2026-11）或季度（2026-Q4）');
/** Month or quarter: what may be published. */
export const PublishPeriodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'YYYY-MM or YYYY-Qn')
  .describe('公示期间：月（2026-11）或季度（2026-Q4）');

export const PointRuleCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and _')
  .describe('积分项目代码');

export const PointSchemeSchema = z.strictObject({
  starThresholds: z
    .tuple([
      z.number().int().min(0).max(1000),
      z.number().int().min(0).max(1000),
      z.number().int().min(0).max(1000),
      z.number().int().min(0).max(1000),
      z.number().int().min(0).max(1000),
    ])
    .describe('一星至五星的年度分数线（递增）'),
  unqualifiedZeroStars: z.boolean().describe('民主评议不合格者不评星'),
  gradeBonus: z
    .strictObject({
      excellent: z.number().int().min(-100).max(100),
      qualified: z.number().int().min(-100).max(100),
      basically_qualified: z.number().int().min(-100).max(100),
      unqualified: z.number().int().min(-100).max(100),
    })
    .describe('民主评议等次折算的加减分'),
  vetoZeroesScore: z.boolean().describe('一票否决项使年度得分为 0'),
  objectionWorkingDays: z.number().int().min(1).max(30).describe('公示异议期（工作日）'),
  elderlyAge: z.number().int().min(50).max(120).describe('年满多少周岁免于扣分'),
});
export type PointSchemeDto = z.infer<typeof PointSchemeSchema>;

export const PointRuleInputSchema = z.strictObject({
  code: PointRuleCodeSchema,
  category: PointCategorySchema,
  nameZh: text(60),
  nameEn: text(120),
  points: z.number().int().min(-100).max(100).describe('分值：加分为正，扣分为负；一票否决项为 0'),
  unit: PointUnitSchema.describe('按次或按月/季/年'),
  capDay: cap.describe('每日上限（分）'),
  capMonth: cap.describe('每月上限（分）'),
  capYear: cap.describe('每年上限（分）'),
  evidenceRequired: z.boolean().default(false),
  source: PointSourceTypeSchema,
  approvalRequired: z.boolean().default(false),
  veto: z.boolean().default(false),
  exemptCategories: z.array(ExemptionCategorySchema).max(4).default([]),
});
export type PointRuleInput = z.infer<typeof PointRuleInputSchema>;

export const PointRuleSchema = z.object({
  code: z.string(),
  category: PointCategorySchema,
  nameZh: z.string(),
  nameEn: z.string(),
  points: z.number().int(),
  unit: PointUnitSchema,
  capDay: z.number().int().nullable(),
  capMonth: z.number().int().nullable(),
  capYear: z.number().int().nullable(),
  evidenceRequired: z.boolean(),
  source: PointSourceTypeSchema,
  approvalRequired: z.boolean(),
  veto: z.boolean(),
  exemptCategories: z.array(ExemptionCategorySchema),
  sortOrder: z.number().int(),
  /** False while the source's module does not exist yet (the rule waits for it). */
  available: z.boolean(),
});
export type PointRule = z.infer<typeof PointRuleSchema>;

export const PointRuleVersionSchema = z.object({
  id: IdSchema,
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  state: z.enum(['current', 'scheduled', 'superseded']),
  scheme: PointSchemeSchema,
  rules: z.array(PointRuleSchema),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PointRuleVersion = z.infer<typeof PointRuleVersionSchema>;

export const PointRulesSchema = z.object({
  versions: z.array(PointRuleVersionSchema),
  currentVersionId: IdSchema.nullable(),
  today: z.string(),
});
export type PointRules = z.infer<typeof PointRulesSchema>;

export const CreatePointRuleVersionBodySchema = z.strictObject({
  effectiveFrom: IsoDateSchema.describe('生效日期（今天或以后）'),
  note: optionalText(500),
  scheme: PointSchemeSchema,
  rules: z.array(PointRuleInputSchema).min(1).max(100),
});
export type CreatePointRuleVersionBody = z.infer<typeof CreatePointRuleVersionBodySchema>;

// --- ledger and "why" ------------------------------------------------------------------------------------------

export const PointEntrySchema = z.object({
  id: IdSchema,
  occurredOn: z.string(),
  periodKey: z.string(),
  year: z.number().int(),
  points: z.number().int(),
  nominalPoints: z.number().int(),
  /** null, 'capped', or 'exempt:<category>' */
  adjustment: z.string().nullable(),
  rule: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    category: PointCategorySchema,
    veto: z.boolean(),
    versionId: IdSchema,
    versionEffectiveFrom: z.string(),
  }),
  source: z.object({ type: PointSourceTypeSchema, id: z.string(), label: z.string() }),
  reversesEntryId: IdSchema.nullable(),
  reversedByEntryId: IdSchema.nullable(),
  reason: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PointEntry = z.infer<typeof PointEntrySchema>;

export const StarVerdictSchema = z.object({
  score: z.number().int(),
  stars: z.number().int().min(0).max(5),
  basis: z.enum(['thresholds', 'below_threshold', 'unqualified', 'veto']),
  grade: PointsGradeSchema.nullable(),
  vetoed: z.boolean(),
  thresholds: z.array(z.number().int()),
});
export type StarVerdictDto = z.infer<typeof StarVerdictSchema>;

export const MemberExemptionSchema = z.object({
  category: ExemptionCategorySchema,
  /** age: from the birth date and the scheme; record: an exemption entered by the branch. */
  origin: z.enum(['age', 'record']),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

export const MemberPointsSchema = z.object({
  member: z.object({ id: IdSchema, name: z.string(), orgId: IdSchema.nullable(), orgName: z.string().nullable() }),
  year: z.number().int(),
  total: z.number().int(),
  stars: StarVerdictSchema,
  exemptions: z.array(MemberExemptionSchema),
  entries: z.array(PointEntrySchema),
});
export type MemberPoints = z.infer<typeof MemberPointsSchema>;

export const PointStandingSchema = z.object({
  percentile: z.number().int().min(0).max(100),
  band: z.enum(STANDING_BANDS),
  branchAverage: z.number(),
  branchMembers: z.number().int(),
});
export const MyPointsSchema = MemberPointsSchema.extend({ standing: PointStandingSchema.nullable() });
export type MyPoints = z.infer<typeof MyPointsSchema>;

export const PointsYearQuerySchema = z.object({
  year: YearSchema.optional().describe('年度（默认今年）'),
});

export const PointMembersQuerySchema = PageQuerySchema.extend({
  year: YearSchema.optional(),
  orgId: IdSchema.optional().describe('组织（含下级）'),
  keyword: z.string().trim().max(60).optional().describe('姓名或拼音首字母'),
});
export type PointMembersQuery = z.infer<typeof PointMembersQuerySchema>;

/** A member and their year, for finding whose ledger to open; listed by name, never by score. */
export const PointMemberRowSchema = z.object({
  memberId: IdSchema,
  name: z.string(),
  orgId: IdSchema.nullable(),
  orgName: z.string().nullable(),
  total: z.number().int(),
  stars: z.number().int(),
  basis: StarVerdictSchema.shape.basis,
});
export type PointMemberRow = z.infer<typeof PointMemberRowSchema>;

// --- aggregates ------------------------------------------------------------------------------------------------

export const PointStatsQuerySchema = z.object({
  year: YearSchema.optional(),
  orgId: IdSchema.optional().describe('组织（含下级）'),
});
export type PointStatsQuery = z.infer<typeof PointStatsQuerySchema>;

const StarCountsSchema = z.array(z.number().int()).length(6).describe('0 星至 5 星的人数');

export const PointStatsSchema = z.object({
  year: z.number().int(),
  orgName: z.string().nullable(),
  members: z.number().int(),
  average: z.number(),
  median: z.number(),
  thresholds: z.array(z.number().int()),
  /** Members per score band: below ★1, ★1 … ★5 (bands follow the thresholds). */
  distribution: z.array(z.number().int()).length(6),
  stars: StarCountsSchema,
  vetoed: z.number().int(),
  byOrg: z.array(
    z.object({
      orgId: IdSchema,
      orgName: z.string(),
      parentName: z.string().nullable(),
      members: z.number().int(),
      average: z.number(),
      stars: StarCountsSchema,
    }),
  ),
});
export type PointStats = z.infer<typeof PointStatsSchema>;

// --- manual grants ----------------------------------------------------------------------------------------------

export const GRANT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const GrantStatusSchema = z.enum(GRANT_STATUSES);

export const CreatePointGrantBodySchema = z.strictObject({
  memberId: IdSchema,
  ruleCode: PointRuleCodeSchema,
  occurredOn: IsoDateSchema.describe('事项发生日期（不晚于今天）'),
  reason: text(500).describe('事由'),
});
export type CreatePointGrantBody = z.infer<typeof CreatePointGrantBodySchema>;

export const DecidePointGrantBodySchema = z.strictObject({ note: optionalText(500) });
export const RejectPointGrantBodySchema = z.strictObject({ note: text(500) });

export const PointEvidenceSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const PointGrantSchema = z.object({
  id: IdSchema,
  member: z.object({ id: IdSchema, name: z.string(), orgName: z.string().nullable() }),
  ruleCode: z.string(),
  ruleNameZh: z.string(),
  ruleNameEn: z.string(),
  versionId: IdSchema,
  occurredOn: z.string(),
  points: z.number().int(),
  veto: z.boolean(),
  reason: z.string(),
  evidence: z.array(PointEvidenceSchema),
  evidenceRequired: z.boolean(),
  approvalRequired: z.boolean(),
  status: GrantStatusSchema,
  requestedByName: z.string().nullable(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  entryId: IdSchema.nullable(),
  bookedPoints: z.number().int().nullable(),
});
export type PointGrant = z.infer<typeof PointGrantSchema>;

export const PointGrantsQuerySchema = PageQuerySchema.extend({
  status: GrantStatusSchema.optional(),
  orgId: IdSchema.optional(),
});

// --- corrections, exemptions, runs ------------------------------------------------------------------------------

export const ReversePointEntryBodySchema = z.strictObject({
  reason: text(500).describe('更正理由'),
  objectionId: IdSchema.optional().nullable().describe('因哪条异议而更正'),
});

export const CreatePointExemptionBodySchema = z.strictObject({
  memberId: IdSchema,
  category: ExemptionCategorySchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema.optional().nullable(),
  reason: text(300),
});
export const EndPointExemptionBodySchema = z.strictObject({ endsOn: IsoDateSchema });

export const PointExemptionSchema = z.object({
  id: IdSchema,
  member: z.object({ id: IdSchema, name: z.string(), orgName: z.string().nullable() }),
  category: ExemptionCategorySchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  reason: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PointExemption = z.infer<typeof PointExemptionSchema>;

export const PointExemptionsQuerySchema = PageQuerySchema.extend({ orgId: IdSchema.optional() });

export const RunPointGrantsBodySchema = z.strictObject({
  period: PeriodKeySchema,
  orgId: IdSchema.optional().nullable().describe('只计算该组织（含下级）；默认管理范围内全部'),
});

export const RunPointGrantsResultSchema = z.object({
  period: z.string(),
  members: z.number().int(),
  candidates: z.number().int(),
  booked: z.number().int(),
  points: z.number().int(),
  capped: z.number().int(),
  exempted: z.number().int(),
  alreadyBooked: z.number().int(),
  reversed: z.number().int(),
  bySource: z.record(z.string(), z.number().int()),
});
export type RunPointGrantsResult = z.infer<typeof RunPointGrantsResultSchema>;

// --- publication and objections ---------------------------------------------------------------------------------

export const CreatePointPublicationBodySchema = z.strictObject({
  orgId: IdSchema,
  period: PublishPeriodSchema,
  note: optionalText(500),
});

export const PointPublicationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  periodKey: z.string(),
  periodKind: z.enum(['month', 'quarter']),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  objectionDeadline: z.string(),
  objectionDays: z.number().int(),
  open: z.boolean(),
  memberCount: z.number().int(),
  totalPoints: z.number().int(),
  note: z.string().nullable(),
  objections: z.object({ pending: z.number().int(), answered: z.number().int() }),
});
export type PointPublication = z.infer<typeof PointPublicationSchema>;

export const PointPublicationsQuerySchema = PageQuerySchema.extend({ orgId: IdSchema.optional() });

export const OBJECTION_STATUSES = ['pending', 'answered'] as const;

export const PointObjectionSchema = z.object({
  id: IdSchema,
  publicationId: IdSchema,
  periodKey: z.string(),
  publicationOrgName: z.string(),
  objectionDeadline: z.string(),
  member: z.object({ id: IdSchema, name: z.string(), orgName: z.string().nullable() }),
  entry: z
    .object({
      id: IdSchema,
      label: z.string(),
      points: z.number().int(),
      occurredOn: z.string(),
      ruleNameZh: z.string(),
      ruleNameEn: z.string(),
    })
    .nullable(),
  text: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  upheld: z.boolean().nullable(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PointObjection = z.infer<typeof PointObjectionSchema>;

export const PointObjectionsQuerySchema = PageQuerySchema.extend({
  status: z.enum(OBJECTION_STATUSES).optional(),
  orgId: IdSchema.optional(),
});

export const AnswerPointObjectionBodySchema = z.strictObject({
  answer: text(1000).describe('答复'),
  upheld: z.boolean().describe('异议成立（需要更正）'),
});

export const CreateMyPointObjectionBodySchema = z.strictObject({
  publicationId: IdSchema,
  entryId: IdSchema.optional().nullable().describe('针对哪一条积分（可不选：针对本期合计）'),
  text: text(1000).describe('异议内容'),
});

/** A publication as a member sees it: their own points of the period and whether they may still object. */
export const MyPointPublicationSchema = z.object({
  id: IdSchema,
  periodKey: z.string(),
  orgName: z.string(),
  publishedAt: z.string(),
  objectionDeadline: z.string(),
  open: z.boolean(),
  myPoints: z.number().int(),
  myEntries: z.array(PointEntrySchema),
});
export type MyPointPublication = z.infer<typeof MyPointPublicationSchema>;

export const MyPointRulesSchema = z.object({
  version: z.object({ id: IdSchema, effectiveFrom: z.string(), scheme: PointSchemeSchema }).nullable(),
  rules: z.array(PointRuleSchema),
});
export type MyPointRules = z.infer<typeof MyPointRulesSchema>;
