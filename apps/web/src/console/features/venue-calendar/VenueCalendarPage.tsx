import {
  CalendarOutlined,
  EnvironmentOutlined,
  LeftOutlined,
  PlusOutlined,
  RightOutlined,
  TeamOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { fromBeijing, nowInBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { MeetingFormDrawer, type MeetingFormTarget } from '../meetings/form/MeetingFormDrawer';
import { useVenueOptions } from '../meetings/form/VenueField';
import { BOOKINGS_LIMIT, useVenueBookings } from './api';
import { Legend } from './BookingParts';
import {
  type CalendarBooking,
  type CalendarView,
  firstFreeStart,
  rangeOf,
  toCalendarBookings,
  weekStart,
} from './calendar-model';
import { MonthView } from './MonthView';
import { WeekView } from './WeekView';
import './venue-calendar.css';

const DATE_PARAM = /^\d{4}-\d{2}-\d{2}$/;
/** The Beijing clock moves on while the page is open: the "now" line and what counts as past. */
const CLOCK_MS = 60_000;

function useBeijingNow(): Dayjs {
  const [now, setNow] = useState(nowInBeijing);
  useEffect(() => {
    const id = setInterval(() => setNow(nowInBeijing()), CLOCK_MS);
    return () => clearInterval(id);
  }, []);
  return now;
}

/**
 * 阵地预约日历: one venue's bookings by month or by week, in Beijing time. Overlapping bookings (legacy data; the
 * server refuses new ones) are red; other organizations' meetings show only as 已预约（其他组织）. A free day or
 * slot opens the 新建活动 drawer with the venue and the time filled in; a booking opens its meeting.
 * The view, the date and the cancelled switch live in the address (`?view=week&date=2026-05-12&cancelled=1`).
 */
export default function VenueCalendarPage() {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const { venueId } = useParams();
  const [params, setParams] = useSearchParams();
  const venues = useVenueOptions();
  const list = venues.data?.data ?? [];
  const venue = list.find((v) => v.id === venueId);
  const now = useBeijingNow();
  const today = now.startOf('day');
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const dateParam = params.get('date');
  const anchor = dateParam && DATE_PARAM.test(dateParam) ? dayjs(dateParam) : today;
  const showCancelled = params.get('cancelled') === '1';
  const canPlan = can('meeting:write');
  const [formTarget, setFormTarget] = useState<MeetingFormTarget | null>(null);

  // /venues/calendar without a venue opens the first one.
  useEffect(() => {
    if (!venueId && list[0]) navigate(`/venues/calendar/${list[0].id}?${params.toString()}`, { replace: true });
  }, [venueId, list, navigate, params]);

  const range = rangeOf(view, anchor);
  const bookings = useVenueBookings(venueId, fromBeijing(range.from), fromBeijing(range.to), showCancelled);
  const all = useMemo(() => toCalendarBookings(bookings.data ?? []), [bookings.data]);

  const setParam = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const goTo = (d: Dayjs) => setParam({ date: d.format('YYYY-MM-DD') });
  const step = (n: number) => goTo(view === 'week' ? anchor.add(n, 'week') : anchor.add(n, 'month'));

  const inPeriod = all.filter((b) =>
    view === 'week'
      ? b.end.isAfter(range.from) && b.start.isBefore(range.to)
      : b.end.isAfter(anchor.startOf('month')) && b.start.isBefore(anchor.endOf('month')),
  );
  const active = inPeriod.filter((b) => b.status !== 'cancelled');
  const conflicts = active.filter((b) => b.conflict).length;

  const planAt = (start: Dayjs) => setFormTarget({ mode: 'create', prefill: { venueId, startsAt: start } });
  const planDay = (day: Dayjs) =>
    planAt(
      firstFreeStart(
        day,
        all.filter((b) => b.start.isSame(day, 'day')),
        now,
      ),
    );
  const open = (b: CalendarBooking) => navigate(`/meetings/${b.meetingId}`);

  const monday = weekStart(anchor);
  const periodTitle =
    view === 'month'
      ? anchor.format(locale === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY')
      : t('venueCal.weekRange', {
          from: monday.format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'),
          to: monday.add(6, 'day').format(locale === 'zh-CN' ? 'M月D日' : 'MMM D'),
        });
  const isCurrent = view === 'week' ? monday.isSame(weekStart(today), 'day') : anchor.isSame(today, 'month');

  if (venues.isSuccess && list.length === 0) {
    return (
      <PageContainer title={t('venueCal.title')} subTitle={t('venueCal.subTitle')}>
        <Card>
          <Empty description={t('venueCal.noVenues')}>
            <Typography.Paragraph type="secondary">{t('venueCal.noVenuesHint')}</Typography.Paragraph>
            <Link to="/venues">{t('venueCal.toVenues')}</Link>
          </Empty>
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={t('venueCal.title')}
      subTitle={t('venueCal.subTitle')}
      extra={
        canPlan &&
        venueId && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => planDay(anchor.isBefore(today) ? today : anchor)}
          >
            {t('venueCal.plan')}
          </Button>
        )
      }
    >
      <Card className="re-vc-card">
        <div className="re-vc-venue-bar">
          <Select<string>
            className="re-vc-venue-select"
            aria-label={t('venueCal.venue')}
            placeholder={t('venueCal.venuePlaceholder')}
            loading={venues.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            value={venueId}
            onChange={(id) => navigate(`/venues/calendar/${id}?${params.toString()}`)}
            options={list.map((v) => ({ value: v.id, label: v.name }))}
            suffixIcon={<EnvironmentOutlined />}
          />
          {venue && (
            <Space size={16} wrap className="re-vc-venue-facts">
              <Typography.Text type="secondary">{venue.ownerOrgName}</Typography.Text>
              {venue.address && (
                <Typography.Text type="secondary">
                  <EnvironmentOutlined /> {venue.address}
                </Typography.Text>
              )}
              {venue.capacity && (
                <Typography.Text type="secondary">
                  <TeamOutlined /> {t('venueCal.capacity', { n: venue.capacity })}
                </Typography.Text>
              )}
              {venue.openHours && (
                <Typography.Text type="secondary">
                  {t('venueCal.openHours', { hours: venue.openHours })}
                </Typography.Text>
              )}
            </Space>
          )}
          <Legend />
        </div>

        <div className="re-vc-toolbar">
          <Space size={8} wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={view === 'week' ? t('venueCal.prevWeek') : t('venueCal.prevMonth')}
              onClick={() => step(-1)}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={view === 'week' ? t('venueCal.nextWeek') : t('venueCal.nextMonth')}
              onClick={() => step(1)}
            />
            <Button icon={<CalendarOutlined />} disabled={isCurrent} onClick={() => setParam({ date: null })}>
              {t('venueCal.today')}
            </Button>
            <Typography.Title level={5} className="re-vc-period" aria-live="polite">
              {periodTitle}
            </Typography.Title>
            <Typography.Text type="secondary">
              {view === 'week'
                ? t('venueCal.weekCount', { count: active.length })
                : t('venueCal.monthCount', { count: active.length })}
            </Typography.Text>
            {conflicts > 0 && (
              <Typography.Text type="danger" strong>
                <WarningFilled /> {t('venueCal.conflictCount', { count: conflicts })}
              </Typography.Text>
            )}
          </Space>
          <Space size={16} wrap>
            <Checkbox
              className="re-vc-switch"
              checked={showCancelled}
              onChange={(e) => setParam({ cancelled: e.target.checked ? '1' : null })}
            >
              {t('venueCal.showCancelled')}
            </Checkbox>
            <Segmented<CalendarView>
              aria-label={t('venueCal.view')}
              value={view}
              onChange={(v) => setParam({ view: v === 'week' ? 'week' : null })}
              options={[
                { value: 'month', label: t('venueCal.viewMonth') },
                { value: 'week', label: t('venueCal.viewWeek') },
              ]}
            />
          </Space>
        </div>

        {bookings.isError && <Alert type="error" showIcon className="re-vc-alert" title={t('venueCal.loadFailed')} />}
        {(bookings.data?.length ?? 0) >= BOOKINGS_LIMIT && (
          <Alert type="warning" showIcon className="re-vc-alert" title={t('venueCal.truncated')} />
        )}
        {!venueId || bookings.isPending ? (
          <Skeleton active paragraph={{ rows: 12 }} />
        ) : view === 'month' ? (
          <MonthView
            anchor={anchor}
            today={today}
            bookings={all}
            canPlan={canPlan}
            onPlanDay={planDay}
            onOpen={open}
            onNavigate={goTo}
          />
        ) : (
          <>
            <WeekView anchor={anchor} now={now} bookings={all} canPlan={canPlan} onPlanAt={planAt} onOpen={open} />
            {inPeriod.length === 0 && (
              <Typography.Paragraph type="secondary" className="re-vc-empty-week">
                {t('venueCal.emptyWeek')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
      <MeetingFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
    </PageContainer>
  );
}
