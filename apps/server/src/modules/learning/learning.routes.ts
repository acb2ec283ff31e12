import {
  CreateLearningCategoryBodySchema,
  HeartbeatBodySchema,
  HeartbeatResultSchema,
  IdParamsSchema,
  LearningCategorySchema,
  LearningContentBodySchema,
  LearningContentDetailSchema,
  LearningContentListQuerySchema,
  LearningContentPageSchema,
  LearningCourseBodySchema,
  LearningCourseSchema,
  LearningImageSchema,
  LearningPlanBodySchema,
  LearningPlanDetailSchema,
  LearningPlanSchema,
  LearningStatsQuerySchema,
  LearningStatsSchema,
  MyLearningCoursesSchema,
  RejectLearningContentBodySchema,
  RemindResultSchema,
  ReviewLearningContentBodySchema,
  StartStudyBodySchema,
  StudyRecordQuerySchema,
  StudyRecordSchema,
  StudySessionSchema,
  UpdateLearningContentBodySchema,
} from '@red-engine/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../file-store/index.js';
import type { OpenFile } from './learning.content.js';
import type { LearningModule } from './learning.module.js';
import { parseRange } from './learning.policy.js';

/**
 * Streams a file with HTTP range support (video seeking, PDF viewers). A range answers 206 with only those bytes;
 * the blob is read from its start and the bytes before the range skipped (the blob store streams whole blobs).
 */
async function sendFile(req: FastifyRequest, reply: FastifyReply, file: OpenFile, inline: boolean) {
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', `"${file.sha256}"`)
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      contentDisposition(file.name).replace(/^attachment/, inline ? 'inline' : 'attachment'),
    )
    .type(file.mime);
  // A PDF is shown inside the app's own pages (an iframe on the same origin); nothing else may frame it.
  if (file.mime === 'application/pdf')
    reply.header('x-frame-options', 'SAMEORIGIN').header('content-security-policy', "frame-ancestors 'self'");
  const range = parseRange(req.headers.range, file.size);
  if (range === 'unsatisfiable') {
    file.stream.destroy();
    return reply.code(416).header('content-range', `bytes */${file.size}`).send();
  }
  if (range === null) return reply.header('content-length', String(file.size)).send(file.stream);
  const { Readable } = await import('node:stream');
  const source = file.stream;
  let seen = 0;
  const part = Readable.from(
    (async function* () {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        const start = seen;
        seen += chunk.length;
        if (seen <= range.start) continue;
        if (start > range.end) break;
        yield chunk.subarray(Math.max(0, range.start - start), Math.min(chunk.length, range.end - start + 1));
        if (seen > range.end) break;
      }
      source.destroy();
    })(),
  );
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(part);
}

