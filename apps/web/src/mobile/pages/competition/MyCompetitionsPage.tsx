import type { MyCompetition } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { MY_COMPETITIONS_KEY, myCompetitionApi } from './api';
import './competition.css';

const TAG_COLOR = {
  scheduled: 'primary',
  running: 'danger',
  finished: 'success',
  cancelled: 'default',
  draft: 'default',
} as const;

/** 知识竞赛: the competitions I may join (my organization is in their audience), newest first. */
export function MyCompetitionsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: MY_COMPETITIONS_KEY, queryFn: myCompetitionApi.list, meta: { silent: true } });
  let body: ReactNode;
  if (query.isPending)
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  else if (query.isError)
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  else if (query.data.length === 0)
    body = <ErrorBlock status="empty" className="m-empty" title={t('m.cmp.empty')} description="" />;
  else body = query.data.map((c) => <CompetitionCard key={c.id} c={c} />);
  return (
    <div className="m-page m-cmp">
      <NavBar back={t('common.back')} onBack={() => navigate('/')}>
        {t('m.cmp.title')}
      </NavBar>
      <div className="m-cmp-list">{body}</div>
    </div>
  );
}

function CompetitionCard({ c }: { c: MyCompetition }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const done = c.status === 'finished' || c.answered >= c.questionCount;
  return (
    <div className="m-card m-cmp-card">
      <div className="m-cmp-card-head">
        <span className="m-cmp-card-title">{c.title}</span>
        <Tag color={TAG_COLOR[c.status]} fill="outline">
          {t(`cmp.status.${c.status}`)}
        </Tag>
      </div>
      <div className="m-cmp-card-meta">
        <span>{c.orgName}</span>
        <span>
          {formatBeijing(c.startsAt, 'MM-DD HH:mm')} ~ {formatBeijing(c.endsAt, 'HH:mm')}
        </span>
        <span>{t('m.cmp.questions', { n: c.questionCount, s: c.questionSeconds })}</span>
      </div>
      {c.score !== null && <div className="m-cmp-card-score">{t('m.cmp.myScore', { score: c.score })}</div>}
      <div className="m-cmp-card-actions">
        {(c.status === 'scheduled' || c.status === 'running') && !done && (
          <Button color="danger" size="small" onClick={() => navigate(`/competitions/${c.id}`)}>
            {c.joined ? t('m.cmp.continue') : t('m.cmp.enter')}
          </Button>
        )}
        {c.joined && (
          <Button size="small" onClick={() => navigate(`/competitions/${c.id}/result`)}>
            {t('m.cmp.result')}
          </Button>
        )}
      </div>
    </div>
  );
}
