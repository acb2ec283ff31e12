import {
  ActivityTypeSchema,
  AttendanceRowSchema,
  BoardSchema,
  CancelMeetingBodySchema,
  CheckinResultSchema,
  CreateMeetingBodySchema,
  CreateStaffTokenBodySchema,
  DecideLeaveBodySchema,
  IdParamsSchema,
  IssuedStaffTokenSchema,
  LeaveOnBehalfBodySchema,
  LeaveSchema,
  ListMeetingsQuerySchema,
  MakeupBodySchema,
  MeetingDetailSchema,
  MeetingSchema,
  MemberCheckinBodySchema,
  MemberCodeSchema,
  MyAttendanceSummarySchema,
  MyMeetingSchema,
  MyMeetingsQuerySchema,
  pageOf,
  RejectionRowSchema,
  RequestLeaveBodySchema,
  RoomCodeSchema,
  StaffScanBodySchema,
  StaffSessionSchema,
  StaffTokenSchema,
  UpdateMeetingBodySchema,
  VenueAvailabilityQuerySchema,
  VenueBookingSchema,
  VenueBookingsQuerySchema,
  VenueConflictSchema,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CreateAttendanceService } from './index.js';
import type { CheckinService } from './meeting.checkin.js';
import type { MeetingService } from './meeting.service.js';

type Deps = {
  meetings: MeetingService;
  checkin: CheckinService;
  attendance: CreateAttendanceService;
  publicUrl?: string | undefined;
};

/** Where the phone should go: the configured public address, else the address this request came to. */
const originOf = (req: FastifyRequest, publicUrl?: string) =>
  publicUrl ? publicUrl.replace(/\/$/, '') : `${req.protocol}://${req.host}`;
const staffTokenOf = (req: FastifyRequest) => {
  const v = req.headers['x-checkin-token'];
  return typeof v === 'string' ? v : undefined;
};

