import {
  CancelClaimBodySchema,
  ClaimSchema,
  CloseNeedBodySchema,
  CommunityRulesSchema,
  CommunitySchema,
  CompleteClaimBodySchema,
  ConfirmClaimBodySchema,
  CreateMemberReportBodySchema,
  CreateNeedBodySchema,
  CreateOrgReportBodySchema,
  IdParamsSchema,
  ListClaimsQuerySchema,
  ListMemberReportsQuerySchema,
  ListMemberStatsQuerySchema,
  ListNeedsQuerySchema,
  ListNotReportedQuerySchema,
  ListOrgReportsQuerySchema,
  MemberReportSchema,
  MemberServiceStatsSchema,
  MyCommunityServiceSchema,
  MyReportBodySchema,
  NeedDetailSchema,
  NeedSchema,
  NotReportedSchema,
  OrgReportSchema,
  OrgServiceStatsListSchema,
  pageOf,
  RenewReportBodySchema,
  WithdrawMemberReportBodySchema,
  WithdrawOrgReportBodySchema,
  YearQuerySchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommunityServiceService } from './community-service.service.js';

/** 双报到: console routes under /community-service, the member's own under /me (H5). */
export const communityServiceRoutes: FastifyPluginAsyncZod<{ community: CommunityServiceService }> = async (
  app,
  { community: s },
) => {
  const tags = ['community-service'];
  const params = IdParamsSchema;
  const P = '/community-service';

  app.get(`${P}/communities`, { schema: { tags, response: { 200: z.array(CommunitySchema) } } }, (req) =>
    s.communities(req.ctx.actor!),
  );
  app.get(`${P}/rules`, { schema: { tags, response: { 200: CommunityRulesSchema } } }, () => s.rules());

  app.get(
    `${P}/member-reports`,
    { schema: { tags, querystring: ListMemberReportsQuerySchema, response: { 200: pageOf(MemberReportSchema) } } },
    (req) => s.listMemberReports(req.ctx.actor!, req.query),
  );
  app.post(
    `${P}/member-reports`,
    { schema: { tags, body: CreateMemberReportBodySchema, response: { 201: MemberReportSchema } } },
    async (req, reply) => reply.code(201).send(await s.createMemberReport(req.ctx, req.body)),
  );
  app.post(
    `${P}/member-reports/:id/renew`,
    { schema: { tags, params, body: RenewReportBodySchema, response: { 200: MemberReportSchema } } },
    (req) => s.renewMemberReport(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${P}/member-reports/:id/withdraw`,
    { schema: { tags, params, body: WithdrawMemberReportBodySchema, response: { 200: MemberReportSchema } } },
    (req) => s.withdrawMemberReport(req.ctx, req.params.id, req.body),
  );

  app.get(
    `${P}/org-reports`,
    { schema: { tags, querystring: ListOrgReportsQuerySchema, response: { 200: pageOf(OrgReportSchema) } } },
    (req) => s.listOrgReports(req.ctx.actor!, req.query),
  );
  app.post(
    `${P}/org-reports`,
    { schema: { tags, body: CreateOrgReportBodySchema, response: { 201: OrgReportSchema } } },
    async (req, reply) => reply.code(201).send(await s.createOrgReport(req.ctx, req.body)),
  );
  app.post(
    `${P}/org-reports/:id/withdraw`,
    { schema: { tags, params, body: WithdrawOrgReportBodySchema, response: { 200: OrgReportSchema } } },
    (req) => s.withdrawOrgReport(req.ctx, req.params.id, req.body),
  );

  app.get(
    `${P}/needs`,
    { schema: { tags, querystring: ListNeedsQuerySchema, response: { 200: pageOf(NeedSchema) } } },
    (req) => s.listNeeds(req.ctx.actor!, req.query),
  );
  app.get(`${P}/needs/:id`, { schema: { tags, params, response: { 200: NeedDetailSchema } } }, (req) =>
    s.getNeed(req.ctx.actor!, req.params.id),
  );
  app.post(
    `${P}/needs`,
    { schema: { tags, body: CreateNeedBodySchema, response: { 201: NeedSchema } } },
    async (req, reply) => reply.code(201).send(await s.createNeed(req.ctx, req.body)),
  );
  app.post(
    `${P}/needs/:id/close`,
    { schema: { tags, params, body: CloseNeedBodySchema, response: { 200: NeedSchema } } },
    (req) => s.closeNeed(req.ctx, req.params.id, req.body),
  );

  app.get(
    `${P}/claims`,
    { schema: { tags, querystring: ListClaimsQuerySchema, response: { 200: pageOf(ClaimSchema) } } },
    (req) => s.listClaims(req.ctx.actor!, req.query),
  );
  app.post(
    `${P}/claims/:id/confirm`,
    { schema: { tags, params, body: ConfirmClaimBodySchema, response: { 200: ClaimSchema } } },
    (req) => s.confirmClaim(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${P}/claims/:id/cancel`,
    { schema: { tags, params, body: CancelClaimBodySchema, response: { 200: ClaimSchema } } },
    (req) => s.cancelClaimAsAdmin(req.ctx, req.params.id, req.body),
  );

  app.get(
    `${P}/stats/orgs`,
    { schema: { tags, querystring: YearQuerySchema, response: { 200: OrgServiceStatsListSchema } } },
    (req) => s.orgStats(req.ctx.actor!, req.query),
  );
  app.get(
    `${P}/stats/members`,
    { schema: { tags, querystring: ListMemberStatsQuerySchema, response: { 200: pageOf(MemberServiceStatsSchema) } } },
    (req) => s.memberStats(req.ctx.actor!, req.query),
  );
  app.get(
    `${P}/not-reported`,
    { schema: { tags, querystring: ListNotReportedQuerySchema, response: { 200: pageOf(NotReportedSchema) } } },
    (req) => s.notReported(req.ctx.actor!, req.query),
  );

  // H5: always the member linked to the logged-in account.
  app.get('/me/community-service', { schema: { tags, response: { 200: MyCommunityServiceSchema } } }, (req) =>
    s.mine(req.ctx.actor!),
  );
  app.post(
    '/me/community-report',
    { schema: { tags, body: MyReportBodySchema, response: { 201: MemberReportSchema } } },
    async (req, reply) => reply.code(201).send(await s.reportMine(req.ctx, req.body)),
  );
  app.post('/me/community-report/renew', { schema: { tags, response: { 200: MemberReportSchema } } }, (req) =>
    s.renewMine(req.ctx),
  );
  app.post(
    '/me/community-report/withdraw',
    { schema: { tags, body: WithdrawMemberReportBodySchema, response: { 200: MemberReportSchema } } },
    (req) => s.withdrawMine(req.ctx, req.body),
  );
  app.get(
    '/me/community-needs',
    { schema: { tags, querystring: ListNeedsQuerySchema, response: { 200: pageOf(NeedSchema) } } },
    (req) => s.myNeeds(req.ctx.actor!, req.query),
  );
  app.post(
    '/me/community-needs/:id/claim',
    { schema: { tags, params, response: { 201: ClaimSchema } } },
    async (req, reply) => reply.code(201).send(await s.claimMine(req.ctx, req.params.id)),
  );
  app.get(
    '/me/community-claims',
    { schema: { tags, querystring: ListClaimsQuerySchema, response: { 200: pageOf(ClaimSchema) } } },
    (req) => s.myClaims(req.ctx.actor!, req.query),
  );
  app.post(
    '/me/community-claims/:id/complete',
    { schema: { tags, params, body: CompleteClaimBodySchema, response: { 200: ClaimSchema } } },
    (req) => s.completeMine(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/me/community-claims/:id/cancel',
    { schema: { tags, params, body: CancelClaimBodySchema, response: { 200: ClaimSchema } } },
    (req) => s.cancelMine(req.ctx, req.params.id, req.body),
  );
};
