import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';

/**
 * 组织生活 · 三会一课 · 扫码签到 (PRODUCT §3.3, DOMAIN-RULES §3.2). Activity types are data (table
 * `activity_types`); these are the built-in codes the migration seeds.
 */
export const BUILTIN_ACTIVITY_TYPES = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
  'democratic_review',
  'heart_talk',
  'volunteer',
  'study',
  'culture',
  'joint_meeting',
  'other',
] as const;
export type BuiltinActivityType = (typeof BUILTIN_ACTIVITY_TYPES)[number];

export const ACTIVITY_CATEGORIES = ['three_one', 'life', 'service', 'study', 'culture', 'joint', 'other'] as const;
export const ActivityCategorySchema = z.enum(ACTIVITY_CATEGORIES);

export const ActivityTypeCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and _')
  .describe('活动类型代码');

export const ActivityTypeSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: ActivityCategorySchema,
  sortOrder: z.number().int(),
  builtin: z.boolean(),
  active: z.boolean(),
});
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const CreateActivityTypeBodySchema = z.object({
  code: ActivityTypeCodeSchema,
  nameZh: text(40),
  nameEn: text(80),
  category: ActivityCategorySchema,
  sortOrder: z.number().int().min(0).max(9999).default(50),
});
export const UpdateActivityTypeBodySchema = z.object({
  nameZh: text(40).optional(),
  nameEn: text(80).optional(),
  category: ActivityCategorySchema.optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
});

/** Stored status; `phase` adds what time says. */
export const MEETING_STATUSES = ['planned', 'cancelled', 'archived'] as const;
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

/** 未开始 → 签到中 (window open, not started) → 进行中 → 已结束; or 已取消 / 已归档. */
export const MEETING_PHASES = ['upcoming', 'checkin_open', 'in_progress', 'ended', 'cancelled', 'archived'] as const;
export const MeetingPhaseSchema = z.enum(MEETING_PHASES);
export type MeetingPhase = z.infer<typeof MeetingPhaseSchema>;

/** 出勤状态: present 已签到, late 迟到, leave 请假, absent 缺席, made_up 补签, pending 未签到 (not over yet). */
export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent', 'made_up', 'pending'] as const;
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** How a presence was recorded: the room's rotating code, a door volunteer's scan, the organizer, a make-up. */
export const CHECKIN_METHODS = ['room_code', 'staff_scan', 'organizer', 'makeup'] as const;
export const CheckinMethodSchema = z.enum(CHECKIN_METHODS);
export type CheckinMethod = z.infer<typeof CheckinMethodSchema>;

/** Why a check-in attempt was refused; each is recorded with the attempt. */
export const CHECKIN_REJECTIONS = [
  'forged',
  'expired',
  'other_meeting',
  'not_participant',
  'outside_window',
  'outside_fence',
  'location_required',
  'already_checked_in',
  'meeting_cancelled',
  'staff_token_revoked',
  'staff_token_outside_window',
  'staff_token_invalid',
] as const;
export const CheckinRejectionSchema = z.enum(CHECKIN_REJECTIONS);
export type CheckinRejection = z.infer<typeof CheckinRejectionSchema>;

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const LeaveStatusSchema = z.enum(LEAVE_STATUSES);
export type LeaveStatus = z.infer<typeof LeaveStatusSchema>;

const IsoDateTimeSchema = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset');

export const ParticipantSpecSchema = z.object({
  orgIds: z.array(IdSchema).max(50).default([]).describe('整个组织的党员（含下级）'),
  groupIds: z.array(IdSchema).max(50).default([]).describe('党小组'),
  memberIds: z.array(IdSchema).max(5000).default([]).describe('指定党员'),
});
export type ParticipantSpec = z.infer<typeof ParticipantSpecSchema>;

export const GeofenceSchema = z.object({
  enabled: z.boolean(),
  latitude: z.number().min(-90).max(90).optional().nullable(),
  longitude: z.number().min(-180).max(180).optional().nullable(),
  radiusMeters: z.number().int().min(20).max(20_000).optional().nullable(),
});

export const CheckinSettingsSchema = z.object({
  rotationSeconds: z.number().int().min(10).max(600).optional(),
  graceSeconds: z.number().int().min(0).max(120).optional(),
  opensAt: IsoDateTimeSchema.optional(),
  closesAt: IsoDateTimeSchema.optional(),
  lateAfter: IsoDateTimeSchema.optional(),
  geofence: GeofenceSchema.optional(),
});

