import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../modules/member/index.js';
import { createTestDatabase } from '../../test-support/test-db.js';
import type { DbHandle } from '../client.js';
import { queryRows } from '../rows.js';
import { type SeedOptions, seedDemo } from './seed-demo.js';

const today = todayIso();
const BRANCH_TYPES = sql.raw(`('branch', 'joint_branch', 'temporary_branch')`);
const handles: DbHandle[] = [];

async function seeded(opts: SeedOptions) {
  const handle = await createTestDatabase();
  handles.push(handle);
  const started = performance.now();
  await seedDemo(handle.db, { dataKey: Buffer.alloc(32, 7), today, ...opts });
  // A timing print rather than an assertion: machines differ too much.
  console.info(`seedDemo (meetings: ${opts.meetings}) took ${Math.round(performance.now() - started)} ms`);
  return handle;
}

const one = async <T>(h: DbHandle, q: ReturnType<typeof sql>) => (await queryRows<T>(h.db, q))[0]!;
const count = async (h: DbHandle, q: ReturnType<typeof sql>) => Number((await one<{ n: number }>(h, q)).n);

let year: DbHandle;
let recentA: DbHandle;
let recentB: DbHandle;

beforeAll(async () => {
  year = await seeded({ meetings: 'year' });
  recentA = await seeded({ meetings: 'recent' });
  recentB = await seeded({ meetings: 'recent' });
});
afterAll(async () => {
  for (const h of handles) await h.close();
});

/** First days of the fully past months the window covers, as ISO dates. */
function pastMonths(back: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: back }, (_, i) => new Date(Date.UTC(y, m - 1 - back + i, 1)).toISOString().slice(0, 10));
}

