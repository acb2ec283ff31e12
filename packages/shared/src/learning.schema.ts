import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema, pageOf } from './common/pagination.js';
import { IsoDateSchema } from './member.schema.js';

/** 学习教育 (PRODUCT §3.5): contents, courses, study plans, study counted on the server, study records. */

export const LEARNING_CONTENT_KINDS = ['article', 'video', 'document', 'policy'] as const;
export const LearningContentKindSchema = z.enum(LEARNING_CONTENT_KINDS);
export type LearningContentKind = z.infer<typeof LearningContentKindSchema>;
export const LEARNING_CONTENT_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'withdrawn'] as const;
export const LearningContentStatusSchema = z.enum(LEARNING_CONTENT_STATUSES);
export type LearningContentStatus = z.infer<typeof LearningContentStatusSchema>;
export const LearningAudienceSchema = z.enum(['zone', 'orgs']);

const text = (max: number) => z.string().trim().min(1).max(max);
const YearSchema = z.coerce.number().int().min(2000).max(2100);

export const LearningCategorySchema = z.object({ id: z.string(), name: z.string(), sortOrder: z.number() });
export type LearningCategory = z.infer<typeof LearningCategorySchema>;
export const CreateLearningCategoryBodySchema = z.strictObject({
  name: text(40).refine((s) => !s.includes('\uFFFD'), '含有无法识别的字符 / Contains unreadable characters'),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});

export const LearningContentBodySchema = z.strictObject({
  kind: LearningContentKindSchema,
  title: text(200),
  summary: z.string().trim().max(1000).default(''),
  bodyHtml: z
    .string()
    .max(500_000)
    .default('')
    .describe('HTML; sanitized on the server (scripts, handlers, iframes removed)'),
  categoryId: IdSchema.nullable().optional(),
  tags: z.array(text(20)).max(10).default([]),
  /** The organization that owns (manages) the content. */
  orgId: IdSchema,
  audience: LearningAudienceSchema.default('zone'),
  targetOrgIds: z.array(IdSchema).max(200).default([]),
  durationSeconds: z.number().int().min(1).max(86_400).nullable().optional(),
  docNumber: z.string().trim().max(100).nullable().optional(),
});
export type LearningContentBody = z.infer<typeof LearningContentBodySchema>;
export const UpdateLearningContentBodySchema = LearningContentBodySchema.omit({ kind: true, orgId: true }).partial();
export type UpdateLearningContentBody = z.infer<typeof UpdateLearningContentBodySchema>;

export const ReviewLearningContentBodySchema = z.strictObject({ note: z.string().trim().max(500).optional() });
export const RejectLearningContentBodySchema = z.strictObject({ note: text(500) });

export const LearningContentListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(50).optional().describe('标题或正文包含'),
  kind: LearningContentKindSchema.optional(),
  status: LearningContentStatusSchema.optional(),
  categoryId: IdSchema.optional(),
  tag: z.string().trim().max(20).optional(),
});
export type LearningContentListQuery = z.infer<typeof LearningContentListQuerySchema>;

export const LearningContentSummarySchema = z.object({
  id: z.string(),
  kind: LearningContentKindSchema,
  title: z.string(),
  summary: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  status: LearningContentStatusSchema,
  audience: LearningAudienceSchema,
  orgId: z.string(),
  orgName: z.string(),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  version: z.number(),
  docNumber: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  hasFile: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type LearningContentSummary = z.infer<typeof LearningContentSummarySchema>;
export const LearningContentPageSchema = pageOf(LearningContentSummarySchema);

export const LearningContentDetailSchema = LearningContentSummarySchema.extend({
  bodyHtml: z.string(),
  authorId: z.string(),
  reviewNote: z.string().nullable(),
  seriesId: z.string().nullable(),
  fileName: z.string().nullable(),
  fileMime: z.string().nullable(),
  fileSize: z.number().nullable(),
  fileUrl: z.string().nullable(),
  targets: z.array(z.object({ orgId: z.string(), orgName: z.string() })),
  versions: z.array(z.object({ id: z.string(), version: z.number(), status: LearningContentStatusSchema })),
  /** For a member: seconds credited on this content so far. */
  myCreditedSeconds: z.number().optional(),
});
export type LearningContentDetail = z.infer<typeof LearningContentDetailSchema>;

export const LearningImageSchema = z.object({ sha256: z.string(), url: z.string() });

// ---------------------------------------------------------------------------------------------------------------
// Courses and plans

export const LessonBodySchema = z.strictObject({
  contentId: IdSchema,
  title: z.string().trim().max(200).optional(),
  requiredMinutes: z.number().min(0.5).max(600).describe('Required study time in minutes (0.5 … 600)'),
});
export const LearningCourseBodySchema = z.strictObject({
  title: text(200),
  description: z.string().trim().max(2000).default(''),
  orgId: IdSchema,
  lessons: z.array(LessonBodySchema).min(1).max(100),
});
export type LearningCourseBody = z.infer<typeof LearningCourseBodySchema>;

export const LearningLessonSchema = z.object({
  id: z.string(),
  position: z.number(),
  contentId: z.string(),
  contentKind: LearningContentKindSchema,
  title: z.string(),
  requiredSeconds: z.number(),
  /** For a member: credited so far and when it was completed. */
  creditedSeconds: z.number().optional(),
  completedAt: z.string().nullable().optional(),
});
export const LearningCourseSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  lessons: z.array(LearningLessonSchema),
});
export type LearningCourse = z.infer<typeof LearningCourseSchema>;

