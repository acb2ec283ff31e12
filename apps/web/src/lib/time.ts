import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * One time zone everywhere: the development zone works in Beijing time, so every date and time the console and
 * the H5 pages show — and every time typed into a picker — means Asia/Shanghai, whatever zone the browser is in.
 * The server stores instants (timestamptz) and sends ISO strings; only this module turns them into clock readings.
 */
export const TIME_ZONE = 'Asia/Shanghai';

export type Instant = string | number | Date | Dayjs;

/** An instant read on Beijing's clock, formatted; `empty` for no value. */
export function formatBeijing(v: Instant | null | undefined, pattern = 'YYYY-MM-DD HH:mm', empty = '—'): string {
  if (v === null || v === undefined || v === '') return empty;
  return dayjs(v).tz(TIME_ZONE).format(pattern);
}

export const formatDateTime = (v: Instant | null | undefined, empty = '—') =>
  formatBeijing(v, 'YYYY-MM-DD HH:mm', empty);
export const formatDateTimeSeconds = (v: Instant | null | undefined, empty = '—') =>
  formatBeijing(v, 'YYYY-MM-DD HH:mm:ss', empty);
export const formatBeijingDate = (v: Instant | null | undefined, empty = '—') => formatBeijing(v, 'YYYY-MM-DD', empty);
export const formatClock = (v: Instant | null | undefined, empty = '—') => formatBeijing(v, 'HH:mm', empty);

/**
 * An instant as a "Beijing wall clock" Dayjs: a plain local Dayjs whose fields (year … second) are Beijing's clock
 * reading. antd's pickers and Calendar, `startOf('day')`, `isSame(…, 'day')` and arithmetic then work in Beijing
 * time. Such a value goes back to an instant only through `fromBeijing`, never through `.format()` or
 * `.toISOString()`, which would read it in the browser's zone.
 */
export function toBeijing(v: Instant): Dayjs {
  return dayjs(dayjs(v).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss.SSS'));
}

/** A Beijing wall-clock Dayjs (a picker value, a calendar cell) → the ISO instant, e.g. `2026-05-12T09:30:00+08:00`. */
export function fromBeijing(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss.SSS'), TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** Now, on Beijing's clock (a wall-clock Dayjs). */
export const nowInBeijing = (): Dayjs => toBeijing(Date.now());

/** Today's start in Beijing (a wall-clock Dayjs): defaults of date pickers. */
export const todayInBeijing = (): Dayjs => nowInBeijing().startOf('day');

/** Today's date in Beijing, `YYYY-MM-DD`. */
export const todayIsoInBeijing = (): string => nowInBeijing().format('YYYY-MM-DD');

/** `disabledDate` of pickers that take no future day: later than today in Beijing. */
export const isAfterToday = (d: Dayjs): boolean => d.isAfter(nowInBeijing(), 'day');

/** Whether two instants fall on the same Beijing day. */
export const sameBeijingDay = (a: Instant, b: Instant): boolean =>
  formatBeijing(a, 'YYYY-MM-DD') === formatBeijing(b, 'YYYY-MM-DD');
