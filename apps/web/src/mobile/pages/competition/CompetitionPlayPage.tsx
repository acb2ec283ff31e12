import type { PlayQuestion, PlayState } from '@red-engine/shared';
import { Button, Checkbox, DotLoading, ErrorBlock, Input, NavBar, ProgressBar, Radio, Space, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { myCompetitionApi } from './api';
import './competition.css';

/** Seconds left until an instant of the server clock, from this phone's clock corrected by the measured offset. */
const secondsUntil = (iso: string, offsetMs: number, now: number) =>
  Math.max(0, Math.ceil((Date.parse(iso) - (now + offsetMs)) / 1000));

function Countdown({ to, offset, label }: { to: string; offset: number; label: (s: number) => string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(h);
  }, []);
  return <>{label(secondsUntil(to, offset, now))}</>;
}

function QuestionCard({
  q,
  offset,
  onSubmit,
  busy,
}: {
  q: PlayQuestion;
  offset: number;
  onSubmit: (answer: (string | boolean)[]) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [single, setSingle] = useState<string>();
  const [multi, setMulti] = useState<string[]>([]);
  const [blanks, setBlanks] = useState<string[]>(() => Array.from({ length: q.blanks }, () => ''));
  const limit = Date.parse(q.deadline) - Date.parse(q.openedAt);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(h);
  }, []);
  const leftMs = Math.max(0, Date.parse(q.deadline) - (now + offset));
  const answer: (string | boolean)[] | null =
    q.kind === 'single'
      ? single
        ? [single]
        : null
      : q.kind === 'multiple'
        ? multi.length
          ? multi
          : null
        : q.kind === 'fill'
          ? blanks
          : null;
  return (
    <div className="m-card m-cmp-q">
      <div className="m-cmp-q-head">
        <span>{t('m.cmp.question', { i: q.position + 1, n: q.total })}</span>
        <span className={leftMs < 5000 ? 'm-cmp-urgent' : ''}>{t('m.cmp.left', { s: Math.ceil(leftMs / 1000) })}</span>
      </div>
      <ProgressBar percent={(leftMs / Math.max(1, limit)) * 100} style={{ '--fill-color': '#c8102e' }} />
      <div className="m-cmp-stem">{q.stem}</div>
      {q.kind === 'single' && (
        <Radio.Group value={single} onChange={(v) => setSingle(String(v))}>
          <Space direction="vertical" block>
            {q.options.map((o) => (
              <Radio key={o.key} value={o.key} block className="m-cmp-option">
                {o.key}. {o.text}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {q.kind === 'multiple' && (
        <Checkbox.Group value={multi} onChange={(v) => setMulti(v.map(String))}>
          <Space direction="vertical" block>
            {q.options.map((o) => (
              <Checkbox key={o.key} value={o.key} block className="m-cmp-option">
                {o.key}. {o.text}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      )}
      {q.kind === 'true_false' && (
        <div className="m-cmp-tf">
          <Button block color="success" disabled={busy} onClick={() => onSubmit([true])}>
            {t('m.cmp.true')}
          </Button>
          <Button block color="danger" disabled={busy} onClick={() => onSubmit([false])}>
            {t('m.cmp.false')}
          </Button>
        </div>
      )}
      {q.kind === 'fill' &&
        blanks.map((b, i) => (
          <Input
            // biome-ignore lint/suspicious/noArrayIndexKey: the blanks of a question are positional
            key={i}
            className="m-cmp-blank"
            value={b}
            placeholder={t('m.cmp.fillPlaceholder', { i: i + 1 })}
            onChange={(v) => setBlanks((all) => all.map((x, k) => (k === i ? v : x)))}
          />
        ))}
      {q.kind !== 'true_false' && (
        <Button
          block
          color="danger"
          size="large"
          className="m-cmp-submit"
          loading={busy}
          disabled={!answer || leftMs === 0}
          onClick={() => {
            if (answer) onSubmit(answer);
          }}
        >
          {t('m.cmp.submit')}
        </Button>
      )}
    </div>
  );
}

/**
 * Lobby, staggered start and answering: the server's clock decides when the first question comes and when each one
 * closes; "wait N ms" answers are retried automatically; a question that times out is left for the next one.
 */
export function CompetitionPlayPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams<{ id: string }>();
  const [state, setState] = useState<PlayState | null>(null);
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const take = useCallback((s: PlayState) => {
    setOffset(Date.parse(s.serverNow) - Date.now());
    setState(s);
  }, []);

  const play = useCallback(async () => {
    try {
      take(await myCompetitionApi.play(id));
      setFailed(null);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  }, [id, take]);

  useEffect(() => {
    myCompetitionApi
      .join(id)
      .then(take)
      .catch((e) => setFailed(e instanceof Error ? e.message : String(e)));
  }, [id, take]);

  // Lobby and queue: come back when the server says; a question: move on when its time is up.
  useEffect(() => {
    clearTimeout(timer.current);
    if (!state) return;
    let wait: number | null = null;
    if (state.state === 'lobby' || state.state === 'waiting')
      wait = (state.retryAfterMs ?? 1000) + Math.floor(Math.random() * 400);
    if (state.state === 'question' && state.question)
      wait = Math.max(0, Date.parse(state.question.deadline) - (Date.now() + offset)) + 1200;
    if (wait !== null) timer.current = setTimeout(() => void play(), Math.min(wait, 60_000));
    return () => clearTimeout(timer.current);
  }, [state, offset, play]);

  const submit = async (answer: (string | boolean)[]) => {
    if (!state?.question) return;
    setBusy(true);
    try {
      const r = await myCompetitionApi.answer(id, { position: state.question.position, answer });
      Toast.show({
        icon: r.correct ? 'success' : 'fail',
        content: r.correct ? t('m.cmp.correct', { p: r.points }) : t('m.cmp.wrong'),
        duration: 800,
      });
    } catch (e) {
      Toast.show({ icon: 'fail', content: isApiError(e) ? e.message : t('m.cmp.late') });
    } finally {
      setBusy(false);
      await play();
    }
  };

  let body: React.ReactNode;
  if (failed)
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={failed}>
        <Button color="primary" onClick={() => void play()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  else if (!state)
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  else if (state.state === 'lobby')
    body = (
      <div className="m-card m-cmp-lobby">
        <div className="m-cmp-lobby-label">{t('m.cmp.lobby')}</div>
        <div className="m-cmp-lobby-label">{t('m.cmp.startsIn')}</div>
        <div className="m-cmp-lobby-clock" role="timer">
          <Countdown
            to={state.startsAt}
            offset={offset}
            label={(s) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`}
          />
        </div>
        <div className="m-cmp-hint">{t('m.cmp.serverClock')}</div>
      </div>
    );
  else if (state.state === 'waiting')
    body = (
      <div className="m-card m-cmp-lobby">
        <DotLoading color="primary" />
        <div className="m-cmp-hint">
          {t('m.cmp.waiting', { s: Math.max(1, Math.ceil((state.retryAfterMs ?? 1000) / 1000)) })}
        </div>
      </div>
    );
  else if (state.state === 'question' && state.question)
    body = (
      <QuestionCard
        key={state.question.position}
        q={state.question}
        offset={offset}
        busy={busy}
        onSubmit={(a) => void submit(a)}
      />
    );
  else
    body = (
      <div className="m-card m-cmp-lobby">
        <div className="m-cmp-lobby-label">{state.state === 'finished' ? t('m.cmp.finished') : t('m.cmp.closed')}</div>
        <Button color="danger" onClick={() => navigate(`/competitions/${id}/result`)}>
          {t('m.cmp.result')}
        </Button>
      </div>
    );
  return (
    <div className="m-page m-cmp">
      <NavBar back={t('common.back')} onBack={() => navigate('/competitions')}>
        {t('m.cmp.title')}
      </NavBar>
      {state && (state.state === 'question' || state.answered > 0) && (
        <div className="m-cmp-scoreline">
          {t('m.cmp.score')} {state.score}
        </div>
      )}
      <div className="m-cmp-list">{body}</div>
    </div>
  );
}
