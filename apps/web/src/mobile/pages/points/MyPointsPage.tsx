import { FileSearchOutlined, LeftOutlined, ProfileOutlined, RightOutlined, StarOutlined } from '@ant-design/icons';
import type { PointEntry } from '@red-engine/shared';
import { Button, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMyPoints } from '../../points/api';
import { EntryRow, Stars } from '../../points/parts';
import '../../points/points.css';
import { toBeijing } from '../../../lib/time';

/** Entries grouped by month, newest first. */
function byMonth(entries: PointEntry[]) {
  const groups = new Map<string, PointEntry[]>();
  for (const e of entries) groups.set(e.occurredOn.slice(0, 7), [...(groups.get(e.occurredOn.slice(0, 7)) ?? []), e]);
  return [...groups.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

/** 我的积分: my total, stars and standing (a band, never a rank), and every entry with its rule and source. */
export function MyPointsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = toBeijing(new Date()).year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const points = useMyPoints(year);
  const go = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/me'));
  const d = points.data;
  return (
    <div className="m-page m-pt">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mp.title')}
      </NavBar>
      <section className="m-pt-hero" aria-label={t('mp.total')}>
        <div className="m-pt-year">
          <Button size="small" fill="none" aria-label={String(year - 1)} onClick={() => go(year - 1)}>
            <LeftOutlined />
          </Button>
          <span>{t('mp.year', { year })}</span>
          <Button
            size="small"
            fill="none"
            aria-label={String(year + 1)}
            disabled={year >= thisYear}
            onClick={() => go(year + 1)}
          >
            <RightOutlined />
          </Button>
        </div>
        <div className="m-pt-total-label">{t('mp.total')}</div>
        <div className="m-pt-total" data-testid="my-points-total">
          {d ? d.total : '—'}
        </div>
        {d && (
          <div className="m-pt-hero-stars">
            <Stars stars={d.stars.stars} size={20} />
            {d.stars.basis !== 'thresholds' && (
              <span className="m-pt-hero-basis">{t(`points.basis.${d.stars.basis}`)}</span>
            )}
          </div>
        )}
        {d?.standing && (
          <div className="m-pt-standing">
            <div>{t('mp.standing', { band: t(`mp.band.${d.standing.band}`) })}</div>
            <div className="m-pt-standing-sub">
              {t('mp.branchAverage', { avg: d.standing.branchAverage, n: d.standing.branchMembers })}
            </div>
          </div>
        )}
      </section>
      <nav className="m-pt-links">
        <button type="button" onClick={() => navigate('/points/stars')}>
          <StarOutlined />
          <span>{t('mp.stars')}</span>
        </button>
        <button type="button" onClick={() => navigate('/points/rules')}>
          <ProfileOutlined />
          <span>{t('mp.rules')}</span>
        </button>
        <button type="button" onClick={() => navigate('/points/objections')}>
          <FileSearchOutlined />
          <span>{t('mp.objections')}</span>
        </button>
      </nav>
      <p className="m-hint m-pt-privacy">{t('mp.noRanking')}</p>
      {points.isPending ? (
        <div className="m-pad" style={{ textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      ) : points.isError ? (
        <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={points.error.message}>
          <Button color="primary" onClick={() => void points.refetch()}>
            {t('app.retry')}
          </Button>
        </ErrorBlock>
      ) : d!.entries.length === 0 ? (
        <ErrorBlock status="empty" className="m-empty" title={t('mp.empty')} description="" />
      ) : (
        <section className="m-card" aria-label={t('mp.entries')}>
          <h2 className="m-section-title">{t('mp.entries')}</h2>
          <p className="m-hint">{t('mp.entriesHint')}</p>
          {byMonth(d!.entries).map(([month, entries]) => (
            <div key={month} className="m-pt-month">
              <div className="m-pt-month-head">
                <span>{t('mp.period.month', { y: month.slice(0, 4), m: Number(month.slice(5)) })}</span>
                <span className="m-pt-month-sum">{entries.reduce((s, e) => s + e.points, 0)}</span>
              </div>
              {entries.map((e) => (
                <EntryRow key={e.id} e={e} />
              ))}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
