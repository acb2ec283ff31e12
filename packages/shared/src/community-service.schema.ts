import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { IsoDateSchema } from './member.schema.js';

/**
 * 双报到 (DOMAIN-RULES §3.10): a unit's party organization and its in-service members (在职党员) register with a
 * community party organization; the community posts needs (社区需求 / 微心愿, "居民点单、社区派单、党员接单"),
 * members claim and complete them, the community confirms the hours. All numbers are local practice [L].
 */

/** 服务岗位: the 8 service-post categories (local practice, kept as data in `community_service_categories`). */
export const SERVICE_CATEGORIES = [
  ['policy', '政策宣讲', 'Policy outreach'],
  ['environment', '环境整治', 'Environment clean-up'],
  ['patrol', '平安巡逻', 'Safety patrol'],
  ['civility', '文明创建', 'Civic campaigns'],
  ['care', '关爱帮扶', 'Care and assistance'],
  ['culture', '文体活动', 'Culture and sports'],
  ['mediation', '矛盾调解', 'Dispute mediation'],
  ['convenience', '便民服务', 'Everyday services'],
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number][0];
export const SERVICE_CATEGORY_CODES = SERVICE_CATEGORIES.map((c) => c[0]) as [ServiceCategory, ...ServiceCategory[]];
export const ServiceCategorySchema = z.enum(SERVICE_CATEGORY_CODES).describe('服务岗位类别');

export const REPORT_STATUSES = ['active', 'withdrawn'] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES).describe('报到中 active / 已撤销 withdrawn');
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** Why a member's registration ends: moved house, 已返回 (back to the unit only), other. */
export const WITHDRAW_REASONS = ['moved', 'returned', 'other'] as const;
export const WithdrawReasonSchema = z.enum(WITHDRAW_REASONS).describe('迁居 moved / 已返回 returned / 其他 other');
export type WithdrawReason = z.infer<typeof WithdrawReasonSchema>;

/** 居民点单 (a resident's wish) or 社区派单 (the community's own task). */
export const NEED_SOURCES = ['resident', 'community'] as const;
export const NeedSourceSchema = z.enum(NEED_SOURCES).describe('居民点单 resident / 社区派单 community');
export type NeedSource = z.infer<typeof NeedSourceSchema>;

export const NEED_STATUSES = ['open', 'full', 'closed'] as const;
export const NeedStatusSchema = z.enum(NEED_STATUSES).describe('招募中 open / 已满员 full / 已结束 closed');
export type NeedStatus = z.infer<typeof NeedStatusSchema>;

/** 已接单 → 已完成 (member reports hours) → 已确认 (community confirms); cancelled at any time before confirmation. */
export const CLAIM_STATUSES = ['claimed', 'completed', 'confirmed', 'cancelled'] as const;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const hoursSchema = z.number().multipleOf(0.5).min(0.5).max(24).describe('Hours, in steps of 0.5');

export const CommunitySchema = z
  .object({ id: IdSchema, name: z.string(), shortName: z.string().nullable(), address: z.string().nullable() })
  .meta({ id: 'Community' });
export type Community = z.infer<typeof CommunitySchema>;

export const CommunityRulesSchema = z
  .object({
    reReportMonths: z.number().int().describe('每半年报到一次: months between re-reports [L]'),
    hoursTarget: z.number().int().describe('Volunteer hours a member should serve per year [L]'),
  })
  .meta({ id: 'CommunityRules' });
export type CommunityRules = z.infer<typeof CommunityRulesSchema>;

// ---------- 在职党员报到 ----------

