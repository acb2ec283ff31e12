import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';

/**
 * 知识竞赛: scheduled competitions drawn from question banks, a fair start decided by the server clock, one answer per
 * question, individual and team (branch) standings, a live board and anomaly flags (docs/competitions.md).
 */
export const COMPETITION_STATUSES = ['draft', 'scheduled', 'running', 'finished', 'cancelled'] as const;
export const CompetitionStatusSchema = z.enum(COMPETITION_STATUSES);
export type CompetitionStatus = z.infer<typeof CompetitionStatusSchema>;
export const CompetitionStandingsSchema = z.enum(['individual', 'team', 'both']).describe('个人 / 团体 / 个人和团体');
export const TeamAggregateSchema = z.enum(['average', 'sum']).describe('团体成绩：成员平均分 / 成员总分');
export const ANOMALY_KINDS = ['too_fast', 'identical_timing'] as const;
export const AnomalyKindSchema = z.enum(ANOMALY_KINDS);

const text = (max: number) => z.string().trim().min(1).max(max);

export const CompetitionDrawRuleSchema = z.strictObject({
  tags: z.array(text(40)).max(10).optional().describe('只抽含这些标签之一的题'),
  difficulty: z.number().int().min(1).max(3).optional().describe('难度 1 易 … 3 难'),
  count: z.number().int().min(1).max(100).describe('抽题数'),
});

const settings = {
  title: text(100).describe('竞赛名称'),
  description: z.string().trim().max(2000).nullable().optional(),
  startsAt: IsoDateTimeSchema.describe('开始时间（服务器时钟为准）'),
  endsAt: IsoDateTimeSchema.describe('结束时间'),
  lobbyMinutes: z.number().int().min(0).max(240).default(30).describe('开始前可进入候场的分钟数'),
  questionSeconds: z.number().int().min(5).max(600).default(20).describe('每题限时（秒）'),
  bankIds: z.array(IdSchema).min(1).max(20).describe('题库'),
  drawRules: z.array(CompetitionDrawRuleSchema).min(1).max(10).describe('抽题规则'),
  standings: CompetitionStandingsSchema.default('both'),
  teamAggregate: TeamAggregateSchema.default('average'),
  publishTopList: z.boolean().default(false).describe('向参赛党员公布个人排行（默认不公布）'),
  topListSize: z.number().int().min(3).max(100).default(10),
  audienceOrgIds: z.array(IdSchema).min(1).max(50).describe('参赛组织（含下级）'),
  waveSize: z.number().int().min(10).max(5000).default(200).describe('每批放行人数'),
  waveMs: z.number().int().min(100).max(10_000).default(1000).describe('批次间隔（毫秒）'),
  anomalyFloorMs: z.number().int().min(200).max(10_000).default(1500).describe('过快作答阈值（毫秒）'),
  anomalyMinCount: z.number().int().min(1).max(50).default(3).describe('过快作答达到几题即标记'),
};

export const CreateCompetitionBodySchema = z.strictObject({
  orgId: IdSchema.describe('主办组织'),
  ...settings,
});
export type CreateCompetitionBody = z.infer<typeof CreateCompetitionBodySchema>;

export const UpdateCompetitionBodySchema = z.strictObject({
  title: settings.title.optional(),
  description: settings.description,
  startsAt: settings.startsAt.optional(),
  endsAt: settings.endsAt.optional(),
  lobbyMinutes: z.number().int().min(0).max(240).optional(),
  questionSeconds: z.number().int().min(5).max(600).optional(),
  bankIds: settings.bankIds.optional(),
  drawRules: settings.drawRules.optional(),
  standings: CompetitionStandingsSchema.optional(),
  teamAggregate: TeamAggregateSchema.optional(),
  publishTopList: z.boolean().optional(),
  topListSize: z.number().int().min(3).max(100).optional(),
  audienceOrgIds: settings.audienceOrgIds.optional(),
  waveSize: z.number().int().min(10).max(5000).optional(),
  waveMs: z.number().int().min(100).max(10_000).optional(),
  anomalyFloorMs: z.number().int().min(200).max(10_000).optional(),
  anomalyMinCount: z.number().int().min(1).max(50).optional(),
});
export type UpdateCompetitionBody = z.infer<typeof UpdateCompetitionBodySchema>;

export const ListCompetitionsQuerySchema = PageQuerySchema.extend({
  status: CompetitionStatusSchema.optional(),
  keyword: z.string().trim().max(100).optional(),
});
export type ListCompetitionsQuery = z.infer<typeof ListCompetitionsQuerySchema>;

export const CompetitionSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  title: z.string(),
  status: CompetitionStatusSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  questionSeconds: z.number().int(),
  questionCount: z.number().int(),
  standings: CompetitionStandingsSchema,
  teamAggregate: TeamAggregateSchema,
  publishTopList: z.boolean(),
  participants: z.number().int(),
});
export type Competition = z.infer<typeof CompetitionSchema>;

