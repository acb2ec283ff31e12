import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useUnreadCount } from '../../lib/notifications';

/** The bell in the H5 hero: unread count as a badge, a tap opens 消息. */
export function MessagesEntry() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <button
      type="button"
      className="m-hero-bell"
      onClick={() => navigate('/messages')}
      aria-label={unread ? `${t('notif.title')}（${t('notif.unreadBadge', { n: unread })}）` : t('notif.title')}
    >
      <Badge content={unread > 0 ? (unread > 99 ? '99+' : unread) : null}>
        <BellOutlined />
      </Badge>
    </button>
  );
}
