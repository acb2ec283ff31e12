import { z } from 'zod';
import { EDUCATION_CODES, ETHNICITY_CODES, JOB_CATEGORY_CODES } from './codes.js';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';

/** 人员类别 */
export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export const MemberCategorySchema = z.enum(MEMBER_CATEGORIES).describe('正式党员 full / 预备党员 probationary');
export type MemberCategory = z.infer<typeof MemberCategorySchema>;

/** Whether the person is still a member held by this zone. */
export const MEMBER_STATUSES = ['active', 'transferred_out', 'removed', 'deceased'] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

/** 党籍状态 */
export const PARTY_STATUSES = ['normal', 'suspended'] as const;
export const PartyStatusSchema = z.enum(PARTY_STATUSES).describe('党籍状态: 正常 normal / 停止党籍 suspended');
export type PartyStatus = z.infer<typeof PartyStatusSchema>;

export const GENDERS = ['male', 'female'] as const;
export const GenderSchema = z.enum(GENDERS);
export type Gender = z.infer<typeof GenderSchema>;

/** Dated lifecycle events; a member's category, status and branch on any date are folded from them. */
export const MEMBER_EVENT_TYPES = [
  'joined', // 接收为预备党员 (date = 支部大会通过之日)
  'registered', // 建库登记: an existing member entered with the category and branch they already have
  'converted', // 转为正式党员
  'probation_extended', // 延长预备期
  'qualification_cancelled', // 取消预备党员资格
  'transferred_in', // 从开发区外转入
  'moved', // 开发区内组织关系转接
  'transferred_out', // 转出开发区
  'flow_out', // 外出流动
  'flow_back', // 流动返回
  'lost', // 失去联系
  'found', // 恢复联系
  'suspended', // 停止党籍
  'restored', // 恢复党籍
  'left', // 出党（除名、开除、退党、自行脱党）
  'died', // 去世
] as const;
export const MemberEventTypeSchema = z.enum(MEMBER_EVENT_TYPES);
export type MemberEventType = z.infer<typeof MemberEventTypeSchema>;

export const IsoDateSchema = z.iso.date().describe('Date as YYYY-MM-DD');

/** Details each event type carries (all optional beyond what the type needs; validated by the server). */
export const MemberEventDetailsSchema = z
  .strictObject({
    category: MemberCategorySchema.optional().describe('registered / transferred_in: category on arrival'),
    destination: z.string().trim().max(200).optional().describe('flow_out / transferred_out: where to'),
    source: z.string().trim().max(200).optional().describe('transferred_in: where from'),
    reason: z.string().trim().max(500).optional(),
    documentNo: z.string().trim().max(100).optional().describe('文号 / 介绍信编号'),
    months: z.number().int().min(6).max(12).optional().describe('probation_extended: 6–12 months'),
    leftKind: z
      .enum(['removed', 'expelled', 'withdrew', 'self_lapsed'])
      .optional()
      .describe('left: 除名/开除/退党/自行脱党'),
  })
  .describe('Event details');
export type MemberEventDetails = z.infer<typeof MemberEventDetailsSchema>;

export const MemberEventSchema = z
  .object({
    id: IdSchema,
    memberId: IdSchema,
    seq: z.number().int(),
    type: MemberEventTypeSchema,
    effectiveDate: IsoDateSchema,
    orgId: IdSchema.nullable().describe('Branch holding the relation after the event'),
    orgName: z.string().nullable(),
    fromOrgId: IdSchema.nullable(),
    fromOrgName: z.string().nullable(),
    details: MemberEventDetailsSchema,
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'MemberEvent' });
export type MemberEvent = z.infer<typeof MemberEventSchema>;

export const CreateMemberEventBodySchema = z.strictObject({
  type: MemberEventTypeSchema.exclude(['registered', 'joined']),
  effectiveDate: IsoDateSchema,
  orgId: IdSchema.optional().describe('moved / transferred_in: the receiving branch'),
  details: MemberEventDetailsSchema.default({}),
});
export type CreateMemberEventBody = z.infer<typeof CreateMemberEventBodySchema>;

