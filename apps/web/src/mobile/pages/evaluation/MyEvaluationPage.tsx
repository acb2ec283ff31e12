import { LockOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { MyEvaluationDetail } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { MY_EVALUATIONS_KEY, myEvaluationApi } from '../../evaluation/api';
import { BallotForm } from './BallotForm';
import { MyEntryForm } from './MyEntryForm';
import '../../evaluation/evaluation.css';

/** One evaluation on H5: my ballot (or that I have voted), my report or self-assessment, my result. */
export function MyEvaluationPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: [...MY_EVALUATIONS_KEY, id],
    queryFn: () => myEvaluationApi.get(id),
    meta: { silent: true },
  });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/evaluations'));
  let body: ReactNode;
  if (query.isPending)
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  else if (query.isError && isApiError(query.error) && query.error.status === 404)
    body = <ErrorBlock status="empty" className="m-empty" title={t('ev.detail.notFound')} description="" />;
  else if (query.isError || !query.data)
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error?.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  else body = <Detail e={query.data} />;
  return (
    <div className="m-page m-ev">
      <NavBar back={t('common.back')} onBack={back}>
        {t('m.ev.title')}
      </NavBar>
      {body}
    </div>
  );
}

function Detail({ e }: { e: MyEvaluationDetail }) {
  const { t } = useI18n();
  const status =
    e.status === 'closed' && e.kind === 'member_evaluation' ? t('ev.status.closedMember') : t(`ev.status.${e.status}`);
  return (
    <>
      <section className="m-card m-ev-head" aria-label={e.title}>
        <h1 className="m-ev-title">{e.title}</h1>
        <div className="m-ev-card-meta">
          <span>{t(`m.ev.kind.${e.kind}`)}</span>
          <span>{e.orgName}</span>
          <Tag color="primary" fill="outline">
            {status}
          </Tag>
        </div>
      </section>
      {e.mine && <MyResult e={e} />}
      {e.mine && <MyEntryForm e={e} />}
      {e.castAt ? (
        <section className="m-card m-ev-voted">
          <div className="m-ev-voted-mark">✓</div>
          <div>
            <strong>{t('m.ev.votedAt', { time: formatBeijing(e.castAt, 'MM-DD HH:mm') })}</strong>
          </div>
        </section>
      ) : e.status === 'voting' && e.eligible ? (
        <BallotForm e={e} />
      ) : (
        <p className="m-hint m-pad">
          {e.status === 'preparing' ? t('m.ev.notOpen') : e.status === 'voting' ? t('m.ev.notOnRoll') : t('m.ev.ended')}
        </p>
      )}
      <p className="m-hint m-pad m-ev-secrecy">
        <LockOutlined /> {t('m.ev.secrecy')}
      </p>
    </>
  );
}

/** My grade (民主评议, once confirmed) or my overall grade and the superior's comment (述职评议). */
function MyResult({ e }: { e: MyEvaluationDetail }) {
  const { t } = useI18n();
  const mine = e.mine!;
  if (e.kind === 'member_evaluation') {
    if (e.status === 'preparing' || e.status === 'voting') return null;
    return (
      <List className="m-list" header={t('m.ev.myGrade')}>
        <List.Item
          extra={
            mine.finalGrade ? (
              <span className={`m-ev-grade m-ev-grade-${mine.finalGrade}`}>{t(`ev.grade.${mine.finalGrade}`)}</span>
            ) : (
              <span className="m-hint">{mine.graded ? t('m.ev.gradePending') : t('m.ev.notGraded')}</span>
            )
          }
        >
          {t('m.ev.yearLabel', { year: e.year })}
        </List.Item>
      </List>
    );
  }
  if (!mine.resultGrade && !mine.comment && mine.attachments.length === 0) return null;
  return (
    <List className="m-list" header={t('m.ev.myResult')}>
      {mine.resultGrade && (
        <List.Item extra={<span className="m-ev-grade">{t(`ev.choice.${mine.resultGrade}`)}</span>}>
          {t('m.ev.myResult')}
        </List.Item>
      )}
      {mine.comment && <List.Item description={mine.comment}>{t('m.ev.myComment')}</List.Item>}
      {mine.attachments.map((a) => (
        <List.Item key={a.id} prefix={<PaperClipOutlined />}>
          {a.fileName}
        </List.Item>
      ))}
    </List>
  );
}
