import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { QUESTION_KINDS } from './exam-rules.js';

/**
 * 题库 (question banks) and 考试/测验 (exams and quizzes). Rules: exam-rules.ts; docs/exams.md. A member's view of a
 * question never carries its answer or explanation until the results are released.
 */
export const QuestionKindSchema = z
  .enum(QUESTION_KINDS)
  .describe('single 单选 / multiple 多选 / true_false 判断 / fill 填空');
export const EXAM_KINDS = ['exam', 'quiz'] as const;
export const EXAM_STATUSES = ['draft', 'published', 'closed'] as const;
export const PAPER_MODES = ['random', 'fixed'] as const;
export const RESULTS_RELEASES = ['immediate', 'after_close'] as const;
export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'expired'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export type ExamStatus = (typeof EXAM_STATUSES)[number];
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const DateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time');
const Difficulty = z.number().int().min(1).max(3).describe('1 易 / 2 中 / 3 难');
const Tags = z.array(text(30)).max(20);

// ---- banks --------------------------------------------------------------------------------------------------------

export const BankSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  questionCount: z.number().int(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bank = z.infer<typeof BankSchema>;

export const ListBanksQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(50).optional() });
export type ListBanksQuery = z.infer<typeof ListBanksQuerySchema>;

export const CreateBankBodySchema = z.strictObject({
  name: text(60).describe('题库名称'),
  description: z.string().trim().max(500).nullish(),
  orgId: IdSchema.describe('所属组织'),
});
export const UpdateBankBodySchema = z.strictObject({
  name: text(60).optional(),
  description: z.string().trim().max(500).nullish(),
});

export const QuestionOptionSchema = z.object({ key: z.string().regex(/^[A-Z]$/), text: text(300) });

