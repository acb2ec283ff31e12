import { StopOutlined, WarningFilled } from '@ant-design/icons';
import { layoutLanes } from '@red-engine/shared';
import { Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { type CSSProperties, useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { BookingTooltip, spanText, toneOf, useBookingTitle } from './BookingParts';
import { byDay, type CalendarBooking, DAY_KEY, weekStart } from './calendar-model';

/** Pixels per half hour, and the hours shown unless a booking lies outside them. */
const SLOT_PX = 26;
const PX_PER_MINUTE = SLOT_PX / 30;
const FIRST_HOUR = 7;
const LAST_HOUR = 22;

interface Segment {
  booking: CalendarBooking;
  from: Dayjs;
  to: Dayjs;
}

/**
 * 周视图: seven day columns (Monday first) by the hour; bookings are blocks side by side when they overlap, red
 * when they clash. Free half hours are buttons that plan an activity there; past ones are inert.
 */
export function WeekView({
  anchor,
  now,
  bookings,
  canPlan,
  onPlanAt,
  onOpen,
}: {
  anchor: Dayjs;
  now: Dayjs;
  bookings: CalendarBooking[];
  canPlan: boolean;
  onPlanAt: (start: Dayjs) => void;
  onOpen: (b: CalendarBooking) => void;
}) {
  const { t, locale } = useI18n();
  const monday = weekStart(anchor);
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => monday.add(i, 'day')), [monday]);
  const perDay = useMemo(() => byDay(bookings), [bookings]);

  // Widen the hours to every booking of the week.
  let first = FIRST_HOUR;
  let last = LAST_HOUR;
  for (const d of days) {
    for (const b of perDay.get(d.format(DAY_KEY)) ?? []) {
      const from = b.start.isBefore(d) ? d : b.start;
      const to = b.end.isAfter(d.add(1, 'day')) ? d.add(1, 'day') : b.end;
      first = Math.min(first, from.hour());
      last = Math.max(last, to.isSame(d, 'day') ? to.hour() + (to.minute() > 0 ? 1 : 0) : 24);
    }
  }
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const height = (last - first) * 2 * SLOT_PX;

  return (
    <div className="re-vc-week" style={{ '--re-vc-slot': `${SLOT_PX}px` } as CSSProperties}>
      <div className="re-vc-week-head">
        <div className="re-vc-gutter-head">{t('venueCal.timeColumn')}</div>
        {days.map((d) => (
          <div
            key={d.format(DAY_KEY)}
            className="re-vc-day-head"
            data-today={d.isSame(now, 'day') || undefined}
            data-weekend={d.day() === 0 || d.day() === 6 || undefined}
          >
            <span className="re-vc-day-name">{d.format('ddd')}</span>
            <span className="re-vc-day-date">{d.format(locale === 'zh-CN' ? 'M月D日' : 'MMM D')}</span>
          </div>
        ))}
      </div>
      <div className="re-vc-week-body" style={{ height }}>
        <div className="re-vc-gutter" aria-hidden="true">
          {hours.map((h) => (
            <div key={h} className="re-vc-hour" style={{ top: (h - first) * 2 * SLOT_PX }}>
              {`${String(h).padStart(2, '0')}:00`}
            </div>
          ))}
        </div>
        {days.map((d) => (
          <DayColumn
            key={d.format(DAY_KEY)}
            day={d}
            first={first}
            last={last}
            now={now}
            bookings={perDay.get(d.format(DAY_KEY)) ?? []}
            canPlan={canPlan}
            onPlanAt={onPlanAt}
            onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
}

function DayColumn({
  day,
  first,
  last,
  now,
  bookings,
  canPlan,
  onPlanAt,
  onOpen,
}: {
  day: Dayjs;
  first: number;
  last: number;
  now: Dayjs;
  bookings: CalendarBooking[];
  canPlan: boolean;
  onPlanAt: (start: Dayjs) => void;
  onOpen: (b: CalendarBooking) => void;
}) {
  const { t, locale } = useI18n();
  const top = day.hour(first);
  const bottom = last === 24 ? day.add(1, 'day') : day.hour(last);
  const segments: Segment[] = bookings
    .map((b) => ({
      booking: b,
      from: b.start.isBefore(top) ? top : b.start,
      to: b.end.isAfter(bottom) ? bottom : b.end,
    }))
    .filter((s) => s.to.isAfter(s.from));
  const lanes = layoutLanes(
    segments.map((s) => ({
      id: s.booking.meetingId,
      startsAt: s.from.toISOString(),
      endsAt: s.to.toISOString(),
    })),
  );
  const slots = Array.from({ length: (last - first) * 2 }, (_, i) => top.add(i * 30, 'minute'));
  const isToday = day.isSame(now, 'day');
  const nowTop = now.diff(top, 'minute') * PX_PER_MINUTE;
  const label = (s: Dayjs) => s.format(locale === 'zh-CN' ? 'M月D日 HH:mm' : 'MMM D HH:mm');

  return (
    <div
      className="re-vc-day-col"
      data-date={day.format(DAY_KEY)}
      data-weekend={day.day() === 0 || day.day() === 6 || undefined}
    >
      {slots.map((s) => {
        const past = s.add(30, 'minute').isBefore(now) || s.add(30, 'minute').isSame(now);
        const enabled = canPlan && !past;
        return (
          <button
            key={s.format('HH:mm')}
            type="button"
            className="re-vc-slot"
            data-time={s.format('HH:mm')}
            data-past={past || undefined}
            data-hour={s.minute() === 0 || undefined}
            disabled={!enabled}
            tabIndex={enabled ? 0 : -1}
            aria-label={enabled ? t('venueCal.planAt', { time: label(s) }) : undefined}
            onClick={() => onPlanAt(s.isBefore(now) ? now.add(5 - (now.minute() % 5), 'minute').second(0) : s)}
          />
        );
      })}
      {segments.map((s) => {
        const lane = lanes.get(s.booking.meetingId) ?? { lane: 0, lanes: 1 };
        return (
          <Block
            key={s.booking.meetingId}
            segment={s}
            style={{
              top: s.from.diff(top, 'minute') * PX_PER_MINUTE,
              height: Math.max(s.to.diff(s.from, 'minute') * PX_PER_MINUTE, 18),
              left: `calc(${(lane.lane / lane.lanes) * 100}% + 2px)`,
              width: `calc(${100 / lane.lanes}% - 4px)`,
            }}
            onOpen={onOpen}
          />
        );
      })}
      {isToday && nowTop >= 0 && nowTop <= (last - first) * 2 * SLOT_PX && (
        <div className="re-vc-now" style={{ top: nowTop }} role="presentation" title={t('venueCal.now')} />
      )}
    </div>
  );
}

function Block({
  segment: { booking: b, from, to },
  style,
  onOpen,
}: {
  segment: Segment;
  style: CSSProperties;
  onOpen: (b: CalendarBooking) => void;
}) {
  const title = useBookingTitle();
  const minutes = to.diff(from, 'minute');
  const short = minutes < 50;
  const size = short ? 'short' : minutes < 95 ? 'medium' : 'long';
  return (
    <Tooltip title={<BookingTooltip booking={b} />} placement="right">
      <button
        type="button"
        className="re-vc-block"
        data-tone={toneOf(b)}
        data-short={short || undefined}
        data-size={size}
        aria-disabled={!b.inScope}
        style={style}
        onClick={() => b.inScope && onOpen(b)}
      >
        <span className="re-vc-block-time">
          {b.conflict && <WarningFilled />}
          {b.status === 'cancelled' && <StopOutlined />} {spanText(b)}
        </span>
        <span className="re-vc-block-title">{title(b)}</span>
        {size === 'long' && b.orgName && <span className="re-vc-block-org">{b.orgName}</span>}
      </button>
    </Tooltip>
  );
}