export const CreateMeetingBodySchema = z.object({
  orgId: IdSchema.describe('组织单位'),
  title: text(120).describe('活动主题'),
  typeCodes: z.array(ActivityTypeCodeSchema).min(1).max(6).describe('活动类型'),
  startsAt: IsoDateTimeSchema.describe('开始时间'),
  endsAt: IsoDateTimeSchema.describe('结束时间'),
  venueId: IdSchema.optional().nullable().describe('活动阵地'),
  location: optionalText(200).describe('地点'),
  agenda: optionalText(5000).describe('议程'),
  hostName: optionalText(40).describe('主持人'),
  recorderName: optionalText(40).describe('记录人'),
  organizerMemberIds: z.array(IdSchema).max(20).default([]).describe('组织者'),
  participants: ParticipantSpecSchema.describe('参加对象'),
  jointOrgIds: z.array(IdSchema).max(20).default([]).describe('联合开展的组织'),
  checkin: CheckinSettingsSchema.optional(),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBodySchema>;

/** Only what is sent changes: the list fields carry no defaults here, so leaving one out keeps it. */
export const UpdateMeetingBodySchema = CreateMeetingBodySchema.omit({
  orgId: true,
  organizerMemberIds: true,
  jointOrgIds: true,
})
  .partial()
  .extend({
    organizerMemberIds: z.array(IdSchema).max(20).optional().describe('组织者'),
    jointOrgIds: z.array(IdSchema).max(20).optional().describe('联合开展的组织'),
  });
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBodySchema>;

export const CancelMeetingBodySchema = z.object({ reason: text(500).describe('取消原因') });

export const ListMeetingsQuerySchema = PageQuerySchema.extend({
  orgId: IdSchema.optional().describe('组织（含下级）'),
  typeCode: z.string().max(40).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  phase: MeetingPhaseSchema.optional(),
  keyword: z.string().trim().max(60).optional(),
});
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuerySchema>;

export const AttendanceCountsSchema = z.object({
  expected: z.number().int(),
  present: z.number().int().describe('已签到（含迟到、补签）'),
  late: z.number().int(),
  madeUp: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int().describe('缺席（会议结束后）或未签到（进行中）'),
  rate: z.number().nullable().describe('出勤率 = 实到 / 应到'),
});
export type AttendanceCounts = z.infer<typeof AttendanceCountsSchema>;

export const MeetingSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  typeCodes: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  location: z.string().nullable(),
  hostName: z.string().nullable(),
  recorderName: z.string().nullable(),
  status: MeetingStatusSchema,
  phase: MeetingPhaseSchema,
  counts: AttendanceCountsSchema,
  archivedAt: z.string().nullable(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const MeetingDetailSchema = MeetingSchema.extend({
  orgPath: z.string(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  organizers: z.array(z.object({ id: z.string(), name: z.string() })),
  participantSpec: z.object({
    orgIds: z.array(z.string()),
    groupIds: z.array(z.string()),
    memberIds: z.array(z.string()),
  }),
  jointOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  checkin: z.object({
    rotationSeconds: z.number().int(),
    graceSeconds: z.number().int(),
    opensAt: z.string(),
    closesAt: z.string(),
    lateAfter: z.string(),
    geofence: z.object({
      enabled: z.boolean(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      radiusMeters: z.number().int().nullable(),
    }),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

/**
 * A booking of a venue. A meeting outside the caller's `meeting:read` scope (another branch at a shared 党群活动中心)
 * shows only as booked: `inScope` false, no title and no organization.
 */
export const VenueConflictSchema = z.object({
  meetingId: z.string(),
  title: z.string().nullable().describe('null: 已预约（其他组织）'),
  orgName: z.string().nullable().describe('null: 已预约（其他组织）'),
  startsAt: z.string(),
  endsAt: z.string(),
  inScope: z.boolean().describe('the caller may open the meeting'),
});
export type VenueConflict = z.infer<typeof VenueConflictSchema>;

/** 阵地预约日历: one booking with its stored status (cancelled ones only on request, and only in scope). */
export const VenueBookingSchema = VenueConflictSchema.extend({ status: MeetingStatusSchema });
export type VenueBooking = z.infer<typeof VenueBookingSchema>;

export const VenueAvailabilityQuerySchema = z.object({
  venueId: IdSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  excludeMeetingId: IdSchema.optional(),
});
export type VenueAvailabilityQuery = z.infer<typeof VenueAvailabilityQuerySchema>;

export const VenueBookingsQuerySchema = z.object({
  from: IsoDateTimeSchema,
  to: IsoDateTimeSchema,
  includeCancelled: z.enum(['true', 'false']).optional().describe('also list cancelled meetings of your own scope'),
});
export type VenueBookingsQuery = z.infer<typeof VenueBookingsQuerySchema>;

export const AttendanceRowSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: AttendanceStatusSchema,
  method: CheckinMethodSchema.nullable(),
  checkedInAt: z.string().nullable(),
  byName: z.string().nullable(),
  reason: z.string().nullable(),
  leave: z
    .object({ id: z.string(), status: LeaveStatusSchema, reason: z.string(), decisionNote: z.string().nullable() })
    .nullable(),
});
export type AttendanceRow = z.infer<typeof AttendanceRowSchema>;

export const BoardSchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  phase: MeetingPhaseSchema,
  counts: AttendanceCountsSchema,
  recent: z.array(
    z.object({ memberName: z.string(), at: z.string(), method: CheckinMethodSchema, status: AttendanceStatusSchema }),
  ),
  serverTime: z.string(),
});
export type Board = z.infer<typeof BoardSchema>;

/** The projector's current code: show `url` as a QR code until `validUntil`, then fetch the next. */
export const RoomCodeSchema = z.object({
  code: z.string(),
  url: z.string(),
  svg: z.string().describe('QR code as SVG markup'),
  validUntil: z.string(),
  rotationSeconds: z.number().int(),
  serverTime: z.string(),
});
export type RoomCode = z.infer<typeof RoomCodeSchema>;

export const PositionSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).optional(),
});

export const NonceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, - or _')
  .describe('客户端生成的一次性编号：同一编号重试只记一次');

/** A member's own check-in with the room code (the H5 deep link). */
export const MemberCheckinBodySchema = z.object({
  code: z.string().trim().min(1).max(300).describe('签到码'),
  nonce: NonceSchema,
  meetingId: IdSchema.optional().describe('the meeting the page was opened for, if any'),
  position: PositionSchema.optional().nullable(),
  positionError: z.enum(['denied', 'unavailable', 'timeout', 'unsupported']).optional().nullable(),
});
export type MemberCheckinBody = z.infer<typeof MemberCheckinBodySchema>;

/** A volunteer's or organizer's scan of a member's personal code. */
export const StaffScanBodySchema = z.object({
  code: z.string().trim().min(1).max(300).describe('党员签到码'),
  nonce: NonceSchema,
});
export type StaffScanBody = z.infer<typeof StaffScanBodySchema>;

export const CheckinResultSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  status: AttendanceStatusSchema,
  method: CheckinMethodSchema,
  checkedInAt: z.string(),
  /** true when this request repeated an earlier one with the same nonce. */
  replayed: z.boolean(),
});
export type CheckinResult = z.infer<typeof CheckinResultSchema>;

