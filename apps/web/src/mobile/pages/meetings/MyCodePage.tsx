import type { MemberCode } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useWakeLock } from '../../meetings/useWakeLock';
import '../../meetings/meetings.css';

/** Renew this long before the code expires, so the volunteer never scans a dying one. */
const RENEW_EARLY_MS = 5_000;
/** …but never sooner than this after a fetch, so a phone whose clock is off cannot make a request loop. */
const MIN_RENEW_MS = 10_000;

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** 我的签到码: a personal code for a door volunteer to scan (members whose phone cannot scan the room's code). */
export function MyCodePage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const now = useNow();
  useWakeLock(true);
  const query = useQuery({
    queryKey: ['me', 'checkin-code'],
    queryFn: () => api.get<MemberCode>('/me/checkin-code'),
    staleTime: 0,
    gcTime: 0,
    meta: { silent: true },
  });
  const { data, dataUpdatedAt, refetch } = query;

  useEffect(() => {
    if (!data) return;
    const due = new Date(data.validUntil).getTime() - RENEW_EARLY_MS - Date.now();
    const earliest = dataUpdatedAt + MIN_RENEW_MS - Date.now();
    const timer = window.setTimeout(() => void refetch(), Math.max(due, earliest, 0));
    return () => window.clearTimeout(timer);
  }, [data, dataUpdatedAt, refetch]);

  const seconds = data ? Math.max(0, Math.ceil((new Date(data.validUntil).getTime() - now) / 1000)) : 0;
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  return (
    <div className="m-page m-mm">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mm.code.title')}
      </NavBar>
      {query.isPending ? (
        <div className="m-loading">
          <DotLoading color="primary" />
        </div>
      ) : query.isError && !data ? (
        <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error.message}>
          <Button color="primary" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </ErrorBlock>
      ) : data ? (
        <section className="m-card m-mm-code" aria-label={t('mm.code.title')}>
          <div className="m-profile-name m-mm-code-name">{me.displayName}</div>
          <img className="m-mm-code-img" src={svgDataUrl(data.svg)} alt={t('mm.code.alt')} />
          <div className="m-mm-code-count" aria-live="off">
            {query.isFetching ? t('mm.code.refreshing') : t('mm.code.validFor', { time: countdown(seconds) })}
          </div>
          <p className="m-hint">{t('mm.code.hint')}</p>
          <Button size="small" fill="outline" loading={query.isFetching} onClick={() => void refetch()}>
            {t('mm.code.refresh')}
          </Button>
        </section>
      ) : null}
    </div>
  );
}

const countdown = (seconds: number) =>
  seconds >= 60 ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` : `${seconds}s`;

/** The current time, ticking every second. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