export const QuestionBodySchema = z
  .strictObject({
    kind: QuestionKindSchema,
    stem: text(1000).describe('题干；填空题用 ____ 标出每个空'),
    options: z.array(QuestionOptionSchema).max(8).default([]),
    answer: z
      .array(
        z.union([z.string().trim().min(1).max(300), z.boolean(), z.array(z.string().trim().min(1).max(300)).min(1)]),
      )
      .min(1)
      .max(8)
      .describe('单选/多选：选项字母；判断：[true|false]；填空：每空可接受的答案（数组）'),
    explanation: z.string().trim().max(2000).nullish(),
    tags: Tags.default([]),
    difficulty: Difficulty.default(2),
    points: z.number().int().min(1).max(100).default(1),
  })
  .superRefine((q, ctx) => {
    for (const issue of questionIssues(q)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type QuestionBody = z.infer<typeof QuestionBodySchema>;

/** Consistency of a question (shared by the editor, the API and the import). Messages are keys for the UI. */
export function questionIssues(q: {
  kind: string;
  options: readonly { key: string; text: string }[];
  answer: readonly unknown[];
}): { path: 'options' | 'answer'; message: string }[] {
  const issues: { path: 'options' | 'answer'; message: string }[] = [];
  const keys = q.options.map((o) => o.key);
  if (q.kind === 'single' || q.kind === 'multiple') {
    if (q.options.length < 2) issues.push({ path: 'options', message: 'exam.optionsTooFew' });
    if (new Set(keys).size !== keys.length) issues.push({ path: 'options', message: 'exam.optionsRepeated' });
    const answerKeys = q.answer.filter((a): a is string => typeof a === 'string');
    if (answerKeys.length !== q.answer.length || answerKeys.some((k) => !keys.includes(k)))
      issues.push({ path: 'answer', message: 'exam.answerNotAnOption' });
    else if (q.kind === 'single' && answerKeys.length !== 1)
      issues.push({ path: 'answer', message: 'exam.singleOneAnswer' });
    else if (q.kind === 'multiple' && (answerKeys.length < 2 || new Set(answerKeys).size !== answerKeys.length))
      issues.push({ path: 'answer', message: 'exam.multipleTwoAnswers' });
  } else if (q.kind === 'true_false') {
    if (q.options.length > 0) issues.push({ path: 'options', message: 'exam.noOptions' });
    if (q.answer.length !== 1 || typeof q.answer[0] !== 'boolean')
      issues.push({ path: 'answer', message: 'exam.trueFalseAnswer' });
  } else if (q.kind === 'fill') {
    if (q.options.length > 0) issues.push({ path: 'options', message: 'exam.noOptions' });
    if (q.answer.some((a) => typeof a === 'boolean')) issues.push({ path: 'answer', message: 'exam.fillAnswer' });
  }
  return issues;
}

export const QuestionSchema = z.object({
  id: z.string(),
  bankId: z.string(),
  kind: QuestionKindSchema,
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  answer: z.array(z.union([z.string(), z.boolean(), z.array(z.string())])),
  explanation: z.string().nullable(),
  tags: z.array(z.string()),
  difficulty: z.number().int(),
  points: z.number().int(),
  createdAt: z.string(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const ListQuestionsQuerySchema = PageQuerySchema.extend({
  bankId: IdSchema.optional().describe('one bank; without it, every bank you may use'),
  q: z.string().trim().max(50).optional(),
  kind: QuestionKindSchema.optional(),
  tag: z.string().trim().max(30).optional(),
  difficulty: z.coerce.number().int().min(1).max(3).optional(),
});
export type ListQuestionsQuery = z.infer<typeof ListQuestionsQuerySchema>;

export const BankImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true: validate and report only; false: write all rows or none'),
});

export const BankImportIssueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export const BankImportReportSchema = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  rows: z.number().int(),
  created: z.number().int().describe('new questions (or that would be created)'),
  unchanged: z.number().int().describe('rows already in the bank (same content)'),
  issues: z.array(BankImportIssueSchema),
});
export type BankImportReport = z.infer<typeof BankImportReportSchema>;

// ---- exams --------------------------------------------------------------------------------------------------------

export const DrawRuleSchema = z.strictObject({
  tags: Tags.optional(),
  difficulty: z.array(Difficulty).max(3).optional(),
  count: z.number().int().min(1).max(200),
});

const examFields = {
  kind: z.enum(EXAM_KINDS).describe('exam 考试 / quiz 测验'),
  title: text(100),
  description: z.string().trim().max(2000).nullish(),
  paperMode: z.enum(PAPER_MODES).describe('random 随机抽题 / fixed 固定试题'),
  bankIds: z.array(IdSchema).max(20),
  drawRules: z.array(DrawRuleSchema).max(20),
  fixedQuestionIds: z.array(IdSchema).max(200),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().describe('限时（分钟），空为不限时'),
  graceSeconds: z.number().int().min(0).max(600).describe('交卷宽限（秒）：只能交卷，不能改答案'),
  maxAttempts: z.number().int().min(1).max(20),
  passPercent: z.number().int().min(0).max(100),
  resultsRelease: z.enum(RESULTS_RELEASES).describe('immediate 交卷即公布 / after_close 结束后公布'),
  audienceOrgIds: z.array(IdSchema).max(200),
  audienceMemberIds: z.array(IdSchema).max(2000),
  opensAt: DateTime.nullable(),
  closesAt: DateTime.nullable(),
};

export const CreateExamBodySchema = z.strictObject({
  orgId: IdSchema.describe('组织考试的党组织'),
  ...examFields,
  description: examFields.description,
  paperMode: examFields.paperMode.default('random'),
  bankIds: examFields.bankIds.default([]),
  drawRules: examFields.drawRules.default([]),
  fixedQuestionIds: examFields.fixedQuestionIds.default([]),
  shuffleQuestions: examFields.shuffleQuestions.default(true),
  shuffleOptions: examFields.shuffleOptions.default(true),
  timeLimitMinutes: examFields.timeLimitMinutes.default(null),
  graceSeconds: examFields.graceSeconds.default(30),
  maxAttempts: examFields.maxAttempts.default(1),
  passPercent: examFields.passPercent.default(60),
  resultsRelease: examFields.resultsRelease.default('immediate'),
  audienceOrgIds: examFields.audienceOrgIds.default([]),
  audienceMemberIds: examFields.audienceMemberIds.default([]),
  opensAt: examFields.opensAt.default(null),
  closesAt: examFields.closesAt.default(null),
});
export type CreateExamBody = z.infer<typeof CreateExamBodySchema>;
export const UpdateExamBodySchema = z.strictObject(examFields).partial();
export type UpdateExamBody = z.infer<typeof UpdateExamBodySchema>;

export const ExamSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(EXAM_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(EXAM_STATUSES),
  paperMode: z.enum(PAPER_MODES),
  bankIds: z.array(z.string()),
  drawRules: z.array(
    z.object({ tags: z.array(z.string()).optional(), difficulty: z.array(z.number()).optional(), count: z.number() }),
  ),
  fixedQuestionIds: z.array(z.string()),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  timeLimitMinutes: z.number().nullable(),
  graceSeconds: z.number(),
  maxAttempts: z.number(),
  passPercent: z.number(),
  resultsRelease: z.enum(RESULTS_RELEASES),
  audienceOrgIds: z.array(z.string()),
  audienceOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  audienceMemberIds: z.array(z.string()),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  questionCount: z.number().int(),
  attempts: z.number().int(),
  createdAt: z.string(),
});
export type Exam = z.infer<typeof ExamSchema>;

export const ListExamsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  status: z.enum(EXAM_STATUSES).optional(),
});
export type ListExamsQuery = z.infer<typeof ListExamsQuerySchema>;

