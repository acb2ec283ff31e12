import type { ListOrgsQuery } from '@red-engine/shared';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';

export type OrgRow = typeof organizations.$inferSelect;
export type NewOrgRow = typeof organizations.$inferInsert;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function subtreeWhere(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${organizations.path} like ${`${escapeLike(r)}%`}`))!;
}

// Qualified by hand: inside a one-table select drizzle renders a column without its table name.
const childCount = sql<number>`(select count(*)::int from "organizations" c where c.parent_id = "organizations"."id")`;

export type OrgSortField = 'name' | 'sortOrder' | 'createdAt' | 'type';

export function createOrgRepository(db: DbOrTx) {
  return {
    async findById(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
      return row;
    },

    async findInScope(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(organizations)
        .where(and(eq(organizations.id, id), subtreeWhere(roots)));
      return row;
    },

    async findByCode(code: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(organizations).where(eq(organizations.code, code));
      return row;
    },

    async list(
      roots: readonly string[],
      q: ListOrgsQuery,
      sort?: { field: OrgSortField; order: 'ascend' | 'descend' },
    ) {
      const parts: (SQL | undefined)[] = [subtreeWhere(roots)];
      if (q.parentId) parts.push(eq(organizations.parentId, q.parentId));
      if (q.withinId)
        parts.push(
          sql`${organizations.path} like (select path from ${organizations} w where w.id = ${q.withinId}) || '%'`,
        );
      if (q.type) parts.push(eq(organizations.type, q.type));
      if (q.domain) parts.push(eq(organizations.domain, q.domain));
      if (q.status) parts.push(eq(organizations.status, q.status));
      if (q.keyword) {
        const k = `%${escapeLike(q.keyword)}%`;
        parts.push(or(ilike(organizations.name, k), ilike(organizations.shortName, k), ilike(organizations.code, k)));
      }
      const where = and(...parts);
      const orderBy = sort
        ? [
            sort.order === 'descend' ? desc(organizations[sort.field]) : asc(organizations[sort.field]),
            asc(organizations.path),
          ]
        : [asc(organizations.depth), asc(organizations.sortOrder), asc(organizations.name)];
      const [rows, [total]] = await Promise.all([
        db
          .select({ org: organizations, childCount })
          .from(organizations)
          .where(where)
          .orderBy(...orderBy)
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(organizations).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** Children of a node, or the scope roots themselves when no parent is given. */
    async treeLevel(roots: readonly string[], parentId: string | undefined) {
      const where = parentId
        ? and(eq(organizations.parentId, parentId), subtreeWhere(roots))
        : roots.length
          ? inArray(organizations.path, [...roots])
          : sql`false`;
      return db
        .select({ org: organizations, childCount })
        .from(organizations)
        .where(where)
        .orderBy(asc(organizations.sortOrder), asc(organizations.name));
    },

    async countBy(roots: readonly string[], column: 'type' | 'domain') {
      const col = organizations[column];
      return db
        .select({ key: col, n: count() })
        .from(organizations)
        .where(and(subtreeWhere(roots), eq(organizations.status, 'active')))
        .groupBy(col);
    },

    async insert(row: NewOrgRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(organizations).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewOrgRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(organizations)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(organizations.id, id))
        .returning();
      return row;
    },
  };
}
export type OrgRepository = ReturnType<typeof createOrgRepository>;
