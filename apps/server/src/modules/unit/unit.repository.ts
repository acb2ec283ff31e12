import type { ListUnitsQuery } from '@red-engine/shared';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { organizations, orgUnits, units } from '../../db/schema/index.js';

export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;
export type UnitLink = { id: string; name: string; type: string; status: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `o.path` lies in one of the subtrees. */
function pathIn(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`o.path like ${`${escapeLike(r)}%`}`))!;
}

// Qualified by hand: inside a one-table select drizzle renders a column without its table name.
const UNIT_ID = sql.raw('"units"."id"');
const UNIT_OWNER = sql.raw('"units"."owner_org_id"');

/** Owned by an organization in the subtrees (who may edit it). */
export function ownedIn(roots: readonly string[]): SQL {
  return sql`exists (select 1 from ${organizations} o where o.id = ${UNIT_OWNER} and (${pathIn(roots)}))`;
}

/** Owned by, or the seat of, an organization in the subtrees (who may see it). */
export function visibleIn(roots: readonly string[]): SQL {
  return sql`(${ownedIn(roots)} or exists (select 1 from ${orgUnits} ou join ${organizations} o on o.id = ou.org_id where ou.unit_id = ${UNIT_ID} and (${pathIn(roots)})))`;
}

/** 建立党组织: an active party organization sits in the unit. */
const covered = sql<boolean>`exists (select 1 from ${orgUnits} ou join ${organizations} o on o.id = ou.org_id where ou.unit_id = ${UNIT_ID} and o.status = 'active')`;

export type UnitSortField = 'name' | 'createdAt' | 'employees';

export function createUnitRepository(db: DbOrTx) {
  return {
    async findVisible(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(units)
        .where(and(eq(units.id, id), visibleIn(roots)));
      return row;
    },

    async findOwned(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(units)
        .where(and(eq(units.id, id), ownedIn(roots)));
      return row;
    },

    async findByCreditCode(code: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(units).where(eq(units.creditCode, code));
      return row;
    },

    async list(
      roots: readonly string[],
      q: ListUnitsQuery,
      sort?: { field: UnitSortField; order: 'ascend' | 'descend' },
    ) {
      const parts: (SQL | undefined)[] = [visibleIn(roots)];
      if (q.kind) parts.push(eq(units.kind, q.kind));
      if (q.aboveSize) parts.push(eq(units.aboveDesignatedSize, q.aboveSize === 'true'));
      if (q.covered) parts.push(q.covered === 'true' ? covered : sql`not ${covered}`);
      if (q.keyword) {
        const k = `%${escapeLike(q.keyword)}%`;
        parts.push(or(ilike(units.name, k), ilike(units.creditCode, k)));
      }
      if (q.orgId) {
        const within = sql`o.path like (select w.path from ${organizations} w where w.id = ${q.orgId}) || '%'`;
        parts.push(
          sql`(exists (select 1 from ${organizations} o where o.id = ${UNIT_OWNER} and ${within}) or exists (select 1 from ${orgUnits} ou join ${organizations} o on o.id = ou.org_id where ou.unit_id = ${UNIT_ID} and ${within}))`,
        );
      }
      const where = and(...parts);
      const orderBy = sort
        ? [sort.order === 'descend' ? desc(units[sort.field]) : asc(units[sort.field]), asc(units.id)]
        : [asc(units.kind), asc(units.name), asc(units.id)];
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(units)
          .where(where)
          .orderBy(...orderBy)
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(units).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** Owner names and the organizations sitting in each unit. */
    async detailsOf(rows: UnitRow[], tx: DbOrTx = db) {
      const links = new Map<string, UnitLink[]>();
      const owners = new Map<string, string>();
      if (rows.length === 0) return { links, owners };
      const ids = rows.map((r) => r.id);
      const [linkRows, ownerRows] = await Promise.all([
        tx
          .select({
            unitId: orgUnits.unitId,
            id: organizations.id,
            name: organizations.name,
            type: organizations.type,
            status: organizations.status,
          })
          .from(orgUnits)
          .innerJoin(organizations, eq(organizations.id, orgUnits.orgId))
          .where(inArray(orgUnits.unitId, ids))
          .orderBy(asc(organizations.path)),
        tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, [...new Set(rows.map((r) => r.ownerOrgId))])),
      ]);
      for (const { unitId, ...link } of linkRows) links.set(unitId, [...(links.get(unitId) ?? []), link]);
      for (const o of ownerRows) owners.set(o.id, o.name);
      return { links, owners };
    },

    /** Unit counts by kind, size and coverage, for the dashboard. */
    async coverage(roots: readonly string[]) {
      return queryRows<{ kind: string; above: boolean; covered: boolean; n: number }>(
        db,
        sql`select ${units.kind} as kind, ${units.aboveDesignatedSize} as above, ${covered} as covered, count(*)::int as n
            from ${units} where ${visibleIn(roots)} group by 1, 2, 3`,
      );
    },

    async unitIdsOfOrg(orgId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ unitId: orgUnits.unitId })
        .from(orgUnits)
        .where(eq(orgUnits.orgId, orgId))
        .orderBy(asc(orgUnits.createdAt), asc(orgUnits.unitId));
      return rows.map((r) => r.unitId);
    },

    async unitsOfOrg(orgId: string, tx: DbOrTx = db) {
      return tx
        .select({ unit: units })
        .from(orgUnits)
        .innerJoin(units, eq(units.id, orgUnits.unitId))
        .where(eq(orgUnits.orgId, orgId))
        .orderBy(asc(units.name))
        .then((rows) => rows.map((r) => r.unit));
    },

    async replaceOrgUnits(orgId: string, unitIds: string[], tx: DbOrTx = db) {
      await tx.delete(orgUnits).where(eq(orgUnits.orgId, orgId));
      if (unitIds.length) await tx.insert(orgUnits).values(unitIds.map((unitId) => ({ orgId, unitId })));
    },

    /** Active organizations sitting in the unit. */
    async activeLinkCount(unitId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ n: count() })
        .from(orgUnits)
        .innerJoin(organizations, eq(organizations.id, orgUnits.orgId))
        .where(and(eq(orgUnits.unitId, unitId), eq(organizations.status, 'active')));
      return row?.n ?? 0;
    },

    async insert(row: NewUnitRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(units).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewUnitRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(units)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(units.id, id))
        .returning();
      return row;
    },

    async remove(id: string, tx: DbOrTx = db) {
      await tx.delete(orgUnits).where(eq(orgUnits.unitId, id));
      await tx.delete(units).where(eq(units.id, id));
    },
  };
}
export type UnitRepository = ReturnType<typeof createUnitRepository>;
