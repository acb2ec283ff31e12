import type { MyEvaluation } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { MY_EVALUATIONS_KEY, myEvaluationApi } from '../../evaluation/api';
import '../../evaluation/evaluation.css';

/** 我的 → 评议投票: ballots to cast, my report or self-assessment, my published grade. */
export function MyEvaluationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: MY_EVALUATIONS_KEY, queryFn: myEvaluationApi.list, meta: { silent: true } });
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
    body = <ErrorBlock status="empty" className="m-empty" title={t('m.ev.empty')} description="" />;
  else
    body = (
      <div className="m-ev-list">
        {query.data.map((e) => (
          <EvaluationCard key={e.campaignId} e={e} onOpen={() => navigate(`/evaluations/${e.campaignId}`)} />
        ))}
      </div>
    );
  return (
    <div className="m-page m-ev">
      <NavBar back={t('common.back')} onBack={() => navigate('/me')}>
        {t('m.ev.title')}
      </NavBar>
      {body}
    </div>
  );
}

export function EvaluationCard({ e, onOpen }: { e: MyEvaluation; onOpen: () => void }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (e.mine?.finalGrade) lines.push(`${t('m.ev.myGrade')}：${t(`ev.grade.${e.mine.finalGrade}`)}`);
  else if (e.mine?.resultGrade) lines.push(`${t('m.ev.myResult')}：${t(`ev.choice.${e.mine.resultGrade}`)}`);
  return (
    <button type="button" className="m-card m-ev-card" onClick={onOpen}>
      <div className="m-ev-card-head">
        <span className="m-ev-card-title">{e.title}</span>
        {e.canVote ? (
          <Tag color="danger">{t('m.ev.toVote')}</Tag>
        ) : e.castAt ? (
          <Tag color="success" fill="outline">
            {t('m.ev.voted')}
          </Tag>
        ) : null}
      </div>
      <div className="m-ev-card-meta">
        <span>{t(`m.ev.kind.${e.kind}`)}</span>
        <span>{e.orgName}</span>
        {e.endsOn && <span>{t('m.ev.deadline', { date: e.endsOn })}</span>}
      </div>
      {e.castAt && (
        <div className="m-ev-card-line">{t('m.ev.votedAt', { time: formatBeijing(e.castAt, 'MM-DD HH:mm') })}</div>
      )}
      {lines.map((l) => (
        <div key={l} className="m-ev-card-line m-ev-strong">
          {l}
        </div>
      ))}
    </button>
  );
}
