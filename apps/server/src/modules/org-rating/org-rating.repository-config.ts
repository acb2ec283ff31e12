import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import {
  orgRatings,
  ratingCampaigns,
  ratingIndicators,
  ratingSchemes,
  ratingVetoRules,
} from '../../db/schema/index.js';
import type { OrgFacts, SchemeFull } from './org-rating.repository.js';

/** The rubric (schemes, indicators, veto rules), the organizations a campaign rates, and the people who may review. */
export function createRatingConfigQueries(db: DbOrTx) {
  async function schemesFull(where: ReturnType<typeof eq> | undefined, tx: DbOrTx): Promise<SchemeFull[]> {
    const schemes = await tx
      .select()
      .from(ratingSchemes)
      .where(where)
      .orderBy(asc(ratingSchemes.code), asc(ratingSchemes.version));
    if (schemes.length === 0) return [];
    const ids = schemes.map((s) => s.id);
    const [inds, vetoes, used] = await Promise.all([
      tx
        .select()
        .from(ratingIndicators)
        .where(inArray(ratingIndicators.schemeId, ids))
        .orderBy(asc(ratingIndicators.sortOrder)),
      tx
        .select()
        .from(ratingVetoRules)
        .where(inArray(ratingVetoRules.schemeId, ids))
        .orderBy(asc(ratingVetoRules.sortOrder)),
      tx
        .selectDistinct({ id: ratingCampaigns.schemeId })
        .from(ratingCampaigns)
        .where(inArray(ratingCampaigns.schemeId, ids)),
    ]);
    const usedIds = new Set(used.map((u) => u.id));
    return schemes.map((s) => ({
      ...s,
      indicators: inds.filter((i) => i.schemeId === s.id),
      vetoRules: vetoes.filter((v) => v.schemeId === s.id),
      inUse: usedIds.has(s.id),
    }));
  }

  return {
    // --- schemes ---------------------------------------------------------------------------------------------
    schemes: (tx: DbOrTx = db) => schemesFull(undefined, tx),

    async scheme(id: string, tx: DbOrTx = db): Promise<SchemeFull | undefined> {
      return (await schemesFull(eq(ratingSchemes.id, id), tx))[0];
    },

    async lockScheme(id: string, tx: DbOrTx) {
      const [row] = await tx.select().from(ratingSchemes).where(eq(ratingSchemes.id, id)).for('update');
      return row;
    },

    async lastVersion(code: string, tx: DbOrTx) {
      const rows = await queryRows<{ v: number | null }>(
        tx,
        sql`select max(version)::int as v from rating_schemes where code = ${code}`,
      );
      return rows[0]?.v ?? 0;
    },

    async schemeInUse(id: string, tx: DbOrTx) {
      const rows = await tx
        .select({ id: ratingCampaigns.id })
        .from(ratingCampaigns)
        .where(eq(ratingCampaigns.schemeId, id))
        .limit(1);
      return rows.length > 0;
    },

    /** The default scheme (五星创评) version in force at the end of `year`. */
    async defaultSchemeFor(year: number, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(ratingSchemes)
        .where(and(eq(ratingSchemes.code, 'five_star'), sql`${ratingSchemes.effectiveFrom} <= ${`${year}-12-31`}`))
        .orderBy(desc(ratingSchemes.effectiveFrom), desc(ratingSchemes.version))
        .limit(1);
      return row;
    },

    async insertScheme(
      row: typeof ratingSchemes.$inferInsert,
      indicators: (typeof ratingIndicators.$inferInsert)[],
      vetoRules: (typeof ratingVetoRules.$inferInsert)[],
      tx: DbOrTx,
    ) {
      await tx.insert(ratingSchemes).values(row);
      if (indicators.length) await tx.insert(ratingIndicators).values(indicators);
      if (vetoRules.length) await tx.insert(ratingVetoRules).values(vetoRules);
    },

    async updateScheme(id: string, patch: Partial<typeof ratingSchemes.$inferInsert>, tx: DbOrTx) {
      await tx
        .update(ratingSchemes)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(ratingSchemes.id, id));
    },

    async replaceIndicators(schemeId: string, rows: (typeof ratingIndicators.$inferInsert)[], tx: DbOrTx) {
      await tx.delete(ratingIndicators).where(eq(ratingIndicators.schemeId, schemeId));
      if (rows.length) await tx.insert(ratingIndicators).values(rows);
    },

    async replaceVetoRules(schemeId: string, rows: (typeof ratingVetoRules.$inferInsert)[], tx: DbOrTx) {
      await tx.delete(ratingVetoRules).where(eq(ratingVetoRules.schemeId, schemeId));
      if (rows.length) await tx.insert(ratingVetoRules).values(rows);
    },

    // --- organizations ---------------------------------------------------------------------------------------
    async org(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<OrgFacts>(
        tx,
        sql`select o.id, o.path, o.name, o.type, o.domain, o.founded_on::text as founded_on, p.name as parent_name
          from organizations o left join organizations p on p.id = o.parent_id where o.id = ${id}`,
      );
      return row;
    },

    /** Active organizations of the subtree a scheme rates. */
    async applicableOrgs(rootPath: string, orgTypes: string[], domains: string[] | null, tx: DbOrTx = db) {
      return queryRows<OrgFacts>(
        tx,
        sql`select o.id, o.path, o.name, o.type, o.domain, o.founded_on::text as founded_on, p.name as parent_name
          from organizations o left join organizations p on p.id = o.parent_id
          where o.status = 'active' and ${pathsWhere(sql`o.path`, [rootPath])}
            and o.type in (${sql.join(
              orgTypes.map((t) => sql`${t}`),
              sql`, `,
            )})
            ${
              domains && domains.length > 0
                ? sql`and o.domain in (${sql.join(
                    domains.map((d) => sql`${d}`),
                    sql`, `,
                  )})`
                : sql``
            }
          order by o.path`,
      );
    },

    async ratedThisYear(orgIds: string[], year: number, tx: DbOrTx) {
      if (orgIds.length === 0) return [];
      return tx
        .select({ orgName: orgRatings.orgName })
        .from(orgRatings)
        .where(and(inArray(orgRatings.orgId, orgIds), eq(orgRatings.year, year)));
    },

    // --- people ----------------------------------------------------------------------------------------------
    /** A user's role grants with the organizations' paths. */
    async grantsOf(userId: string, tx: DbOrTx = db) {
      return queryRows<{ role: string; org_path: string; org_name: string }>(
        tx,
        sql`select ur.role, o.path as org_path, o.name as org_name from user_roles ur
          join organizations o on o.id = ur.org_id where ur.user_id = ${userId}`,
      );
    },

    /** The organization path of the active member linked to a user, if any. */
    async memberPathOf(userId: string, tx: DbOrTx = db) {
      const rows = await queryRows<{ org_path: string | null; org_id: string | null }>(
        tx,
        sql`select org_path, org_id from members where user_id = ${userId} and status = 'active' limit 1`,
      );
      return rows[0] ?? null;
    },

    async user(id: string, tx: DbOrTx = db) {
      const rows = await queryRows<{ id: string; display_name: string; username: string; status: string }>(
        tx,
        sql`select id, display_name, username, status from users where id = ${id}`,
      );
      return rows[0];
    },

    /** Active users holding a role at one of the given organizations (ancestors of a rated one). */
    async usersGrantedAt(paths: string[], tx: DbOrTx = db) {
      if (paths.length === 0) return [];
      return queryRows<{
        user_id: string;
        display_name: string;
        username: string;
        role: string;
        org_path: string;
        org_name: string;
      }>(
        tx,
        sql`select u.id as user_id, u.display_name, u.username, ur.role, o.path as org_path, o.name as org_name
          from user_roles ur join users u on u.id = ur.user_id join organizations o on o.id = ur.org_id
          where u.status = 'active' and o.path in (${sql.join(
            paths.map((p) => sql`${p}`),
            sql`, `,
          )})
          order by o.depth, u.display_name`,
      );
    },
  };
}
