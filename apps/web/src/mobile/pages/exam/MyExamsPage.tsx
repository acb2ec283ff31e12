import type { MyExam } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { MY_EXAMS_KEY, myExamApi } from './api';
import './exam.css';

const WINDOW_COLOR = { upcoming: 'primary', open: 'danger', closed: 'default' } as const;

/** 考试测验: the exams and quizzes of my audience; start, resume or see results. */
export function MyExamsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: MY_EXAMS_KEY, queryFn: myExamApi.list, meta: { silent: true } });
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
    body = <ErrorBlock status="empty" className="m-empty" title={t('exam.h5.empty')} description="" />;
  else body = query.data.map((e) => <ExamCard key={e.id} e={e} />);
  return (
    <div className="m-page m-exam">
      <NavBar back={t('common.back')} onBack={() => navigate('/')}>
        {t('exam.h5.title')}
      </NavBar>
      <div className="m-exam-list">{body}</div>
    </div>
  );
}

function ExamCard({ e }: { e: MyExam }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canStart = e.window === 'open' && (e.inProgressAttemptId !== null || e.attemptsUsed < e.attemptsAllowed);
  return (
    <section className="m-card" aria-label={e.title}>
      <div className="m-exam-head">
        <span className="m-exam-title">{e.title}</span>
        <Tag color={WINDOW_COLOR[e.window]} fill="outline">
          {t(`exam.h5.window.${e.window}`)}
        </Tag>
      </div>
      <div className="m-exam-meta">
        <span>{t(`exam.type.${e.kind}`)}</span>
        <span>{e.orgName}</span>
        {e.closesAt && (
          <span>{`${formatBeijing(e.opensAt, 'YYYY-MM-DD', '')} ~ ${formatBeijing(e.closesAt, 'YYYY-MM-DD HH:mm')}`}</span>
        )}
        <span>
          {t('exam.h5.meta', {
            n: e.questionCount,
            limit: e.timeLimitMinutes ? t('exam.minutes', { n: e.timeLimitMinutes }) : t('exam.h5.noLimit'),
            pass: e.passPercent,
          })}
        </span>
        <span>{t('exam.h5.attempts', { used: e.attemptsUsed, allowed: e.attemptsAllowed })}</span>
        {e.bestPercent !== null && <span>{t('exam.h5.best', { p: e.bestPercent })}</span>}
      </div>
      <div className="m-exam-actions">
        {canStart && (
          <Button color="danger" size="small" onClick={() => navigate(`/exams/${e.id}/take`)}>
            {e.inProgressAttemptId ? t('exam.h5.resume') : t('exam.h5.start')}
          </Button>
        )}
        {e.lastAttemptId && !e.inProgressAttemptId && (
          <Button size="small" onClick={() => navigate(`/exams/${e.id}/results`)}>
            {t('exam.h5.viewResult')}
          </Button>
        )}
      </div>
    </section>
  );
}
