import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema, pageOf } from './common/pagination.js';
import {
  ActivityCategorySchema,
  ActivityTypeCodeSchema,
  ActivityTypeSchema,
  CreateActivityTypeBodySchema,
  MeetingPhaseSchema,
  UpdateActivityTypeBodySchema,
} from './meeting.schema.js';

/**
 * 三会一课 compliance (PRODUCT §3.3, DOMAIN-RULES §3.2): rules "activity type × organization type → expected count
 * per cycle", each branch's completion, each parent's share of compliant branches, warnings, and the calendar.
 * How a status is computed: docs/compliance.md.
 */
export const COMPLIANCE_CYCLES = ['month', 'quarter', 'year'] as const;
export const ComplianceCycleSchema = z
  .enum(COMPLIANCE_CYCLES)
  .describe('考核周期: month 每月 / quarter 每季度 / year 每年');
export type ComplianceCycle = z.infer<typeof ComplianceCycleSchema>;

/** Rules apply to branches; their parents are judged by the share of compliant branches below them. */
export const COMPLIANCE_ORG_TYPES = ['branch', 'joint_branch', 'temporary_branch'] as const;
export const ComplianceOrgTypeSchema = z.enum(COMPLIANCE_ORG_TYPES).describe('适用的党支部类型');
export type ComplianceOrgType = z.infer<typeof ComplianceOrgTypeSchema>;

/**
 * Status of one cycle: done 已完成 / in_progress 进行中 (current cycle, not yet done) / warning 即将到期 (current
 * cycle, in its last days, not done) / overdue 逾期 (past cycle not done) / future 未开始 / not_applicable 不考核
 * (expects nothing: no party group for a per-group rule, or the branch was founded after the cycle began).
 */
export const CYCLE_STATUSES = ['done', 'in_progress', 'warning', 'overdue', 'future', 'not_applicable'] as const;
export const CycleStatusSchema = z.enum(CYCLE_STATUSES);
export type CycleStatus = z.infer<typeof CycleStatusSchema>;

/** current 现行 / scheduled 待生效 (effective later) / superseded 已被替代 (history, kept for past cycles). */
export const RULE_STATES = ['current', 'scheduled', 'superseded'] as const;
export const RuleStateSchema = z.enum(RULE_STATES);
export type RuleState = z.infer<typeof RuleStateSchema>;

const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const note = z.string().trim().max(200).optional().nullable().describe('说明');

export const ComplianceRuleSchema = z.object({
  id: z.string(),
  typeCode: z.string(),
  orgType: ComplianceOrgTypeSchema,
  cycle: ComplianceCycleSchema,
  expectedCount: z.number().int(),
  perGroup: z.boolean(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  state: RuleStateSchema,
  updatedAt: z.string(),
});
export type ComplianceRule = z.infer<typeof ComplianceRuleSchema>;

/** Every rule version and every activity type (inactive ones included), for the rules page. */
export const ComplianceRulesSchema = z.object({
  rules: z.array(ComplianceRuleSchema),
  activityTypes: z.array(ActivityTypeSchema),
  warnDays: z.number().int().describe('周期结束前多少天开始预警'),
  today: z.string(),
});
export type ComplianceRules = z.infer<typeof ComplianceRulesSchema>;

export const CreateComplianceRuleBodySchema = z.strictObject({
  typeCode: ActivityTypeCodeSchema,
  orgType: ComplianceOrgTypeSchema,
  cycle: ComplianceCycleSchema,
  expectedCount: z.number().int().min(0).max(100).describe('每周期应开展次数（0 = 不考核）'),
  perGroup: z.boolean().default(false).describe('按党小组分别计算'),
  effectiveFrom: IsoDate.optional().describe('生效日期（默认今天；不能早于今天）'),
  note,
});
export type CreateComplianceRuleBody = z.infer<typeof CreateComplianceRuleBodySchema>;

export const UpdateComplianceRuleBodySchema = z.strictObject({
  cycle: ComplianceCycleSchema.optional(),
  expectedCount: z.number().int().min(0).max(100).optional(),
  perGroup: z.boolean().optional(),
  effectiveFrom: IsoDate.optional().describe('新版本的生效日期（默认今天；不能早于今天）'),
  note,
});
export type UpdateComplianceRuleBody = z.infer<typeof UpdateComplianceRuleBodySchema>;

/** Strict forms of the activity type bodies of meeting.schema.ts: an unknown field is refused, not dropped. */
export const CreateActivityTypeStrictBodySchema = z.strictObject(CreateActivityTypeBodySchema.shape);
export type CreateActivityTypeBody = z.infer<typeof CreateActivityTypeStrictBodySchema>;
export const UpdateActivityTypeStrictBodySchema = z.strictObject(UpdateActivityTypeBodySchema.shape);
export type UpdateActivityTypeBody = z.infer<typeof UpdateActivityTypeStrictBodySchema>;
export const ActivityTypeCodeParamsSchema = z.object({ code: ActivityTypeCodeSchema });

const Year = z.coerce.number().int().min(2000).max(2100);

export const ComplianceOrgsQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional().describe('组织（含下级）；默认为可见范围'),
  year: Year.optional().describe('年度，默认今年'),
  compliant: z.enum(['true', 'false']).optional().describe('只看达标 / 未达标的支部'),
});
export type ComplianceOrgsQuery = z.infer<typeof ComplianceOrgsQuerySchema>;

