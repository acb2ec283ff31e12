import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@red-engine/shared';
import { App, Badge, Button, Empty, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMarkRead, useNotifications, useUnreadCount } from '../../../lib/notifications';
import { NotificationItem } from './NotificationItem';
import { useOpenLink } from './useOpenLink';
import './notifications.css';

const RECENT = 8;

/** The header bell: unread badge, the latest messages in a popover, mark read, and a way to all of them. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
  const list = useNotifications({ unread: false, pageSize: RECENT }, open);
  const { one, all } = useMarkRead();
  const openLink = useOpenLink();

  const onOpen = (n: Notification) => {
    setOpen(false);
    if (!n.readAt) one.mutate(n.id);
    openLink(n.link);
  };
  const readAll = () =>
    all.mutate(undefined, { onSuccess: (r) => message.success(t('notif.markedAll', { n: r.marked })) });

  const content = (
    <div className="re-notif-panel">
      <div className="re-notif-panel-head">
        <span className="re-notif-panel-title">
          {t('notif.bell')}
          {unread > 0 && <span className="re-notif-panel-count">{t('notif.unreadBadge', { n: unread })}</span>}
        </span>
        <Button type="link" size="small" disabled={unread === 0} loading={all.isPending} onClick={readAll}>
          {t('notif.markAllRead')}
        </Button>
      </div>
      <div className="re-notif-panel-body">
        {list.isPending ? (
          <div className="re-notif-loading">
            <Spin />
          </div>
        ) : list.data?.data.length ? (
          list.data.data.map((n) => <NotificationItem key={n.id} n={n} onOpen={onOpen} compact />)
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
        )}
      </div>
      <button
        type="button"
        className="re-notif-panel-foot"
        onClick={() => {
          setOpen(false);
          navigate('/notifications');
        }}
      >
        {t('notif.viewAll')}
      </button>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={content}
      arrow={false}
      styles={{ container: { padding: 0 } }}
    >
      <button
        type="button"
        className="re-bell"
        aria-label={unread ? `${t('notif.bell')}（${t('notif.unreadBadge', { n: unread })}）` : t('notif.bell')}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="re-bell-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
