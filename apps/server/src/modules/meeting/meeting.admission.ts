import { sql } from 'drizzle-orm';
import { createBatcher } from '../../core/batcher.js';
import type { Db } from '../../db/client.js';
import { queryRowsPrepared } from '../../db/rows.js';

/** One check-in to write: who (a member, or the member of a logged-in user), how, and the request it came with. */
export type Admission = {
  meetingId: string;
  orgPath: string;
  memberId: string | null;
  userId: string | null;
  status: 'present' | 'late';
  method: string;
  at: Date;
  nonce: string;
  staffTokenId: string | null;
  byUserId: string | null;
  byName: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  actorId: string | null;
  actorName: string | null;
  requestId: string;
  ip: string | null;
};

/** null: the person is not a participant of the meeting. `inserted` false: they were already checked in. */
export type AdmissionOutcome = { memberId: string; memberName: string; inserted: boolean } | null;

/**
 * Writes check-ins, each with its audit event, many per statement: the concurrent check-ins of a burst leave in one
 * INSERT … SELECT (group commit, core/batcher.ts), so a 10,000-person meeting costs a few hundred round trips rather
 * than ten thousand. The primary key (meeting, member) still decides who was first; when one member is in a batch
 * twice, the earlier request wins and the later one sees the first as already there (or as its own replay when it
 * carries the same nonce).
 */
export function createAdmissions(db: Db) {
  async function admitMany(items: Admission[]): Promise<AdmissionOutcome[]> {
    const input = JSON.stringify(
      items.map((a, idx) => ({
        idx,
        meeting_id: a.meetingId,
        org_path: a.orgPath,
        member_id: a.memberId,
        user_id: a.userId,
        status: a.status,
        method: a.method,
        at: a.at.toISOString(),
        nonce: a.nonce,
        staff_token_id: a.staffTokenId,
        by_user_id: a.byUserId,
        by_name: a.byName,
        latitude: a.latitude,
        longitude: a.longitude,
        accuracy: a.accuracy,
        actor_id: a.actorId,
        actor_name: a.actorName,
        request_id: a.requestId,
        ip: a.ip,
      })),
    );
    const rows = await queryRowsPrepared<{ idx: number; member_id: string; member_name: string; inserted: boolean }>(
      db,
      'checkin_admit_many',
      sql`with input as (
          select * from jsonb_to_recordset(${input}::jsonb) as x(idx int, meeting_id uuid, org_path text, member_id uuid,
            user_id uuid, status text, method text, at timestamptz, nonce text, staff_token_id uuid, by_user_id uuid,
            by_name text, latitude double precision, longitude double precision, accuracy double precision, actor_id text,
            actor_name text, request_id text, ip text)
        ), me as (
          select i.idx, p.member_id, p.member_name from input i
            join meeting_participants p on p.meeting_id = i.meeting_id and p.member_id = i.member_id
          where i.member_id is not null
          union all
          select i.idx, p.member_id, p.member_name from input i
            join members m on m.user_id = i.user_id
            join meeting_participants p on p.meeting_id = i.meeting_id and p.member_id = m.id
          where i.member_id is null
        ), ins as (
          insert into meeting_attendance (meeting_id, member_id, status, method, checked_in_at, nonce, staff_token_id,
            by_user_id, by_name, latitude, longitude, accuracy_meters)
          select i.meeting_id, me.member_id, i.status, i.method, i.at, i.nonce, i.staff_token_id, i.by_user_id, i.by_name,
            i.latitude, i.longitude, i.accuracy
          from me join input i on i.idx = me.idx
          order by me.idx
          on conflict do nothing
          returning meeting_id, member_id, nonce
        ), aud as (
          insert into audit_pending (occurred_at, actor_id, actor_name, action, entity, entity_id, org_path, after, request_id, ip)
          select distinct on (ins.meeting_id, ins.member_id) i.at, i.actor_id, i.actor_name, 'meeting.checked_in', 'meeting',
            i.meeting_id::text, i.org_path,
            jsonb_build_object('memberId', me.member_id, 'memberName', me.member_name, 'status', i.status,
              'method', i.method, 'nonce', i.nonce, 'staffTokenId', i.staff_token_id::text),
            i.request_id, i.ip
          from ins join me on me.member_id = ins.member_id
            join input i on i.idx = me.idx and i.meeting_id = ins.meeting_id and i.nonce = ins.nonce
          order by ins.meeting_id, ins.member_id, me.idx
        )
        select me.idx, me.member_id, me.member_name,
          (ins.member_id is not null
            and me.idx = min(me.idx) over (partition by i.meeting_id, me.member_id, i.nonce)) as inserted
        from me join input i on i.idx = me.idx
          left join ins on ins.meeting_id = i.meeting_id and ins.member_id = me.member_id and ins.nonce = i.nonce`,
    );
    const byIdx = new Map(rows.map((r) => [r.idx, r]));
    return items.map((_, idx) => {
      const r = byIdx.get(idx);
      return r ? { memberId: r.member_id, memberName: r.member_name, inserted: r.inserted } : null;
    });
  }

  // One batch at the database at a time: measured, larger batches beat more parallel ones here (bench/README.md).
  const batcher = createBatcher(admitMany, { maxInFlight: 1, maxBatch: 500 });
  return { admit: (a: Admission) => batcher.submit(a), admitMany };
}
