import { z } from 'zod';
import { EDUCATION_CODES, ETHNICITY_CODES, JOB_CATEGORY_CODES } from './codes.js';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { GenderSchema, IsoDateSchema } from './member.schema.js';
import { GATE_CODES, MATERIAL_KINDS, RECRUITMENT_STAGES } from './recruitment-rules.js';

export const RECRUITMENT_STATUSES = ['active', 'completed', 'cancelled', 'rejected'] as const;
export const RecruitmentStatusSchema = z
  .enum(RECRUITMENT_STATUSES)
  .describe('办理中 active / 已完成 completed / 已终止 cancelled / 未通过 rejected');
export type RecruitmentStatus = z.infer<typeof RecruitmentStatusSchema>;

export const RecruitmentStageSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(RECRUITMENT_STAGES.length)
  .describe('Stage 1–5');
export const StepNoSchema = z.number().int().min(1).max(25).describe('Step 1–25');
export const MaterialKindSchema = z.enum(MATERIAL_KINDS);
export const GateCodeSchema = z.enum(GATE_CODES);
export const ApprovalResultSchema = z.enum(['approved', 'rejected']);

const text = (max: number) => z.string().trim().min(1).max(max);

/** The applicant (入党申请人): what becomes the member record at step 17. */
export const ApplicantFieldsSchema = z.strictObject({
  name: text(50).describe('姓名'),
  gender: GenderSchema.describe('性别 — must agree with the ID number'),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/)
    .describe('公民身份号码, 18 characters, GB 11643 check digit'),
  birthDate: IsoDateSchema.describe('出生日期 — must agree with the ID number'),
  ethnicity: z.enum(ETHNICITY_CODES).describe('民族 (GB 3304 code)'),
  education: z.enum(EDUCATION_CODES).describe('学历 (GB/T 4658 code)'),
  jobCategory: z.enum(JOB_CATEGORY_CODES).describe('工作岗位'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/)
    .optional()
    .describe('联系电话'),
  workUnit: z.string().trim().max(100).optional().describe('工作单位'),
  workPost: z.string().trim().max(100).optional().describe('职务/岗位'),
});
export type ApplicantFields = z.infer<typeof ApplicantFieldsSchema>;

export const CreateRecruitmentCaseBodySchema = ApplicantFieldsSchema.extend({
  orgId: IdSchema.describe('The branch the application is made to'),
  appliedOn: IsoDateSchema.describe('Step 1: 递交入党申请书 date'),
  notes: z.string().trim().max(1000).optional(),
});
export type CreateRecruitmentCaseBody = z.infer<typeof CreateRecruitmentCaseBodySchema>;

export const VotesSchema = z.strictObject({
  eligible: z.number().int().min(1).max(10_000).describe('应到会有表决权的正式党员'),
  present: z.number().int().min(0).max(10_000).describe('实到会有表决权的正式党员'),
  for: z.number().int().min(0).max(10_000).describe('赞成'),
  against: z.number().int().min(0).max(10_000).optional().describe('反对'),
  abstain: z.number().int().min(0).max(10_000).optional().describe('弃权'),
});

export const RecordStepBodySchema = z.strictObject({
  stepNo: StepNoSchema,
  date: IsoDateSchema,
  location: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(2000).optional(),
  memberIds: z
    .array(IdSchema)
    .max(5)
    .optional()
    .describe('Members named on the step: talker (2, 16), contacts (5, 1–2), introducers (9, exactly 2)'),
  otherPeople: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('People not on the roll, e.g. the upper committee talker'),
  approvalResult: ApprovalResultSchema.optional().describe('Decision of an approval step; "rejected" closes the case'),
  approvingOrgId: IdSchema.optional().describe('Defaults to the branch (or, for upper steps, the upper committee)'),
  approverName: z.string().trim().max(50).optional(),
  documentNo: z.string().trim().max(100).optional().describe('文号'),
  publicityStart: IsoDateSchema.optional(),
  publicityEnd: IsoDateSchema.optional(),
  trainingDays: z.number().int().min(0).max(365).optional(),
  trainingHours: z.number().int().min(0).max(5000).optional(),
  votes: VotesSchema.optional().describe('支部大会 (steps 15 and 23)'),
  overrideReason: z
    .string()
    .trim()
    .min(2)
    .max(500)
    .optional()
    .describe('Needed when a gate warns (out of order, too early, too late …)'),
});
export type RecordStepBody = z.infer<typeof RecordStepBodySchema>;

export const ExtendProbationBodySchema = z.strictObject({
  date: IsoDateSchema.describe('Date of the 支部大会 decision'),
  months: z.number().int().min(6).max(12),
  reason: text(500),
});
export type ExtendProbationBody = z.infer<typeof ExtendProbationBodySchema>;

export const CloseRecruitmentCaseBodySchema = z.strictObject({
  date: IsoDateSchema.optional().describe('Defaults to today'),
  reason: text(500),
});
export type CloseRecruitmentCaseBody = z.infer<typeof CloseRecruitmentCaseBodySchema>;

export const GateIssueSchema = z
  .object({
    gate: GateCodeSchema,
    stepNo: z.number().int(),
    hard: z.boolean(),
    limit: z.union([z.string(), z.number()]).optional(),
    actual: z.union([z.string(), z.number()]).optional(),
  })
  .meta({ id: 'RecruitmentGateIssue' });
