import type { Notification, NotificationKind } from '@red-engine/shared';
import type { NotificationRow } from './notification.repository.js';

/** The whitelisted form of a message; the recipient is implied (it is always the caller). */
export function toNotificationDto(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    params: r.params,
    link: r.link,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}
