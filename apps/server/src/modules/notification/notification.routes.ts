import {
  IdParamsSchema,
  ListNotificationsQuerySchema,
  NotificationSchema,
  pageOf,
  ReadAllResultSchema,
  TodoSchema,
  UnreadCountSchema,
} from '@red-engine/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NotificationService } from './notification.service.js';

export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  const tags = ['notifications'];
  app.get(
    '/me/notifications',
    {
      schema: { tags, querystring: ListNotificationsQuerySchema, response: { 200: pageOf(NotificationSchema) } },
    },
    (req) => notifications.list(req.ctx.actor!, req.query),
  );
  app.get('/me/notifications/unread-count', { schema: { tags, response: { 200: UnreadCountSchema } } }, (req) =>
    notifications.unreadCount(req.ctx.actor!),
  );
  app.post(
    '/me/notifications/:id/read',
    { schema: { tags, params: IdParamsSchema, response: { 200: NotificationSchema } } },
    (req) => notifications.markRead(req.ctx, req.params.id),
  );
  app.post('/me/notifications/read-all', { schema: { tags, response: { 200: ReadAllResultSchema } } }, (req) =>
    notifications.markAllRead(req.ctx),
  );
  app.get('/me/todos', { schema: { tags, response: { 200: z.array(TodoSchema) } } }, (req) =>
    notifications.todos(req.ctx.actor!),
  );
};