export const learningRoutes: FastifyPluginAsyncZod<{ learning: LearningModule }> = async (app, { learning: l }) => {
  const tags = ['learning'];
  const params = IdParamsSchema;
  const detail = { 200: LearningContentDetailSchema };
  const multipart = (description: string) => ({
    tags,
    params,
    consumes: ['multipart/form-data'],
    description,
    response: detail,
  });

  app.get('/learning/categories', { schema: { tags, response: { 200: z.array(LearningCategorySchema) } } }, () =>
    l.contents.categories(),
  );
  app.post(
    '/learning/categories',
    { schema: { tags, body: CreateLearningCategoryBodySchema, response: { 201: LearningCategorySchema } } },
    async (req, reply) => reply.code(201).send(await l.contents.createCategory(req.ctx, req.body)),
  );
  app.get(
    '/learning/contents',
    { schema: { tags, querystring: LearningContentListQuerySchema, response: { 200: LearningContentPageSchema } } },
    (req) => l.contents.list(req.ctx.actor!, req.query),
  );
  app.post(
    '/learning/contents',
    {
      schema: {
        tags,
        body: LearningContentBodySchema,
        description: 'A draft content; article HTML is sanitized on the server',
        response: { 201: LearningContentDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await l.contents.create(req.ctx, req.body)),
  );
  app.get('/learning/contents/:id', { schema: { tags, params, response: detail } }, (req) =>
    l.contents.get(req.ctx.actor!, req.params.id),
  );
  app.patch(
    '/learning/contents/:id',
    { schema: { tags, params, body: UpdateLearningContentBodySchema, response: detail } },
    (req) => l.contents.update(req.ctx, req.params.id, req.body),
  );
  app.post('/learning/contents/:id/submit', { schema: { tags, params, response: detail } }, (req) =>
    l.contents.submit(req.ctx, req.params.id),
  );
  app.post(
    '/learning/contents/:id/approve',
    {
      schema: {
        tags,
        params,
        body: ReviewLearningContentBodySchema,
        description: 'Publishes a content in review; the reviewer must not be its author',
        response: detail,
      },
    },
    (req) => l.contents.approve(req.ctx, req.params.id, req.body.note),
  );
  app.post(
    '/learning/contents/:id/reject',
    { schema: { tags, params, body: RejectLearningContentBodySchema, response: detail } },
    (req) => l.contents.reject(req.ctx, req.params.id, req.body.note),
  );
  app.post('/learning/contents/:id/withdraw', { schema: { tags, params, response: detail } }, (req) =>
    l.contents.withdraw(req.ctx, req.params.id),
  );
  app.post(
    '/learning/contents/:id/new-version',
    {
      schema: {
        tags,
        params,
        description: 'A draft of the next version of a published policy document',
        response: { 201: LearningContentDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await l.contents.newVersion(req.ctx, req.params.id)),
  );
  app.post(
    '/learning/contents/:id/file',
    {
      schema: multipart(
        'multipart/form-data: optional field `durationSeconds`, then one `file` — video: mp4/webm; document and policy: pdf. Type checked by content.',
      ),
    },
    (req) => l.contents.uploadFile(req.ctx, req.params.id, req),
  );
  app.get(
    '/learning/contents/:id/file',
    { schema: { tags, params, description: 'The file; supports Range' } },
    async (req, reply) => sendFile(req, reply, await l.contents.openFile(req.ctx.actor!, req.params.id), true),
  );
  app.post(
    '/learning/images',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'An image (jpg, png) for an article body',
        response: { 201: LearningImageSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await l.contents.uploadImage(req.ctx, req)),
  );
  app.get(
    '/learning/images/:sha256',
    {
      schema: {
        tags,
        params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 (64 hex digits)') }),
        description: 'An article image',
      },
    },
    async (req, reply) => sendFile(req, reply, await l.contents.openImage(req.params.sha256), true),
  );

  // Courses and plans
  app.get('/learning/courses', { schema: { tags, response: { 200: z.array(LearningCourseSchema) } } }, (req) =>
    l.courses.listCourses(req.ctx.actor!),
  );
  app.post(
    '/learning/courses',
    { schema: { tags, body: LearningCourseBodySchema, response: { 201: LearningCourseSchema } } },
    async (req, reply) => reply.code(201).send(await l.courses.createCourse(req.ctx, req.body)),
  );
  app.get('/learning/courses/:id', { schema: { tags, params, response: { 200: LearningCourseSchema } } }, (req) =>
    l.courses.getCourse(req.ctx.actor!, req.params.id),
  );
  app.get('/learning/plans', { schema: { tags, response: { 200: z.array(LearningPlanSchema) } } }, (req) =>
    l.courses.listPlans(req.ctx.actor!),
  );
  app.post(
    '/learning/plans',
    {
      schema: {
        tags,
        body: LearningPlanBodySchema,
        description: 'Assigns a course; the members of the plan are told at once',
        response: { 201: LearningPlanDetailSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await l.courses.createPlan(req.ctx, req.body)),
  );
  app.get('/learning/plans/:id', { schema: { tags, params, response: { 200: LearningPlanDetailSchema } } }, (req) =>
    l.courses.getPlan(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/learning/plans/:id/remind',
    {
      schema: {
        tags,
        params,
        description: 'Reminds the members in scope who have not completed',
        response: { 200: RemindResultSchema },
      },
    },
    (req) => l.courses.remindPlan(req.ctx, req.params.id),
  );

  // Statistics and records
  app.get(
    '/learning/stats',
    { schema: { tags, querystring: LearningStatsQuerySchema, response: { 200: LearningStatsSchema } } },
    (req) => l.stats.stats(req.ctx.actor!, req.query),
  );
  app.get(
    '/learning/stats/export',
    { schema: { tags, querystring: LearningStatsQuerySchema, description: 'The statistics as .xlsx (audited)' } },
    async (req, reply) => {
      const { year, bytes } = await l.stats.export(req.ctx, req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`学习统计-${year}.xlsx`))
        .send(bytes);
    },
  );
  app.get(
    '/members/:id/study-record',
    { schema: { tags, params, querystring: StudyRecordQuerySchema, response: { 200: StudyRecordSchema } } },
    (req) => l.study.memberRecord(req.ctx.actor!, req.params.id, req.query.year),
  );

  // The member's side (H5)
  app.get(
    '/me/learning/contents',
    { schema: { tags, querystring: LearningContentListQuerySchema, response: { 200: LearningContentPageSchema } } },
    (req) => l.contents.myList(req.ctx.actor!, req.query),
  );
  app.get('/me/learning/contents/:id', { schema: { tags, params, response: detail } }, (req) =>
    l.contents.myContent(req.ctx.actor!, req.params.id),
  );
  app.get(
    '/me/learning/contents/:id/file',
    { schema: { tags, params, description: 'The file; supports Range' } },
    async (req, reply) => sendFile(req, reply, await l.contents.myFile(req.ctx.actor!, req.params.id), true),
  );
  app.get('/me/learning/courses', { schema: { tags, response: { 200: MyLearningCoursesSchema } } }, async (req) =>
    l.courses.myCourses(await l.contents.myMember(req.ctx.actor!)),
  );
  app.post(
    '/me/learning/sessions',
    { schema: { tags, body: StartStudyBodySchema, response: { 201: StudySessionSchema } } },
    async (req, reply) => reply.code(201).send(await l.study.start(req.ctx, req.body)),
  );
  app.post(
    '/me/learning/sessions/:id/heartbeat',
    {
      schema: {
        tags,
        params,
        body: HeartbeatBodySchema,
        description:
          'Sent every 15 s while the page is visible and in use; credits at most the real time since the previous heartbeat',
        response: { 200: HeartbeatResultSchema },
      },
    },
    (req) => l.study.heartbeat(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/me/learning/record',
    { schema: { tags, querystring: StudyRecordQuerySchema, response: { 200: StudyRecordSchema } } },
    (req) => l.study.myRecord(req.ctx.actor!, req.query.year),
  );
};
