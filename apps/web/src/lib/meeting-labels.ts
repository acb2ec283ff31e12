import type {
  AttendanceStatus,
  CheckinMethod,
  CheckinRejection,
  LeaveStatus,
  Locale,
  MeetingPhase,
} from '@red-engine/shared';
import { translate } from './i18n';

/** antd Tag colour names (console). */
export const PHASE_COLORS: Record<MeetingPhase, string> = {
  upcoming: 'blue',
  checkin_open: 'gold',
  in_progress: 'green',
  ended: 'default',
  cancelled: 'red',
  archived: 'purple',
};

export const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'orange',
  leave: 'blue',
  absent: 'red',
  made_up: 'purple',
  pending: 'default',
};

export const LEAVE_COLORS: Record<LeaveStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/**
 * The same tones as CSS colours, for places that take hex (antd-mobile Tag, charts). `blue` is spelled out:
 * in the console theme antd maps the name to the party red.
 */
export const TONE: Record<string, string> = {
  blue: '#1677ff',
  gold: '#d48806',
  green: '#389e0d',
  orange: '#d46b08',
  red: '#c8102e',
  purple: '#722ed1',
  default: '#8c8c8c',
};

/**
 * Labels of the meeting enums in a given language, for the console and the H5 alike:
 * `meetingLabels(locale).attendance('late')` → 迟到.
 */
export function meetingLabels(locale: Locale) {
  return {
    phase: (p: MeetingPhase) => translate(locale, `meetingPhase.${p}`),
    attendance: (s: AttendanceStatus) => translate(locale, `attendanceStatus.${s}`),
    method: (m: CheckinMethod) => translate(locale, `checkinMethod.${m}`),
    rejection: (r: CheckinRejection) => translate(locale, `checkinRejection.${r}`),
    leave: (s: LeaveStatus) => translate(locale, `leaveStatus.${s}`),
  };
}
export type MeetingLabels = ReturnType<typeof meetingLabels>;

/** 出勤率 as a whole percentage, or — when nobody is expected. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
