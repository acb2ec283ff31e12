import {
  AttemptResultSchema,
  AttemptSchema,
  BankImportQuerySchema,
  BankImportReportSchema,
  BankSchema,
  CreateBankBodySchema,
  CreateExamBodySchema,
  ExamOverrideBodySchema,
  ExamResultsSchema,
  ExamSchema,
  IdParamsSchema,
  ListBanksQuerySchema,
  ListExamsQuerySchema,
  ListQuestionsQuerySchema,
  MyExamSchema,
  pageOf,
  QuestionBodySchema,
  QuestionSchema,
  SaveAnswerBodySchema,
  SavedAnswerSchema,
  UpdateBankBodySchema,
  UpdateExamBodySchema,
} from '@red-engine/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { EXAM_MESSAGES } from './exam.messages.js';
import type { ExamModule } from './index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, file: Buffer, name: string, ascii: string) {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(file);
}

/** The one uploaded .xlsx of a multipart request. */
async function uploadedXlsx(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.unsupportedMediaType);
  let data: Buffer;
  try {
    const part = await req.file();
    if (!part) throw fieldError('body.file', EXAM_MESSAGES.importNoFile);
    data = await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('PAYLOAD_TOO_LARGE', MESSAGES.payloadTooLarge);
    throw fieldError('body.file', EXAM_MESSAGES.importNoFile);
  }
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50)
    throw fieldError('body.file', EXAM_MESSAGES.importNotXlsx);
  return data;
}

