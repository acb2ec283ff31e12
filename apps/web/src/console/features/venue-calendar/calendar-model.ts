import { overlappingIds, type VenueBooking } from '@red-engine/shared';
import type { Dayjs } from 'dayjs';
import { toBeijing } from '../../../lib/time';

/**
 * The calendar works on Beijing wall-clock Dayjs values (lib/time): a cell's date, a slot's start and a booking's
 * times are all read on Beijing's clock, whatever the browser's zone.
 */
export type CalendarView = 'month' | 'week';

export interface CalendarBooking extends VenueBooking {
  start: Dayjs;
  end: Dayjs;
  /** Overlaps another booking of the venue that is not cancelled (legacy data). */
  conflict: boolean;
}

export const DAY_KEY = 'YYYY-MM-DD';

export function toCalendarBookings(list: readonly VenueBooking[]): CalendarBooking[] {
  const clashing = overlappingIds(list.filter((b) => b.status !== 'cancelled').map((b) => ({ ...b, id: b.meetingId })));
  return list
    .map((b) => ({ ...b, start: toBeijing(b.startsAt), end: toBeijing(b.endsAt), conflict: clashing.has(b.meetingId) }))
    .sort((a, b) => a.start.valueOf() - b.start.valueOf() || a.end.valueOf() - b.end.valueOf());
}

/** Bookings by Beijing day (`YYYY-MM-DD`); one over midnight appears on each day it covers. */
export function byDay(list: readonly CalendarBooking[]): Map<string, CalendarBooking[]> {
  const map = new Map<string, CalendarBooking[]>();
  for (const b of list) {
    const last = b.end.subtract(1, 'minute');
    for (let d = b.start.startOf('day'); !d.isAfter(last, 'day'); d = d.add(1, 'day')) {
      const key = d.format(DAY_KEY);
      map.set(key, [...(map.get(key) ?? []), b]);
    }
  }
  return map;
}

/** Monday of the week holding the day (the working week of Chinese offices, in either language). */
export const weekStart = (d: Dayjs): Dayjs => d.startOf('day').subtract((d.day() + 6) % 7, 'day');

/** What to fetch for the view: the whole grid of a month (6 weeks around it) or the 7 days of a week. */
export function rangeOf(view: CalendarView, anchor: Dayjs): { from: Dayjs; to: Dayjs } {
  if (view === 'week') {
    const from = weekStart(anchor);
    return { from, to: from.add(7, 'day') };
  }
  const first = anchor.startOf('month');
  return { from: weekStart(first).subtract(7, 'day'), to: first.add(1, 'month').add(14, 'day') };
}

const PLAN_MINUTES = 120;

/**
 * A sensible start for a plan on a day: the first half hour from 09:00 (or from now, today) that leaves two free
 * hours before 21:00; 09:00 when the day is full.
 */
export function firstFreeStart(day: Dayjs, bookings: readonly CalendarBooking[], now: Dayjs): Dayjs {
  const dayStart = day.startOf('day');
  const busy = bookings.filter((b) => b.status !== 'cancelled');
  for (let c = dayStart.hour(9); c.add(PLAN_MINUTES, 'minute').hour() <= 21 && c.isSame(dayStart, 'day'); ) {
    const end = c.add(PLAN_MINUTES, 'minute');
    const free = !busy.some((b) => b.start.isBefore(end) && b.end.isAfter(c));
    if (free && !c.isBefore(now)) return c;
    c = c.add(30, 'minute');
  }
  return dayStart.hour(9);
}