/** Rejections answer 409 (already) or 422 with `error.code = CHECKIN_REJECTED` and `error.details.reason`. */
export const CheckinRejectionDetailsSchema = z.object({
  reason: CheckinRejectionSchema,
  checkedInAt: z.string().optional(),
  method: CheckinMethodSchema.optional(),
  distanceMeters: z.number().optional(),
  memberName: z.string().optional().describe('whom a volunteer’s refused scan is about'),
});

export const MemberCodeSchema = z.object({
  code: z.string(),
  svg: z.string(),
  validUntil: z.string(),
  serverTime: z.string(),
});
export type MemberCode = z.infer<typeof MemberCodeSchema>;

export const CreateStaffTokenBodySchema = z.object({
  label: text(60).describe('名称（如：东门签到志愿者）'),
  validFrom: IsoDateTimeSchema.optional(),
  validUntil: IsoDateTimeSchema.optional(),
});
export const StaffTokenSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  label: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffToken = z.infer<typeof StaffTokenSchema>;
/** Only at creation: the secret itself, as a link and QR code for the volunteer's phone. */
export const IssuedStaffTokenSchema = StaffTokenSchema.extend({ token: z.string(), url: z.string(), svg: z.string() });
export type IssuedStaffToken = z.infer<typeof IssuedStaffTokenSchema>;

export const StaffSessionSchema = z.object({
  meetingId: z.string(),
  meetingTitle: z.string(),
  label: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  counts: AttendanceCountsSchema,
});
export type StaffSession = z.infer<typeof StaffSessionSchema>;

export const MakeupBodySchema = z.object({
  memberIds: z.array(IdSchema).min(1).max(500).describe('补签党员'),
  reason: text(500).describe('补签原因'),
  /** 代签 at the door: mark present (or late) now, instead of a make-up afterwards. */
  kind: z.enum(['makeup', 'organizer']).default('makeup'),
});

export const RequestLeaveBodySchema = z.object({ reason: text(500).describe('请假事由') });
export const LeaveOnBehalfBodySchema = z.object({ memberId: IdSchema, reason: text(500).describe('请假事由') });
export const DecideLeaveBodySchema = z.object({ note: optionalText(500).describe('审批意见') });

export const LeaveSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  reason: z.string(),
  status: LeaveStatusSchema,
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Leave = z.infer<typeof LeaveSchema>;

export const RejectionRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  memberName: z.string().nullable(),
  method: z.string(),
  reason: CheckinRejectionSchema,
  detail: z.unknown(),
});
export type RejectionRow = z.infer<typeof RejectionRowSchema>;

/** H5: my meetings with my own status. */
export const MyMeetingSchema = MeetingSchema.pick({
  id: true,
  orgName: true,
  title: true,
  typeCodes: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  location: true,
  phase: true,
}).extend({
  myStatus: AttendanceStatusSchema,
  checkedInAt: z.string().nullable(),
  method: CheckinMethodSchema.nullable(),
  leave: z.object({ id: z.string(), status: LeaveStatusSchema, reason: z.string() }).nullable(),
  geofenceEnabled: z.boolean(),
});
export type MyMeeting = z.infer<typeof MyMeetingSchema>;

export const MyMeetingsQuerySchema = PageQuerySchema.extend({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
});

export const MyAttendanceSummarySchema = z.object({
  year: z.number().int(),
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  madeUp: z.number().int(),
  onLeave: z.number().int(),
  absent: z.number().int(),
  rate: z.number().nullable(),
});
export type MyAttendanceSummary = z.infer<typeof MyAttendanceSummarySchema>;
