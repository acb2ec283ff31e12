import {
  CalendarOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FileDoneOutlined,
  FileExclamationOutlined,
  FileSyncOutlined,
} from '@ant-design/icons';
import type { Notification, NotificationKind } from '@red-engine/shared';
import type { ReactNode } from 'react';
import { useNotificationText, useRelativeTime } from '../../../lib/notifications';

const ICONS: Record<NotificationKind, { icon: ReactNode; tone: string }> = {
  'meeting.planned': { icon: <CalendarOutlined />, tone: '#c8102e' },
  'meeting.changed': { icon: <EditOutlined />, tone: '#fa8c16' },
  'meeting.cancelled': { icon: <CloseCircleOutlined />, tone: '#8c8c8c' },
  'leave.requested': { icon: <FileSyncOutlined />, tone: '#d48806' },
  'leave.approved': { icon: <FileDoneOutlined />, tone: '#389e0d' },
  'leave.rejected': { icon: <FileExclamationOutlined />, tone: '#cf1322' },
  'study.plan': { icon: <FileDoneOutlined />, tone: '#d48806' },
};

/** One message: kind icon, title, the sentence, when; unread ones carry a red dot and a tinted background. */
export function NotificationItem({
  n,
  onOpen,
  compact = false,
}: {
  n: Notification;
  onOpen: (n: Notification) => void;
  compact?: boolean;
}) {
  const text = useNotificationText();
  const when = useRelativeTime();
  const { title, text: body } = text(n);
  const look = ICONS[n.kind];
  return (
    <button
      type="button"
      className={`re-notif-item${n.readAt ? '' : ' re-notif-unread'}${compact ? ' re-notif-compact' : ''}`}
      onClick={() => onOpen(n)}
    >
      <span className="re-notif-icon" style={{ color: look.tone, background: `${look.tone}14` }}>
        {look.icon}
      </span>
      <span className="re-notif-main">
        <span className="re-notif-head">
          <span className="re-notif-title">{title}</span>
          <span className="re-notif-time">{when(n.createdAt)}</span>
        </span>
        <span className="re-notif-text">{body}</span>
      </span>
      {!n.readAt && <span className="re-notif-dot" aria-hidden="true" />}
    </button>
  );
}
