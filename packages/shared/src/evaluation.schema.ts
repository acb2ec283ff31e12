import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import {
  CAMPAIGN_STATUSES,
  EVALUATION_KINDS,
  MEMBER_GRADES,
  RECTIFICATION_STATUSES,
  SECRETARY_CHOICES,
} from './evaluation-rules.js';

/**
 * 书记述职评议 (DOMAIN-RULES §3.7) and 民主评议党员 (§3.2): campaigns, subjects, secret ballots, results, 点评,
 * 整改清单. Rules: evaluation-rules.ts; docs/evaluation.md. No response here ever carries a voter with a choice.
 */
export const EvaluationKindSchema = z
  .enum(EVALUATION_KINDS)
  .describe('secretary_review 书记述职评议 / member_evaluation 民主评议党员');
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const SecretaryChoiceSchema = z.enum(SECRETARY_CHOICES).describe('好 / 较好 / 一般 / 差');
export const MemberGradeSchema = z.enum(MEMBER_GRADES).describe('优秀 / 合格 / 基本合格 / 不合格');
export const RectificationStatusSchema = z.enum(RECTIFICATION_STATUSES);
export const RectificationStateSchema = z.enum(['closed', 'overdue', 'due_soon', 'on_track']);

const IsoDate = z.iso.date().describe('YYYY-MM-DD');
const Year = z.coerce.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ThresholdsSchema = z
  .strictObject({
    good: z.number().int().min(0).max(100).describe('好：满意率（好+较好）不低于 %'),
    fairlyGood: z.number().int().min(0).max(100).describe('较好：满意率不低于 %'),
    average: z.number().int().min(0).max(100).describe('一般：满意率不低于 %（以下为差）'),
  })
  .describe('满意率阈值');

/** Who votes in a 述职评议: the secretary's own members, the superior committee, named representatives. */
export const SecretaryVotersSchema = z.strictObject({
  branchMembers: z.boolean().default(true).describe('本支部（本组织）党员评议本组织书记'),
  superiorCommittee: z.boolean().default(false).describe('上级党组织班子成员评议全部书记'),
  representativeIds: z.array(IdSchema).max(200).default([]).describe('党员代表 / 群众代表（须为登记在册的党员）'),
});

export const EvaluationItemSchema = z.object({ key: z.string(), label: z.string() });

export const CampaignSettingsSchema = z.object({
  voters: z
    .object({ branchMembers: z.boolean(), superiorCommittee: z.boolean(), representativeIds: z.array(z.string()) })
    .optional(),
  items: z.array(EvaluationItemSchema).describe('分项测评内容（可为空）'),
  thresholds: z.object({ good: z.number(), fairlyGood: z.number(), average: z.number() }).optional(),
  probationaryVote: z.boolean().optional().describe('预备党员参加民主测评投票'),
  excellentDenominator: z.number().int().optional().describe('优秀比例上限 1/N'),
});
export type CampaignSettings = z.infer<typeof CampaignSettingsSchema>;

export const CreateCampaignBodySchema = z.strictObject({
  kind: EvaluationKindSchema,
  orgId: IdSchema.describe('开展评议的组织（述职评议：上级党组织；民主评议：党支部）'),
  year: z.number().int().min(2000).max(2100).describe('评议年度'),
  title: text(100).optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  subjectOrgIds: z
    .array(IdSchema)
    .max(300)
    .optional()
    .describe('述职评议：述职的组织（默认为下一级党组织，不含党小组）'),
  voters: SecretaryVotersSchema.optional(),
  items: z.array(text(60)).max(10).optional().describe('分项测评内容'),
  thresholds: ThresholdsSchema.optional(),
  probationaryVote: z.boolean().optional(),
});
export type CreateCampaignBody = z.infer<typeof CreateCampaignBodySchema>;

export const UpdateCampaignBodySchema = z.strictObject({
  title: text(100).optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  voters: SecretaryVotersSchema.optional(),
  items: z.array(text(60)).max(10).optional(),
  thresholds: ThresholdsSchema.optional(),
  probationaryVote: z.boolean().optional(),
});
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBodySchema>;

export const ListCampaignsQuerySchema = PageQuerySchema.extend({
  kind: EvaluationKindSchema.optional(),
  year: Year.optional(),
  orgId: IdSchema.optional().describe('组织（含下级）'),
  status: CampaignStatusSchema.optional(),
});
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuerySchema>;

export const TurnoutSchema = z.object({
  eligible: z.number().int().describe('有投票资格的人数'),
  cast: z.number().int().describe('已投票人数'),
  percent: z.number().nullable(),
});
export type Turnout = z.infer<typeof TurnoutSchema>;