export const CompetitionDetailSchema = CompetitionSchema.extend({
  description: z.string().nullable(),
  lobbyMinutes: z.number().int(),
  bankIds: z.array(IdSchema),
  banks: z.array(z.object({ id: IdSchema, name: z.string() })),
  drawRules: z.array(CompetitionDrawRuleSchema),
  topListSize: z.number().int(),
  audienceOrgIds: z.array(IdSchema),
  audience: z.array(z.object({ id: IdSchema, name: z.string() })),
  waveSize: z.number().int(),
  waveMs: z.number().int(),
  anomalyFloorMs: z.number().int(),
  anomalyMinCount: z.number().int(),
  canManage: z.boolean(),
  serverNow: IsoDateTimeSchema,
});
export type CompetitionDetail = z.infer<typeof CompetitionDetailSchema>;

export const TeamStandingSchema = z.object({
  rank: z.number().int(),
  orgId: IdSchema,
  orgName: z.string(),
  members: z.number().int(),
  score: z.number().describe('平均分（保留一位小数）或总分，按竞赛设置'),
});
export type TeamStanding = z.infer<typeof TeamStandingSchema>;

export const AnomalyFlagSchema = z.object({
  kind: AnomalyKindSchema,
  count: z.number().int().describe('too_fast：过快作答的题数；identical_timing：作答节奏相同的其他人数'),
  detail: z.string(),
});
export type AnomalyFlag = z.infer<typeof AnomalyFlagSchema>;

export const IndividualStandingSchema = z.object({
  rank: z.number().int(),
  memberId: IdSchema,
  name: z.string(),
  orgName: z.string(),
  score: z.number().int(),
  correct: z.number().int(),
  answered: z.number().int(),
  totalMs: z.number().int(),
  flags: z.array(AnomalyFlagSchema),
});
export type IndividualStanding = z.infer<typeof IndividualStandingSchema>;

export const CompetitionBoardSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: CompetitionStatusSchema,
  serverNow: IsoDateTimeSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  questionCount: z.number().int(),
  joined: z.number().int(),
  started: z.number().int(),
  finished: z.number().int(),
  answers: z.number().int(),
  flagged: z.number().int(),
  teams: z.array(TeamStandingSchema),
  top: z.array(IndividualStandingSchema.omit({ flags: true })).describe('仅当竞赛设置公布个人排行时'),
});
export type CompetitionBoard = z.infer<typeof CompetitionBoardSchema>;

export const CompetitionResultsSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: CompetitionStatusSchema,
  teamAggregate: TeamAggregateSchema,
  individuals: z.array(IndividualStandingSchema),
  teams: z.array(TeamStandingSchema),
});
export type CompetitionResults = z.infer<typeof CompetitionResultsSchema>;

// --- The member's side (H5) ---

export const MyCompetitionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  orgName: z.string(),
  status: CompetitionStatusSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  questionCount: z.number().int(),
  questionSeconds: z.number().int(),
  joined: z.boolean(),
  answered: z.number().int(),
  score: z.number().int().nullable(),
});
export type MyCompetition = z.infer<typeof MyCompetitionSchema>;

export const PlayQuestionSchema = z.object({
  position: z.number().int().describe('0 起'),
  total: z.number().int(),
  kind: z.string().describe('single | multiple | true_false | fill'),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })).describe('本人的选项顺序'),
  blanks: z.number().int().describe('填空题的空数'),
  openedAt: IsoDateTimeSchema,
  deadline: IsoDateTimeSchema,
});
export type PlayQuestion = z.infer<typeof PlayQuestionSchema>;

export const PlayStateSchema = z.object({
  state: z.enum(['lobby', 'waiting', 'question', 'finished', 'closed']),
  serverNow: IsoDateTimeSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  retryAfterMs: z.number().int().nullable().describe('waiting / lobby：多少毫秒后再试'),
  question: PlayQuestionSchema.nullable(),
  score: z.number().int(),
  answered: z.number().int(),
});
export type PlayState = z.infer<typeof PlayStateSchema>;

export const AnswerBodySchema = z.strictObject({
  position: z.number().int().min(0).max(999),
  answer: z
    .array(z.union([z.string().max(200), z.boolean()]))
    .max(20)
    .describe('选项 key、true/false 或各空的文字'),
});
export type AnswerBody = z.infer<typeof AnswerBodySchema>;

export const AnswerResultSchema = z.object({
  position: z.number().int(),
  correct: z.boolean(),
  points: z.number().int(),
  elapsedMs: z.number().int(),
  replayed: z.boolean().describe('此前已提交过：返回首次提交的结果，不重复计分'),
  score: z.number().int(),
});
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

export const MyResultSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: CompetitionStatusSchema,
  joined: z.boolean(),
  score: z.number().int(),
  correct: z.number().int(),
  answered: z.number().int(),
  questionCount: z.number().int(),
  rank: z.number().int().nullable(),
  participants: z.number().int(),
  myTeam: TeamStandingSchema.nullable(),
  teams: z.array(TeamStandingSchema),
  top: z.array(IndividualStandingSchema.pick({ rank: true, name: true, orgName: true, score: true })),
});
export type MyResult = z.infer<typeof MyResultSchema>;
