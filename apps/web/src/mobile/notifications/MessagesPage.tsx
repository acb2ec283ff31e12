import type { Notification, NotificationKind, Page } from '@red-engine/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Badge, Button, DotLoading, ErrorBlock, NavBar, Tabs, Toast } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';
import {
  notificationApi,
  notificationKeys,
  useMarkRead,
  useNotificationText,
  useRelativeTime,
  useUnreadCount,
} from '../../lib/notifications';
import { useOpenLink } from './useOpenLink';
import './notifications.css';

const PAGE_SIZE = 20;
const TONE: Record<NotificationKind, string> = {
  'meeting.planned': '#c8102e',
  'meeting.changed': '#fa8c16',
  'meeting.cancelled': '#8c8c8c',
  'leave.requested': '#d48806',
  'leave.approved': '#389e0d',
  'leave.rejected': '#cf1322',
  'study.plan': '#d48806',
};

/** 消息: my messages, all or unread; a tap marks one read and opens what it is about. */
export function MessagesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('tab') === 'unread';
  const unread = useUnreadCount().data?.unread ?? 0;
  const { all } = useMarkRead();
  return (
    <div className="m-page m-msg">
      <NavBar
        back={t('common.back')}
        onBack={() => navigate(-1)}
        right={
          <Button
            size="mini"
            fill="none"
            color="primary"
            disabled={unread === 0}
            loading={all.isPending}
            onClick={() =>
              all.mutate(undefined, {
                onSuccess: (r) => Toast.show({ content: t('notif.markedAll', { n: r.marked }) }),
              })
            }
          >
            {t('notif.markAllRead')}
          </Button>
        }
      >
        {t('notif.title')}
      </NavBar>
      <Tabs
        activeKey={unreadOnly ? 'unread' : 'all'}
        onChange={(key) => setParams(key === 'unread' ? { tab: 'unread' } : {}, { replace: true })}
      >
        <Tabs.Tab title={t('notif.all')} key="all" />
        <Tabs.Tab
          title={
            <Badge content={unread > 0 ? unread : null} style={{ '--right': '-12px', '--top': '2px' }}>
              {t('notif.unread')}
            </Badge>
          }
          key="unread"
        />
      </Tabs>
      <MessageList key={String(unreadOnly)} unreadOnly={unreadOnly} />
    </div>
  );
}

function MessageList({ unreadOnly }: { unreadOnly: boolean }) {
  const { t } = useI18n();
  const text = useNotificationText();
  const when = useRelativeTime();
  const openLink = useOpenLink();
  const { one } = useMarkRead();
  const query = useInfiniteQuery({
    queryKey: [...notificationKeys.all, 'pages', unreadOnly],
    queryFn: ({ pageParam }) =>
      notificationApi.list({ unread: unreadOnly, current: pageParam, pageSize: PAGE_SIZE }) as Promise<
        Page<Notification>
      >,
    initialPageParam: 1,
    getNextPageParam: (last) => (last.current * last.pageSize < last.total ? last.current + 1 : undefined),
    meta: { silent: true },
  });

  if (query.isPending)
    return (
      <div className="m-msg-loading">
        <DotLoading color="primary" />
      </div>
    );
  if (query.isError)
    return (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  const items = query.data.pages.flatMap((p) => p.data);
  if (items.length === 0)
    return (
      <ErrorBlock
        status="empty"
        className="m-empty"
        title={unreadOnly ? t('notif.emptyUnread') : t('notif.empty')}
        description=""
      />
    );
  const open = (n: Notification) => {
    if (!n.readAt) one.mutate(n.id);
    openLink(n.link);
  };
  return (
    <div className="m-msg-list">
      {items.map((n) => {
        const { title, text: body } = text(n);
        return (
          <button
            key={n.id}
            type="button"
            className={`m-card m-msg-item${n.readAt ? '' : ' m-msg-unread'}`}
            onClick={() => open(n)}
          >
            <span className="m-msg-head">
              <span className="m-msg-kind" style={{ color: TONE[n.kind] }}>
                {!n.readAt && <span className="m-msg-dot" role="img" aria-label={t('notif.unread')} />}
                {title}
              </span>
              <span className="m-msg-time">{when(n.createdAt)}</span>
            </span>
            <span className="m-msg-text">{body}</span>
          </button>
        );
      })}
      {query.hasNextPage ? (
        <div className="m-pad">
          <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('notif.more')}
          </Button>
        </div>
      ) : (
        <p className="m-footer">{t('notif.total', { total: query.data.pages[0]?.total ?? items.length })}</p>
      )}
    </div>
  );
}
