import { randomUUID } from 'node:crypto';
import type {
  AttendanceRow,
  CheckinRejection,
  Leave,
  MyAttendanceSummary,
  MyMeeting,
  Page,
  RejectionRow,
} from '@red-engine/shared';
import { eq, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { meetingAttendance, meetingLeaves, members } from '../../db/schema/index.js';
import { notify } from '../notification/notification.notify.js';
import { type LeaveListRow, toAttendanceDto, toLeaveDto, toMeetingDto } from './meeting.mapper.js';
import { isLate, meetingPhase } from './meeting.policy.js';
import { createMeetingRepository, type ListRow, type MeetingRow } from './meeting.repository.js';
import type { MeetingService } from './meeting.service.js';

const LEAVE_SELECT = sql`select l.id, l.meeting_id, mt.title as meeting_title, l.member_id, p.member_name, l.reason, l.status,
  l.decided_by_name, l.decided_at, l.decision_note, l.created_at
  from meeting_leaves l join meetings mt on mt.id = l.meeting_id
  join meeting_participants p on p.meeting_id = l.meeting_id and p.member_id = l.member_id`;

/** Attendance, leave (请假) and make-up (补签/代签) of meetings, and the member's own H5 views. */
export function createAttendanceService(deps: { db: Db; meetings: MeetingService }) {
  const { db } = deps;
  const repo = createMeetingRepository(db);

  async function myMemberId(actor: Actor, tx: DbOrTx = db): Promise<string> {
    const [m] = await tx.select({ id: members.id }).from(members).where(eq(members.userId, actor.userId));
    if (!m) throw notFound();
    return m.id;
  }

  /** A meeting the member takes part in; anything else is 404. */
  async function myMeeting(actor: Actor, id: string, tx: DbOrTx = db, lock = false) {
    const memberId = await myMemberId(actor, tx);
    const m = await repo.meeting(id, tx, lock);
    if (!m || !(await repo.participantIds(id, [memberId], tx as Tx)).has(memberId)) throw notFound();
    return { meeting: m, memberId };
  }

  async function leaveRow(id: string, tx: DbOrTx = db) {
    const [row] = await queryRows<LeaveListRow>(tx, sql`${LEAVE_SELECT} where l.id = ${id}`);
    return row;
  }

  async function openLeave(tx: Tx, meeting: MeetingRow, memberId: string, reason: string, approvedBy: Actor | null) {
    const now = new Date();
    if (meeting.status === 'cancelled' || now >= meeting.endsAt)
      throw new AppError('LEAVE_STATE', MESSAGES.leaveAfterEnd);
    const [present] = await tx
      .select()
      .from(meetingAttendance)
      .where(sql`${meetingAttendance.meetingId} = ${meeting.id} and ${meetingAttendance.memberId} = ${memberId}`);
    if (present) throw new AppError('LEAVE_STATE', MESSAGES.leaveAlreadyPresent);
    const id = randomUUID();
    const inserted = await tx
      .insert(meetingLeaves)
      .values({
        id,
        meetingId: meeting.id,
        memberId,
        reason,
        status: approvedBy ? 'approved' : 'pending',
        decidedById: approvedBy?.userId ?? null,
        decidedByName: approvedBy?.displayName ?? null,
        decidedAt: approvedBy ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: meetingLeaves.id });
    if (inserted.length === 0) throw new AppError('LEAVE_STATE', MESSAGES.leaveExists);
    return id;
  }

  async function decide(
    ctx: RequestContext,
    leaveId: string,
    status: 'approved' | 'rejected',
    note: string | null | undefined,
  ): Promise<Leave> {
    return inTransaction(db, ctx, async (tx, audit) => {
      const [leave] = await tx.select().from(meetingLeaves).where(eq(meetingLeaves.id, leaveId)).for('update');
      if (!leave) throw notFound();
      const m = await deps.meetings.inScope(ctx.actor!, leave.meetingId, 'meeting:write', tx);
      if (leave.status !== 'pending') throw new AppError('LEAVE_STATE', MESSAGES.leaveNotPending);
      await tx
        .update(meetingLeaves)
        .set({
          status,
          decidedById: ctx.actor!.userId,
          decidedByName: ctx.actor!.displayName,
          decidedAt: new Date(),
          decisionNote: note ?? null,
        })
        .where(eq(meetingLeaves.id, leaveId));
      audit.record({
        action: `meeting.leave_${status}`,
        entity: 'meeting',
        entityId: m.id,
        orgPath: m.orgPath,
        before: { leaveId, status: 'pending' },
        after: { leaveId, memberId: leave.memberId, status, note: note ?? null },
      });
      const decided = toLeaveDto((await leaveRow(leaveId, tx))!);
      await notify.leaveDecided(tx, `leave.${status}`, leave.memberId, m.id, leaveId, {
        ...leaveParams(m, decided),
        note: note ?? null,
        decidedByName: ctx.actor!.displayName,
      });
      return decided;
    });
  }

  return {
    async attendance(actor: Actor, id: string): Promise<AttendanceRow[]> {
      const m = await deps.meetings.inScope(actor, id, 'meeting:read');
      const ended = new Date() >= m.endsAt;
      return (await repo.attendance(id)).map((r) => toAttendanceDto(r, ended));
    },

    async rejections(actor: Actor, id: string): Promise<RejectionRow[]> {
      await deps.meetings.inScope(actor, id, 'meeting:read');
      const rows = await queryRows<{
        id: number;
        at: Date;
        member_name: string | null;
        method: string;
        reason: CheckinRejection;
        detail: unknown;
      }>(
        db,
        sql`select r.id, r.at, coalesce(m.name, mu.name) as member_name, r.method, r.reason, r.detail from checkin_rejections r
          left join members m on m.id = r.member_id
          left join members mu on r.member_id is null and mu.user_id = r.user_id
          where r.meeting_id = ${id} order by r.id desc limit 500`,
      );
      return rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        memberName: r.member_name,
        method: r.method,
        reason: r.reason,
        detail: r.detail,
      }));
    },

    /** 补签 (afterwards) or 代签 (at the door, counted present or late) by the organizer, each with a reason. */
    async makeup(
      ctx: RequestContext,
      id: string,
      body: { memberIds: string[]; reason: string; kind: 'makeup' | 'organizer' },
    ) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await deps.meetings.inScope(ctx.actor!, id, 'meeting:write', tx, true);
        if (m.status !== 'planned') throw new AppError('MEETING_NOT_EDITABLE', MESSAGES.meetingNotEditable);
        const now = new Date();
        if (now < m.startsAt && !(body.kind === 'organizer' && now >= m.checkinOpensAt))
          throw fieldError('body.kind', MESSAGES.makeupBeforeStart);
        const ids = [...new Set(body.memberIds)];
        const known = await repo.participantIds(id, ids, tx);
        if (known.size !== ids.length) throw fieldError('body.memberIds', MESSAGES.makeupNotParticipant);
        const status = body.kind === 'makeup' ? 'made_up' : isLate(m.lateAfter, now) ? 'late' : 'present';
        const inserted = await tx
          .insert(meetingAttendance)
          .values(
            ids.map((memberId) => ({
              meetingId: id,
              memberId,
              status,
              method: body.kind,
              checkedInAt: now,
              byUserId: ctx.actor!.userId,
              byName: ctx.actor!.displayName,
              reason: body.reason,
            })),
          )
          .onConflictDoNothing()
          .returning({ memberId: meetingAttendance.memberId });
        for (const r of inserted)
          audit.record({
            action: body.kind === 'makeup' ? 'meeting.made_up' : 'meeting.signed_in_by_organizer',
            entity: 'meeting',
            entityId: id,
            orgPath: m.orgPath,
            after: { memberId: r.memberId, status, reason: body.reason },
          });
        return { recorded: inserted.length, skipped: ids.length - inserted.length };
      });
    },

    async leaves(actor: Actor, id: string): Promise<Leave[]> {
      await deps.meetings.inScope(actor, id, 'meeting:read');
      return (
        await queryRows<LeaveListRow>(db, sql`${LEAVE_SELECT} where l.meeting_id = ${id} order by l.created_at desc`)
      ).map(toLeaveDto);
    },

    /** 代为请假: the organizer records a leave for a member; it is approved by that act. */
    async leaveOnBehalf(ctx: RequestContext, id: string, body: { memberId: string; reason: string }): Promise<Leave> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await deps.meetings.inScope(ctx.actor!, id, 'meeting:write', tx, true);
        if (!(await repo.participantIds(id, [body.memberId], tx)).has(body.memberId))
          throw fieldError('body.memberId', MESSAGES.makeupNotParticipant);
        const leaveId = await openLeave(tx, m, body.memberId, body.reason, ctx.actor!);
        audit.record({
          action: 'meeting.leave_approved',
          entity: 'meeting',
          entityId: id,
          orgPath: m.orgPath,
          after: { leaveId, memberId: body.memberId, reason: body.reason, onBehalf: true },
        });
        const recorded = toLeaveDto((await leaveRow(leaveId, tx))!);
        await notify.leaveDecided(tx, 'leave.approved', body.memberId, id, leaveId, {
          ...leaveParams(m, recorded),
          onBehalf: true,
          decidedByName: ctx.actor!.displayName,
        });
        return recorded;
      });
    },

    approveLeave: (ctx: RequestContext, leaveId: string, note?: string | null) =>
      decide(ctx, leaveId, 'approved', note),
    rejectLeave: (ctx: RequestContext, leaveId: string, note?: string | null) => decide(ctx, leaveId, 'rejected', note),

    async askLeave(ctx: RequestContext, id: string, reason: string): Promise<Leave> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { meeting, memberId } = await myMeeting(ctx.actor!, id, tx, true);
        const leaveId = await openLeave(tx, meeting, memberId, reason, null);
        audit.record({
          action: 'meeting.leave_requested',
          entity: 'meeting',
          entityId: id,
          orgPath: meeting.orgPath,
          after: { leaveId, memberId, reason },
        });
        const asked = toLeaveDto((await leaveRow(leaveId, tx))!);
        await notify.leaveRequested(tx, meeting, leaveId, leaveParams(meeting, asked));
        return asked;
      });
    },

    async withdrawLeave(ctx: RequestContext, leaveId: string): Promise<Leave> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const memberId = await myMemberId(ctx.actor!, tx);
        const [leave] = await tx.select().from(meetingLeaves).where(eq(meetingLeaves.id, leaveId)).for('update');
        if (!leave || leave.memberId !== memberId) throw notFound();
        const m = (await repo.meeting(leave.meetingId, tx))!;
        if (leave.status !== 'pending' && leave.status !== 'approved')
          throw new AppError('LEAVE_STATE', MESSAGES.leaveNotPending);
        if (new Date() >= m.startsAt) throw new AppError('LEAVE_STATE', MESSAGES.leaveNotWithdrawable);
        await tx.update(meetingLeaves).set({ status: 'withdrawn' }).where(eq(meetingLeaves.id, leaveId));
        audit.record({
          action: 'meeting.leave_withdrawn',
          entity: 'meeting',
          entityId: m.id,
          orgPath: m.orgPath,
          before: { leaveId, status: leave.status },
          after: { leaveId, status: 'withdrawn' },
        });
        return toLeaveDto((await leaveRow(leaveId, tx))!);
      });
    },

    async myMeetings(
      actor: Actor,
      q: { when: 'upcoming' | 'past' | 'all'; current: number; pageSize: number },
    ): Promise<Page<MyMeeting>> {
      const memberId = await myMemberId(actor);
      const now = new Date();
      const when =
        q.when === 'upcoming'
          ? sql`and mt.ends_at > ${now}`
          : q.when === 'past'
            ? sql`and mt.ends_at <= ${now}`
            : sql``;
      const order = q.when === 'upcoming' ? sql`mt.starts_at asc` : sql`mt.starts_at desc`;
      const where = sql`p.member_id = ${memberId} ${when}`;
      const [rows, total] = await Promise.all([
        queryRows<MyRow>(
          db,
          sql`select mt.*, o.name as org_name, v.name as venue_name, a.status as my_status, a.checked_in_at, a.method,
              l.id as leave_id, l.status as leave_status, l.reason as leave_reason
            from meeting_participants p join meetings mt on mt.id = p.meeting_id join organizations o on o.id = mt.org_id
            left join venues v on v.id = mt.venue_id
            left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
            left join lateral (select * from meeting_leaves x where x.meeting_id = p.meeting_id and x.member_id = p.member_id
              and x.status <> 'withdrawn' order by x.created_at desc limit 1) l on true
            where ${where} order by ${order} limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
        ),
        queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from meeting_participants p join meetings mt on mt.id = p.meeting_id where ${where}`,
        ),
      ]);
      const types = await repo.typesOf(rows.map((r) => r.id));
      return {
        data: rows.map((r) => toMyMeeting(r, types.get(r.id) ?? [], now)),
        total: total[0]?.n ?? 0,
        current: q.current,
        pageSize: q.pageSize,
      };
    },

    async myMeeting(actor: Actor, id: string): Promise<MyMeeting> {
      const { memberId } = await myMeeting(actor, id);
      const [row] = await queryRows<MyRow>(
        db,
        sql`select mt.*, o.name as org_name, v.name as venue_name, a.status as my_status, a.checked_in_at, a.method,
            l.id as leave_id, l.status as leave_status, l.reason as leave_reason
          from meetings mt join organizations o on o.id = mt.org_id left join venues v on v.id = mt.venue_id
          left join meeting_attendance a on a.meeting_id = mt.id and a.member_id = ${memberId}
          left join lateral (select * from meeting_leaves x where x.meeting_id = mt.id and x.member_id = ${memberId}
            and x.status <> 'withdrawn' order by x.created_at desc limit 1) l on true
          where mt.id = ${id}`,
      );
      return toMyMeeting(row!, (await repo.typesOf([id])).get(id) ?? [], new Date());
    },

    async myAttendance(actor: Actor, year: number): Promise<MyAttendanceSummary> {
      const memberId = await myMemberId(actor);
      const from = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
      const to = new Date(Math.min(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000, Date.now()));
      const [r] = await queryRows<{
        expected: number;
        present: number;
        late: number;
        made_up: number;
        on_leave: number;
      }>(
        db,
        sql`select count(*)::int as expected, count(a.member_id)::int as present,
            count(*) filter (where a.status = 'late')::int as late, count(*) filter (where a.status = 'made_up')::int as made_up,
            count(*) filter (where a.member_id is null and exists (select 1 from meeting_leaves l where l.meeting_id = p.meeting_id
              and l.member_id = p.member_id and l.status = 'approved'))::int as on_leave
          from meeting_participants p join meetings mt on mt.id = p.meeting_id
          left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
          where p.member_id = ${memberId} and mt.status <> 'cancelled' and mt.starts_at >= ${from} and mt.ends_at <= ${to}`,
      );
      const c = r ?? { expected: 0, present: 0, late: 0, made_up: 0, on_leave: 0 };
      return {
        year,
        expected: c.expected,
        present: c.present,
        late: c.late,
        madeUp: c.made_up,
        onLeave: c.on_leave,
        absent: Math.max(0, c.expected - c.present - c.on_leave),
        rate: c.expected ? Math.round((c.present / c.expected) * 1000) / 1000 : null,
      };
    },
  };
}

