import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import {
  orgRatingEvidence,
  orgRatingObjections,
  orgRatingReviewers,
  orgRatingScores,
  orgRatings,
  orgRatingVetoes,
  orgStarHistory,
  ratingCampaigns,
  type ratingIndicators,
  type ratingSchemes,
  type ratingVetoRules,
} from '../../db/schema/index.js';

export type SchemeRow = typeof ratingSchemes.$inferSelect;
export type IndicatorRow = typeof ratingIndicators.$inferSelect;
export type VetoRuleRow = typeof ratingVetoRules.$inferSelect;
export type CampaignRow = typeof ratingCampaigns.$inferSelect;
export type RatingRow = typeof orgRatings.$inferSelect;
export type ScoreRow = typeof orgRatingScores.$inferSelect;
export type ReviewerRow = typeof orgRatingReviewers.$inferSelect;
export type EvidenceRow = typeof orgRatingEvidence.$inferSelect;
export type VetoRow = typeof orgRatingVetoes.$inferSelect;
export type ObjectionRow = typeof orgRatingObjections.$inferSelect;
export type HistoryRow = typeof orgStarHistory.$inferSelect;

export type SchemeFull = SchemeRow & { indicators: IndicatorRow[]; vetoRules: VetoRuleRow[]; inUse: boolean };

export type OrgFacts = {
  id: string;
  path: string;
  name: string;
  type: string;
  domain: string | null;
  founded_on: string | null;
  parent_name: string | null;
};

/** A board row: the rating with what the campaign board shows about it. */
export type BoardRow = Pick<
  RatingRow,
  | 'id'
  | 'year'
  | 'orgId'
  | 'orgPath'
  | 'orgName'
  | 'state'
  | 'selfScore'
  | 'reviewScore'
  | 'score'
  | 'stars'
  | 'previousStars'
  | 'change'
  | 'vetoed'
  | 'hasInnovation'
> & {
  publishedAt: Date | string | null;
  objectionDeadline: Date | string | null;
  finalizedAt: Date | string | null;
  parentName: string | null;
  orgType: string;
  reviewers: number;
  reviewsSubmitted: number;
  openObjections: number;
  historyStars: number | null;
  historyYear: number | null;
  mine: boolean;
};

import { createRatingConfigQueries } from './org-rating.repository-config.js';

