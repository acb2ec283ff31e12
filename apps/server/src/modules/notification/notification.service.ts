import type { ListNotificationsQuery, Notification, Page, Todo } from '@red-engine/shared';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordDeferred } from '../audit/index.js';
import { toNotificationDto } from './notification.mapper.js';
import { createNotificationRepository } from './notification.repository.js';
import { createTodoProviders, type TodoProvider } from './notification.todos.js';

/** Kinds of to-do in the order a reader should see them: what blocks others first, the member's own last. */
const LEVEL_ORDER = { danger: 0, warning: 1, info: 2 } as const;

/** 消息 (站内信) of the caller, and 待办 computed from the modules' providers. */
export function createNotificationService(deps: { db: Db; config: Config; providers?: Record<string, TodoProvider> }) {
  const { db } = deps;
  const repo = createNotificationRepository(db);
  const providers = deps.providers ?? createTodoProviders({ db, config: deps.config });

  return {
    async list(actor: Actor, q: ListNotificationsQuery): Promise<Page<Notification>> {
      const { rows, total } = await repo.list(actor.userId, {
        unreadOnly: q.unread === 'true',
        current: q.current,
        pageSize: q.pageSize,
      });
      return { data: rows.map(toNotificationDto), total, current: q.current, pageSize: q.pageSize };
    },

    async unreadCount(actor: Actor) {
      return { unread: await repo.unreadCount(actor.userId) };
    },

    /**
     * Reading state is the user's data too: marking read is recorded like any change, through the deferred audit path
     * (audit_pending, sealed into the chain within a second), because it is frequent and tiny. A repeat is recorded
     * as well: it is the user's act, and the first reading time stays.
     */
    async markRead(ctx: RequestContext, id: string): Promise<Notification> {
      const actor = ctx.actor!;
      return db.transaction(async (tx) => {
        const before = await repo.findOwn(actor.userId, id, tx);
        if (!before) throw notFound();
        const row = (await repo.markRead(actor.userId, id, tx))!;
        await recordDeferred(tx, ctx, [
          {
            action: 'notification.read',
            entity: 'notification',
            entityId: id,
            before: { readAt: before.readAt?.toISOString() ?? null },
            after: { readAt: row.readAt?.toISOString() ?? null, kind: row.kind },
          },
        ]);
        return toNotificationDto(row);
      });
    },

    async markAllRead(ctx: RequestContext): Promise<{ marked: number }> {
      const actor = ctx.actor!;
      return db.transaction(async (tx) => {
        const marked = await repo.markAllRead(actor.userId, tx);
        await recordDeferred(tx, ctx, [
          { action: 'notification.read_all', entity: 'notification', entityId: null, after: { marked } },
        ]);
        return { marked };
      });
    },

    /** Every provider at once, most urgent first; a failing provider fails the request rather than hide a to-do. */
    async todos(actor: Actor): Promise<Todo[]> {
      const lists = await Promise.all(Object.values(providers).map((p) => p(actor, db)));
      return lists.flat().sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
