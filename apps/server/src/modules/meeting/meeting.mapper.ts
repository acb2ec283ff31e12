import type {
  AttendanceRow,
  AttendanceStatus,
  CheckinMethod,
  Leave,
  LeaveStatus,
  Meeting,
  MeetingDetail,
  MeetingStatus,
  StaffToken,
} from '@red-engine/shared';
import { attendanceCounts, meetingPhase, type RawCounts } from './meeting.policy.js';
import type { AttendanceListRow, ListRow, MeetingRow, StaffTokenRow } from './meeting.repository.js';

export const iso = (v: Date | string | null | undefined): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();
const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

const EMPTY: RawCounts = { expected: 0, present: 0, late: 0, madeUp: 0, onLeave: 0 };

export function toMeetingDto(r: ListRow, types: string[], counts: RawCounts | undefined, now: Date): Meeting {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    typeCodes: types,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    venueId: r.venue_id,
    venueName: r.venue_name,
    location: r.location,
    hostName: r.host_name,
    recorderName: r.recorder_name,
    status: r.status as MeetingStatus,
    phase: meetingPhase(
      {
        status: r.status,
        startsAt: date(r.starts_at),
        endsAt: date(r.ends_at),
        checkinOpensAt: date(r.checkin_opens_at),
        checkinClosesAt: date(r.checkin_closes_at),
      },
      now,
    ),
    counts: attendanceCounts(counts ?? EMPTY),
    archivedAt: iso(r.archived_at),
  };
}

export function toMeetingDetailDto(
  base: Meeting,
  m: MeetingRow,
  extra: { organizers: { id: string; name: string }[]; jointOrgs: { id: string; name: string }[] },
): MeetingDetail {
  return {
    ...base,
    orgPath: m.orgPath,
    agenda: m.agenda,
    minutes: m.minutes,
    cancelReason: m.cancelReason,
    organizers: extra.organizers,
    participantSpec: m.participantSpec,
    jointOrgs: extra.jointOrgs,
    checkin: {
      rotationSeconds: m.checkinRotationSeconds,
      graceSeconds: m.checkinGraceSeconds,
      opensAt: m.checkinOpensAt.toISOString(),
      closesAt: m.checkinClosesAt.toISOString(),
      lateAfter: m.lateAfter.toISOString(),
      geofence: {
        enabled: m.geofenceEnabled,
        latitude: m.geofenceLatitude,
        longitude: m.geofenceLongitude,
        radiusMeters: m.geofenceRadiusMeters,
      },
    },
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** 出勤状态 of one participant: a presence wins, then an approved leave, then absent (or pending before the end). */
export function attendanceStatus(r: AttendanceListRow, ended: boolean): AttendanceStatus {
  if (r.status) return r.status as AttendanceStatus;
  if (r.leave_status === 'approved') return 'leave';
  return ended ? 'absent' : 'pending';
}

export function toAttendanceDto(r: AttendanceListRow, ended: boolean): AttendanceRow {
  return {
    memberId: r.member_id,
    memberName: r.member_name,
    orgId: r.org_id,
    orgName: r.org_name,
    status: attendanceStatus(r, ended),
    method: (r.method as CheckinMethod | null) ?? null,
    checkedInAt: iso(r.checked_in_at),
    byName: r.by_name,
    reason: r.reason,
    leave: r.leave_id
      ? {
          id: r.leave_id,
          status: r.leave_status as LeaveStatus,
          reason: r.leave_reason ?? '',
          decisionNote: r.decision_note,
        }
      : null,
  };
}

export type LeaveListRow = {
  id: string;
  meeting_id: string;
  meeting_title: string;
  member_id: string;
  member_name: string;
  reason: string;
  status: string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  created_at: Date | string;
};

export function toLeaveDto(r: LeaveListRow): Leave {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    memberId: r.member_id,
    memberName: r.member_name,
    reason: r.reason,
    status: r.status as LeaveStatus,
    decidedByName: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    createdAt: iso(r.created_at)!,
  };
}

export function toStaffTokenDto(r: StaffTokenRow): StaffToken {
  return {
    id: r.id,
    meetingId: r.meetingId,
    label: r.label,
    validFrom: r.validFrom.toISOString(),
    validUntil: r.validUntil.toISOString(),
    revokedAt: iso(r.revokedAt),
    lastUsedAt: iso(r.lastUsedAt),
    createdAt: r.createdAt.toISOString(),
  };
}
