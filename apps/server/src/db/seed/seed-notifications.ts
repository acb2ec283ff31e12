import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/** ISO 8601 in UTC with milliseconds, as the server writes instants into message values. */
const isoOf = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The demo accounts' messages of the last three weeks, as the changes would have written them: the notice of every
 * meeting they take part in (read once it has begun), cancellations, and the decisions on their leave requests.
 * Set-based (three statements), so it costs nothing next to the meetings themselves.
 */
export async function seedNotifications(tx: DbOrTx, opts: { today: string }) {
  const dayStart = new Date(`${opts.today}T00:00:00+08:00`);
  const since = new Date(dayStart.getTime() - 21 * 86_400_000);
  const meetingParams = sql`jsonb_build_object('meetingId', mt.id, 'title', mt.title, 'orgName', o.name,
    'startsAt', ${isoOf('mt.starts_at')}, 'endsAt', ${isoOf('mt.ends_at')}, 'venueName', v.name, 'location', mt.location)`;
  const participantsWithAccounts = sql`from meeting_participants p join members m on m.id = p.member_id
    join meetings mt on mt.id = p.meeting_id join organizations o on o.id = mt.org_id left join venues v on v.id = mt.venue_id
    where m.user_id is not null and mt.created_at >= ${since}`;
  await tx.execute(sql`insert into notifications (recipient_user_id, kind, params, link, source_type, source_id, created_at, read_at)
    select m.user_id, 'meeting.planned', ${meetingParams}, '/m/meetings/' || mt.id, 'meeting', mt.id, mt.created_at,
      case when mt.starts_at < ${dayStart} then mt.created_at + interval '2 hours' end
    ${participantsWithAccounts}`);
  await tx.execute(sql`insert into notifications (recipient_user_id, kind, params, link, source_type, source_id, created_at, read_at)
    select m.user_id, 'meeting.cancelled', ${meetingParams} || jsonb_build_object('reason', mt.cancel_reason),
      '/m/meetings/' || mt.id, 'meeting', mt.id, mt.updated_at, null
    ${participantsWithAccounts} and mt.status = 'cancelled'`);
  await tx.execute(sql`insert into notifications (recipient_user_id, kind, params, link, source_type, source_id, created_at, read_at)
    select m.user_id, 'leave.' || l.status, jsonb_build_object('meetingId', mt.id, 'title', mt.title,
        'startsAt', ${isoOf('mt.starts_at')}, 'memberName', m.name, 'reason', l.reason, 'leaveId', l.id,
        'note', l.decision_note, 'decidedByName', l.decided_by_name),
      '/m/meetings/' || mt.id, 'meeting_leave', l.id, l.decided_at,
      case when mt.starts_at < ${dayStart} then l.decided_at + interval '1 hour' end
    from meeting_leaves l join members m on m.id = l.member_id join meetings mt on mt.id = l.meeting_id
    where m.user_id is not null and l.status in ('approved', 'rejected') and l.decided_at >= ${since}`);
}