export function createOrgRatingRepository(db: DbOrTx) {
  return {
    ...createRatingConfigQueries(db),
    // --- campaigns -------------------------------------------------------------------------------------------
    async insertCampaign(row: typeof ratingCampaigns.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(ratingCampaigns).values(row).returning();
      return created!;
    },

    async insertRatings(rows: (typeof orgRatings.$inferInsert)[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 500) await tx.insert(orgRatings).values(rows.slice(i, i + 500));
    },

    /** Campaigns the caller sees: rooted in their scope, or holding a rating in it; with visible counts by state. */
    async campaigns(roots: readonly string[], year: number | undefined, tx: DbOrTx = db) {
      return queryRows<
        CampaignRow & {
          root_org_name: string;
          scheme_name: string;
          scheme_version: number;
          cycle: string;
          total: number;
          self_assessment: number;
          under_review: number;
          published: number;
          final: number;
        }
      >(
        tx,
        sql`select c.id, c.year, c.name, c.scheme_id as "schemeId", c.root_org_id as "rootOrgId", c.root_path as "rootPath",
            c.self_due_on::text as "selfDueOn", c.review_due_on::text as "reviewDueOn", c.created_at as "createdAt",
            c.created_by_name as "createdByName", o.name as root_org_name, s.name_zh as scheme_name,
            s.version as scheme_version, s.cycle,
            count(r.id)::int as total,
            count(r.id) filter (where r.state = 'self_assessment')::int as self_assessment,
            count(r.id) filter (where r.state = 'under_review')::int as under_review,
            count(r.id) filter (where r.state = 'published')::int as published,
            count(r.id) filter (where r.state = 'final')::int as final
          from rating_campaigns c
          join organizations o on o.id = c.root_org_id
          join rating_schemes s on s.id = c.scheme_id
          left join org_ratings r on r.campaign_id = c.id and ${pathsWhere(sql`r.org_path`, roots)}
          where (${pathsWhere(sql`c.root_path`, roots)} or exists (select 1 from org_ratings x
              where x.campaign_id = c.id and ${pathsWhere(sql`x.org_path`, roots)}))
            ${year ? sql`and c.year = ${year}` : sql``}
          group by c.id, o.name, s.name_zh, s.version, s.cycle
          order by c.year desc, c.created_at desc`,
      );
    },

    async campaign(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(ratingCampaigns).where(eq(ratingCampaigns.id, id));
      return row;
    },

    /** The campaign row locked: finalizations of one campaign queue here, so quotas are counted one at a time. */
    async lockCampaign(id: string, tx: DbOrTx) {
      const [row] = await tx.select().from(ratingCampaigns).where(eq(ratingCampaigns.id, id)).for('update');
      return row;
    },

    /** Whether any rating of the campaign lies in the subtrees. */
    async campaignTouches(id: string, roots: readonly string[], tx: DbOrTx = db) {
      const rows = await queryRows<{ x: number }>(
        tx,
        sql`select 1 as x from org_ratings r where r.campaign_id = ${id} and ${pathsWhere(sql`r.org_path`, roots)} limit 1`,
      );
      return rows.length > 0;
    },

    async board(campaignId: string, roots: readonly string[], userId: string, tx: DbOrTx = db) {
      return queryRows<BoardRow>(
        tx,
        sql`select r.id, r.year, r.org_id as "orgId", r.org_path as "orgPath", r.org_name as "orgName", r.state,
            r.self_score as "selfScore", r.review_score as "reviewScore", r.score, r.stars,
            r.previous_stars as "previousStars", r.change, r.vetoed, r.has_innovation as "hasInnovation",
            r.published_at as "publishedAt", r.objection_deadline as "objectionDeadline", r.finalized_at as "finalizedAt",
            p.name as "parentName", o.type as "orgType",
            (select count(*)::int from org_rating_reviewers v where v.rating_id = r.id) as reviewers,
            (select count(*)::int from org_rating_reviewers v where v.rating_id = r.id and v.submitted_at is not null)
              as "reviewsSubmitted",
            (select count(*)::int from org_rating_objections j where j.rating_id = r.id and j.answered_at is null)
              as "openObjections",
            h.stars as "historyStars", h.year as "historyYear",
            exists (select 1 from org_rating_reviewers v where v.rating_id = r.id and v.user_id = ${userId}
              and v.submitted_at is null) as mine
          from org_ratings r
          join organizations o on o.id = r.org_id
          left join organizations p on p.id = o.parent_id
          left join lateral (select x.stars, x.year from org_star_history x where x.org_id = r.org_id and x.year < r.year
            order by x.year desc, x.at desc limit 1) h on true
          where r.campaign_id = ${campaignId} and ${pathsWhere(sql`r.org_path`, roots)}
          order by p.sort_order nulls first, p.name, o.sort_order, r.org_name`,
      );
    },

    /** Every rating of the campaign by state and stars (quotas are about the whole campaign). */
    async campaignStars(campaignId: string, tx: DbOrTx = db) {
      return queryRows<{ state: string; stars: number | null; n: number }>(
        tx,
        sql`select state, stars, count(*)::int as n from org_ratings where campaign_id = ${campaignId} group by state, stars`,
      );
    },

    // --- ratings ---------------------------------------------------------------------------------------------
    /** A rating whose organization lies in the subtrees (locked for a change when `lock`). */
    async rating(id: string, roots: readonly string[], tx: DbOrTx = db, lock = false) {
      const q = tx
        .select()
        .from(orgRatings)
        .where(and(eq(orgRatings.id, id), pathsWhere(orgRatings.orgPath, roots)));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async ratingsOfCampaign(campaignId: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(orgRatings).where(eq(orgRatings.campaignId, campaignId)).orderBy(asc(orgRatings.id));
      return lock ? q.for('update') : q;
    },

    async updateRating(id: string, patch: Partial<typeof orgRatings.$inferInsert>, tx: DbOrTx) {
      const [row] = await tx
        .update(orgRatings)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(orgRatings.id, id))
        .returning();
      return row!;
    },

    scores: (ratingId: string, tx: DbOrTx = db) =>
      tx.select().from(orgRatingScores).where(eq(orgRatingScores.ratingId, ratingId)),

    scoresOfRatings: (ratingIds: string[], tx: DbOrTx = db) =>
      ratingIds.length === 0
        ? Promise.resolve([] as ScoreRow[])
        : tx.select().from(orgRatingScores).where(inArray(orgRatingScores.ratingId, ratingIds)),

    /** Inserts or replaces one scorer's entry for an indicator. */
    async upsertScore(row: typeof orgRatingScores.$inferInsert, tx: DbOrTx) {
      await tx
        .insert(orgRatingScores)
        .values(row)
        .onConflictDoUpdate({
          target: [orgRatingScores.ratingId, orgRatingScores.indicatorId, orgRatingScores.scorer],
          set: {
            scorerName: row.scorerName,
            value: row.value,
            points: row.points,
            adjustment: row.adjustment,
            reason: row.reason,
            detail: row.detail,
            updatedAt: new Date(),
          },
        });
    },

    async insertScores(rows: (typeof orgRatingScores.$inferInsert)[], tx: DbOrTx) {
      for (let i = 0; i < rows.length; i += 500) await tx.insert(orgRatingScores).values(rows.slice(i, i + 500));
    },

    async setScorePoints(id: string, points: number | null, tx: DbOrTx) {
      await tx.update(orgRatingScores).set({ points, updatedAt: new Date() }).where(eq(orgRatingScores.id, id));
    },

    reviewers: (ratingId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(orgRatingReviewers)
        .where(eq(orgRatingReviewers.ratingId, ratingId))
        .orderBy(asc(orgRatingReviewers.assignedAt)),

    async insertReviewer(row: typeof orgRatingReviewers.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(orgRatingReviewers).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },

    async updateReviewer(id: string, patch: Partial<typeof orgRatingReviewers.$inferInsert>, tx: DbOrTx) {
      await tx.update(orgRatingReviewers).set(patch).where(eq(orgRatingReviewers.id, id));
    },

    async reopenReviews(ratingId: string, tx: DbOrTx) {
      await tx.update(orgRatingReviewers).set({ submittedAt: null }).where(eq(orgRatingReviewers.ratingId, ratingId));
    },

    async deleteReviewer(id: string, tx: DbOrTx) {
      await tx.delete(orgRatingReviewers).where(eq(orgRatingReviewers.id, id));
    },

    async deleteScoresOf(ratingId: string, scorer: string, tx: DbOrTx) {
      await tx
        .delete(orgRatingScores)
        .where(and(eq(orgRatingScores.ratingId, ratingId), eq(orgRatingScores.scorer, scorer)));
    },

    evidence: (ratingId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(orgRatingEvidence)
        .where(and(eq(orgRatingEvidence.ratingId, ratingId), isNull(orgRatingEvidence.removedAt)))
        .orderBy(asc(orgRatingEvidence.createdAt)),

    async evidenceFile(id: string, roots: readonly string[], tx: DbOrTx = db, lock = false) {
      const q = tx
        .select({ file: orgRatingEvidence, rating: orgRatings })
        .from(orgRatingEvidence)
        .innerJoin(orgRatings, eq(orgRatings.id, orgRatingEvidence.ratingId))
        .where(and(eq(orgRatingEvidence.id, id), pathsWhere(orgRatings.orgPath, roots)));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async insertEvidence(row: typeof orgRatingEvidence.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(orgRatingEvidence).values(row).returning();
      return created!;
    },

    async removeEvidence(id: string, reason: string, tx: DbOrTx) {
      await tx
        .update(orgRatingEvidence)
        .set({ removedAt: new Date(), removedReason: reason })
        .where(eq(orgRatingEvidence.id, id));
    },

    vetoes: (ratingId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(orgRatingVetoes)
        .where(eq(orgRatingVetoes.ratingId, ratingId))
        .orderBy(asc(orgRatingVetoes.createdAt)),

    vetoesOfRatings: (ratingIds: string[], tx: DbOrTx = db) =>
      ratingIds.length === 0
        ? Promise.resolve([] as VetoRow[])
        : tx.select().from(orgRatingVetoes).where(inArray(orgRatingVetoes.ratingId, ratingIds)),

    async insertVetoes(rows: (typeof orgRatingVetoes.$inferInsert)[], tx: DbOrTx) {
      if (rows.length) await tx.insert(orgRatingVetoes).values(rows);
    },

    async clearVeto(
      id: string,
      patch: { clearedById: string | null; clearedByName: string; clearedReason: string },
      tx: DbOrTx,
    ) {
      await tx
        .update(orgRatingVetoes)
        .set({ ...patch, clearedAt: new Date() })
        .where(eq(orgRatingVetoes.id, id));
    },

    objections: (ratingId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(orgRatingObjections)
        .where(eq(orgRatingObjections.ratingId, ratingId))
        .orderBy(asc(orgRatingObjections.createdAt)),

    async insertObjection(row: typeof orgRatingObjections.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(orgRatingObjections).values(row).returning();
      return created!;
    },

    async lockObjection(id: string, ratingId: string, tx: DbOrTx) {
      const [row] = await tx
        .select()
        .from(orgRatingObjections)
        .where(and(eq(orgRatingObjections.id, id), eq(orgRatingObjections.ratingId, ratingId)))
        .for('update');
      return row;
    },

    async answerObjection(id: string, patch: Partial<typeof orgRatingObjections.$inferInsert>, tx: DbOrTx) {
      await tx.update(orgRatingObjections).set(patch).where(eq(orgRatingObjections.id, id));
    },

    // --- history ---------------------------------------------------------------------------------------------
    history: (orgId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(orgStarHistory)
        .where(eq(orgStarHistory.orgId, orgId))
        .orderBy(desc(orgStarHistory.year), desc(orgStarHistory.at)),

    /** The latest stars of an organization before `year` (a final rating or a later adjustment). */
    async previousStars(orgId: string, year: number, tx: DbOrTx) {
      const [row] = await tx
        .select({ stars: orgStarHistory.stars, year: orgStarHistory.year })
        .from(orgStarHistory)
        .where(and(eq(orgStarHistory.orgId, orgId), sql`${orgStarHistory.year} < ${year}`))
        .orderBy(desc(orgStarHistory.year), desc(orgStarHistory.at))
        .limit(1);
      return row ?? null;
    },

    async insertHistory(rows: (typeof orgStarHistory.$inferInsert)[], tx: DbOrTx) {
      if (rows.length) await tx.insert(orgStarHistory).values(rows);
    },
  };
}

export type OrgRatingRepository = ReturnType<typeof createOrgRatingRepository>;
