import {
  CreateUnitBodySchema,
  IdParamsSchema,
  ListUnitsQuerySchema,
  pageOf,
  SetOrgUnitsBodySchema,
  UnitCoverageSchema,
  UnitSchema,
  UpdateUnitBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UnitService } from './unit.service.js';

export const unitRoutes: FastifyPluginAsyncZod<{ units: UnitService }> = async (app, { units }) => {
  const tags = ['units'];
  const params = IdParamsSchema;
  app.get(
    '/units',
    { schema: { tags, querystring: ListUnitsQuerySchema, response: { 200: pageOf(UnitSchema) } } },
    (req) => units.list(req.ctx.actor!, req.query),
  );
  app.get('/units/coverage', { schema: { tags, response: { 200: UnitCoverageSchema } } }, (req) =>
    units.coverage(req.ctx.actor!),
  );
  app.get('/units/:id', { schema: { tags, params, response: { 200: UnitSchema } } }, (req) =>
    units.get(req.ctx.actor!, req.params.id),
  );
  app.post(
    '/units',
    { schema: { tags, body: CreateUnitBodySchema, response: { 201: UnitSchema } } },
    async (req, reply) => reply.code(201).send(await units.create(req.ctx, req.body)),
  );
  app.patch(
    '/units/:id',
    { schema: { tags, params, body: UpdateUnitBodySchema, response: { 200: UnitSchema } } },
    (req) => units.update(req.ctx, req.params.id, req.body),
  );
  app.delete('/units/:id', { schema: { tags, params, response: { 204: z.null() } } }, async (req, reply) => {
    await units.remove(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
  app.get('/orgs/:id/units', { schema: { tags, params, response: { 200: z.array(UnitSchema) } } }, (req) =>
    units.unitsOfOrg(req.ctx.actor!, req.params.id),
  );
  app.put(
    '/orgs/:id/units',
    { schema: { tags, params, body: SetOrgUnitsBodySchema, response: { 200: z.array(UnitSchema) } } },
    (req) => units.setOrgUnits(req.ctx, req.params.id, req.body),
  );
};