/** 题库 and 考试/测验: console routes under /question-banks, /questions, /exams; the member's under /me/exams. */
export const examRoutes: FastifyPluginAsyncZod<ExamModule> = async (app, m) => {
  const tags = ['exam'];
  const params = IdParamsSchema;
  const actor = (req: FastifyRequest) => req.ctx.actor!;

  // ---- banks
  app.get(
    '/question-banks',
    { schema: { tags, querystring: ListBanksQuerySchema, response: { 200: pageOf(BankSchema) } } },
    (req) => m.banks.list(actor(req), req.query),
  );
  app.post(
    '/question-banks',
    { schema: { tags, body: CreateBankBodySchema, response: { 201: BankSchema } } },
    async (req, reply) => reply.code(201).send(await m.banks.create(req.ctx, req.body)),
  );
  app.get(
    '/question-banks/import-template',
    { schema: { tags, description: 'The question import template (.xlsx) with notes' } },
    async (_req, reply) => sendXlsx(reply, await m.imports.template(), '试题导入模板.xlsx', 'questions-template.xlsx'),
  );
  app.get('/question-banks/:id', { schema: { tags, params, response: { 200: BankSchema } } }, (req) =>
    m.banks.get(actor(req), req.params.id),
  );
  app.patch(
    '/question-banks/:id',
    { schema: { tags, params, body: UpdateBankBodySchema, response: { 200: BankSchema } } },
    (req) => m.banks.update(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/questions',
    { schema: { tags, querystring: ListQuestionsQuerySchema, response: { 200: pageOf(QuestionSchema) } } },
    (req) => m.banks.questions(actor(req), req.query),
  );
  app.post(
    '/question-banks/:id/questions',
    { schema: { tags, params, body: QuestionBodySchema, response: { 201: QuestionSchema } } },
    async (req, reply) => reply.code(201).send(await m.banks.createQuestion(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/question-banks/:id/import',
    {
      schema: {
        tags,
        params,
        querystring: BankImportQuerySchema,
        description:
          'Upload a workbook (multipart/form-data, field "file"). dryRun=true (default) reports every bad row (row, column, message) and what would change; dryRun=false writes all new rows or, if any row is bad, none. Rows the bank already holds are unchanged.',
        response: { 200: BankImportReportSchema },
      },
    },
    async (req) => {
      // Scope first: an out-of-scope bank answers 404 whatever was uploaded.
      await m.imports.assertBank(req.ctx, req.params.id);
      return m.imports.run(req.ctx, req.params.id, await uploadedXlsx(req), req.query.dryRun);
    },
  );
  app.get('/questions/:id', { schema: { tags, params, response: { 200: QuestionSchema } } }, (req) =>
    m.banks.getQuestion(actor(req), req.params.id),
  );
  app.put(
    '/questions/:id',
    { schema: { tags, params, body: QuestionBodySchema, response: { 200: QuestionSchema } } },
    (req) => m.banks.updateQuestion(req.ctx, req.params.id, req.body),
  );
  app.delete('/questions/:id', { schema: { tags, params } }, async (req, reply) => {
    await m.banks.retireQuestion(req.ctx, req.params.id);
    return reply.code(204).send();
  });

  // ---- exams (console)
  app.get(
    '/exams',
    { schema: { tags, querystring: ListExamsQuerySchema, response: { 200: pageOf(ExamSchema) } } },
    (req) => m.exams.list(actor(req), req.query),
  );
  app.post(
    '/exams',
    { schema: { tags, body: CreateExamBodySchema, response: { 201: ExamSchema } } },
    async (req, reply) => reply.code(201).send(await m.exams.create(req.ctx, req.body)),
  );
  app.get('/exams/:id', { schema: { tags, params, response: { 200: ExamSchema } } }, (req) =>
    m.exams.get(actor(req), req.params.id),
  );
  app.patch(
    '/exams/:id',
    { schema: { tags, params, body: UpdateExamBodySchema, response: { 200: ExamSchema } } },
    (req) => m.exams.update(req.ctx, req.params.id, req.body),
  );
  app.post('/exams/:id/publish', { schema: { tags, params, response: { 200: ExamSchema } } }, (req) =>
    m.exams.publish(req.ctx, req.params.id),
  );
  app.post('/exams/:id/close', { schema: { tags, params, response: { 200: ExamSchema } } }, (req) =>
    m.exams.close(req.ctx, req.params.id),
  );
  app.put(
    '/exams/:id/overrides',
    {
      schema: {
        tags,
        params,
        body: ExamOverrideBodySchema,
        description: 'Extra attempts and minutes for one member of the audience; 0 and 0 remove the override',
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    (req) => m.exams.setOverride(req.ctx, req.params.id, req.body),
  );
  app.get('/exams/:id/results', { schema: { tags, params, response: { 200: ExamResultsSchema } } }, (req) =>
    m.exams.results(actor(req), req.params.id),
  );
  app.get(
    '/exams/:id/results/export',
    { schema: { tags, params, description: 'The attempts of an exam as xlsx' } },
    async (req, reply) => {
      const { file, name, ascii } = await m.exams.exportResults(req.ctx, req.params.id);
      return sendXlsx(reply, file, name, ascii);
    },
  );

  // ---- the member's side (H5)
  app.get('/me/exams', { schema: { tags, response: { 200: z.array(MyExamSchema) } } }, (req) =>
    m.attempts.myExams(req.ctx),
  );
  app.post(
    '/me/exams/:id/attempts',
    {
      schema: {
        tags,
        params,
        description: 'Starts an attempt, or resumes the one in progress',
        response: { 200: AttemptSchema },
      },
    },
    (req) => m.attempts.start(req.ctx, req.params.id),
  );
  app.put(
    '/me/exams/:id/answers',
    {
      schema: {
        tags,
        params,
        body: SaveAnswerBodySchema,
        description: 'Autosave one answer of the attempt in progress; refused (EXAM_TIME_UP) after the deadline',
        response: { 200: SavedAnswerSchema },
      },
    },
    (req) => m.attempts.saveAnswer(req.ctx, req.params.id, req.body.questionId, req.body.answer),
  );
  app.post(
    '/me/exams/:id/submit',
    {
      schema: {
        tags,
        params,
        description: 'Submit the attempt in progress (until deadline + grace)',
        response: { 200: AttemptResultSchema },
      },
    },
    (req) => m.attempts.submit(req.ctx, req.params.id),
  );
  app.get(
    '/me/exams/:id/results',
    {
      schema: {
        tags,
        params,
        description: 'My finished attempts, latest first',
        response: { 200: z.array(AttemptResultSchema) },
      },
    },
    (req) => m.attempts.results(req.ctx, req.params.id),
  );
};