describe.each([
  ['year', () => year, 11],
  ['recent', () => recentA, 1],
] as const)('seeded meetings (%s)', (_name, handle, back) => {
  it('gives every branch meetings in each past month (once it has had members for a while)', async () => {
    const h = handle();
    const gaps = await queryRows<{ name: string; month: string }>(
      h.db,
      sql`select b.name, mon::date::text as month
        from organizations b cross join unnest(string_to_array(${pastMonths(back).join(',')}, ',')::date[]) as mon
        where b.type in ${BRANCH_TYPES} and (b.founded_on is null or b.founded_on < mon - 90)
          and not exists (
            select 1 from meetings m
            where m.org_path like b.path || '%' and m.status <> 'cancelled'
              and (m.starts_at at time zone 'Asia/Shanghai')::date >= mon
              and (m.starts_at at time zone 'Asia/Shanghai')::date < (mon + interval '1 month')::date)`,
    );
    expect(gaps).toEqual([]);
    // Most branches hold their 支委会 every month; a few miss some, so the compliance view has warnings.
    const missing = await count(
      h,
      sql`select count(distinct b.id) as n from organizations b cross join unnest(string_to_array(${pastMonths(back).join(',')}, ',')::date[]) as mon
        where b.type in ${BRANCH_TYPES} and (b.founded_on is null or b.founded_on < mon - 90)
          and not exists (
            select 1 from meetings m join meeting_types t on t.meeting_id = m.id and t.type_code = 'committee_meeting'
            where m.org_id = b.id and m.status <> 'cancelled'
              and date_trunc('month', m.starts_at at time zone 'Asia/Shanghai') = mon)`,
    );
    const branches = await count(h, sql`select count(*) as n from organizations where type in ${BRANCH_TYPES}`);
    if (back > 1) expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(branches * 0.25);
  });

  it('never double-books a venue', async () => {
    const h = handle();
    const clashes = await count(
      h,
      sql`select count(*) as n from meetings a join meetings b
        on a.venue_id = b.venue_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
        where a.status <> 'cancelled' and b.status <> 'cancelled'`,
    );
    expect(clashes).toBe(0);
    expect(await count(h, sql`select count(*) as n from meetings where venue_id is not null`)).toBeGreaterThan(0);
  });

  it('records attendance only for participants of past meetings, never beside an approved leave', async () => {
    const h = handle();
    const stray = await one<Record<string, number>>(
      h,
      sql`select
        (select count(*) from meeting_attendance a left join meeting_participants p using (meeting_id, member_id)
          where p.member_id is null)::int as "notParticipant",
        (select count(*) from meeting_attendance a join meetings m on m.id = a.meeting_id
          where m.status = 'cancelled' or (m.starts_at at time zone 'Asia/Shanghai')::date >= ${today}::date)::int
          as "notPast",
        (select count(*) from meeting_attendance a join meeting_leaves l using (meeting_id, member_id)
          where l.status = 'approved')::int as "alsoOnLeave",
        (select count(*) from meeting_leaves l left join meeting_participants p using (meeting_id, member_id)
          where p.member_id is null)::int as "leaveNotParticipant",
        (select count(*) from (select meeting_id, member_id from meeting_leaves group by 1, 2 having count(*) > 1) x)::int
          as "twoLeaves"`,
    );
    expect(stray).toEqual({ notParticipant: 0, notPast: 0, alsoOnLeave: 0, leaveNotParticipant: 0, twoLeaves: 0 });
  });

  it('keeps attendance realistic: mostly present, some late, on leave, absent and made up', async () => {
    const h = handle();
    const r = await one<Record<string, number>>(
      h,
      sql`select count(*)::int as expected,
          count(*) filter (where a.status in ('present', 'late'))::int as present,
          count(*) filter (where a.status = 'late')::int as late,
          count(*) filter (where a.status = 'made_up')::int as "madeUp",
          count(*) filter (where l.member_id is not null)::int as "onLeave",
          count(*) filter (where a.member_id is null and l.member_id is null)::int as absent
        from meeting_participants p join meetings m on m.id = p.meeting_id
        left join meeting_attendance a using (meeting_id, member_id)
        left join meeting_leaves l on l.meeting_id = p.meeting_id and l.member_id = p.member_id and l.status = 'approved'
        where m.status <> 'cancelled' and (m.starts_at at time zone 'Asia/Shanghai')::date < ${today}::date`,
    );
    expect(r.present / r.expected).toBeGreaterThan(0.85);
    expect(r.present / r.expected).toBeLessThan(0.95);
    expect(r.late / r.present).toBeGreaterThan(0.04);
    expect(r.late / r.present).toBeLessThan(0.11);
    expect(r.onLeave / r.expected).toBeGreaterThan(0.03);
    expect(r.absent / r.expected).toBeGreaterThan(0.01);
    expect(r.madeUp).toBeGreaterThan(0);
  });

  it('keeps check-ins, leave decisions and make-ups consistent', async () => {
    const h = handle();
    const bad = await one<Record<string, number>>(
      h,
      sql`select
        (select count(*) from meeting_attendance a join meetings m on m.id = a.meeting_id
          where (a.status = 'made_up') <> (a.method = 'makeup')
            or (a.status = 'made_up' and (a.reason is null or a.by_name is null or a.checked_in_at <= m.ends_at))
            or (a.status = 'present' and (a.checked_in_at < m.checkin_opens_at or a.checked_in_at > m.late_after))
            or (a.status = 'late' and (a.checked_in_at <= m.late_after or a.checked_in_at > m.checkin_closes_at)))::int
          as attendance,
        (select count(*) from meeting_leaves l join meetings m on m.id = l.meeting_id
          where (l.status in ('approved', 'rejected') and (l.decided_at is null or l.decided_by_name is null
              or l.decided_at < l.created_at or l.created_at > m.starts_at))
            or (l.status = 'pending' and (l.decided_at is not null
              or (m.starts_at at time zone 'Asia/Shanghai')::date < ${today}::date)))::int as leaves,
        (select count(*) from meetings
          where checkin_opens_at <> starts_at - interval '30 minutes' or checkin_closes_at <> ends_at
            or late_after <> starts_at + interval '5 minutes' or length(checkin_secret) <> 43
            or (geofence_enabled and (geofence_latitude is null or geofence_radius_meters <> 500))
            or (status = 'archived') <> (archived_at is not null)
            or (status = 'cancelled') <> (cancel_reason is not null)
            or (status = 'archived' and minutes is null)
            or not exists (select 1 from meeting_types t where t.meeting_id = meetings.id))::int as meetings,
        (select count(*) from meeting_participants p join meetings m on m.id = p.meeting_id
          join organizations g on g.id = m.org_id and g.type = 'party_group'
          left join party_group_members pg on pg.member_id = p.member_id and pg.group_id = g.id
          where pg.member_id is null)::int as "groupOutsider"`,
    );
    expect(bad).toEqual({ attendance: 0, leaves: 0, meetings: 0, groupOutsider: 0 });
  });

  it('puts every active member of a branch into one of its party groups, balanced', async () => {
    const h = handle();
    const unassigned = await count(
      h,
      sql`select count(*) as n from members m
        where m.status = 'active' and exists (select 1 from organizations g where g.parent_id = m.org_id and g.type = 'party_group')
          and not exists (select 1 from party_group_members pg join organizations g on g.id = pg.group_id
            where pg.member_id = m.id and g.parent_id = m.org_id)`,
    );
    expect(unassigned).toBe(0);
    const unbalanced = await count(
      h,
      sql`select count(*) as n from (
          select g.parent_id, max(n) - min(n) as spread from organizations g
          join lateral (select count(*) as n from party_group_members pg where pg.group_id = g.id) c on true
          where g.type = 'party_group' group by g.parent_id) x
        where spread > 1`,
    );
    expect(unbalanced).toBe(0);
  });

  it('records one audit event per branch, and gives the demo member a history', async () => {
    const h = handle();
    const events = await count(h, sql`select count(*) as n from audit_events where action = 'meeting.seeded'`);
    const branches = await count(h, sql`select count(*) as n from organizations where type in ${BRANCH_TYPES}`);
    expect(events).toBe(branches);
    const mine = await count(
      h,
      sql`select count(*) as n from meeting_participants p join members m on m.id = p.member_id
        join users u on u.id = m.user_id join meetings mt on mt.id = p.meeting_id
        where u.username = 'member' and mt.starts_at < now()`,
    );
    expect(mine).toBeGreaterThan(back > 1 ? 20 : 1);
  });
});

