import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { members } from './members.js';

/** The values a client needs to word a notification in either language (names, times, counts; never a sentence). */
export type NotificationParams = Record<string, string | number | boolean | null | string[]>;

/**
 * 站内消息: one row per recipient account, written in the transaction of the change that causes it. The text is
 * rendered by the client from `kind` and `params`, so it reads in the recipient's language.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    recipientUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** meeting.planned | meeting.changed | meeting.cancelled | leave.requested | leave.approved | leave.rejected */
    kind: text().notNull(),
    params: jsonb().$type<NotificationParams>().notNull(),
    /** Where a click leads: a console path (`/meetings/…`) or an H5 path (`/m/meetings/…`). */
    link: text(),
    sourceType: text().notNull(),
    sourceId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_read_created_idx').on(t.recipientUserId, t.readAt, t.createdAt),
    index('notifications_source_idx').on(t.sourceType, t.sourceId),
  ],
);

/**
 * One external delivery (SMS, WeChat) waiting for or done by the dispatcher. The address is the recipient's phone as
 * sealed on their record (AES-GCM), copied at the time of the change; the sender opens it only to send.
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** sms | wechat */
    channel: text().notNull(),
    recipientUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    recipientMemberId: uuid().references(() => members.id),
    addressEnc: text(),
    kind: text().notNull(),
    params: jsonb().$type<NotificationParams>().notNull(),
    sourceType: text().notNull(),
    sourceId: uuid().notNull(),
    /** pending | sent | failed */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notification_outbox_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
    index('notification_outbox_source_idx').on(t.sourceType, t.sourceId),
    index('notification_outbox_recipient_user_id_idx').on(t.recipientUserId),
    index('notification_outbox_recipient_member_id_idx').on(t.recipientMemberId),
  ],
);
