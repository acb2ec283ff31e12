import { WarningFilled } from '@ant-design/icons';
import { Calendar, Popover, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { BookingTooltip, toneOf, useBookingTitle } from './BookingParts';
import { byDay, type CalendarBooking, DAY_KEY } from './calendar-model';

const PER_DAY = 3;

/**
 * 月视图: each day lists its bookings (time, title or 已预约（其他组织）, organization in the tooltip). A click on a
 * day of the shown month plans an activity on it; a click on a booking opens the meeting.
 */
export function MonthView({
  anchor,
  today,
  bookings,
  canPlan,
  onPlanDay,
  onOpen,
  onNavigate,
}: {
  anchor: Dayjs;
  today: Dayjs;
  bookings: CalendarBooking[];
  canPlan: boolean;
  onPlanDay: (day: Dayjs) => void;
  onOpen: (b: CalendarBooking) => void;
  onNavigate: (day: Dayjs) => void;
}) {
  const { t } = useI18n();
  const days = useMemo(() => byDay(bookings), [bookings]);
  const plannable = (d: Dayjs) => canPlan && d.isSame(anchor, 'month') && !d.isBefore(today, 'day');

  return (
    <Calendar
      className="re-vc-month"
      value={anchor}
      headerRender={() => null}
      onSelect={(d, info) => {
        if (info.source !== 'date') return;
        if (!d.isSame(anchor, 'month')) onNavigate(d);
        else if (plannable(d)) onPlanDay(d);
      }}
      // The whole cell is drawn here, so that "today" is Beijing's today rather than the browser's.
      fullCellRender={(date, info) => {
        if (info.type !== 'date') return info.originNode;
        const list = days.get(date.format(DAY_KEY)) ?? [];
        return (
          <div className="ant-picker-calendar-date re-vc-cell" data-today={date.isSame(today, 'day') || undefined}>
            <div className="ant-picker-calendar-date-value">{date.date()}</div>
            <div className="ant-picker-calendar-date-content re-vc-day" data-date={date.format(DAY_KEY)}>
              <DayBookings list={list} onOpen={onOpen} />
              {plannable(date) && <span className="re-vc-plan-hint">{t('venueCal.planHere')}</span>}
            </div>
          </div>
        );
      }}
    />
  );
}

function DayBookings({ list, onOpen }: { list: CalendarBooking[]; onOpen: (b: CalendarBooking) => void }) {
  const { t } = useI18n();
  if (list.length === 0) return null;
  const shown = list.slice(0, PER_DAY);
  return (
    <ul className="re-vc-day-list">
      {shown.map((b) => (
        <li key={b.meetingId}>
          <BookingLine booking={b} onOpen={onOpen} />
        </li>
      ))}
      {list.length > PER_DAY && (
        <li>
          <Popover
            trigger="click"
            placement="right"
            content={
              <ul className="re-vc-day-list re-vc-popover-list">
                {list.map((b) => (
                  <li key={b.meetingId}>
                    <BookingLine booking={b} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            }
          >
            <button type="button" className="re-vc-more" onClick={(e) => e.stopPropagation()}>
              {t('venueCal.more', { count: list.length - PER_DAY })}
            </button>
          </Popover>
        </li>
      )}
    </ul>
  );
}

function BookingLine({ booking: b, onOpen }: { booking: CalendarBooking; onOpen: (b: CalendarBooking) => void }) {
  const title = useBookingTitle();
  return (
    <Tooltip title={<BookingTooltip booking={b} />} placement="top">
      <button
        type="button"
        className="re-vc-line"
        data-tone={toneOf(b)}
        aria-disabled={!b.inScope}
        onClick={(e) => {
          e.stopPropagation();
          if (b.inScope) onOpen(b);
        }}
      >
        {b.conflict && <WarningFilled className="re-vc-line-icon" />}
        <span className="re-vc-line-time">{b.start.format('HH:mm')}</span>
        <span className="re-vc-line-title">{title(b)}</span>
      </button>
    </Tooltip>
  );
}