export const CampaignSchema = z.object({
  id: z.string(),
  kind: EvaluationKindSchema,
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  status: CampaignStatusSchema,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  subjectCount: z.number().int(),
  turnout: TurnoutSchema,
  votingOpenedAt: z.string().nullable(),
  votingClosedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  returnedReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const EvaluationAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type EvaluationAttachment = z.infer<typeof EvaluationAttachmentSchema>;

export const SubjectSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  memberId: z.string().nullable(),
  name: z.string(),
  position: z.string().nullable(),
  category: z.string().nullable().describe('full 正式党员 / probationary 预备党员'),
  graded: z.boolean().describe('评定等次（预备党员参加评议但不评定等次）'),
  report: z.string().nullable(),
  reportSubmittedAt: z.string().nullable(),
  reportByName: z.string().nullable(),
  attachments: z.array(EvaluationAttachmentSchema),
  comment: z.string().nullable().describe('上级点评'),
  commentedAt: z.string().nullable(),
  commentedByName: z.string().nullable(),
  selfAssessment: z.string().nullable(),
  selfSubmittedAt: z.string().nullable(),
  peerSummary: z.string().nullable().describe('党员互评意见（支部汇总）'),
  proposedGrade: MemberGradeSchema.nullable(),
  proposalNote: z.string().nullable(),
  finalGrade: MemberGradeSchema.nullable(),
  resultGrade: SecretaryChoiceSchema.nullable().describe('述职评议综合等次（测评结束后）'),
  rectifications: z.number().int(),
});
export type Subject = z.infer<typeof SubjectSchema>;

export const CampaignDetailSchema = CampaignSchema.extend({
  settings: CampaignSettingsSchema,
  subjects: z.array(SubjectSchema),
  canManage: z.boolean().describe('可管理本次评议（开展评议的组织在管理范围内）'),
  canConfirm: z.boolean().describe('可作为上级党组织审定等次'),
  today: z.string(),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

export const TurnoutDetailSchema = TurnoutSchema.extend({
  byOrg: z.array(
    z.object({ orgId: z.string(), orgName: z.string(), eligible: z.number().int(), cast: z.number().int() }),
  ),
});
export type TurnoutDetail = z.infer<typeof TurnoutDetailSchema>;

const SecretaryTallySchema = z.object({
  good: z.number().int(),
  fairly_good: z.number().int(),
  average: z.number().int(),
  poor: z.number().int(),
});
const MemberTallySchema = z.object({
  excellent: z.number().int(),
  qualified: z.number().int(),
  basically_qualified: z.number().int(),
  unqualified: z.number().int(),
});

export const SecretaryResultRowSchema = z.object({
  subjectId: z.string(),
  orgName: z.string(),
  name: z.string(),
  tally: SecretaryTallySchema,
  total: z.number().int(),
  satisfactionPercent: z.number().nullable(),
  grade: SecretaryChoiceSchema.nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      tally: SecretaryTallySchema,
      total: z.number().int(),
      satisfactionPercent: z.number().nullable(),
    }),
  ),
  comment: z.string().nullable(),
});
export type SecretaryResultRow = z.infer<typeof SecretaryResultRowSchema>;

export const MemberResultRowSchema = z.object({
  subjectId: z.string(),
  name: z.string(),
  orgName: z.string(),
  category: z.string().nullable(),
  graded: z.boolean(),
  tally: MemberTallySchema,
  total: z.number().int(),
  suggestedGrade: MemberGradeSchema.nullable().describe('按测评票中位数并受 1/3 限额约束的建议等次'),
  proposedGrade: MemberGradeSchema.nullable(),
  finalGrade: MemberGradeSchema.nullable(),
});
export type MemberResultRow = z.infer<typeof MemberResultRowSchema>;

export const QuotaSchema = z.object({
  graded: z.number().int().describe('评定等次的人数'),
  excellent: z.number().int().describe('拟定为优秀的人数'),
  max: z.number().int().describe('优秀最多人数'),
  denominator: z.number().int(),
  missing: z.number().int().describe('尚未拟定等次的人数'),
});
export type Quota = z.infer<typeof QuotaSchema>;

export const ResultsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('secretary_review'),
    status: CampaignStatusSchema,
    turnout: TurnoutSchema,
    thresholds: ThresholdsSchema,
    items: z.array(EvaluationItemSchema),
    rows: z.array(SecretaryResultRowSchema),
  }),
  z.object({
    kind: z.literal('member_evaluation'),
    status: CampaignStatusSchema,
    turnout: TurnoutSchema,
    quota: QuotaSchema,
    rows: z.array(MemberResultRowSchema),
  }),
]);
export type Results = z.infer<typeof ResultsSchema>;

export const UpdateSubjectBodySchema = z.strictObject({
  report: z.string().trim().max(20_000).nullable().optional().describe('述职报告（代录）'),
  peerSummary: z.string().trim().max(2_000).nullable().optional().describe('党员互评意见'),
});
export type UpdateSubjectBody = z.infer<typeof UpdateSubjectBodySchema>;

export const CommentBodySchema = z.strictObject({ comment: text(2_000).describe('点评意见') });

