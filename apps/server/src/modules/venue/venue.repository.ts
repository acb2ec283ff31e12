import type { ListVenuesQuery } from '@red-engine/shared';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, venues } from '../../db/schema/index.js';

export type VenueRow = typeof venues.$inferSelect;
export type NewVenueRow = typeof venues.$inferInsert;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
// Qualified by hand: inside a one-table select drizzle renders a column without its table name.
const VENUE_OWNER = sql.raw('"venues"."owner_org_id"');

/** Owned by an organization in the subtrees (who may edit it). */
function ownedIn(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const match = or(...roots.map((r) => sql`o.path like ${`${escapeLike(r)}%`}`))!;
  return sql`exists (select 1 from ${organizations} o where o.id = ${VENUE_OWNER} and (${match}))`;
}

/**
 * Owned in the subtrees, or by an ancestor of one of them: a regional activity center of the work committee serves
 * every branch below it, while a branch's own room stays invisible to its siblings.
 */
function visibleIn(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const match = or(...roots.map((r) => sql`(o.path like ${`${escapeLike(r)}%`} or ${r}::text like o.path || '%')`))!;
  return sql`exists (select 1 from ${organizations} o where o.id = ${VENUE_OWNER} and (${match}))`;
}

export type VenueSortField = 'name' | 'capacity' | 'createdAt';

export function createVenueRepository(db: DbOrTx) {
  return {
    async findVisible(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(venues)
        .where(and(eq(venues.id, id), visibleIn(roots)));
      return row;
    },

    async findOwned(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(venues)
        .where(and(eq(venues.id, id), ownedIn(roots)));
      return row;
    },

    async list(
      roots: readonly string[],
      q: ListVenuesQuery,
      sort?: { field: VenueSortField; order: 'ascend' | 'descend' },
    ) {
      const parts: (SQL | undefined)[] = [visibleIn(roots)];
      if (q.keyword) {
        const k = `%${escapeLike(q.keyword)}%`;
        parts.push(or(ilike(venues.name, k), ilike(venues.address, k)));
      }
      if (q.ownerOrgId)
        parts.push(
          sql`exists (select 1 from ${organizations} o where o.id = ${VENUE_OWNER} and o.path like (select w.path from ${organizations} w where w.id = ${q.ownerOrgId}) || '%')`,
        );
      const where = and(...parts);
      const orderBy = sort
        ? [sort.order === 'descend' ? desc(venues[sort.field]) : asc(venues[sort.field]), asc(venues.id)]
        : [asc(venues.name), asc(venues.id)];
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(venues)
          .where(where)
          .orderBy(...orderBy)
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(venues).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async ownerNames(rows: VenueRow[], tx: DbOrTx = db) {
      const map = new Map<string, string>();
      if (rows.length === 0) return map;
      const owners = await tx
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, [...new Set(rows.map((r) => r.ownerOrgId))]));
      for (const o of owners) map.set(o.id, o.name);
      return map;
    },

    async insert(row: NewVenueRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(venues).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewVenueRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(venues)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(venues.id, id))
        .returning();
      return row!;
    },

    async remove(id: string, tx: DbOrTx = db) {
      await tx.delete(venues).where(eq(venues.id, id));
    },
  };
}
export type VenueRepository = ReturnType<typeof createVenueRepository>;
