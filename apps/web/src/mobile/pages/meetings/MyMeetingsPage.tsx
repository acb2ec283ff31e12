import type { MyMeeting, Page } from '@red-engine/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Tabs } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { MY_MEETINGS_KEY } from '../../meetings/api';
import { MeetingCard } from '../../meetings/MeetingCard';
import '../../meetings/meetings.css';

type When = 'upcoming' | 'past';
const PAGE_SIZE = 20;

/** 我的活动: the meetings I am expected at, upcoming and past, each with my own status. */
export function MyMeetingsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  return (
    <div className="m-page m-mm">
      <NavBar back={t('common.back')} onBack={() => navigate('/')}>
        {t('mm.list.title')}
      </NavBar>
      <Tabs
        className="m-mm-tabs"
        activeKey={when}
        onChange={(key) => setParams(key === 'past' ? { when: 'past' } : {}, { replace: true })}
      >
        <Tabs.Tab title={t('mm.list.upcoming')} key="upcoming" />
        <Tabs.Tab title={t('mm.list.past')} key="past" />
      </Tabs>
      <MeetingList key={when} when={when} />
    </div>
  );
}

function MeetingList({ when }: { when: When }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useInfiniteQuery({
    queryKey: [...MY_MEETINGS_KEY, 'list', when],
    queryFn: ({ pageParam }) =>
      api.get<Page<MyMeeting>>('/me/meetings', { when, current: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.current * last.pageSize < last.total ? last.current + 1 : undefined),
    meta: { silent: true },
  });

  if (query.isPending)
    return (
      <div className="m-loading">
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
  const meetings = query.data.pages.flatMap((p) => p.data);
  if (meetings.length === 0)
    return (
      <ErrorBlock
        status="empty"
        className="m-empty"
        title={when === 'past' ? t('mm.list.emptyPast') : t('mm.list.emptyUpcoming')}
        description=""
      />
    );
  return (
    <div className="m-mm-list">
      {meetings.map((m) => (
        <MeetingCard key={m.id} meeting={m} onOpen={() => navigate(`/meetings/${m.id}`)} />
      ))}
      {query.hasNextPage ? (
        <div className="m-pad">
          <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('mm.list.more')}
          </Button>
        </div>
      ) : (
        <p className="m-footer">{t('mm.list.total', { total: query.data.pages[0]?.total ?? meetings.length })}</p>
      )}
    </div>
  );
}