export const MemberReportSchema = z
  .object({
    id: IdSchema,
    memberId: IdSchema,
    memberName: z.string(),
    orgId: IdSchema.nullable().describe("The member's own branch (unit side)"),
    orgName: z.string().nullable(),
    communityOrgId: IdSchema,
    communityName: z.string(),
    reportedOn: z.string().describe('首次报到'),
    lastReportedOn: z.string().describe('Latest (re-)report'),
    reReportDueOn: z.string().nullable().describe('Next re-report due (active only)'),
    reReportOverdue: z.boolean(),
    status: ReportStatusSchema,
    serviceCategories: z.array(ServiceCategorySchema),
    withdrawnOn: z.string().nullable(),
    withdrawReason: WithdrawReasonSchema.nullable(),
    withdrawNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MemberReport' });
export type MemberReport = z.infer<typeof MemberReportSchema>;

export const ListMemberReportsQuerySchema = PageQuerySchema.extend({
  status: ReportStatusSchema.optional(),
  communityOrgId: IdSchema.optional(),
  orgId: IdSchema.optional().describe('Members of this subtree (the unit side)'),
  keyword: z.string().trim().max(50).optional().describe('Member name or pinyin initials'),
});
export type ListMemberReportsQuery = z.infer<typeof ListMemberReportsQuerySchema>;

export const CreateMemberReportBodySchema = z.strictObject({
  memberId: IdSchema,
  communityOrgId: IdSchema,
  reportedOn: IsoDateSchema.optional().describe('Defaults to today'),
  serviceCategories: z.array(ServiceCategorySchema).max(8).default([]),
});
export type CreateMemberReportBody = z.infer<typeof CreateMemberReportBodySchema>;

export const MyReportBodySchema = z.strictObject({
  communityOrgId: IdSchema,
  serviceCategories: z.array(ServiceCategorySchema).max(8).default([]),
});
export type MyReportBody = z.infer<typeof MyReportBodySchema>;

export const RenewReportBodySchema = z.strictObject({
  date: IsoDateSchema.optional().describe('Defaults to today'),
});
export type RenewReportBody = z.infer<typeof RenewReportBodySchema>;

export const WithdrawMemberReportBodySchema = z.strictObject({
  reason: WithdrawReasonSchema,
  note: z.string().trim().max(200).optional(),
  date: IsoDateSchema.optional().describe('Defaults to today'),
});
export type WithdrawMemberReportBody = z.infer<typeof WithdrawMemberReportBodySchema>;

// ---------- 党组织报到 ----------

export const OrgReportSchema = z
  .object({
    id: IdSchema,
    orgId: IdSchema,
    orgName: z.string(),
    communityOrgId: IdSchema,
    communityName: z.string(),
    reportedOn: z.string(),
    contactPerson: z.string(),
    contactPhone: z.string().nullable(),
    commitments: z.string().describe('服务承诺'),
    status: ReportStatusSchema,
    withdrawnOn: z.string().nullable(),
    withdrawReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OrgReport' });
export type OrgReport = z.infer<typeof OrgReportSchema>;

export const ListOrgReportsQuerySchema = PageQuerySchema.extend({
  status: ReportStatusSchema.optional(),
  communityOrgId: IdSchema.optional(),
});
export type ListOrgReportsQuery = z.infer<typeof ListOrgReportsQuerySchema>;

export const CreateOrgReportBodySchema = z.strictObject({
  orgId: IdSchema.describe("The unit's party organization"),
  communityOrgId: IdSchema,
  reportedOn: IsoDateSchema.optional(),
  contactPerson: text(50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
    .optional(),
  commitments: text(1000).describe('服务承诺'),
});
export type CreateOrgReportBody = z.infer<typeof CreateOrgReportBodySchema>;

export const WithdrawOrgReportBodySchema = z.strictObject({
  reason: text(200),
  date: IsoDateSchema.optional(),
});
export type WithdrawOrgReportBody = z.infer<typeof WithdrawOrgReportBodySchema>;

// ---------- 社区需求 / 微心愿 ----------

export const NeedSchema = z
  .object({
    id: IdSchema,
    communityOrgId: IdSchema,
    communityName: z.string(),
    title: z.string(),
    category: ServiceCategorySchema,
    source: NeedSourceSchema,
    description: z.string(),
    place: z.string(),
    startsAt: z.string().describe('ISO date-time'),
    hours: z.number().describe('Estimated hours'),
    capacity: z.number().int().describe('People needed'),
    claimedCount: z.number().int().describe('Claims not cancelled'),
    status: NeedStatusSchema,
    postedBy: z.string().nullable(),
    closedOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'CommunityNeed' });
export type Need = z.infer<typeof NeedSchema>;

export const ListNeedsQuerySchema = PageQuerySchema.extend({
  status: NeedStatusSchema.optional(),
  communityOrgId: IdSchema.optional(),
  category: ServiceCategorySchema.optional(),
  keyword: z.string().trim().max(50).optional(),
});
export type ListNeedsQuery = z.infer<typeof ListNeedsQuerySchema>;

export const CreateNeedBodySchema = z.strictObject({
  communityOrgId: IdSchema,
  title: text(100),
  category: ServiceCategorySchema,
  source: NeedSourceSchema.default('community'),
  description: text(2000),
  place: text(200),
  startsAt: z.iso.datetime({ offset: true }).describe('ISO date-time with offset'),
  hours: hoursSchema,
  capacity: z.number().int().min(1).max(500),
});
export type CreateNeedBody = z.infer<typeof CreateNeedBodySchema>;

export const CloseNeedBodySchema = z.strictObject({
  note: z.string().trim().max(200).optional(),
});
export type CloseNeedBody = z.infer<typeof CloseNeedBodySchema>;

// ---------- 接单 ----------

export const ClaimSchema = z
  .object({
    id: IdSchema,
    needId: IdSchema,
    needTitle: z.string(),
    needStartsAt: z.string(),
    needPlace: z.string(),
    category: ServiceCategorySchema,
    communityOrgId: IdSchema,
    communityName: z.string(),
    memberId: IdSchema,
    memberName: z.string(),
    memberOrgName: z.string().nullable(),
    status: ClaimStatusSchema,
    claimedAt: z.string(),
    completedAt: z.string().nullable(),
    reportedHours: z.number().nullable().describe('Hours the member reported'),
    confirmedHours: z.number().nullable().describe('Hours the community confirmed'),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    note: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
  })
  .meta({ id: 'CommunityClaim' });
export type Claim = z.infer<typeof ClaimSchema>;

export const NeedDetailSchema = NeedSchema.extend({ claims: z.array(ClaimSchema) }).meta({
  id: 'CommunityNeedDetail',
});
export type NeedDetail = z.infer<typeof NeedDetailSchema>;

export const ListClaimsQuerySchema = PageQuerySchema.extend({
  status: ClaimStatusSchema.optional(),
  needId: IdSchema.optional(),
  communityOrgId: IdSchema.optional(),
});
export type ListClaimsQuery = z.infer<typeof ListClaimsQuerySchema>;

export const CompleteClaimBodySchema = z.strictObject({
  hours: hoursSchema,
  note: z.string().trim().max(500).optional().describe('服务情况'),
});
export type CompleteClaimBody = z.infer<typeof CompleteClaimBodySchema>;

export const ConfirmClaimBodySchema = z.strictObject({
  hours: hoursSchema.optional().describe('Defaults to the hours the member reported'),
});
export type ConfirmClaimBody = z.infer<typeof ConfirmClaimBodySchema>;

export const CancelClaimBodySchema = z.strictObject({
  reason: z.string().trim().max(200).optional(),
});
export type CancelClaimBody = z.infer<typeof CancelClaimBodySchema>;

// ---------- statistics ----------

export const YearQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Defaults to this year'),
});

export const OrgServiceStatsSchema = z
  .object({
    orgId: IdSchema,
    orgName: z.string(),
    inService: z.number().int().describe('在职党员 who should report'),
    reported: z.number().int().describe('Active registrations'),
    reportRate: z.number().describe('0..1'),
    reReportOverdue: z.number().int(),
    confirmedHours: z.number(),
    completedClaims: z.number().int(),
    metTarget: z.number().int().describe('Members at or over the yearly hours target'),
    orgReported: z.boolean().describe('The organization itself registered with a community'),
  })
  .meta({ id: 'OrgServiceStats' });
export type OrgServiceStats = z.infer<typeof OrgServiceStatsSchema>;

export const OrgServiceStatsListSchema = z.object({
  year: z.number().int(),
  hoursTarget: z.number().int(),
  rows: z.array(OrgServiceStatsSchema),
});
export type OrgServiceStatsList = z.infer<typeof OrgServiceStatsListSchema>;

export const MemberServiceStatsSchema = z
  .object({
    memberId: IdSchema,
    memberName: z.string(),
    orgId: IdSchema.nullable(),
    orgName: z.string().nullable(),
    communityName: z.string().nullable(),
    reportStatus: z.enum(['active', 'overdue', 'none']),
    confirmedHours: z.number(),
    pendingHours: z.number().describe('Completed, not yet confirmed'),
    completedClaims: z.number().int(),
    metTarget: z.boolean(),
  })
  .meta({ id: 'MemberServiceStats' });
export type MemberServiceStats = z.infer<typeof MemberServiceStatsSchema>;

export const ListMemberStatsQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: IdSchema.optional(),
});
export type ListMemberStatsQuery = z.infer<typeof ListMemberStatsQuerySchema>;

export const NotReportedSchema = z
  .object({
    memberId: IdSchema,
    memberName: z.string(),
    orgId: IdSchema.nullable(),
    orgName: z.string().nullable(),
    reason: z.enum(['never', 'withdrawn', 'overdue']).describe('从未报到 / 已撤销 / 超过半年未再报到'),
    lastReportedOn: z.string().nullable(),
    communityName: z.string().nullable(),
  })
  .meta({ id: 'NotReported' });
export type NotReported = z.infer<typeof NotReportedSchema>;

export const ListNotReportedQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional(),
  reason: z.enum(['never', 'withdrawn', 'overdue']).optional(),
});
export type ListNotReportedQuery = z.infer<typeof ListNotReportedQuerySchema>;