export const ComplianceCycleCellSchema = z.object({
  key: z.string().describe('2026-03 / 2026-Q1 / 2026'),
  start: z.string(),
  end: z.string(),
  expected: z.number().int(),
  done: z.number().int().describe('计入完成的次数（每周期不超过应开展次数；按党小组的规则每个小组分别封顶）'),
  held: z.number().int().describe('实际开展的次数'),
  status: CycleStatusSchema,
});
export type ComplianceCycleCell = z.infer<typeof ComplianceCycleCellSchema>;

export const ComplianceRuleCellSchema = z.object({
  typeCode: z.string(),
  ruleId: z.string().describe('the version in force at the last cycle of the year'),
  cycle: ComplianceCycleSchema,
  perGroup: z.boolean(),
  expectedToDate: z.number().int().describe('已结束周期的应开展次数'),
  doneToDate: z.number().int().describe('已结束周期中计入完成的次数'),
  expectedYear: z.number().int(),
  held: z.number().int(),
  status: CycleStatusSchema.describe('最需关注的周期状态'),
  cycles: z.array(ComplianceCycleCellSchema),
});
export type ComplianceRuleCell = z.infer<typeof ComplianceRuleCellSchema>;

export const BranchComplianceSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgType: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  groupCount: z.number().int(),
  rate: z.number().nullable().describe('完成率（已结束周期与当前周期已完成部分）'),
  compliant: z.boolean().describe('已结束的周期没有逾期'),
  overdue: z.number().int(),
  warnings: z.number().int(),
  cells: z.array(ComplianceRuleCellSchema),
});
export type BranchCompliance = z.infer<typeof BranchComplianceSchema>;

export const ParentComplianceSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgType: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  branches: z.number().int(),
  compliantBranches: z.number().int(),
  share: z.number().nullable().describe('达标支部占比（含所有下级支部）'),
});
export type ParentCompliance = z.infer<typeof ParentComplianceSchema>;

export const ComplianceColumnSchema = z.object({
  typeCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: ActivityCategorySchema,
});

export const ComplianceOverviewSchema = pageOf(BranchComplianceSchema).extend({
  year: z.number().int(),
  today: z.string(),
  warnDays: z.number().int(),
  columns: z.array(ComplianceColumnSchema),
  parents: z.array(ParentComplianceSchema),
  summary: z.object({ branches: z.number().int(), compliant: z.number().int(), share: z.number().nullable() }),
});
export type ComplianceOverview = z.infer<typeof ComplianceOverviewSchema>;

export const ComplianceWarningsQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional().describe('组织（含下级）'),
  status: z.enum(['warning', 'overdue']).optional(),
});
export type ComplianceWarningsQuery = z.infer<typeof ComplianceWarningsQuerySchema>;

export const ComplianceWarningSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  typeCode: z.string(),
  ruleId: z.string(),
  cycle: ComplianceCycleSchema,
  cycleKey: z.string(),
  start: z.string(),
  end: z.string(),
  expected: z.number().int(),
  done: z.number().int(),
  status: z.enum(['warning', 'overdue']),
  daysLeft: z.number().int().nullable().describe('warning: days after today until the cycle ends'),
  daysOverdue: z.number().int().nullable().describe('overdue: days since the cycle ended'),
});
export type ComplianceWarning = z.infer<typeof ComplianceWarningSchema>;

export const MeetingCalendarQuerySchema = z.object({
  from: IsoDate.optional().describe('第一天（北京时间），默认本月 1 日'),
  to: IsoDate.optional().describe('最后一天（含），默认本月末；最多 100 天'),
  orgId: IdSchema.optional().describe('组织（含下级）'),
});
export type MeetingCalendarQuery = z.infer<typeof MeetingCalendarQuerySchema>;

export const CalendarMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  typeCodes: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  venueName: z.string().nullable(),
  phase: MeetingPhaseSchema,
});
export type CalendarMeeting = z.infer<typeof CalendarMeetingSchema>;

export const MeetingCalendarSchema = z.object({
  from: z.string(),
  to: z.string(),
  meetings: z.array(CalendarMeetingSchema),
  truncated: z.boolean().describe('more meetings than one answer carries: narrow the range or the organization'),
});
export type MeetingCalendar = z.infer<typeof MeetingCalendarSchema>;