/** What a leave message shows: the meeting, its start, who asked and why. */
const leaveParams = (m: MeetingRow, l: Leave) => ({
  meetingId: m.id,
  title: m.title,
  startsAt: m.startsAt.toISOString(),
  memberName: l.memberName,
  reason: l.reason,
});

type MyRow = ListRow & {
  my_status: string | null;
  checked_in_at: Date | string | null;
  method: string | null;
  leave_id: string | null;
  leave_status: string | null;
  leave_reason: string | null;
  geofence_enabled: boolean;
};

function toMyMeeting(r: MyRow, types: string[], now: Date): MyMeeting {
  const base = toMeetingDto(r, types, undefined, now);
  const ended = base.phase === 'ended' || base.phase === 'archived';
  const myStatus = r.my_status ?? (r.leave_status === 'approved' ? 'leave' : ended ? 'absent' : 'pending');
  return {
    id: base.id,
    orgName: base.orgName,
    title: base.title,
    typeCodes: types,
    startsAt: base.startsAt,
    endsAt: base.endsAt,
    venueName: base.venueName,
    location: base.location,
    phase: meetingPhase(
      {
        status: r.status,
        startsAt: new Date(r.starts_at),
        endsAt: new Date(r.ends_at),
        checkinOpensAt: new Date(r.checkin_opens_at),
        checkinClosesAt: new Date(r.checkin_closes_at),
      },
      now,
    ),
    myStatus: myStatus as MyMeeting['myStatus'],
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at).toISOString() : null,
    method: (r.method as MyMeeting['method']) ?? null,
    leave: r.leave_id
      ? {
          id: r.leave_id,
          status: r.leave_status as NonNullable<MyMeeting['leave']>['status'],
          reason: r.leave_reason ?? '',
        }
      : null,
    geofenceEnabled: Boolean(r.geofence_enabled),
  };
}
