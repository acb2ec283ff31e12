import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

type OrgRef = { id: string; path: string };

/**
 * Fixtures for the meetings routes in the permission walk: a planned meeting in branch A and in branch B, each with a
 * pending leave and a staff token; a meeting every caller's own member takes part in, with a leave of theirs.
 */
export async function setUpMeetingsWalk(
  t: TestApp,
  admin: Session,
  orgs: { branchA: OrgRef; branchB: OrgRef },
  memberSessions: Session[],
) {
  const post = async (url: string, payload: object, session = admin) => {
    const res = await t.request(session, { method: 'POST', url: `/api/v1${url}`, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const start = new Date(Date.now() + 3 * 86_400_000);
  const times = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
  const planned = async (org: OrgRef) => {
    // Members without accounts, so no caller's own member takes part (the H5 probes expect 404 here).
    const people = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from members where org_path like ${`${org.path}%`} and user_id is null and status = 'active' order by id limit 3`,
    );
    const m = await post('/meetings', {
      orgId: org.id,
      title: '探针支委会',
      typeCodes: ['committee_meeting'],
      ...times,
      participants: { memberIds: people.map((p) => p.id) },
    });
    const [p] = await queryRows<{ member_id: string }>(
      t.database.db,
      sql`select member_id from meeting_participants where meeting_id = ${m.id} limit 1`,
    );
    const leave = crypto.randomUUID();
    await t.database.db.execute(
      sql`insert into meeting_leaves (id, meeting_id, member_id, reason) values (${leave}, ${m.id}, ${p!.member_id}, '探针')`,
    );
    const token = await post(`/meetings/${m.id}/staff-tokens`, {
      label: '探针签到',
      validFrom: new Date(Date.now() - 3_600_000).toISOString(),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    // The volunteer probes use a token of their own: the revoke probe revokes `token`.
    const volunteer = await post(`/meetings/${m.id}/staff-tokens`, {
      label: '探针志愿者',
      validFrom: new Date(Date.now() - 3_600_000).toISOString(),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    return { meeting: m.id as string, leave, staffToken: token.id as string, staffSecret: volunteer.token as string };
  };
  const a = await planned(orgs.branchA);
  const b = await planned(orgs.branchB);
  const ownMembers: string[] = [];
  for (const s of memberSessions) {
    const me = await t.request(s, { method: 'GET', url: '/api/v1/me/member' });
    if (me.statusCode === 200) ownMembers.push(me.json().id);
  }
  const mine = await post('/meetings', {
    orgId: orgs.branchA.id,
    title: '探针联合主题党日',
    typeCodes: ['theme_day'],
    ...times,
    participants: { memberIds: ownMembers },
  });
  const ownLeaves = new Map<Session, string>();
  for (const s of memberSessions)
    ownLeaves.set(s, (await post(`/me/meetings/${mine.id}/leave`, { reason: '探针请假' }, s)).id);
  return {
    records: {
      plannedA: a.meeting,
      plannedB: b.meeting,
      leaveA: a.leave,
      leaveB: b.leave,
      staffTokenA: a.staffToken,
      staffTokenB: b.staffToken,
      myMeeting: mine.id as string,
    },
    staffSecret: a.staffSecret,
    ownLeaves,
  };
}
