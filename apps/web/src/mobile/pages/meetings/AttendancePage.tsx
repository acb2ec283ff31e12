import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { MyAttendanceSummary, MyMeeting, Page } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing, nowInBeijing, toBeijing } from '../../../lib/time';
import { MY_MEETINGS_KEY, useActivityTypeName } from '../../meetings/api';
import { StatusTag } from '../../meetings/MeetingCard';
import '../../meetings/meetings.css';

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/**
 * The meetings the summary counts: ended, not cancelled, started in `year` (the list is newest first, so paging stops
 * once it is past the year's start).
 */
async function pastMeetingsOf(year: number): Promise<MyMeeting[]> {
  const found: MyMeeting[] = [];
  for (let current = 1; current <= MAX_PAGES; current++) {
    const page = await api.get<Page<MyMeeting>>('/me/meetings', { when: 'past', current, pageSize: PAGE_SIZE });
    for (const m of page.data) if (toBeijing(m.startsAt).year() === year && m.phase !== 'cancelled') found.push(m);
    const last = page.data[page.data.length - 1];
    if (!last || toBeijing(last.startsAt).year() < year || current * PAGE_SIZE >= page.total) break;
  }
  return found;
}

/** 出勤记录: one year's 应到 / 实到 / 请假 / 缺席 / 出勤率 and the meetings behind them. */
export function AttendancePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = nowInBeijing().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const summary = useQuery({
    queryKey: [...MY_MEETINGS_KEY, 'attendance', year],
    queryFn: () => api.get<MyAttendanceSummary>('/me/attendance', { year }),
    meta: { silent: true },
  });
  const meetings = useQuery({
    queryKey: [...MY_MEETINGS_KEY, 'attendance-list', year],
    queryFn: () => pastMeetingsOf(year),
    meta: { silent: true },
  });
  const go = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  return (
    <div className="m-page m-mm">
      <NavBar back={t('common.back')} onBack={back}>
        {t('mm.att.title')}
      </NavBar>
      <section className="m-card" aria-label={t('mm.att.year', { year })}>
        <div className="m-mm-year">
          <Button size="small" fill="none" aria-label={String(year - 1)} onClick={() => go(year - 1)}>
            <LeftOutlined />
          </Button>
          <span className="m-mm-year-label">{t('mm.att.year', { year })}</span>
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
        {summary.data && <Summary summary={summary.data} />}
      </section>
      {meetings.isPending ? (
        <div className="m-pad" style={{ textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      ) : meetings.isError || summary.isError ? (
        <ErrorBlock
          status="disconnected"
          title={t('app.loadFailed')}
          description={(meetings.error ?? summary.error)?.message}
        >
          <Button
            color="primary"
            onClick={() => {
              void summary.refetch();
              void meetings.refetch();
            }}
          >
            {t('app.retry')}
          </Button>
        </ErrorBlock>
      ) : (
        <MeetingRows meetings={meetings.data} />
      )}
    </div>
  );
}

function Summary({ summary: s }: { summary: MyAttendanceSummary }) {
  const { t } = useI18n();
  const cells: [string, string | number, string?][] = [
    [t('mm.att.expected'), s.expected],
    [t('mm.att.present'), s.present],
    [t('mm.att.leave'), s.onLeave],
    [t('mm.att.absent'), s.absent],
    [t('mm.att.rate'), s.rate === null ? '—' : `${Math.round(s.rate * 100)}%`, 'm-mm-summary-rate'],
  ];
  return (
    <>
      <div className="m-mm-summary">
        {cells.map(([label, value, cls]) => (
          <div key={label} className={cls}>
            <div className="m-mm-summary-value">{value}</div>
            <div className="m-mm-summary-label">{label}</div>
          </div>
        ))}
      </div>
      {(s.late > 0 || s.madeUp > 0) && (
        <p className="m-hint" style={{ margin: '10px 0 0', textAlign: 'center' }}>
          {t('mm.att.lateMadeUp', { late: s.late, madeUp: s.madeUp })}
        </p>
      )}
    </>
  );
}

function MeetingRows({ meetings }: { meetings: MyMeeting[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const typeName = useActivityTypeName();
  if (meetings.length === 0)
    return <ErrorBlock status="empty" className="m-empty" title={t('mm.att.empty')} description="" />;
  return (
    <section className="m-card" aria-label={t('mm.att.list')}>
      <h2 className="m-section-title">{t('mm.att.list')}</h2>
      {meetings.map((m) => (
        <button
          type="button"
          key={m.id}
          className="m-mm-row m-mm-card"
          style={{ width: '100%', background: 'none' }}
          onClick={() => navigate(`/meetings/${m.id}`)}
        >
          <div className="m-mm-row-main">
            <div className="m-mm-row-title">{m.title}</div>
            <div className="m-mm-row-sub">
              {formatBeijing(m.startsAt, 'M/D HH:mm')} · {m.typeCodes.map(typeName).join(' / ')}
            </div>
          </div>
          <StatusTag status={m.myStatus} />
        </button>
      ))}
    </section>
  );
}