export const ExamOverrideBodySchema = z.strictObject({
  memberId: IdSchema,
  extraAttempts: z.number().int().min(0).max(20),
  extraMinutes: z.number().int().min(0).max(600),
  note: z.string().trim().max(200).nullish(),
});
export const ExamOverrideSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  extraAttempts: z.number().int(),
  extraMinutes: z.number().int(),
  note: z.string().nullable(),
});

export const ExamResultRowSchema = z.object({
  attemptId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  score: z.number().nullable(),
  maxScore: z.number(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
});
export const ExamResultsSchema = z.object({
  exam: ExamSchema,
  summary: z.object({
    eligible: z.number().int(),
    participants: z.number().int(),
    passed: z.number().int(),
    averagePercent: z.number().nullable(),
  }),
  rows: z.array(ExamResultRowSchema),
  overrides: z.array(ExamOverrideSchema),
});
export type ExamResults = z.infer<typeof ExamResultsSchema>;

// ---- the member's side --------------------------------------------------------------------------------------------

export const MyExamSchema = z.object({
  id: z.string(),
  kind: z.enum(EXAM_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  orgName: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  timeLimitMinutes: z.number().nullable(),
  questionCount: z.number().int(),
  passPercent: z.number(),
  /** upcoming | open | closed */
  window: z.enum(['upcoming', 'open', 'closed']),
  attemptsUsed: z.number().int(),
  attemptsAllowed: z.number().int(),
  inProgressAttemptId: z.string().nullable(),
  bestPercent: z.number().nullable(),
  passed: z.boolean().nullable(),
  resultsAvailable: z.boolean(),
  lastAttemptId: z.string().nullable(),
});
export type MyExam = z.infer<typeof MyExamSchema>;

export const AttemptQuestionSchema = z.object({
  id: z.string(),
  kind: QuestionKindSchema,
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  blanks: z.number().int().describe('fill-in: the number of blanks'),
  points: z.number().int(),
  answer: z
    .union([z.string(), z.boolean(), z.array(z.string())])
    .nullable()
    .describe('the saved answer'),
});
export const AttemptSchema = z.object({
  id: z.string(),
  examId: z.string(),
  examTitle: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(ATTEMPT_STATUSES),
  startedAt: z.string(),
  deadline: z.string().nullable(),
  serverNow: z.string(),
  remainingSeconds: z.number().int().nullable().describe('from the server clock; null: no time limit'),
  graceSeconds: z.number().int(),
  questions: z.array(AttemptQuestionSchema),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const SaveAnswerBodySchema = z.strictObject({
  questionId: IdSchema,
  answer: z.union([z.string().max(300), z.boolean(), z.array(z.string().max(300)).max(8)]),
});
export const SavedAnswerSchema = z.object({ savedAt: z.string(), remainingSeconds: z.number().int().nullable() });

export const AttemptResultSchema = z.object({
  id: z.string(),
  examId: z.string(),
  examTitle: z.string(),
  attemptNo: z.number().int(),
  status: z.enum(ATTEMPT_STATUSES),
  submittedAt: z.string().nullable(),
  released: z.boolean().describe('false: results come after the exam closes'),
  score: z.number().nullable(),
  maxScore: z.number(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
  questions: z.array(
    AttemptQuestionSchema.extend({
      correctAnswer: z.array(z.union([z.string(), z.boolean(), z.array(z.string())])),
      correct: z.boolean(),
      explanation: z.string().nullable(),
    }),
  ),
});
export type AttemptResult = z.infer<typeof AttemptResultSchema>;
