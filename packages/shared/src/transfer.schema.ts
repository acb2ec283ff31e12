import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { CreateMemberBodySchema, GenderSchema, IsoDateSchema, MemberCategorySchema } from './member.schema.js';

/** 组织关系转接: inside the zone, out of the zone (with an introduction letter), into the zone. */
export const TRANSFER_KINDS = ['within_zone', 'out_of_zone', 'into_zone'] as const;
export const TransferKindSchema = z.enum(TRANSFER_KINDS).describe('开发区内转接 / 转出开发区 / 转入开发区');
export type TransferKind = z.infer<typeof TransferKindSchema>;

export const TRANSFER_STATUSES = ['pending', 'approved', 'rejected', 'revoked', 'completed'] as const;
export const TransferStatusSchema = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;

export const TRANSFER_STEP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const TransferStepStatusSchema = z.enum(TRANSFER_STEP_STATUSES);

/** 党费交至年月 */
export const YearMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('Month as YYYY-MM');

/** The member fields of a person arriving from outside the zone who is not yet on record (the branch is `toOrgId`). */
export const IncomingMemberSchema = CreateMemberBodySchema.omit({ orgId: true });
export type IncomingMember = z.infer<typeof IncomingMemberSchema>;

export const CreateTransferBodySchema = z.strictObject({
  kind: TransferKindSchema,
  memberId: IdSchema.optional().describe(
    'The member (within/out of the zone; into the zone: a member transferred out earlier)',
  ),
  toOrgId: IdSchema.optional().describe('within_zone / into_zone: the receiving branch'),
  destination: z.string().trim().min(1).max(200).optional().describe('out_of_zone: 转往党组织全称'),
  source: z.string().trim().min(1).max(200).optional().describe('into_zone: 转出党组织全称'),
  sourceLetterNo: z.string().trim().min(1).max(100).optional().describe('into_zone: number of the incoming letter'),
  member: IncomingMemberSchema.optional().describe('into_zone: the person when not on record yet'),
  reason: z.string().trim().min(1).max(500).describe('转接原因'),
  requestedOn: IsoDateSchema.optional().describe('Defaults to today'),
  letterValidDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('有效期 in days; default and maximum are rules'),
  duesPaidUntil: YearMonthSchema.optional().describe('党费交至年月 — required out of the zone'),
});
export type CreateTransferBody = z.infer<typeof CreateTransferBodySchema>;

export const ApproveTransferBodySchema = z.strictObject({
  date: IsoDateSchema.optional().describe('Approval date (defaults to today); the final one dates the member event'),
  comment: z.string().trim().max(500).optional(),
});
export type ApproveTransferBody = z.infer<typeof ApproveTransferBodySchema>;

export const RejectTransferBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Required'),
});
export type RejectTransferBody = z.infer<typeof RejectTransferBodySchema>;

export const RevokeTransferBodySchema = z.strictObject({
  comment: z.string().trim().max(500).optional(),
});
export type RevokeTransferBody = z.infer<typeof RevokeTransferBodySchema>;

export const TransferReceiptBodySchema = z.strictObject({
  date: IsoDateSchema.describe('回执 returned on'),
});
export type TransferReceiptBody = z.infer<typeof TransferReceiptBodySchema>;

export const TransferStepSchema = z
  .object({
    stepNo: z.number().int(),
    orgId: IdSchema,
    orgName: z.string(),
    status: TransferStepStatusSchema,
    actorName: z.string().nullable(),
    actedAt: z.string().nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'TransferStep' });
export type TransferStep = z.infer<typeof TransferStepSchema>;