export const ProposalsBodySchema = z.strictObject({
  proposals: z
    .array(
      z.strictObject({
        subjectId: IdSchema,
        grade: MemberGradeSchema.nullable(),
        note: z.string().trim().max(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type ProposalsBody = z.infer<typeof ProposalsBodySchema>;

export const ReasonBodySchema = z.strictObject({ reason: text(500) });

export const RectificationSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  year: z.number().int(),
  subjectId: z.string(),
  subjectName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  problem: z.string(),
  measure: z.string().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: RectificationStatusSchema,
  state: RectificationStateSchema,
  daysOverdue: z.number().int(),
  progressNote: z.string().nullable(),
  closingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  attachments: z.array(EvaluationAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

export const CreateRectificationBodySchema = z.strictObject({
  problem: text(500).describe('问题'),
  measure: z.string().trim().max(1_000).nullable().optional().describe('整改措施'),
  ownerName: text(40).describe('责任人'),
  dueOn: IsoDate.describe('整改时限'),
});
export type CreateRectificationBody = z.infer<typeof CreateRectificationBodySchema>;

export const UpdateRectificationBodySchema = z.strictObject({
  problem: text(500).optional(),
  measure: z.string().trim().max(1_000).nullable().optional(),
  ownerName: text(40).optional(),
  dueOn: IsoDate.optional(),
  status: z.enum(['open', 'in_progress']).optional(),
  progressNote: z.string().trim().max(1_000).nullable().optional().describe('整改进展'),
});
export type UpdateRectificationBody = z.infer<typeof UpdateRectificationBodySchema>;

export const CloseRectificationBodySchema = z.strictObject({
  closingNote: text(2_000).describe('整改完成情况及佐证说明'),
});

export const ListRectificationsQuerySchema = PageQuerySchema.extend({
  campaignId: IdSchema.optional(),
  orgId: IdSchema.optional(),
  status: RectificationStatusSchema.optional(),
  state: RectificationStateSchema.optional(),
  keyword: z.string().trim().max(60).optional(),
});
export type ListRectificationsQuery = z.infer<typeof ListRectificationsQuerySchema>;

export const RectificationSummaryQuerySchema = z.object({ campaignId: IdSchema.optional() });
export const RectificationSummarySchema = z.object({
  total: z.number().int(),
  open: z.number().int(),
  inProgress: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
});
export type RectificationSummary = z.infer<typeof RectificationSummarySchema>;

export const EvaluationDefaultsSchema = z.object({
  thresholds: ThresholdsSchema,
  excellentDenominator: z.number().int(),
  probationaryVote: z.boolean(),
  rectificationWarnDays: z.number().int(),
  defaultItems: z.array(z.string()),
  year: z.number().int().describe('当前年度（北京时间）'),
});
export type EvaluationDefaults = z.infer<typeof EvaluationDefaultsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// H5: 我的 → 评议投票

export const MyEvaluationSchema = z.object({
  campaignId: z.string(),
  kind: EvaluationKindSchema,
  title: z.string(),
  year: z.number().int(),
  orgName: z.string(),
  status: CampaignStatusSchema,
  endsOn: z.string().nullable(),
  /** On the roll (frozen when voting opens). */
  eligible: z.boolean(),
  canVote: z.boolean().describe('测评进行中、有资格且尚未投票'),
  castAt: z.string().nullable().describe('本人投票时间（不含所投内容）'),
  /** The caller's own entry when they are evaluated (a secretary reporting, a member being evaluated). */
  mine: z
    .object({
      subjectId: z.string(),
      graded: z.boolean(),
      report: z.string().nullable(),
      reportSubmittedAt: z.string().nullable(),
      attachments: z.array(EvaluationAttachmentSchema),
      selfAssessment: z.string().nullable(),
      selfSubmittedAt: z.string().nullable(),
      finalGrade: MemberGradeSchema.nullable().describe('上级审定后公布'),
      resultGrade: SecretaryChoiceSchema.nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
});
export type MyEvaluation = z.infer<typeof MyEvaluationSchema>;

export const MyEvaluationDetailSchema = MyEvaluationSchema.extend({
  items: z.array(EvaluationItemSchema),
  /** Whom the caller may vote on (empty when not on the roll). */
  ballotSubjects: z.array(
    z.object({
      subjectId: z.string(),
      name: z.string(),
      orgName: z.string(),
      position: z.string().nullable(),
      report: z.string().nullable(),
    }),
  ),
});
export type MyEvaluationDetail = z.infer<typeof MyEvaluationDetailSchema>;

export const CastBallotBodySchema = z.strictObject({
  ballotKey: IdSchema.describe('客户端为本张选票生成的随机标识：网络重试时重复提交同一标识不会重复计票'),
  entries: z
    .array(
      z.strictObject({
        subjectId: IdSchema,
        choice: z.enum([...SECRETARY_CHOICES, ...MEMBER_GRADES]),
        items: z
          .array(z.strictObject({ key: z.string().max(20), choice: SecretaryChoiceSchema }))
          .max(10)
          .optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type CastBallotBody = z.infer<typeof CastBallotBodySchema>;

export const BallotReceiptSchema = z.object({
  campaignId: z.string(),
  castAt: z.string(),
  replayed: z.boolean().describe('同一选票的重复提交（未重复计票）'),
});
export type BallotReceipt = z.infer<typeof BallotReceiptSchema>;

export const SelfAssessmentBodySchema = z.strictObject({ selfAssessment: text(5_000) });
export const MySecretaryReportBodySchema = z.strictObject({ report: text(20_000) });
