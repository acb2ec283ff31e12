import type { ListUsersQuery, Role } from '@red-engine/shared';
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ActorRole } from '../../core/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { organizations, userRoles, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `o.path` lies in one of the subtrees; filters on roles only ever look at grants the caller can see. */
function pathWithin(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`o.path like ${`${escapeLike(r)}%`}`))!;
}

/** Users with at least one role inside the given subtrees. */
function inScope(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  const pathMatch = pathWithin(roots);
  return sql`exists (select 1 from ${userRoles} ur join ${organizations} o on o.id = ur.org_id where ur.user_id = ${users.id} and (${pathMatch}))`;
}

export function createUserRepository(db: DbOrTx) {
  return {
    async findByUsername(username: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(users).where(eq(users.username, username.toLowerCase()));
      return row;
    },

    async findById(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(users).where(eq(users.id, id));
      return row;
    },

    async findInScope(roots: readonly string[], id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, id), inScope(roots)));
      return row;
    },

    async rolesOf(userIds: string[], tx: DbOrTx = db): Promise<Map<string, ActorRole[]>> {
      const map = new Map<string, ActorRole[]>();
      if (userIds.length === 0) return map;
      const rows = await tx
        .select({
          userId: userRoles.userId,
          role: userRoles.role,
          orgId: userRoles.orgId,
          orgPath: organizations.path,
          orgName: organizations.name,
        })
        .from(userRoles)
        .innerJoin(organizations, eq(organizations.id, userRoles.orgId))
        .where(inArray(userRoles.userId, userIds))
        .orderBy(asc(userRoles.createdAt), asc(userRoles.role));
      for (const r of rows) {
        const list = map.get(r.userId) ?? [];
        list.push({ role: r.role as Role, orgId: r.orgId, orgPath: r.orgPath, orgName: r.orgName });
        map.set(r.userId, list);
      }
      return map;
    },

    async list(
      roots: readonly string[],
      q: ListUsersQuery,
      sort?: { field: 'username' | 'createdAt' | 'lastLoginAt'; order: 'ascend' | 'descend' },
    ) {
      const parts: (SQL | undefined)[] = [inScope(roots)];
      if (q.keyword) {
        const k = `%${escapeLike(q.keyword)}%`;
        parts.push(or(ilike(users.username, k), ilike(users.displayName, k)));
      }
      if (q.status) parts.push(eq(users.status, q.status));
      if (q.role || q.orgId) {
        const roleCond = q.role ? sql`and ur.role = ${q.role}` : sql``;
        const orgCond = q.orgId
          ? sql`and o.path like (select path from ${organizations} where id = ${q.orgId}) || '%'`
          : sql``;
        parts.push(
          sql`exists (select 1 from ${userRoles} ur join ${organizations} o on o.id = ur.org_id where ur.user_id = ${users.id} and (${pathWithin(roots)}) ${roleCond} ${orgCond})`,
        );
      }
      const where = and(...parts);
      const column = sort ? users[sort.field] : users.createdAt;
      const order = sort?.order === 'ascend' ? asc(column) : desc(column);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(where)
          .orderBy(order, asc(users.id))
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async countInScope(roots: readonly string[]) {
      const [row] = await db.select({ n: count() }).from(users).where(inScope(roots));
      return row?.n ?? 0;
    },

    async insert(row: NewUserRow, tx: DbOrTx = db) {
      const [created] = await tx.insert(users).values(row).returning();
      return created!;
    },

    async update(id: string, patch: Partial<NewUserRow>, tx: DbOrTx = db) {
      const [row] = await tx
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },

    async replaceRoles(userId: string, grants: { role: Role; orgId: string }[], tx: DbOrTx = db) {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      if (grants.length) {
        await tx
          .insert(userRoles)
          .values(grants.map((g) => ({ id: crypto.randomUUID(), userId, role: g.role, orgId: g.orgId })));
      }
    },
  };
}
export type UserRepository = ReturnType<typeof createUserRepository>;
