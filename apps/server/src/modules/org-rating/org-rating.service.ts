import {
  type CreateRatingCampaignBody,
  type FinalizeRatingCampaignResult,
  type MyOrgRating,
  type OrgRatingDetail,
  type OrgStarHistory,
  type Page,
  type RatingBoard,
  type RatingBoardQuery,
  type RatingCampaign,
  type RatingCampaignsQuery,
  type RatingState,
  ratingFinalizeBlockers,
  starQuotaUsage,
  todayInChina,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createRatingAccess, manageRoots, readRoots } from './org-rating.access.js';
import { figuresFor, freshRows } from './org-rating.compute.js';
import { buildDetail } from './org-rating.detail.js';
import { assertQuotas, makeFinal } from './org-rating.finalize.js';
import { type CampaignListRow, toCampaignDto, toHistoryDto, toRatingRowDto, toSchemeDto } from './org-rating.mapper.js';
import { reviewerStanding } from './org-rating.policy.js';
import { createOrgRatingRepository, type RatingRow } from './org-rating.repository.js';
import { countingReviewers, reviewMeans } from './org-rating.scoring.js';
import type { IndicatorSources } from './org-rating.sources.js';

const STARS_DESC = [5, 4, 3, 2, 1, 0];

/** 党组织星级评定: campaigns, their boards, one rating in full, star history, and the member's view on H5. */
export function createOrgRatingService(deps: { db: Db; sources?: IndicatorSources; now?: () => Date }) {
  const { db } = deps;
  const sources = deps.sources ?? {};
  const now = deps.now ?? (() => new Date());
  const repo = createOrgRatingRepository(db);
  const access = createRatingAccess(repo);

  /** A campaign the actor sees (rooted in their scope, or rating something in it); 404 otherwise. */
  async function visibleCampaign(actor: Actor, id: string, tx: DbOrTx = db) {
    const c = await repo.campaign(id, tx);
    if (!c) throw notFound();
    if (!isPathInScope(actor, 'rating:read', c.rootPath) && !(await repo.campaignTouches(id, readRoots(actor), tx)))
      throw notFound();
    return c;
  }

  async function campaignDto(actor: Actor, id: string, tx: DbOrTx = db): Promise<RatingCampaign> {
    const rows = (await repo.campaigns(readRoots(actor), undefined, tx)) as unknown as CampaignListRow[];
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound();
    return toCampaignDto(row);
  }

  async function detail(actor: Actor, rating: RatingRow, tx: DbOrTx = db): Promise<OrgRatingDetail> {
    return buildDetail({ repo, now: now() }, actor, rating, tx);
  }

  return {
    repo,
    access,
    detail,

    async listCampaigns(actor: Actor, q: RatingCampaignsQuery): Promise<Page<RatingCampaign>> {
      const rows = (await repo.campaigns(readRoots(actor), q.year)) as unknown as CampaignListRow[];
      return {
        data: rows.slice((q.current - 1) * q.pageSize, q.current * q.pageSize).map(toCampaignDto),
        total: rows.length,
        current: q.current,
        pageSize: q.pageSize,
      };
    },

    /**
     * Opens a campaign for the applicable organizations under `rootOrgId`: one rating each in self-assessment,
     * with the data-backed indicators and vetoes computed at once. An organization is rated once a year.
     */
    async createCampaign(ctx: RequestContext, body: CreateRatingCampaignBody): Promise<RatingCampaign> {
      const actor = ctx.actor!;
      const root = await repo.org(body.rootOrgId);
      if (!root || !isPathInScope(actor, 'rating:manage', root.path)) throw notFound();
      const schemeId = body.schemeId ?? (await repo.defaultSchemeFor(body.year))?.id;
      const scheme = schemeId ? await repo.scheme(schemeId) : undefined;
      if (!scheme) throw body.schemeId ? notFound() : fieldError('body.schemeId', RM.ratingSchemeNone(body.year));
      if (scheme.effectiveFrom > `${body.year}-12-31`)
        throw fieldError('body.schemeId', RM.ratingSchemeNotInForce(body.year));
      const orgs = await repo.applicableOrgs(root.path, scheme.orgTypes, scheme.domains ?? null);
      if (orgs.length === 0) throw fieldError('body.rootOrgId', RM.ratingCampaignNoOrgs);
      const at = now();
      const figures = await figuresFor(
        { db, sources, now: at },
        { year: body.year, rootOrgId: root.id, rootPath: root.path },
        scheme,
        orgs,
      );
      const id = await inTransaction(db, ctx, async (tx, audit) => {
        const taken = await repo.ratedThisYear(
          orgs.map((o) => o.id),
          body.year,
          tx,
        );
        if (taken.length > 0)
          throw new AppError(
            'CONFLICT',
            RM.ratingCampaignOverlap(
              body.year,
              taken.slice(0, 10).map((t) => t.orgName),
            ),
          );
        const campaign = await repo.insertCampaign(
          {
            id: crypto.randomUUID(),
            year: body.year,
            name: body.name?.trim() || `${body.year}年度党组织星级评定（${root.name}）`,
            schemeId: scheme.id,
            rootOrgId: root.id,
            rootPath: root.path,
            selfDueOn: body.selfDueOn ?? null,
            reviewDueOn: body.reviewDueOn ?? null,
            createdById: actor.userId,
            createdByName: actor.displayName,
          },
          tx,
        );
        const ratings = orgs.map((o) => ({ id: crypto.randomUUID(), org: o }));
        const rows = ratings.map(({ id: rid, org }) => ({
          rid,
          org,
          ...freshRows(rid, scheme, figures.get(org.id), at),
        }));
        await repo.insertRatings(
          rows.map(({ rid, org, vetoes }) => ({
            id: rid,
            campaignId: campaign.id,
            year: body.year,
            orgId: org.id,
            orgPath: org.path,
            orgName: org.name,
            state: 'self_assessment',
            vetoed: vetoes.length > 0,
            computedAt: at,
          })),
          tx,
        );
        await repo.insertScores(
          rows.flatMap((r) => r.scores),
          tx,
        );
        await repo.insertVetoes(
          rows.flatMap((r) => r.vetoes),
          tx,
        );
        audit.record({
          action: 'rating.campaign.create',
          entity: 'rating_campaign',
          entityId: campaign.id,
          orgPath: root.path,
          after: {
            year: body.year,
            name: campaign.name,
            schemeId: scheme.id,
            schemeVersion: scheme.version,
            rootOrgId: root.id,
            ratings: rows.length,
            vetoes: rows.reduce((a, r) => a + r.vetoes.length, 0),
          },
        });
        return campaign.id;
      });
      return campaignDto(actor, id);
    },

    /** 评定看板: the visible ratings by state, the stars distribution, and (for managers) quota usage. */
    async board(actor: Actor, id: string, q: RatingBoardQuery): Promise<RatingBoard> {
      const campaign = await visibleCampaign(actor, id);
      const at = now();
      const [all, rows, member, counts] = await Promise.all([
        repo.schemes(),
        repo.board(id, readRoots(actor), actor.userId),
        repo.memberPathOf(actor.userId),
        repo.campaignStars(id),
      ]);
      const scheme = all.find((s) => s.id === campaign.schemeId)!;
      const grantPaths = actor.roles.map((r) => r.orgPath);
      const superior = (path: string) =>
        reviewerStanding(path, { manageRoots: readRoots(actor), grantPaths, memberPath: member?.org_path ?? null }) ===
        'ok';
      const ratings = rows
        .filter((r) => !q.state || r.state === q.state)
        .filter((r) => q.mine !== 'true' || r.mine)
        .map((r) => toRatingRowDto(r, superior(r.orgPath)));
      const distribution = STARS_DESC.map((stars) => ({
        stars,
        published: rows.filter((r) => r.state === 'published' && (r.stars ?? 0) === stars).length,
        final: rows.filter((r) => r.state === 'final' && (r.stars ?? 0) === stars).length,
      }));
      const canManage = isPathInScope(actor, 'rating:manage', campaign.rootPath);
      const total = counts.reduce((a, r) => a + r.n, 0);
      const byState = (state: RatingState) => {
        const m = new Map<number, number>();
        for (const r of counts) if (r.state === state && r.stars !== null) m.set(r.stars, (m.get(r.stars) ?? 0) + r.n);
        return m;
      };
      const published = byState('published');
      const quotas = canManage
        ? starQuotaUsage(scheme.quotas, total, byState('final')).map((u) => ({
            ...u,
            pending: published.get(u.stars) ?? 0,
          }))
        : [];
      return {
        campaign: await campaignDto(actor, id),
        scheme: toSchemeDto(scheme, all, todayInChina(at)),
        canManage,
        ratings,
        distribution,
        quotas,
        total: rows.length,
        now: at.toISOString(),
      };
    },

    /**
     * 批量确定: every published rating of the campaign in the caller's reach whose window has closed and whose
     * objections are answered becomes final at once — or none does, when together they would break a quota.
     */
    async finalizeCampaign(ctx: RequestContext, id: string): Promise<FinalizeRatingCampaignResult> {
      const actor = ctx.actor!;
      await visibleCampaign(actor, id);
      return inTransaction(db, ctx, async (tx, audit) => {
        const campaign = (await repo.lockCampaign(id, tx))!;
        const scheme = (await repo.scheme(campaign.schemeId, tx))!;
        const at = now();
        const roots = manageRoots(actor);
        const candidates = (await repo.ratingsOfCampaign(id, tx, true)).filter(
          (r) => r.state === 'published' && roots.some((root) => r.orgPath.startsWith(root)),
        );
        const ready: RatingRow[] = [];
        const waiting: FinalizeRatingCampaignResult['waiting'] = [];
        for (const r of candidates) {
          const open = (await repo.objections(r.id, tx)).filter((o) => !o.answeredAt).length;
          const blockers: string[] = ratingFinalizeBlockers({
            state: r.state as RatingState,
            deadline: r.objectionDeadline,
            now: at,
            openObjections: open,
          });
          const standing = await access.standing(actor, r.orgPath, tx);
          if (standing !== 'ok') blockers.push(standing);
          if (blockers.length > 0) waiting.push({ ratingId: r.id, orgName: r.orgName, blockers });
          else ready.push(r);
        }
        if (ready.length > 0)
          await assertQuotas(
            repo,
            tx,
            campaign,
            scheme,
            ready.map((r) => r.stars),
          );
        await makeFinal(repo, tx, audit, actor, ready, at);
        audit.record({
          action: 'rating.campaign.finalize',
          entity: 'rating_campaign',
          entityId: campaign.id,
          orgPath: campaign.rootPath,
          after: { finalized: ready.length, waiting: waiting.length },
        });
        return { finalized: ready.length, waiting };
      });
    },

    async get(actor: Actor, id: string): Promise<OrgRatingDetail> {
      const rating = await repo.rating(id, readRoots(actor));
      if (!rating) throw notFound();
      return detail(actor, rating);
    },

    /** A branch's stars year by year, with every up- and down-grade. */
    async history(actor: Actor, orgId: string): Promise<OrgStarHistory> {
      const org = await repo.org(orgId);
      if (!org || !isPathInScope(actor, 'rating:read', org.path)) throw notFound();
      return { orgId: org.id, orgName: org.name, entries: (await repo.history(org.id)).map(toHistoryDto) };
    },

    /** H5 我的 → 支部星级: the member's own branch, its latest published or final rating, and its history. */
    async mine(actor: Actor): Promise<MyOrgRating> {
      const member = await repo.memberPathOf(actor.userId);
      if (!member?.org_id) return { orgId: null, orgName: null, current: null, history: [] };
      const org = (await repo.org(member.org_id))!;
      const [latest] = await queryRows<{ id: string }>(
        db,
        sql`select id from org_ratings where org_id = ${org.id} and state in ('published', 'final')
          order by year desc limit 1`,
      );
      const history = (await repo.history(org.id)).map(toHistoryDto);
      if (!latest) return { orgId: org.id, orgName: org.name, current: null, history };
      const rating = (await repo.rating(latest.id, [org.path]))!;
      const campaign = (await repo.campaign(rating.campaignId))!;
      const [scheme, scores, reviewers] = await Promise.all([
        repo.scheme(campaign.schemeId),
        repo.scores(rating.id),
        repo.reviewers(rating.id),
      ]);
      const means = reviewMeans(
        scheme!,
        scores,
        countingReviewers(reviewers, true).map((r) => r.userId),
      );
      return {
        orgId: org.id,
        orgName: org.name,
        current: {
          year: rating.year,
          state: rating.state as RatingState,
          score: rating.score,
          stars: rating.stars,
          change: (rating.change as MyOrgRating['history'][number]['change'] | null) ?? null,
          publishedAt: rating.publishedAt?.toISOString() ?? null,
          objectionDeadline: rating.objectionDeadline?.toISOString() ?? null,
          schemeName: scheme!.nameZh,
          indicators: scheme!.indicators.map((i) => ({
            nameZh: i.nameZh,
            nameEn: i.nameEn,
            maxPoints: i.maxPoints,
            points: means.get(i.code) ?? null,
          })),
        },
        history,
      };
    },

    visibleCampaign,
    scopePaths,
  };
}

export type OrgRatingService = ReturnType<typeof createOrgRatingService>;
