import {
  AnswerBodySchema,
  AnswerResultSchema,
  CompetitionBoardSchema,
  CompetitionDetailSchema,
  CompetitionResultsSchema,
  CompetitionSchema,
  CreateCompetitionBodySchema,
  IdParamsSchema,
  ListCompetitionsQuerySchema,
  MyCompetitionSchema,
  MyResultSchema,
  PlayStateSchema,
  pageOf,
  UpdateCompetitionBodySchema,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../file-store/index.js';
import type { CompetitionModule } from './index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 知识竞赛: console routes under /competitions, the member's own under /me/competitions. */
export const competitionRoutes: FastifyPluginAsyncZod<CompetitionModule> = async (app, m) => {
  const tags = ['competition'];
  const params = IdParamsSchema;
  const actor = (req: FastifyRequest) => req.ctx.actor!;
  const detail = { 200: CompetitionDetailSchema };

  app.get(
    '/competitions',
    { schema: { tags, querystring: ListCompetitionsQuerySchema, response: { 200: pageOf(CompetitionSchema) } } },
    (req) => m.setup.list(actor(req), req.query),
  );
  app.post(
    '/competitions',
    { schema: { tags, body: CreateCompetitionBodySchema, response: { 201: CompetitionDetailSchema } } },
    async (req, reply) => reply.code(201).send(await m.setup.create(req.ctx, req.body)),
  );
  app.get('/competitions/:id', { schema: { tags, params, response: detail } }, (req) =>
    m.setup.get(actor(req), req.params.id),
  );
  app.patch(
    '/competitions/:id',
    { schema: { tags, params, body: UpdateCompetitionBodySchema, response: detail } },
    (req) => m.setup.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/competitions/:id/schedule',
    { schema: { tags, params, description: 'Draws the questions and publishes the competition', response: detail } },
    (req) => m.setup.schedule(req.ctx, req.params.id),
  );
  app.post('/competitions/:id/cancel', { schema: { tags, params, response: detail } }, (req) =>
    m.setup.cancel(req.ctx, req.params.id),
  );
  app.get(
    '/competitions/:id/board',
    {
      schema: {
        tags,
        params,
        description: 'The live board (poll every few seconds)',
        response: { 200: CompetitionBoardSchema },
      },
    },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await m.standings.board(actor(req), req.params.id)),
  );
  app.get(
    '/competitions/:id/results',
    { schema: { tags, params, response: { 200: CompetitionResultsSchema } } },
    (req) => m.standings.results(actor(req), req.params.id),
  );
  app.get(
    '/competitions/:id/export',
    { schema: { tags, params, description: 'Individual and team standings with anomaly flags, as xlsx' } },
    async (req, reply) => {
      const { file, name } = await m.exports.xlsx(req.ctx, req.params.id);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.get('/me/competitions', { schema: { tags, response: { 200: z.array(MyCompetitionSchema) } } }, (req) =>
    m.play.mine(actor(req)),
  );
  app.post('/me/competitions/:id/join', { schema: { tags, params, response: { 200: PlayStateSchema } } }, (req) =>
    m.play.join(req.ctx, req.params.id),
  );
  app.post(
    '/me/competitions/:id/play',
    {
      schema: {
        tags,
        params,
        description: 'The current question (opens the next one); lobby / waiting states carry retryAfterMs',
        response: { 200: PlayStateSchema },
      },
    },
    (req) => m.play.play(req.ctx, req.params.id),
  );
  app.post(
    '/me/competitions/:id/answers',
    { schema: { tags, params, body: AnswerBodySchema, response: { 200: AnswerResultSchema } } },
    (req) => m.play.answer(req.ctx, req.params.id, req.body),
  );
  app.get('/me/competitions/:id/result', { schema: { tags, params, response: { 200: MyResultSchema } } }, (req) =>
    m.standings.mine(actor(req), req.params.id),
  );
};