describe('seeded meetings (cross-checks)', () => {
  it('seeds the same meetings for the same seed', async () => {
    const fingerprint = (h: DbHandle) =>
      one<Record<string, string>>(
        h,
        sql`select (select md5(string_agg(id::text || title || starts_at::text || status, ',' order by id)) from meetings)
            as meetings,
          (select count(*) from meeting_participants)::text as participants,
          (select count(*) from meeting_attendance)::text as attendance,
          (select count(*) from meeting_leaves)::text as leaves`,
      );
    expect(await fingerprint(recentB)).toEqual(await fingerprint(recentA));
  });

  it('seeds much less for the recent span, with joint, cancelled and refused check-ins in both', async () => {
    const summary = (h: DbHandle) =>
      one<Record<string, number>>(
        h,
        sql`select (select count(*) from meetings)::int as meetings,
          (select count(*) from meeting_orgs)::int as joint,
          (select count(*) from meetings where status = 'cancelled')::int as cancelled,
          (select count(*) from meetings where status = 'archived')::int as archived,
          (select count(*) from checkin_rejections)::int as rejections`,
      );
    const y = await summary(year);
    const r = await summary(recentA);
    expect(r.meetings).toBeLessThan(y.meetings / 2);
    expect(y.joint).toBeGreaterThan(0);
    expect(y.cancelled).toBeGreaterThan(0);
    expect(y.archived).toBeGreaterThan(y.meetings / 2);
    expect(r.rejections).toBeGreaterThan(0);
  });
});
