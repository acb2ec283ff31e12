import type { ListMeetingsQuery, ParticipantSpec } from '@red-engine/shared';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { escapeLike, pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import {
  activityTypes,
  type checkinStaffTokens,
  meetingOrgs,
  meetingParticipants,
  meetings,
  meetingTypes,
  ruleSettings,
} from '../../db/schema/index.js';
import type { RawCounts } from './meeting.policy.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type StaffTokenRow = typeof checkinStaffTokens.$inferSelect;

/** Check-in defaults kept as rule data (migration 0009); a missing row falls back to these. */
export const CHECKIN_DEFAULTS = {
  'checkin.rotation_seconds': 30,
  'checkin.grace_seconds': 10,
  'checkin.opens_before_minutes': 30,
  'checkin.closes_after_minutes': 0,
  'checkin.late_after_minutes': 5,
  'checkin.geofence_radius_meters': 500,
  'checkin.member_code_minutes': 5,
} as const;
export type CheckinSettingKey = keyof typeof CHECKIN_DEFAULTS;

export function createMeetingRepository(db: DbOrTx) {
  return {
    async settings(tx: DbOrTx = db): Promise<Record<CheckinSettingKey, number>> {
      const rows = await tx.select().from(ruleSettings).where(sql`${ruleSettings.key} like 'checkin.%'`);
      const out: Record<string, number> = { ...CHECKIN_DEFAULTS };
      for (const r of rows) out[r.key] = r.value;
      return out as Record<CheckinSettingKey, number>;
    },

    async activityTypes(tx: DbOrTx = db) {
      return tx.select().from(activityTypes).orderBy(activityTypes.sortOrder, activityTypes.code);
    },

    async meeting(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(meetings).where(eq(meetings.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async typesOf(ids: string[], tx: DbOrTx = db): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (ids.length === 0) return out;
      const rows = await tx.select().from(meetingTypes).where(inArray(meetingTypes.meetingId, ids));
      for (const r of rows) out.set(r.meetingId, [...(out.get(r.meetingId) ?? []), r.typeCode]);
      return out;
    },

    async jointOrgs(id: string, tx: DbOrTx = db) {
      return queryRows<{ id: string; name: string }>(
        tx,
        sql`select o.id, o.name from meeting_orgs mo join organizations o on o.id = mo.org_id where mo.meeting_id = ${id} order by o.name`,
      );
    },

    async replaceTypes(id: string, codes: string[], tx: DbOrTx) {
      await tx.delete(meetingTypes).where(eq(meetingTypes.meetingId, id));
      await tx.insert(meetingTypes).values([...new Set(codes)].map((typeCode) => ({ meetingId: id, typeCode })));
    },

    async replaceJointOrgs(id: string, orgIds: string[], tx: DbOrTx) {
      await tx.delete(meetingOrgs).where(eq(meetingOrgs.meetingId, id));
      if (orgIds.length)
        await tx.insert(meetingOrgs).values([...new Set(orgIds)].map((orgId) => ({ meetingId: id, orgId })));
    },

    /**
     * Fixes 应到 from the spec: active members with normal 党籍 in the chosen organizations' subtrees, in the chosen
     * 党小组, and the chosen members. Returns how many.
     */
    async materializeParticipants(id: string, spec: ParticipantSpec, tx: DbOrTx): Promise<number> {
      // Whoever already checked in stays on the list.
      await tx.execute(sql`delete from meeting_participants p where p.meeting_id = ${id}
        and not exists (select 1 from meeting_attendance a where a.meeting_id = p.meeting_id and a.member_id = p.member_id)`);
      // Organization paths are made of UUIDs and '/', so they hold no LIKE wildcards.
      const parts: SQL[] = [];
      if (spec.orgIds.length)
        parts.push(
          sql`m.org_path like any (select o.path || '%' from organizations o where o.id in (${sql.join(
            spec.orgIds.map((o) => sql`${o}`),
            sql`, `,
          )}))`,
        );
      if (spec.groupIds.length)
        parts.push(
          sql`m.id in (select g.member_id from party_group_members g where g.group_id in (${sql.join(
            spec.groupIds.map((g) => sql`${g}`),
            sql`, `,
          )}))`,
        );
      if (spec.memberIds.length)
        parts.push(
          sql`m.id in (${sql.join(
            spec.memberIds.map((m) => sql`${m}`),
            sql`, `,
          )})`,
        );
      if (parts.length === 0) return 0;
      const rows = await queryRows<{ n: number }>(
        tx,
        sql`with ins as (insert into meeting_participants (meeting_id, member_id, org_id, member_name)
          select ${id}, m.id, m.org_id, m.name from members m
          where m.status = 'active' and m.org_id is not null and (${sql.join(parts, sql` or `)})
          on conflict do nothing returning 1) select count(*)::int as n from ins`,
      );
      return rows[0]?.n ?? 0;
    },

    /** Paths of the partner organizations of a joint activity (联合活动), whose admins may read it too. */
    async partnerPaths(id: string, tx: DbOrTx = db): Promise<string[]> {
      const rows = await queryRows<{ path: string }>(
        tx,
        sql`select o.path from meeting_orgs mo join organizations o on o.id = mo.org_id where mo.meeting_id = ${id}`,
      );
      return rows.map((r) => r.path);
    },

    async list(roots: readonly string[], q: ListMeetingsQuery, now: Date) {
      // A joint activity is listed for the host's subtree and for every partner organization's subtree.
      const partnerIn = (paths: SQL) =>
        sql`exists (select 1 from meeting_orgs mo join organizations po on po.id = mo.org_id
          where mo.meeting_id = mt.id and ${paths})`;
      const parts: SQL[] = [
        sql`(${pathsWhere(sql`mt.org_path`, roots)} or ${partnerIn(pathsWhere(sql`po.path`, roots))})`,
      ];
      if (q.orgId) {
        const under = sql`(select so.path from organizations so where so.id = ${q.orgId}) || '%'`;
        parts.push(sql`(mt.org_path like ${under} or ${partnerIn(sql`po.path like ${under}`)})`);
      }
      if (q.typeCode)
        parts.push(
          sql`exists (select 1 from meeting_types x where x.meeting_id = mt.id and x.type_code = ${q.typeCode})`,
        );
      if (q.from) parts.push(sql`mt.ends_at >= ${new Date(q.from)}`);
      if (q.to) parts.push(sql`mt.starts_at <= ${new Date(q.to)}`);
      if (q.keyword) parts.push(sql`mt.title ilike ${`%${escapeLike(q.keyword)}%`}`);
      if (q.phase) parts.push(phaseWhere(q.phase, now));
      const where = and(...parts)!;
      const [rows, total] = await Promise.all([
        queryRows<ListRow>(
          db,
          sql`select mt.*, o.name as org_name, v.name as venue_name from meetings mt
            join organizations o on o.id = mt.org_id left join venues v on v.id = mt.venue_id
            where ${where} order by mt.starts_at desc, mt.id limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
        ),
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from meetings mt where ${where}`),
      ]);
      return { rows, total: total[0]?.n ?? 0 };
    },

    async listRow(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<ListRow>(
        tx,
        sql`select mt.*, o.name as org_name, v.name as venue_name from meetings mt
          join organizations o on o.id = mt.org_id left join venues v on v.id = mt.venue_id where mt.id = ${id}`,
      );
      return row;
    },

    /** 应到/实到/迟到/补签/请假 for several meetings in one query. */
    async counts(ids: string[], tx: DbOrTx = db): Promise<Map<string, RawCounts>> {
      const out = new Map<string, RawCounts>();
      if (ids.length === 0) return out;
      const rows = await queryRows<{ meeting_id: string } & RawCounts>(
        tx,
        sql`select p.meeting_id, count(*)::int as expected,
            count(a.member_id)::int as present,
            count(*) filter (where a.status = 'late')::int as late,
            count(*) filter (where a.status = 'made_up')::int as "madeUp",
            count(*) filter (where a.member_id is null and l.id is not null)::int as "onLeave"
          from meeting_participants p
          left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
          left join meeting_leaves l on l.meeting_id = p.meeting_id and l.member_id = p.member_id and l.status = 'approved'
          where p.meeting_id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})
          group by p.meeting_id`,
      );
      for (const r of rows) out.set(r.meeting_id, r);
      return out;
    },

    /** Meetings at a venue overlapping [startsAt, endsAt), not cancelled. */
    async venueConflicts(venueId: string, startsAt: Date, endsAt: Date, excludeId: string | null, tx: DbOrTx = db) {
      return queryRows<BookingRow>(
        tx,
        sql`select mt.id, mt.title, o.name as org_name, mt.org_path, mt.status, mt.starts_at, mt.ends_at from meetings mt
          join organizations o on o.id = mt.org_id
          where mt.venue_id = ${venueId} and mt.status <> 'cancelled'
            and mt.starts_at < ${endsAt} and mt.ends_at > ${startsAt}
            ${excludeId ? sql`and mt.id <> ${excludeId}` : sql``}
          order by mt.starts_at limit 20`,
      );
    },

    /** A venue's bookings overlapping [from, to); cancelled ones only with `cancelled`. */
    async venueBookings(venueId: string, from: Date, to: Date, cancelled = false) {
      return queryRows<BookingRow>(
        db,
        sql`select mt.id, mt.title, o.name as org_name, mt.org_path, mt.status, mt.starts_at, mt.ends_at from meetings mt
          join organizations o on o.id = mt.org_id
          where mt.venue_id = ${venueId} ${cancelled ? sql`` : sql`and mt.status <> 'cancelled'`}
            and mt.starts_at < ${to} and mt.ends_at > ${from}
          order by mt.starts_at, mt.id limit 500`,
      );
    },

    async attendance(id: string) {
      return queryRows<AttendanceListRow>(
        db,
        sql`select p.member_id, p.member_name, p.org_id, o.name as org_name, a.status, a.method, a.checked_in_at,
            a.by_name, a.reason, l.id as leave_id, l.status as leave_status, l.reason as leave_reason, l.decision_note
          from meeting_participants p join organizations o on o.id = p.org_id
          left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
          left join lateral (select * from meeting_leaves x where x.meeting_id = p.meeting_id and x.member_id = p.member_id
            order by x.created_at desc limit 1) l on true
          where p.meeting_id = ${id} order by o.name, p.member_name`,
      );
    },

    async recentCheckins(id: string, limit = 12) {
      return queryRows<{ member_name: string; checked_in_at: Date; method: string; status: string }>(
        db,
        sql`select p.member_name, a.checked_in_at, a.method, a.status from meeting_attendance a
          join meeting_participants p on p.meeting_id = a.meeting_id and p.member_id = a.member_id
          where a.meeting_id = ${id} order by a.checked_in_at desc limit ${limit}`,
      );
    },

    async participantIds(id: string, memberIds: string[], tx: DbOrTx) {
      const rows = await tx
        .select({ memberId: meetingParticipants.memberId })
        .from(meetingParticipants)
        .where(and(eq(meetingParticipants.meetingId, id), inArray(meetingParticipants.memberId, memberIds)));
      return new Set(rows.map((r) => r.memberId));
    },
  };
}

export type MeetingRepository = ReturnType<typeof createMeetingRepository>;

export type BookingRow = {
  id: string;
  title: string;
  org_name: string;
  org_path: string;
  status: string;
  starts_at: Date | string;
  ends_at: Date | string;
};

export type ListRow = {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  title: string;
  starts_at: Date | string;
  ends_at: Date | string;
  venue_id: string | null;
  venue_name: string | null;
  location: string | null;
  host_name: string | null;
  recorder_name: string | null;
  status: string;
  checkin_opens_at: Date | string;
  checkin_closes_at: Date | string;
  archived_at: Date | string | null;
};

export type AttendanceListRow = {
  member_id: string;
  member_name: string;
  org_id: string;
  org_name: string;
  status: string | null;
  method: string | null;
  checked_in_at: Date | string | null;
  by_name: string | null;
  reason: string | null;
  leave_id: string | null;
  leave_status: string | null;
  leave_reason: string | null;
  decision_note: string | null;
};

function phaseWhere(phase: string, now: Date): SQL {
  switch (phase) {
    case 'cancelled':
      return sql`mt.status = 'cancelled'`;
    case 'archived':
      return sql`mt.status = 'archived'`;
    case 'ended':
      return sql`mt.status = 'planned' and mt.ends_at <= ${now}`;
    case 'in_progress':
      return sql`mt.status = 'planned' and mt.starts_at <= ${now} and mt.ends_at > ${now}`;
    case 'checkin_open':
      return sql`mt.status = 'planned' and mt.checkin_opens_at <= ${now} and mt.starts_at > ${now}`;
    default:
      return sql`mt.status = 'planned' and mt.checkin_opens_at > ${now}`;
  }
}

/**
 * Leave requests still waiting for a decision in meetings of the roots (not cancelled): the count, and the meetings
 * with the most of them first (待办).
 */
export async function pendingLeaves(db: DbOrTx, roots: readonly string[], limit: number) {
  const where = sql`l.status = 'pending' and mt.status <> 'cancelled' and ${pathsWhere(sql`mt.org_path`, roots)}`;
  const [rows, total] = await Promise.all([
    queryRows<{ id: string; title: string; starts_at: Date | string; n: number }>(
      db,
      sql`select mt.id, mt.title, mt.starts_at, count(*)::int as n from meeting_leaves l join meetings mt on mt.id = l.meeting_id
        where ${where} group by mt.id, mt.title, mt.starts_at order by mt.starts_at, mt.id limit ${limit}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from meeting_leaves l join meetings mt on mt.id = l.meeting_id where ${where}`,
    ),
  ]);
  return { total: Number(total[0]?.n ?? 0), rows };
}
