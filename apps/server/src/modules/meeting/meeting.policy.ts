import type { AttendanceCounts, CheckinRejection, MeetingPhase, MeetingStatus } from '@red-engine/shared';

type Timed = {
  status: string;
  startsAt: Date;
  endsAt: Date;
  checkinOpensAt: Date;
  checkinClosesAt: Date;
};

export function meetingPhase(m: Timed, now: Date): MeetingPhase {
  if (m.status === 'cancelled') return 'cancelled';
  if (m.status === 'archived') return 'archived';
  if (now >= m.endsAt) return 'ended';
  if (now >= m.startsAt) return 'in_progress';
  if (now >= m.checkinOpensAt) return 'checkin_open';
  return 'upcoming';
}

/** Great-circle distance in metres (haversine; plenty for a fence of a few hundred metres). */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type FenceInput = {
  enabled: boolean;
  latitude: number | null;
  longitude: number | null;
  radiusMeters: number | null;
};
export type PositionInput = { latitude: number; longitude: number; accuracy?: number | undefined } | null | undefined;

export type FenceVerdict =
  | { ok: true }
  | { ok: false; reason: 'location_required'; positionError: string | null }
  | { ok: false; reason: 'outside_fence'; distanceMeters: number };

/**
 * Inside the fence when the distance, less the phone's stated accuracy (capped at 100 m so a vague fix cannot
 * stretch the fence), is within the radius.
 */
export function checkFence(fence: FenceInput, position: PositionInput, positionError?: string | null): FenceVerdict {
  if (!fence.enabled || fence.latitude === null || fence.longitude === null) return { ok: true };
  if (!position) return { ok: false, reason: 'location_required', positionError: positionError ?? null };
  const d = distanceMeters(position, { latitude: fence.latitude, longitude: fence.longitude });
  const slack = Math.min(Math.max(position.accuracy ?? 0, 0), 100);
  if (d - slack <= (fence.radiusMeters ?? 500)) return { ok: true };
  return { ok: false, reason: 'outside_fence', distanceMeters: Math.round(d) };
}

/** The window and state checks a room-code check-in passes before the database is asked anything else. */
export function windowRejection(m: Timed, now: Date): CheckinRejection | null {
  if (m.status === 'cancelled') return 'meeting_cancelled';
  if (now < m.checkinOpensAt || now > m.checkinClosesAt) return 'outside_window';
  return null;
}

export const isLate = (lateAfter: Date, at: Date) => at > lateAfter;

export type RawCounts = { expected: number; present: number; late: number; madeUp: number; onLeave: number };

/** 缺席 only once the meeting is over; before that the rest are 未签到 (reported in the same field). */
export function attendanceCounts(raw: RawCounts): AttendanceCounts {
  const absent = Math.max(0, raw.expected - raw.present - raw.onLeave);
  return {
    ...raw,
    absent,
    rate: raw.expected > 0 ? Math.round((raw.present / raw.expected) * 1000) / 1000 : null,
  };
}

/** A planned meeting may be edited; an archived one only through amendments (records module). */
export const isEditable = (status: MeetingStatus | string) => status === 'planned';
