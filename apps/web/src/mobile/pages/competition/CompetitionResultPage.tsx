import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { myCompetitionApi } from './api';
import './competition.css';

/** My result: score, own rank, my branch and the team standings; the individual list only when the event publishes it. */
export function CompetitionResultPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams<{ id: string }>();
  const query = useQuery({
    queryKey: ['me', 'competitions', id, 'result'],
    queryFn: () => myCompetitionApi.result(id),
    meta: { silent: true },
  });
  let body: React.ReactNode;
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
  else {
    const r = query.data;
    body = (
      <>
        <div className="m-card m-cmp-result">
          <div className="m-cmp-card-title">{r.title}</div>
          <div className="m-cmp-result-score">{r.score}</div>
          <div>{t('m.cmp.correctCount', { c: r.correct, n: r.questionCount })}</div>
          <div className="m-cmp-result-rank">
            {r.rank ? t('m.cmp.rank', { rank: r.rank, total: r.participants }) : t('m.cmp.noRank')}
          </div>
        </div>
        {r.myTeam && (
          <List header={t('m.cmp.myTeam')} className="m-cmp-section">
            <List.Item extra={`#${r.myTeam.rank}`} description={t('m.cmp.teamScore', r.myTeam)}>
              {r.myTeam.orgName}
            </List.Item>
          </List>
        )}
        {r.teams.length > 0 && (
          <List header={t('m.cmp.teams')} className="m-cmp-section">
            {r.teams.slice(0, 20).map((x) => (
              <List.Item key={x.orgId} prefix={<span className="m-cmp-rank">{x.rank}</span>} extra={x.score}>
                {x.orgName}
              </List.Item>
            ))}
          </List>
        )}
        {r.top.length > 0 && (
          <List header={t('m.cmp.top')} className="m-cmp-section">
            {r.top.map((x) => (
              <List.Item
                key={`${x.rank}-${x.name}-${x.orgName}`}
                prefix={<span className="m-cmp-rank">{x.rank}</span>}
                description={x.orgName}
                extra={x.score}
              >
                {x.name}
              </List.Item>
            ))}
          </List>
        )}
      </>
    );
  }
  return (
    <div className="m-page m-cmp">
      <NavBar back={t('common.back')} onBack={() => navigate('/competitions')}>
        {t('m.cmp.result')}
      </NavBar>
      <div className="m-cmp-list">{body}</div>
    </div>
  );
}
