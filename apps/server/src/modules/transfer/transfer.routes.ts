import {
  ApproveTransferBodySchema,
  CreateTransferBodySchema,
  IdParamsSchema,
  ListTransfersQuerySchema,
  pageOf,
  RejectTransferBodySchema,
  RevokeTransferBodySchema,
  TransferLetterSchema,
  TransferReceiptBodySchema,
  TransferSchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TransferService } from './transfer.service.js';

export const transferRoutes: FastifyPluginAsyncZod<{ transfers: TransferService }> = async (app, { transfers }) => {
  const tags = ['transfers'];
  const params = IdParamsSchema;
  const one = { 200: TransferSchema };
  app.get(
    '/transfers',
    { schema: { tags, querystring: ListTransfersQuerySchema, response: { 200: pageOf(TransferSchema) } } },
    (req) => transfers.list(req.ctx.actor!, req.query),
  );
  app.get(
    '/me/transfers',
    {
      schema: { tags, description: "The logged-in member's own transfers", response: { 200: z.array(TransferSchema) } },
    },
    (req) => transfers.mine(req.ctx.actor!),
  );
  app.get('/transfers/:id', { schema: { tags, params, response: one } }, (req) =>
    transfers.get(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/transfers',
    { schema: { tags, body: CreateTransferBodySchema, response: { 201: TransferSchema } } },
    async (req, reply) => reply.code(201).send(await transfers.create(req.ctx, req.body)),
  );
  app.post(
    '/transfers/:id/approve',
    { schema: { tags, params, body: ApproveTransferBodySchema, response: one } },
    (req) => transfers.approve(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/transfers/:id/reject',
    { schema: { tags, params, body: RejectTransferBodySchema, response: one } },
    (req) => transfers.reject(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/transfers/:id/revoke',
    { schema: { tags, params, body: RevokeTransferBodySchema, response: one } },
    (req) => transfers.revoke(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/transfers/:id/receipt',
    { schema: { tags, params, body: TransferReceiptBodySchema, response: one } },
    (req) => transfers.receipt(req.ctx, req.params.id, req.body),
  );
  app.get('/transfers/:id/letter', { schema: { tags, params, response: { 200: TransferLetterSchema } } }, (req) =>
    transfers.letter(req.ctx, req.params.id),
  );
  app.get(
    '/transfers/:id/letter.html',
    {
      schema: {
        tags,
        params,
        description: 'The letter as a printable, self-contained A4 HTML page (存根 / 主件 / 回执)',
        response: { 200: z.string() },
      },
    },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await transfers.letterHtml(req.ctx, req.params.id)),
  );
};