export type GateIssueDto = z.infer<typeof GateIssueSchema>;

export const RecruitmentPersonSchema = z.object({ id: IdSchema, name: z.string() });

export const RecruitmentStepSchema = z
  .object({
    stepNo: z.number().int(),
    stage: z.number().int(),
    recorded: z.boolean(),
    date: z.string().nullable(),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    people: z.array(RecruitmentPersonSchema),
    otherPeople: z.string().nullable(),
    approvalResult: ApprovalResultSchema.nullable(),
    approvingOrgId: IdSchema.nullable(),
    approvingOrgName: z.string().nullable(),
    approverName: z.string().nullable(),
    documentNo: z.string().nullable(),
    publicityStart: z.string().nullable(),
    publicityEnd: z.string().nullable(),
    publicityWorkingDays: z.number().int().nullable(),
    trainingDays: z.number().int().nullable(),
    trainingHours: z.number().int().nullable(),
    votes: VotesSchema.nullable(),
    overrideReason: z.string().nullable(),
    /** The gates that warned when the step was recorded (overridden with the reason above). */
    overriddenGates: z.array(GateIssueSchema),
    recordedBy: z.string().nullable(),
    recordedAt: z.string().nullable(),
    /** For steps not recorded yet: the rules' dates from what is recorded so far. */
    earliest: z.string().nullable(),
    due: z.string().nullable(),
    hardLimit: z.string().nullable(),
    dueLevel: z.enum(['overdue', 'soon']).nullable(),
  })
  .meta({ id: 'RecruitmentStep' });
export type RecruitmentStepDto = z.infer<typeof RecruitmentStepSchema>;

export const RecruitmentMaterialSchema = z
  .object({
    id: IdSchema,
    stepNo: z.number().int().nullable(),
    kind: MaterialKindSchema,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'RecruitmentMaterial' });
export type RecruitmentMaterial = z.infer<typeof RecruitmentMaterialSchema>;

export const RecruitmentCaseSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    gender: GenderSchema,
    birthDate: z.string(),
    age: z.number().int(),
    idNumberMasked: z.string(),
    phoneMasked: z.string().nullable(),
    ethnicity: z.string(),
    education: z.string(),
    jobCategory: z.string(),
    workUnit: z.string().nullable(),
    workPost: z.string().nullable(),
    orgId: IdSchema,
    orgName: z.string(),
    status: RecruitmentStatusSchema,
    stage: z.number().int(),
    currentStep: z.number().int().describe('The last recorded step'),
    appliedOn: z.string(),
    memberId: IdSchema.nullable().describe('The member record made at step 17'),
    joinDate: z.string().nullable().describe('支部大会通过之日 (step 15)'),
    probationEnd: z.string().nullable(),
    extensionMonths: z.number().int().nullable(),
    nextStep: z.number().int().nullable(),
    nextDue: z.string().nullable(),
    dueLevel: z.enum(['overdue', 'soon']).nullable(),
    overrides: z.number().int().describe('Steps recorded with an override reason'),
    closedOn: z.string().nullable(),
    closeReason: z.string().nullable(),
    notes: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RecruitmentCase' });
export type RecruitmentCase = z.infer<typeof RecruitmentCaseSchema>;

export const RecruitmentCaseDetailSchema = RecruitmentCaseSchema.extend({
  steps: z.array(RecruitmentStepSchema),
  materials: z.array(RecruitmentMaterialSchema),
  /** Upper committee (基层党委) that approves this branch's recruitment. */
  approvingOrgId: IdSchema.nullable(),
  approvingOrgName: z.string().nullable(),
  /** The caller may record the upper committee's steps (4, 8, 13, 16, 17, 18, 24). */
  upperStepsAllowed: z.boolean(),
}).meta({ id: 'RecruitmentCaseDetail' });
export type RecruitmentCaseDetail = z.infer<typeof RecruitmentCaseDetailSchema>;

export const ListRecruitmentCasesQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional().describe('This organization and its subtree'),
  stage: RecruitmentStageSchema.optional(),
  step: z.coerce.number().int().min(1).max(25).optional().describe('Last recorded step'),
  status: RecruitmentStatusSchema.optional().describe('Defaults to active'),
  due: z.enum(['overdue', 'soon', 'any']).optional().describe('overdue; due soon; either'),
  keyword: z.string().trim().max(50).optional().describe('Name, pinyin initials, last 4 of the ID number'),
});
export type ListRecruitmentCasesQuery = z.infer<typeof ListRecruitmentCasesQuerySchema>;

export const RecruitmentBoardQuerySchema = z.object({ orgId: IdSchema.optional() });

export const RecruitmentBoardSchema = z
  .object({
    stages: z.array(
      z.object({
        stage: z.number().int(),
        active: z.number().int(),
        overdue: z.number().int(),
        dueSoon: z.number().int(),
      }),
    ),
    completedThisYear: z.number().int(),
    closedThisYear: z.number().int(),
  })
  .meta({ id: 'RecruitmentBoard' });
export type RecruitmentBoard = z.infer<typeof RecruitmentBoardSchema>;

/** The details of a RECRUITMENT_GATE_WARNING answer: what an override reason would accept. */
export const GateWarningDetailsSchema = z.object({ gates: z.array(GateIssueSchema) });
