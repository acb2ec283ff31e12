import type { AttemptResult } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { myExamApi, myResultsKey } from './api';
import './exam.css';

type Q = AttemptResult['questions'][number];

/** 成绩: each finished attempt, latest first, with my answers, the right answers and the explanations once released. */
export function ExamResultPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: myResultsKey(id), queryFn: () => myExamApi.results(id), meta: { silent: true } });
  return (
    <div className="m-page m-exam">
      <NavBar back={t('common.back')} onBack={() => navigate('/exams')}>
        {query.data?.[0]?.examTitle ?? t('exam.h5.viewResult')}
      </NavBar>
      {query.isPending ? (
        <div className="m-loading">
          <DotLoading color="primary" />
        </div>
      ) : query.isError ? (
        <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error.message} />
      ) : query.data.length === 0 ? (
        <ErrorBlock status="empty" title={t('exam.h5.empty')} description="" />
      ) : (
        <div className="m-exam-list">
          {query.data.map((r) => (
            <AttemptCard key={r.id} r={r} />
          ))}
          <Button onClick={() => navigate('/exams')}>{t('exam.h5.back')}</Button>
        </div>
      )}
    </div>
  );
}

function AttemptCard({ r }: { r: AttemptResult }) {
  const { t } = useI18n();
  return (
    <section className="m-card" aria-label={t('exam.h5.attemptN', { n: r.attemptNo })}>
      <div className="m-exam-head">
        <span className="m-exam-title">{t('exam.h5.attemptN', { n: r.attemptNo })}</span>
        <span className="m-exam-save">{formatBeijing(r.submittedAt)}</span>
      </div>
      {!r.released ? (
        <div className="m-exam-score">{t('exam.h5.pending')}</div>
      ) : (
        <>
          <div className="m-exam-score" role="status">
            <strong>{r.percent}%</strong>
            <div>
              {t('exam.h5.score', { score: r.score ?? 0, max: r.maxScore })}{' '}
              <Tag color={r.passed ? 'success' : 'danger'}>{r.passed ? t('exam.h5.passed') : t('exam.h5.failed')}</Tag>
            </div>
          </div>
          {r.questions.map((q, i) => (
            <Review key={q.id} q={q} n={i + 1} />
          ))}
        </>
      )}
    </section>
  );
}

function Review({ q, n }: { q: Q; n: number }) {
  const { t } = useI18n();
  const show = (a: Q['answer'] | Q['correctAnswer'] | null): string => {
    if (a === null || (Array.isArray(a) && a.length === 0)) return t('exam.h5.noAnswer');
    if (typeof a === 'boolean') return a ? t('exam.true') : t('exam.false');
    if (typeof a === 'string') return a;
    return a
      .map((x) =>
        typeof x === 'boolean' ? (x ? t('exam.true') : t('exam.false')) : Array.isArray(x) ? x.join(' / ') : x,
      )
      .join(q.kind === 'fill' ? '；' : '');
  };
  return (
    <div className="m-exam-review">
      <div>
        <span className={q.correct ? 'm-exam-right' : 'm-exam-wrong'}>{q.correct ? '✓' : '✗'}</span> {n}. {q.stem}
      </div>
      {q.options.length > 0 && (
        <div className="m-exam-save">{q.options.map((o) => `${o.key}. ${o.text}`).join('　')}</div>
      )}
      <div>
        {t('exam.h5.yourAnswer')}：{show(q.answer)}　{t('exam.h5.rightAnswer')}：{show(q.correctAnswer)}
      </div>
      {q.explanation && (
        <div className="m-exam-save">
          {t('exam.h5.explanation')}：{q.explanation}
        </div>
      )}
    </div>
  );
}