/** What the H5 双报到 page shows first: my registration, this year's hours against the target. */
export const MyCommunityServiceSchema = z
  .object({
    report: MemberReportSchema.nullable(),
    year: z.number().int(),
    confirmedHours: z.number(),
    pendingHours: z.number(),
    hoursTarget: z.number().int(),
    reReportMonths: z.number().int(),
    openClaims: z.number().int(),
  })
  .meta({ id: 'MyCommunityService' });
export type MyCommunityService = z.infer<typeof MyCommunityServiceSchema>;

// ---------- pure rules ----------

/** The date a registration is due again: `months` after the last (re-)report, clamped to month ends. */
export function reReportDueOn(lastReportedOn: string, months: number): string {
  const [y, m, d] = lastReportedOn.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Overdue when today is past the due date. */
export const isReReportOverdue = (lastReportedOn: string, months: number, today: string) =>
  reReportDueOn(lastReportedOn, months) < today;

/** The need's status after a change in the number of live claims (a closed need stays closed). */
export function needStatusFor(current: NeedStatus, claimed: number, capacity: number): NeedStatus {
  if (current === 'closed') return 'closed';
  return claimed >= capacity ? 'full' : 'open';
}

/** 在职党员: active members of units (not communities or villages), not retired, students or farmers. */
export const IN_SERVICE_EXCLUDED_DOMAINS = ['community', 'village'] as const;
export const IN_SERVICE_EXCLUDED_JOBS = ['retired', 'student', 'farmer'] as const;