export const TransferSchema = z
  .object({
    id: IdSchema,
    kind: TransferKindSchema,
    status: TransferStatusSchema,
    memberId: IdSchema.nullable(),
    memberName: z.string(),
    fromOrgId: IdSchema.nullable(),
    fromOrgName: z.string().nullable(),
    toOrgId: IdSchema.nullable(),
    toOrgName: z.string().nullable(),
    destination: z.string().nullable(),
    source: z.string().nullable(),
    sourceLetterNo: z.string().nullable(),
    reason: z.string(),
    requestedOn: z.string(),
    requestedBy: z.string().nullable(),
    letterNo: z.string().nullable().describe('介绍信编号, e.g. 鄂开党转〔2026〕0001号'),
    letterValidDays: z.number().int(),
    letterIssuedOn: z.string().nullable(),
    letterValidUntil: z.string().nullable(),
    duesPaidUntil: z.string().nullable(),
    receiptOn: z.string().nullable().describe('回执 returned on'),
    rejectionReason: z.string().nullable(),
    completedOn: z.string().nullable(),
    currentStepNo: z.number().int().nullable(),
    overdue: z.boolean().describe('Pending too long, or the letter expired without a receipt'),
    steps: z.array(TransferStepSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Transfer' });
export type Transfer = z.infer<typeof TransferSchema>;

export const ListTransfersQuerySchema = PageQuerySchema.extend({
  status: TransferStatusSchema.optional(),
  kind: TransferKindSchema.optional(),
  memberId: IdSchema.optional(),
  orgId: IdSchema.optional().describe('Sending or receiving organization in this subtree'),
  overdue: z.enum(['true', 'false']).optional(),
});
export type ListTransfersQuery = z.infer<typeof ListTransfersQuerySchema>;

/** 组织关系介绍信 (组通字〔2006〕45号): the same data on each of the 3 parts 存根 / 主件 / 回执. */
export const TransferLetterSchema = z
  .object({
    transferId: IdSchema,
    letterNo: z.string(),
    kind: TransferKindSchema,
    parts: z.array(z.enum(['存根', '主件', '回执'])),
    memberName: z.string(),
    gender: GenderSchema,
    genderName: z.string(),
    age: z.number().int(),
    ethnicity: z.string().describe('GB 3304 name'),
    category: MemberCategorySchema.nullable(),
    categoryName: z.string().nullable(),
    idNumberMasked: z.string(),
    fromOrgName: z.string(),
    toOrgName: z.string().nullable(),
    destination: z.string().nullable(),
    duesPaidUntil: z.string().nullable(),
    validDays: z.number().int(),
    validUntil: z.string(),
    issuingOrgName: z.string(),
    issuedOn: z.string(),
    receiptOn: z.string().nullable(),
  })
  .meta({ id: 'TransferLetter' });
export type TransferLetter = z.infer<typeof TransferLetterSchema>;

/** Rules kept as data, with their defaults (DOMAIN-RULES §3.4–3.5). */
export const RuleSettingsSchema = z.object({
  letterValidDays: z.number().int(),
  letterMaxValidDays: z.number().int(),
  transferOverdueDays: z.number().int(),
  lostSuspendMonths: z.number().int(),
  lostRemoveMonths: z.number().int(),
  flowTransferMonths: z.number().int(),
});
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;

/** 失联 and 流动 warnings. */
export const MEMBER_WARNING_LEVELS = [
  'lost', // 失联, under the suspension threshold
  'suspend_due', // 失联 ≥ 6 months: 停止党籍 due
  'suspended', // 失联 ≥ 6 months and already suspended
  'remove_due', // 失联 ≥ 2 years: 除名 due
  'flowing', // 流动, under the threshold
  'transfer_due', // 流出 ≥ 6 months: the relation should be transferred
] as const;
export const MemberWarningLevelSchema = z.enum(MEMBER_WARNING_LEVELS);
export type MemberWarningLevel = z.infer<typeof MemberWarningLevelSchema>;

export const MemberWarningSchema = z
  .object({
    kind: z.enum(['lost', 'flowing']),
    level: MemberWarningLevelSchema,
    memberId: IdSchema,
    memberName: z.string(),
    orgId: IdSchema.nullable(),
    orgName: z.string().nullable(),
    since: z.string().describe('Lost since / flowed out on'),
    months: z.number().int().describe('Whole months since then'),
    destination: z.string().nullable(),
    partyStatus: z.string(),
    nextLevelOn: z.string().nullable().describe('When the next level is reached'),
  })
  .meta({ id: 'MemberWarning' });
export type MemberWarning = z.infer<typeof MemberWarningSchema>;

export const MemberWarningsQuerySchema = z.object({
  orgId: IdSchema.optional(),
  kind: z.enum(['lost', 'flowing']).optional(),
  level: MemberWarningLevelSchema.optional(),
});
export type MemberWarningsQuery = z.infer<typeof MemberWarningsQuerySchema>;

export const MemberWarningsSchema = z
  .object({
    today: z.string(),
    rules: RuleSettingsSchema,
    counts: z.record(z.string(), z.number().int()),
    data: z.array(MemberWarningSchema),
  })
  .meta({ id: 'MemberWarnings' });
export type MemberWarnings = z.infer<typeof MemberWarningsSchema>;
