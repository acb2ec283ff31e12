import { z } from 'zod';
import { PageQuerySchema } from './common/pagination.js';

/**
 * 消息与待办 (PRODUCT §3.10). A notification carries a kind and the values to word it; clients render the text in
 * the reader's language. To-dos are computed live from each module's own counts.
 */
export const NOTIFICATION_KINDS = [
  'meeting.planned',
  'meeting.changed',
  'meeting.cancelled',
  'leave.requested',
  'leave.approved',
  'leave.rejected',
  'study.plan',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** External channels beside the in-app message; which are on is rule data (`notify.channel.*`). */
export const NOTIFICATION_CHANNELS = ['sms', 'wechat'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NotificationParamValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);
export const NotificationParamsSchema = z.record(z.string(), NotificationParamValueSchema);
export type NotificationParams = z.infer<typeof NotificationParamsSchema>;

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: NotificationKindSchema,
    params: NotificationParamsSchema,
    link: z.string().nullable().describe('控制台路径（/meetings/…）或手机端路径（/m/…）'),
    sourceType: z.string(),
    sourceId: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsQuerySchema = PageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().describe('true：只看未读'),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const ReadAllResultSchema = z.object({ marked: z.number().int() });

export const TODO_KINDS = [
  'leave.approval',
  'transfer.approval',
  'meeting.unarchived',
  'term.overdue',
  'term.expiring',
  'recruitment.overdue',
  'recruitment.due_soon',
  'compliance.overdue',
  'compliance.warning',
  'meeting.upcoming',
  'leave.awaiting',
] as const;
export const TodoKindSchema = z.enum(TODO_KINDS);
export type TodoKind = z.infer<typeof TodoKindSchema>;

export const TodoItemSchema = z.object({
  id: z.string(),
  /** A name from the data (meeting title, member, organization), not a sentence. */
  title: z.string(),
  at: z.string().nullable().describe('相关时间（活动开始、申请日期、到期日）'),
  link: z.string(),
  count: z.number().int().optional().describe('该项下的条数（如一次活动的请假申请数）'),
});
export type TodoItem = z.infer<typeof TodoItemSchema>;

export const TodoSchema = z
  .object({
    kind: TodoKindSchema,
    count: z.number().int(),
    level: z.enum(['info', 'warning', 'danger']),
    link: z.string().describe('解决这项待办的页面'),
    params: NotificationParamsSchema,
    items: z.array(TodoItemSchema),
  })
  .meta({ id: 'Todo' });
export type Todo = z.infer<typeof TodoSchema>;
