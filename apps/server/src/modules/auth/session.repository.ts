import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { ActorRole } from '../../core/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { apiTokens, sessions, users } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function createSessionRepository(db: DbOrTx) {
  // Built once: every request runs this lookup, and building the select cost more than a tenth of a check-in burst's
  // CPU (bench/checkin.mjs profile).
  const liveWithUsers = db
    .select({
      session: sessions,
      user: users,
      roles: sql<ActorRole[]>`coalesce((select json_agg(json_build_object('role', r.role, 'orgId', r.org_id,
        'orgPath', o.path, 'orgName', o.name) order by r.created_at, r.role)
        from user_roles r join organizations o on o.id = r.org_id where r.user_id = ${sessions.userId}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        sql`${sessions.id} = any(${sql.placeholder('ids')}::text[])`,
        sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
      ),
    )
    .prepare('session_live_with_users');

  /** Several sessions in one statement (the request guard batches the lookups of concurrent requests). */
  async function findLiveWithUsers(ids: string[], now: Date) {
    const rows = await liveWithUsers.execute({ ids, now: now.toISOString() });
    return new Map(
      rows.map((row) => {
        const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as ActorRole[]) : row.roles;
        return [row.session.id, { ...row, roles }] as const;
      }),
    );
  }

  return {
    findLiveWithUsers,
    async insert(row: typeof sessions.$inferInsert, tx: DbOrTx = db) {
      await tx.insert(sessions).values(row);
    },
    /**
     * The live session with its user and the user's roles in ONE round trip: every request of a check-in burst pays
     * for this lookup, so it must not be three.
     */
    async findLiveWithUser(id: string, now: Date) {
      return (await findLiveWithUsers([id], now)).get(id);
    },
    async findLive(id: string, now: Date) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
      return row;
    },
    async touch(id: string, now: Date, expiresAt: Date) {
      await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
    },
    async markMfaPassed(id: string, tx: DbOrTx = db) {
      await tx.update(sessions).set({ mfaPending: false }).where(eq(sessions.id, id));
    },
    async remove(id: string, tx: DbOrTx = db) {
      await tx.delete(sessions).where(eq(sessions.id, id));
    },
    async removeAllOfUser(userId: string, exceptId: string | null, tx: DbOrTx = db) {
      const cond = exceptId
        ? and(eq(sessions.userId, userId), or(lt(sessions.id, exceptId), gt(sessions.id, exceptId)))
        : eq(sessions.userId, userId);
      await tx.delete(sessions).where(cond);
    },
    async removeExpired(now: Date) {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },

    async findTokenByHash(hash: string, now: Date) {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(
          and(
            eq(apiTokens.tokenHash, hash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
          ),
        );
      return row;
    },
    async touchToken(id: string, now: Date) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
