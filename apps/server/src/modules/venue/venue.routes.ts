import {
  CreateVenueBodySchema,
  IdParamsSchema,
  ListVenuesQuerySchema,
  pageOf,
  UpdateVenueBodySchema,
  VenueSchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VenueService } from './venue.service.js';

export const venueRoutes: FastifyPluginAsyncZod<{ venues: VenueService }> = async (app, { venues }) => {
  const tags = ['venues'];
  const params = IdParamsSchema;
  app.get(
    '/venues',
    { schema: { tags, querystring: ListVenuesQuerySchema, response: { 200: pageOf(VenueSchema) } } },
    (req) => venues.list(req.ctx.actor!, req.query),
  );
  app.get('/venues/:id', { schema: { tags, params, response: { 200: VenueSchema } } }, (req) =>
    venues.get(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/venues',
    { schema: { tags, body: CreateVenueBodySchema, response: { 201: VenueSchema } } },
    async (req, reply) => reply.code(201).send(await venues.create(req.ctx, req.body)),
  );
  app.patch(
    '/venues/:id',
    { schema: { tags, params, body: UpdateVenueBodySchema, response: { 200: VenueSchema } } },
    (req) => venues.update(req.ctx, req.params.id, req.body),
  );
  app.delete('/venues/:id', { schema: { tags, params, response: { 204: z.null() } } }, async (req, reply) => {
    await venues.remove(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
};
