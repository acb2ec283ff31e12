import {
  ActivityTypeCodeParamsSchema,
  ActivityTypeSchema,
  ComplianceOrgsQuerySchema,
  ComplianceOverviewSchema,
  ComplianceRuleSchema,
  ComplianceRulesSchema,
  ComplianceWarningSchema,
  ComplianceWarningsQuerySchema,
  CreateActivityTypeStrictBodySchema,
  CreateComplianceRuleBodySchema,
  IdParamsSchema,
  MeetingCalendarQuerySchema,
  MeetingCalendarSchema,
  pageOf,
  UpdateActivityTypeStrictBodySchema,
  UpdateComplianceRuleBodySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ComplianceService } from './compliance.service.js';

/** 三会一课 compliance, its rules, activity type administration, and the meetings calendar. */
export const complianceRoutes: FastifyPluginAsyncZod<{ compliance: ComplianceService }> = async (
  app,
  { compliance: s },
) => {
  const tags = ['compliance'];

  app.get('/compliance/rules', { schema: { tags, response: { 200: ComplianceRulesSchema } } }, () => s.rules());
  app.post(
    '/compliance/rules',
    { schema: { tags, body: CreateComplianceRuleBodySchema, response: { 201: ComplianceRuleSchema } } },
    async (req, reply) => reply.code(201).send(await s.createRule(req.ctx, req.body)),
  );
  app.patch(
    '/compliance/rules/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateComplianceRuleBodySchema,
        response: { 200: ComplianceRuleSchema },
      },
    },
    (req) => s.updateRule(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/activity-types',
    { schema: { tags, body: CreateActivityTypeStrictBodySchema, response: { 201: ActivityTypeSchema } } },
    async (req, reply) => reply.code(201).send(await s.createActivityType(req.ctx, req.body)),
  );
  app.patch(
    '/activity-types/:code',
    {
      schema: {
        tags,
        params: ActivityTypeCodeParamsSchema,
        body: UpdateActivityTypeStrictBodySchema,
        response: { 200: ActivityTypeSchema },
      },
    },
    (req) => s.updateActivityType(req.ctx, req.params.code, req.body),
  );

  app.get(
    '/compliance/orgs',
    { schema: { tags, querystring: ComplianceOrgsQuerySchema, response: { 200: ComplianceOverviewSchema } } },
    (req) => s.overview(req.ctx.actor!, req.query),
  );
  app.get(
    '/compliance/warnings',
    {
      schema: { tags, querystring: ComplianceWarningsQuerySchema, response: { 200: pageOf(ComplianceWarningSchema) } },
    },
    (req) => s.warnings(req.ctx.actor!, req.query),
  );
  app.get(
    '/meetings/calendar',
    { schema: { tags, querystring: MeetingCalendarQuerySchema, response: { 200: MeetingCalendarSchema } } },
    (req) => s.calendar(req.ctx.actor!, req.query),
  );
};
