import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../../lib/i18n';
import { formatBeijing } from '../../../../lib/time';
import { LogoMark } from '../../../components/Logo';
import { PageLoading } from '../../../components/PageLoading';
import { competitionApi, competitionKeys } from '../api';
import './board.css';

const BOARD_POLL_MS = 2_000;

const mmss = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
};

/** 竞赛大屏: progress, countdown on the server's clock, team standings and the published top list; polls every 2 s. */
export default function CompetitionBoardPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const board = useQuery({
    queryKey: competitionKeys.board(id),
    queryFn: () => competitionApi.board(id),
    refetchInterval: BOARD_POLL_MS,
    refetchIntervalInBackground: true,
    retry: true,
    enabled: Boolean(id),
    meta: { silent: true },
  });
  const [tick, setTick] = useState(() => Date.now());
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const h = setInterval(() => setTick(Date.now()), 500);
    return () => clearInterval(h);
  }, []);
  useEffect(() => {
    if (board.data) setOffset(Date.parse(board.data.serverNow) - Date.now());
  }, [board.data]);
  useEffect(() => {
    if (board.data?.title) document.title = `${t('cmp.board')} · ${board.data.title}`;
  }, [board.data?.title, t]);

  if (board.isPending) return <PageLoading fullscreen />;
  if (board.isError) return <Result status="404" title={board.error.message} />;
  const b = board.data;
  const now = tick + offset;
  const countdown =
    b.status === 'scheduled'
      ? { label: t('cmp.board.startsIn'), value: mmss(Date.parse(b.startsAt) - now) }
      : b.status === 'running'
        ? { label: t('cmp.board.endsIn'), value: mmss(Date.parse(b.endsAt) - now) }
        : { label: t(`cmp.status.${b.status}`), value: '—' };
  const stats: [string, number][] = [
    [t('cmp.board.joined'), b.joined],
    [t('cmp.board.started'), b.started],
    [t('cmp.board.finished'), b.finished],
    [t('cmp.board.answers'), b.answers],
    [t('cmp.board.flagged'), b.flagged],
  ];
  return (
    <div className="cb-screen">
      <header className="cb-head">
        <LogoMark />
        <div className="cb-title">
          <h1>{b.title}</h1>
          <div className="cb-sub">
            {formatBeijing(b.startsAt)} ~ {formatBeijing(b.endsAt, 'HH:mm')} ·{' '}
            {t('cmp.detail.rules', { n: b.questionCount })}
          </div>
        </div>
        <div className="cb-countdown" role="timer">
          <div className="cb-countdown-label">{countdown.label}</div>
          <div className="cb-countdown-value">{countdown.value}</div>
        </div>
      </header>
      <section className="cb-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="cb-stat">
            <output aria-label={label}>{value}</output>
            <span>{label}</span>
          </div>
        ))}
      </section>
      <main className="cb-main">
        <section className="cb-panel">
          <h2>{t('cmp.board.teams')}</h2>
          {b.teams.length === 0 ? (
            <div className="cb-empty">{t('cmp.board.noTeams')}</div>
          ) : (
            <ol className="cb-list">
              {b.teams.slice(0, 12).map((x) => (
                <li key={x.orgId}>
                  <span className="cb-rank">{x.rank}</span>
                  <span className="cb-name">{x.orgName}</span>
                  <span className="cb-meta">{x.members}</span>
                  <span className="cb-score">{x.score}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        {b.top.length > 0 && (
          <section className="cb-panel">
            <h2>{t('cmp.board.top')}</h2>
            <ol className="cb-list">
              {b.top.map((x) => (
                <li key={x.memberId}>
                  <span className="cb-rank">{x.rank}</span>
                  <span className="cb-name">{x.name}</span>
                  <span className="cb-meta">{x.orgName}</span>
                  <span className="cb-score">{x.score}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </main>
    </div>
  );
}