/** The state folded from events up to a date. */
export type MemberState = {
  orgId: string | null;
  category: MemberCategory | null;
  status: MemberStatus;
  partyStatus: PartyStatus;
  lostContact: boolean;
  lostSince: string | null;
  flowing: boolean;
  flowDestination: string | null;
  joinDate: string | null;
  fullMemberDate: string | null;
};

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** The 16 national core items plus the extended items, as written by a form or an import row. */
export const MemberFieldsSchema = z.strictObject({
  name: trimmed(50).describe('姓名'),
  nameMongolian: z.string().trim().max(100).optional().describe('蒙古文姓名 (traditional script)'),
  gender: GenderSchema.describe('性别 — must agree with the ID number'),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/)
    .describe('公民身份号码, 18 characters, GB 11643 check digit'),
  ethnicity: z.enum(ETHNICITY_CODES).describe('民族 (GB 3304 code)'),
  birthDate: IsoDateSchema.describe('出生日期 — must agree with the ID number'),
  education: z.enum(EDUCATION_CODES).describe('学历 (GB/T 4658 code)'),
  jobCategory: z.enum(JOB_CATEGORY_CODES).describe('工作岗位'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
    .optional()
    .describe('联系电话: mobile or landline'),
  address: z.string().trim().max(200).optional().describe('家庭住址'),
  nativePlace: z.string().trim().max(100).optional().describe('籍贯'),
  degree: z.string().trim().max(50).optional().describe('学位'),
  title: z.string().trim().max(50).optional().describe('技术职称'),
  workUnit: z.string().trim().max(100).optional().describe('工作单位'),
  workPost: z.string().trim().max(100).optional().describe('职务/岗位'),
  talentFlags: z
    .array(z.enum(['doctor', 'master', 'senior_engineer']))
    .max(3)
    .optional()
    .describe('人才标识'),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional().describe('标签: 先锋岗, 突击队, 责任区 …'),
  partyPosts: z.array(z.string().trim().min(1).max(30)).max(10).optional().describe('党内职务'),
});
export type MemberFields = z.infer<typeof MemberFieldsSchema>;

export const CreateMemberBodySchema = MemberFieldsSchema.extend({
  orgId: IdSchema.describe('所在党支部'),
  category: MemberCategorySchema,
  joinDate: IsoDateSchema.describe('入党日期'),
  fullMemberDate: IsoDateSchema.optional().describe('转为正式党员日期 (required for full members)'),
});
export type CreateMemberBody = z.infer<typeof CreateMemberBodySchema>;

export const UpdateMemberBodySchema = MemberFieldsSchema.partial().extend({
  phone: MemberFieldsSchema.shape.phone.unwrap().nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
});
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

export const MemberSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    nameMongolian: z.string().nullable(),
    gender: GenderSchema,
    idNumberMasked: z.string().describe('e.g. 150624********1234'),
    ethnicity: z.string(),
    birthDate: z.string(),
    age: z.number().int(),
    education: z.string(),
    jobCategory: z.string(),
    phoneMasked: z.string().nullable(),
    hasAddress: z.boolean(),
    nativePlace: z.string().nullable(),
    degree: z.string().nullable(),
    title: z.string().nullable(),
    workUnit: z.string().nullable(),
    workPost: z.string().nullable(),
    talentFlags: z.array(z.string()),
    tags: z.array(z.string()),
    partyPosts: z.array(z.string()),
    orgId: IdSchema.nullable(),
    orgName: z.string().nullable(),
    category: MemberCategorySchema.nullable(),
    status: MemberStatusSchema,
    partyStatus: PartyStatusSchema,
    lostContact: z.boolean(),
    lostSince: z.string().nullable(),
    flowing: z.boolean(),
    flowDestination: z.string().nullable(),
    joinDate: z.string().nullable(),
    fullMemberDate: z.string().nullable(),
    partyAgeYears: z.number().int().nullable().describe('党龄, counted from the full-membership date'),
    updatedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const ListMembersQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional().describe('This organization and its subtree'),
  keyword: z.string().trim().max(50).optional().describe('Name, pinyin initials (zs → 张三), last 4 of ID or phone'),
  category: MemberCategorySchema.optional(),
  status: MemberStatusSchema.optional().describe('Defaults to active'),
  partyStatus: PartyStatusSchema.optional(),
  gender: GenderSchema.optional(),
  ethnicity: z.enum(ETHNICITY_CODES).optional(),
  education: z.enum(EDUCATION_CODES).optional(),
  tag: z.string().trim().max(20).optional(),
  lostContact: z.enum(['true', 'false']).optional(),
  flowing: z.enum(['true', 'false']).optional(),
  asOf: IsoDateSchema.optional().describe('Count and list members as they stood at the end of this date'),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuerySchema>;

export const MemberStatsQuerySchema = z.object({
  orgId: IdSchema.optional(),
  asOf: IsoDateSchema.optional(),
});

export const MemberStatsSchema = z
  .object({
    asOf: z.string(),
    total: z.number().int(),
    byCategory: z.record(z.string(), z.number().int()),
    byGender: z.record(z.string(), z.number().int()),
    byEducation: z.record(z.string(), z.number().int()),
    byEthnicity: z.record(z.string(), z.number().int()),
    byJobCategory: z.record(z.string(), z.number().int()),
    byAgeBand: z.record(z.string(), z.number().int()),
    lostContact: z.number().int(),
    flowing: z.number().int(),
  })
  .meta({ id: 'MemberStats' });
export type MemberStats = z.infer<typeof MemberStatsSchema>;

export const RevealMemberFieldQuerySchema = z.object({ field: z.enum(['idNumber', 'phone', 'address']) });
export const RevealMemberFieldResultSchema = z.object({ field: z.string(), value: z.string().nullable() });

/** Age bands of the party statistics bulletin. */
export const AGE_BANDS = ['≤30', '31-35', '36-40', '41-45', '46-50', '51-55', '56-60', '≥61'] as const;
