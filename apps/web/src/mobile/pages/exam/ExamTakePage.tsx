import type { AnswerValue, Attempt } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { MY_EXAMS_KEY, myExamApi, myResultsKey } from './api';
import { QuestionView } from './QuestionView';
import './exam.css';

const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/**
 * 答题: starts or resumes the attempt (same questions and order after a lost connection), one question per screen,
 * every answer autosaved; the countdown runs on the server's deadline (corrected for this phone's clock). When the
 * time is up the answers lock and the paper is submitted within the grace period.
 */
export function ExamTakePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | null>>({});
  const [index, setIndex] = useState(0);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [now, setNow] = useState(Date.now());
  const [submitting, setSubmitting] = useState(false);
  const skew = useRef(0);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});

  const load = useCallback(async () => {
    try {
      const a = await myExamApi.start(id);
      skew.current = new Date(a.serverNow).getTime() - Date.now();
      setAttempt(a);
      setAnswers(Object.fromEntries(a.questions.map((q) => [q.id, q.answer])));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);

  const deadline = attempt?.deadline ? new Date(attempt.deadline).getTime() : null;
  const remaining = deadline === null ? null : Math.max(0, Math.floor((deadline - (now + skew.current)) / 1000));
  const late = remaining === 0;

  const submit = useCallback(async () => {
    if (submitting) return;
    setSubmitting(true);
    try {
      await Promise.all(Object.values(timers.current).map((h) => clearTimeout(h)));
      await myExamApi.submit(id);
      await queryClient.invalidateQueries({ queryKey: MY_EXAMS_KEY });
      await queryClient.invalidateQueries({ queryKey: myResultsKey(id) });
      navigate(`/exams/${id}/results`, { replace: true });
    } catch (e) {
      reportError(e);
      setSubmitting(false);
    }
  }, [id, navigate, queryClient, submitting]);

  // Time is up: answers lock at once; the paper goes in by itself within the grace period.
  const autoSubmitted = useRef(false);
  useEffect(() => {
    if (!late || !attempt || autoSubmitted.current) return;
    autoSubmitted.current = true;
    void submit();
  }, [late, attempt, submit]);

  const save = (questionId: string, value: AnswerValue) => {
    setSaveState('saving');
    myExamApi
      .save(id, questionId, value)
      .then(() => setSaveState('saved'))
      .catch((e) => {
        setSaveState('failed');
        if (isApiError(e) && e.code === 'EXAM_TIME_UP') reportError(e);
      });
  };
  const change = (questionId: string, value: AnswerValue, immediate: boolean) => {
    setAnswers((prev) => ({ ...prev, [questionId]: value }));
    clearTimeout(timers.current[questionId]);
    if (immediate) save(questionId, value);
    else timers.current[questionId] = setTimeout(() => save(questionId, value), 800);
  };

  if (error)
    return (
      <div className="m-page m-exam">
        <NavBar back={t('common.back')} onBack={() => navigate('/exams')}>
          {t('exam.h5.title')}
        </NavBar>
        <ErrorBlock status="default" title={error} description="">
          <Button onClick={() => navigate('/exams')}>{t('exam.h5.back')}</Button>
        </ErrorBlock>
      </div>
    );
  if (!attempt)
    return (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  const qs = attempt.questions;
  const q = qs[index]!;
  const unanswered = qs.filter((x) => answers[x.id] === null || answers[x.id] === undefined).length;
  const confirmSubmit = async () => {
    const ok = await Dialog.confirm({
      content: unanswered > 0 ? t('exam.h5.submitConfirm', { n: unanswered }) : t('exam.h5.submitConfirmAll'),
      confirmText: t('exam.h5.submit'),
      cancelText: t('common.cancel'),
    });
    if (ok) await submit();
  };
  return (
    <div className="m-page m-exam">
      <NavBar back={t('common.back')} onBack={() => navigate('/exams')}>
        {attempt.examTitle}
      </NavBar>
      <div className="m-exam-bar">
        <span>{t('exam.h5.question', { n: index + 1, total: qs.length })}</span>
        <span className="m-exam-save" aria-live="polite">
          {saveState === 'saving'
            ? t('exam.h5.saving')
            : saveState === 'saved'
              ? t('exam.h5.saved')
              : saveState === 'failed'
                ? t('exam.h5.saveFailed')
                : ''}
        </span>
        <span role="timer" aria-label={t('exam.h5.remaining')} className={`m-exam-clock${late ? ' m-exam-late' : ''}`}>
          {remaining === null
            ? t('exam.h5.noLimit')
            : late
              ? t('exam.h5.timeUp', { s: attempt.graceSeconds })
              : clock(remaining)}
        </span>
      </div>
      <div className="m-exam-q m-card">
        <QuestionView
          key={q.id}
          q={q}
          value={answers[q.id] ?? null}
          disabled={late || submitting}
          onChange={(v, now) => change(q.id, v, now)}
        />
      </div>
      <div className="m-exam-nav">
        <Button disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('exam.h5.prev')}
        </Button>
        {index < qs.length - 1 ? (
          <Button color="primary" fill="outline" onClick={() => setIndex(index + 1)}>
            {t('exam.h5.next')}
          </Button>
        ) : (
          <Button color="danger" loading={submitting} onClick={() => void confirmSubmit()}>
            {t('exam.h5.submit')}
          </Button>
        )}
      </div>
      <nav className="m-exam-dots" aria-label={t('exam.h5.title')}>
        {qs.map((x, i) => (
          <button
            key={x.id}
            type="button"
            aria-label={t('exam.h5.question', { n: i + 1, total: qs.length })}
            aria-current={i === index ? 'step' : undefined}
            className={`m-exam-dot${answers[x.id] !== null && answers[x.id] !== undefined ? ' m-exam-done' : ''}${i === index ? ' m-exam-here' : ''}`}
            onClick={() => setIndex(i)}
          >
            {i + 1}
          </button>
        ))}
      </nav>
      {index < qs.length - 1 && (
        <div className="m-exam-nav">
          <Button color="danger" fill="outline" loading={submitting} onClick={() => void confirmSubmit()}>
            {t('exam.h5.submit')}
          </Button>
        </div>
      )}
    </div>
  );
}