export const meetingRoutes: FastifyPluginAsyncZod<Deps> = async (app, { meetings, checkin, attendance, publicUrl }) => {
  const tags = ['meetings'];
  const params = IdParamsSchema;
  const actor = (req: FastifyRequest) => req.ctx.actor!;

  app.get('/activity-types', { schema: { tags, response: { 200: z.array(ActivityTypeSchema) } } }, () =>
    meetings.activityTypes(),
  );
  app.get(
    '/meetings',
    { schema: { tags, querystring: ListMeetingsQuerySchema, response: { 200: pageOf(MeetingSchema) } } },
    (req) => meetings.list(actor(req), req.query),
  );
  app.get(
    '/meetings/venue-availability',
    { schema: { tags, querystring: VenueAvailabilityQuerySchema, response: { 200: z.array(VenueConflictSchema) } } },
    (req) => meetings.venueAvailability(actor(req), req.query),
  );
  app.get(
    '/venues/:id/bookings',
    {
      schema: { tags, params, querystring: VenueBookingsQuerySchema, response: { 200: z.array(VenueBookingSchema) } },
    },
    (req) => meetings.venueBookings(actor(req), req.params.id, req.query),
  );
  app.get('/meetings/:id', { schema: { tags, params, response: { 200: MeetingDetailSchema } } }, (req) =>
    meetings.get(actor(req), req.params.id),
  );
  app.post(
    '/meetings',
    { schema: { tags, body: CreateMeetingBodySchema, response: { 201: MeetingDetailSchema } } },
    async (req, reply) => reply.code(201).send(await meetings.create(req.ctx, req.body)),
  );
  app.patch(
    '/meetings/:id',
    { schema: { tags, params, body: UpdateMeetingBodySchema, response: { 200: MeetingDetailSchema } } },
    (req) => meetings.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/cancel',
    { schema: { tags, params, body: CancelMeetingBodySchema, response: { 200: MeetingDetailSchema } } },
    (req) => meetings.cancel(req.ctx, req.params.id, req.body.reason),
  );

  app.get(
    '/meetings/:id/attendance',
    { schema: { tags, params, response: { 200: z.array(AttendanceRowSchema) } } },
    (req) => attendance.attendance(actor(req), req.params.id),
  );
  app.get('/meetings/:id/board', { schema: { tags, params, response: { 200: BoardSchema } } }, (req) =>
    checkin.board(actor(req), req.params.id),
  );
  app.get(
    '/meetings/:id/room-code',
    { schema: { tags, params, response: { 200: RoomCodeSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return checkin.roomCode(actor(req), req.params.id, originOf(req, publicUrl));
    },
  );
  app.get(
    '/meetings/:id/rejections',
    { schema: { tags, params, response: { 200: z.array(RejectionRowSchema) } } },
    (req) => attendance.rejections(actor(req), req.params.id),
  );
  app.post(
    '/meetings/:id/makeup',
    {
      schema: {
        tags,
        params,
        body: MakeupBodySchema,
        response: { 200: z.object({ recorded: z.number().int(), skipped: z.number().int() }) },
      },
    },
    (req) => attendance.makeup(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/scan',
    { schema: { tags, params, body: StaffScanBodySchema, response: { 200: CheckinResultSchema } } },
    (req) => checkin.organizerScan(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/meetings/:id/staff-tokens',
    { schema: { tags, params, response: { 200: z.array(StaffTokenSchema) } } },
    (req) => checkin.listStaffTokens(actor(req), req.params.id),
  );
  app.post(
    '/meetings/:id/staff-tokens',
    { schema: { tags, params, body: CreateStaffTokenBodySchema, response: { 201: IssuedStaffTokenSchema } } },
    async (req, reply) =>
      reply.code(201).send(await checkin.issueStaffToken(req.ctx, req.params.id, req.body, originOf(req, publicUrl))),
  );
  app.post('/staff-tokens/:id/revoke', { schema: { tags, params, response: { 200: StaffTokenSchema } } }, (req) =>
    checkin.revokeStaffToken(req.ctx, req.params.id),
  );
  app.get('/meetings/:id/leaves', { schema: { tags, params, response: { 200: z.array(LeaveSchema) } } }, (req) =>
    attendance.leaves(actor(req), req.params.id),
  );
  app.post(
    '/meetings/:id/leaves',
    { schema: { tags, params, body: LeaveOnBehalfBodySchema, response: { 201: LeaveSchema } } },
    async (req, reply) => reply.code(201).send(await attendance.leaveOnBehalf(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/meeting-leaves/:id/approve',
    { schema: { tags, params, body: DecideLeaveBodySchema, response: { 200: LeaveSchema } } },
    (req) => attendance.approveLeave(req.ctx, req.params.id, req.body.note),
  );
  app.post(
    '/meeting-leaves/:id/reject',
    { schema: { tags, params, body: DecideLeaveBodySchema, response: { 200: LeaveSchema } } },
    (req) => attendance.rejectLeave(req.ctx, req.params.id, req.body.note),
  );

  app.get('/checkin/staff-session', { schema: { tags, response: { 200: StaffSessionSchema } } }, (req) =>
    checkin.staffSession(req.ctx, staffTokenOf(req)),
  );
  app.post(
    '/checkin/staff-scan',
    { schema: { tags, body: StaffScanBodySchema, response: { 200: CheckinResultSchema } } },
    (req) => checkin.staffScan(req.ctx, staffTokenOf(req), req.body),
  );

  app.get(
    '/me/meetings',
    { schema: { tags, querystring: MyMeetingsQuerySchema, response: { 200: pageOf(MyMeetingSchema) } } },
    (req) => attendance.myMeetings(actor(req), req.query),
  );
  app.get('/me/meetings/:id', { schema: { tags, params, response: { 200: MyMeetingSchema } } }, (req) =>
    attendance.myMeeting(actor(req), req.params.id),
  );
  app.post(
    '/me/meetings/:id/leave',
    { schema: { tags, params, body: RequestLeaveBodySchema, response: { 201: LeaveSchema } } },
    async (req, reply) => reply.code(201).send(await attendance.askLeave(req.ctx, req.params.id, req.body.reason)),
  );
  app.post('/me/meeting-leaves/:id/withdraw', { schema: { tags, params, response: { 200: LeaveSchema } } }, (req) =>
    attendance.withdrawLeave(req.ctx, req.params.id),
  );
  app.post(
    '/me/checkins',
    { schema: { tags, body: MemberCheckinBodySchema, response: { 200: CheckinResultSchema } } },
    (req) => checkin.memberCheckin(req.ctx, req.body),
  );
  app.get('/me/checkin-code', { schema: { tags, response: { 200: MemberCodeSchema } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return checkin.memberCode(actor(req));
  });
  app.get(
    '/me/attendance',
    {
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: MyAttendanceSummarySchema },
      },
    },
    (req) =>
      attendance.myAttendance(actor(req), req.query.year ?? new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()),
  );
};
