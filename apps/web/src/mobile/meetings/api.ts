import type {
  ActivityType,
  AttendanceStatus,
  CheckinMethod,
  CheckinRejection,
  LeaveStatus,
  MyMeeting,
} from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiError, api, isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { formatBeijing, nowInBeijing, toBeijing } from '../../lib/time';

export const MY_MEETINGS_KEY = ['me', 'meetings'] as const;

export const STATUS_COLOR: Record<AttendanceStatus, string> = {
  present: 'success',
  late: 'warning',
  leave: 'primary',
  absent: 'danger',
  made_up: '#13a8a8',
  pending: 'default',
};

export const LEAVE_COLOR: Record<LeaveStatus, string> = {
  pending: 'warning',
  approved: 'primary',
  rejected: 'danger',
  withdrawn: 'default',
};

/** Activity type names in the current language; unknown codes show as themselves. */
export function useActivityTypeName(): (code: string) => string {
  const { locale } = useI18n();
  const types = useQuery({
    queryKey: ['activity-types'],
    queryFn: () => api.get<ActivityType[]>('/activity-types'),
    staleTime: 10 * 60_000,
    meta: { silent: true },
  });
  return useCallback(
    (code: string) => {
      const type = types.data?.find((x) => x.code === code);
      if (!type) return code;
      return locale === 'zh-CN' ? type.nameZh : type.nameEn;
    },
    [types.data, locale],
  );
}

/** "5月12日 周一 14:30–16:00" (or across days, both ends in full). */
export function useMeetingTime(): (startsAt: string, endsAt: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (startsAt: string, endsAt: string) => {
      // Beijing time whatever the phone's zone.
      const s = toBeijing(startsAt);
      const e = toBeijing(endsAt);
      const day = locale === 'zh-CN' ? 'M月D日 ddd HH:mm' : 'ddd, MMM D HH:mm';
      const yearDay = locale === 'zh-CN' ? 'YYYY年M月D日 ddd HH:mm' : 'ddd, MMM D YYYY HH:mm';
      const start = s.format(s.year() === nowInBeijing().year() ? day : yearDay);
      return s.isSame(e, 'day') ? `${start}–${e.format('HH:mm')}` : `${start} – ${e.format(day)}`;
    },
    [locale],
  );
}

export const clockTime = (iso: string) => formatBeijing(iso, 'HH:mm');
export const dateTime = (iso: string) => formatBeijing(iso, 'M/D HH:mm');

export const placeOf = (m: Pick<MyMeeting, 'venueName' | 'location'>) =>
  [m.venueName, m.location].filter(Boolean).join(' · ');

/** What the server says about a refused check-in (`error.details`). */
export type RejectionDetails = {
  reason: CheckinRejection;
  checkedInAt?: string;
  method?: CheckinMethod;
  distanceMeters?: number;
  /** Staff scans: whose code it was, when the server knows. */
  memberName?: string;
};

export function rejectionOf(e: unknown): RejectionDetails | null {
  // 422 CHECKIN_REJECTED, 409 CHECKIN_ALREADY, 401 STAFF_TOKEN_INVALID: all carry `details.reason`.
  if (!isApiError(e) || e.status < 400 || e.status >= 500) return null;
  const d = e.details as Partial<RejectionDetails> | null | undefined;
  return d && typeof d === 'object' && typeof d.reason === 'string' ? (d as RejectionDetails) : null;
}

/** A failure after which nothing is known to be recorded: no answer, or the server broke. */
export const isUnrecorded = (e: unknown): boolean => !isApiError(e) || e.status === 0 || e.status >= 500;

export type { ApiError };
