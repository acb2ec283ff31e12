import type { Locale } from '@red-engine/shared';
import { beijingDateTime, beijingTime } from './messages-meetings.js';

type LocalizedText = Record<Locale, string>;
const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** 阵地预约日历 (venue bookings): spread into MESSAGES. */
export const VENUE_CALENDAR_MESSAGES = {
  /** The booking in the way belongs to a meeting the caller may not read: its title and organization stay hidden. */
  venueConflictOther: (from: Date, to: Date) =>
    t(
      `该阵地在 ${beijingDateTime(from)}–${beijingTime(to)} 已被其他组织预约`,
      `The venue is already booked ${beijingDateTime(from)}–${beijingTime(to)} by another organization`,
    ),
};