export const LearningPlanBodySchema = z
  .strictObject({
    title: text(200),
    courseId: IdSchema,
    orgId: IdSchema,
    startsOn: IsoDateSchema,
    dueOn: IsoDateSchema,
    targetOrgIds: z.array(IdSchema).max(200).default([]),
    targetMemberIds: z.array(IdSchema).max(2000).default([]),
  })
  .refine((b) => b.dueOn >= b.startsOn, {
    path: ['dueOn'],
    message: '截止日期不能早于开始日期 / The due date is before the start',
  })
  .refine((b) => b.targetOrgIds.length + b.targetMemberIds.length > 0, {
    path: ['targetOrgIds'],
    message: '请选择学习对象 / Choose who the plan is for',
  });
export type LearningPlanBody = z.infer<typeof LearningPlanBodySchema>;

export const LearningPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  createdByName: z.string(),
  lastRemindedAt: z.string().nullable(),
  targets: z.array(z.object({ orgId: z.string().nullable(), memberId: z.string().nullable(), name: z.string() })),
  assigned: z.number(),
  completed: z.number(),
});
export type LearningPlan = z.infer<typeof LearningPlanSchema>;

export const LearningPlanMemberSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  lessonsDone: z.number(),
  lessonsTotal: z.number(),
  creditedSeconds: z.number(),
  completedAt: z.string().nullable(),
});
export const LearningPlanDetailSchema = LearningPlanSchema.extend({ members: z.array(LearningPlanMemberSchema) });
export type LearningPlanDetail = z.infer<typeof LearningPlanDetailSchema>;

export const RemindResultSchema = z.object({ reminded: z.number() });

// ---------------------------------------------------------------------------------------------------------------
// Study sessions

export const StartStudyBodySchema = z.strictObject({ contentId: IdSchema, lessonId: IdSchema.optional() });
export const StudySessionSchema = z.object({
  id: z.string(),
  contentId: z.string(),
  lessonId: z.string().nullable(),
  creditedSeconds: z.number(),
  contentCreditedSeconds: z.number(),
  todayCreditedSeconds: z.number(),
  dailyCapSeconds: z.number(),
  heartbeatSeconds: z.number().describe('How often the page should send a heartbeat'),
});
export const HeartbeatBodySchema = z.strictObject({
  visible: z.boolean(),
  active: z.boolean(),
  position: z.number().min(0).max(1_000_000).describe('Video: seconds; other kinds: scroll fraction 0…1'),
});
export const HeartbeatResultSchema = z.object({
  credited: z.number(),
  refusal: z.string().nullable(),
  sessionCreditedSeconds: z.number(),
  contentCreditedSeconds: z.number(),
  todayCreditedSeconds: z.number(),
  dailyCapSeconds: z.number(),
  lessonRequiredSeconds: z.number().nullable(),
  lessonCompleted: z.boolean(),
});
export type HeartbeatResult = z.infer<typeof HeartbeatResultSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Records and statistics

export const StudyRecordQuerySchema = z.object({ year: YearSchema.optional() });
export const StudyRecordSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  year: z.number(),
  onlineSeconds: z.number(),
  offlineSeconds: z.number(),
  days: z.array(z.object({ day: z.string(), seconds: z.number() })),
  offline: z.array(
    z.object({
      meetingId: z.string(),
      title: z.string(),
      startsAt: z.string(),
      seconds: z.number(),
      status: z.string(),
    }),
  ),
  lessonsCompleted: z.number(),
});
export type StudyRecord = z.infer<typeof StudyRecordSchema>;

export const LearningStatsQuerySchema = PageQuerySchema.extend({
  year: YearSchema.optional(),
  orgId: IdSchema.optional(),
  q: z.string().trim().max(50).optional(),
});
export const LearningStatsRowSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  onlineSeconds: z.number(),
  offlineSeconds: z.number(),
  studyDays: z.number(),
  lessonsCompleted: z.number(),
});
export const LearningStatsSchema = pageOf(LearningStatsRowSchema).extend({
  year: z.number(),
  totals: z.object({ members: z.number(), onlineSeconds: z.number(), offlineSeconds: z.number(), studied: z.number() }),
});
export type LearningStats = z.infer<typeof LearningStatsSchema>;

export const MyLearningCoursesSchema = z.array(
  LearningCourseSchema.extend({
    planId: z.string().nullable(),
    planTitle: z.string().nullable(),
    dueOn: z.string().nullable(),
  }),
);
