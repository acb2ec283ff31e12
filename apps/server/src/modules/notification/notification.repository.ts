import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;

/** A user's own messages: every query is keyed by the recipient, so another user's message is simply not found. */
export function createNotificationRepository(db: DbOrTx) {
  const mine = (userId: string, unreadOnly = false) =>
    and(eq(notifications.recipientUserId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);

  return {
    async list(userId: string, q: { unreadOnly: boolean; current: number; pageSize: number }) {
      const where = mine(userId, q.unreadOnly);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(notifications).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    async unreadCount(userId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(notifications).where(mine(userId, true));
      return Number(row?.n ?? 0);
    },

    async findOwn(userId: string, id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, userId)));
      return row;
    },

    /** Marks one message read (a message read before keeps its first reading time). */
    async markRead(userId: string, id: string, tx: DbOrTx) {
      const [row] = await tx
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, userId)))
        .returning();
      return row;
    },

    async markAllRead(userId: string, tx: DbOrTx): Promise<number> {
      const rows = await tx
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(mine(userId, true))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
