import { CheckOutlined } from '@ant-design/icons';
import type { Notification } from '@red-engine/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Pagination, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { notificationApi, notificationKeys, useMarkRead, useUnreadCount } from '../../../lib/notifications';
import { PageContainer } from '../../components/PageContainer';
import { NotificationItem } from './NotificationItem';
import { useOpenLink } from './useOpenLink';
import './notifications.css';

const PAGE_SIZE = 20;

/** 消息: every message of the account, newest first, all or unread only. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [current, setCurrent] = useState(1);
  const unread = useUnreadCount().data?.unread ?? 0;
  const list = useQuery({
    queryKey: [...notificationKeys.list({ unread: unreadOnly, pageSize: PAGE_SIZE }), current],
    queryFn: () => notificationApi.list({ unread: unreadOnly, current, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const { one, all } = useMarkRead();
  const openLink = useOpenLink();

  const onOpen = (n: Notification) => {
    if (!n.readAt) one.mutate(n.id);
    openLink(n.link);
  };

  return (
    <PageContainer
      title={t('notif.title')}
      subTitle={t('notif.subTitle')}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={all.isPending}
          onClick={() =>
            all.mutate(undefined, { onSuccess: (r) => message.success(t('notif.markedAll', { n: r.marked })) })
          }
        >
          {t('notif.markAllRead')}
        </Button>
      }
    >
      <Card
        title={
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setCurrent(1);
            }}
            options={[
              { value: 'all', label: t('notif.all') },
              { value: 'unread', label: unread ? `${t('notif.unread')} ${unread}` : t('notif.unread') },
            ]}
          />
        }
        className="re-notif-card"
      >
        {list.isPending ? (
          <div className="re-notif-loading">
            <Spin />
          </div>
        ) : list.data?.data.length ? (
          <>
            <div className="re-notif-list">
              {list.data.data.map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={onOpen} />
              ))}
            </div>
            <div className="re-notif-pager">
              <Pagination
                current={current}
                pageSize={PAGE_SIZE}
                total={list.data.total}
                onChange={setCurrent}
                showSizeChanger={false}
                showTotal={(total) => t('notif.total', { total })}
              />
            </div>
          </>
        ) : (
          <Empty description={unreadOnly ? t('notif.emptyUnread') : t('notif.empty')} />
        )}
      </Card>
    </PageContainer>
  );
}
