/**
 * 阵地预约日历: a venue's bookings as each caller may see them. A regional 党群活动中心 belongs to the work committee
 * and serves every branch below it, so a branch admin reads its calendar, but meetings outside their scope show only
 * their time (已预约（其他组织）) — in the calendar, in the planning form's availability check and in the refusal.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let admin: Session;
let xingguang: Session;
let secretary: Session;
let orgs: Record<'branchA' | 'branchB' | 'root', OrgRef>;
let center: string;
let roomB: string;

/** A day far from any demo meeting, in Beijing time. */
const at = (hhmm: string, day = '2031-03-11') => `${day}T${hhmm}:00+08:00`;
const TITLE_A = '洗煤厂党支部主题党日';
const TITLE_B = '电石分公司党支部党员大会';
let meetingA: string;
let meetingB: string;

async function plan(
  session: Session,
  org: OrgRef,
  body: { title: string; startsAt: string; endsAt: string; venueId?: string },
) {
  return t.request(session, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: { orgId: org.id, typeCodes: ['theme_day'], participants: { orgIds: [org.id] }, ...body },
  });
}

async function planned(session: Session, org: OrgRef, body: Parameters<typeof plan>[2]) {
  const res = await plan(session, org, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const bookings = (session: Session, venueId: string, from: string, to: string, extra = '') =>
  t.request(session, {
    method: 'GET',
    url: `/api/v1/venues/${venueId}/bookings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`,
  });

const availability = (session: Session, venueId: string, from: string, to: string) =>
  t.request(session, {
    method: 'GET',
    url: `/api/v1/meetings/venue-availability?venueId=${venueId}&startsAt=${encodeURIComponent(from)}&endsAt=${encodeURIComponent(to)}`,
  });

beforeAll(async () => {
  t = await createTestApp({ members: false });
  admin = await t.login('admin');
  xingguang = await t.login('xingguang');
  secretary = await t.login('secretary');
  orgs = await loadOrgs(t, admin);
  [{ id: center }] = (await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from venues where name = '开发区党群活动中心'`,
  )) as [{ id: string }];
  const room = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/venues',
    payload: { name: '电石分公司党员活动室', ownerOrgId: orgs.branchB.id },
  });
  roomB = room.json().id;
  meetingA = await planned(admin, orgs.branchA, {
    title: TITLE_A,
    startsAt: at('09:00'),
    endsAt: at('11:00'),
    venueId: center,
  });
  meetingB = await planned(admin, orgs.branchB, {
    title: TITLE_B,
    startsAt: at('14:00'),
    endsAt: at('16:00'),
    venueId: center,
  });
}, 120_000);
afterAll(() => t?.close());

describe('venue calendar', () => {
  it('shows a branch admin the shared center: own meetings in full, other organizations only as booked', async () => {
    const res = await bookings(xingguang, center, at('00:00'), at('00:00', '2031-03-12'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      {
        meetingId: meetingA,
        title: TITLE_A,
        orgName: orgs.branchA.name,
        startsAt: '2031-03-11T01:00:00.000Z',
        endsAt: '2031-03-11T03:00:00.000Z',
        inScope: true,
        status: 'planned',
      },
      {
        meetingId: meetingB,
        title: null,
        orgName: null,
        startsAt: '2031-03-11T06:00:00.000Z',
        endsAt: '2031-03-11T08:00:00.000Z',
        inScope: false,
        status: 'planned',
      },
    ]);
    expect(res.body).not.toContain(TITLE_B);
    expect(res.body).not.toContain(orgs.branchB.name);
    // The zone admin reads everything.
    const all = (await bookings(admin, center, at('00:00'), at('23:59'))).json();
    expect(all.map((b: { title: string }) => b.title)).toEqual([TITLE_A, TITLE_B]);
    expect(all.every((b: { inScope: boolean }) => b.inScope)).toBe(true);
  });

  it('lists the bookings overlapping [from, to) only', async () => {
    const mid = (await bookings(admin, center, at('10:59'), at('14:00'))).json();
    expect(mid.map((b: { meetingId: string }) => b.meetingId)).toEqual([meetingA]);
    const gap = (await bookings(admin, center, at('11:00'), at('14:00'))).json();
    expect(gap).toEqual([]);
  });

  it('keeps a branch room out of other branches’ calendars (404), as the venue itself', async () => {
    await planned(admin, orgs.branchB, { title: TITLE_B, startsAt: at('09:00'), endsAt: at('10:00'), venueId: roomB });
    expectErrorShape(await bookings(xingguang, roomB, at('00:00'), at('23:59')), 404, 'NOT_FOUND');
    expectErrorShape(await t.request(xingguang, { method: 'GET', url: `/api/v1/venues/${roomB}` }), 404, 'NOT_FOUND');
    expect((await bookings(admin, roomB, at('00:00'), at('23:59'))).json()).toHaveLength(1);
  });

  it('lists cancelled meetings on request, and only those in the caller’s scope', async () => {
    const day = '2031-03-12';
    const a = await planned(admin, orgs.branchA, {
      title: '已取消的支部委员会',
      startsAt: at('09:00', day),
      endsAt: at('10:00', day),
      venueId: center,
    });
    const b = await planned(admin, orgs.branchB, {
      title: '已取消的电石分公司活动',
      startsAt: at('10:00', day),
      endsAt: at('11:00', day),
      venueId: center,
    });
    for (const id of [a, b]) {
      const res = await t.request(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${id}/cancel`,
        payload: { reason: '改期' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const from = at('00:00', day);
    const to = at('23:59', day);
    expect((await bookings(xingguang, center, from, to)).json()).toEqual([]);
    const withCancelled = (await bookings(xingguang, center, from, to, '&includeCancelled=true')).json();
    expect(withCancelled).toMatchObject([{ meetingId: a, status: 'cancelled', inScope: true }]);
    expect(withCancelled).toHaveLength(1);
    const adminView = (await bookings(admin, center, from, to, '&includeCancelled=true')).json();
    expect(adminView.map((x: { meetingId: string }) => x.meetingId)).toEqual([a, b]);
  });

  it('shows legacy overlaps as they are, so the calendar can mark them', async () => {
    const day = '2031-03-13';
    const first = await planned(admin, orgs.branchA, {
      title: '旧数据一',
      startsAt: at('09:00', day),
      endsAt: at('10:00', day),
      venueId: center,
    });
    const second = await planned(admin, orgs.branchA, {
      title: '旧数据二',
      startsAt: at('10:00', day),
      endsAt: at('11:00', day),
      venueId: center,
    });
    // Data from before the overlap check: the server refuses such a booking today.
    await t.database.db.execute(
      sql`update meetings set starts_at = ${new Date(at('09:30', day))} where id = ${second}`,
    );
    const list = (await bookings(admin, center, at('00:00', day), at('23:59', day))).json();
    expect(list.map((b: { meetingId: string }) => b.meetingId)).toEqual([first, second]);
  });
});

describe('planning at a shared venue', () => {
  it('names a conflicting meeting in the availability check only inside the caller’s scope', async () => {
    const own = (await availability(xingguang, center, at('10:00'), at('10:30'))).json();
    expect(own).toEqual([expect.objectContaining({ meetingId: meetingA, title: TITLE_A, inScope: true })]);
    const res = await availability(xingguang, center, at('15:00'), at('15:30'));
    expect(res.json()).toEqual([
      expect.objectContaining({ meetingId: meetingB, title: null, orgName: null, inScope: false }),
    ]);
    expect(res.body).not.toContain(TITLE_B);
    // A room the caller cannot see answers nothing about its bookings.
    expect((await availability(xingguang, roomB, at('09:00'), at('09:30'))).json()).toEqual([]);
    expect((await availability(admin, roomB, at('09:00'), at('09:30'))).json()).toHaveLength(1);
  });

  it('refuses a double booking without naming another organization’s meeting', async () => {
    const other = await plan(secretary, orgs.branchA, {
      title: '支部学习',
      startsAt: at('15:00'),
      endsAt: at('15:30'),
      venueId: center,
    });
    expectErrorShape(other, 409, 'VENUE_CONFLICT');
    expect(other.body).not.toContain(TITLE_B);
    expect(other.body).not.toContain(orgs.branchB.name);
    expect(other.json().error.message).toContain('其他组织');
    expect(other.json().error.details.conflicts).toEqual([
      { meetingId: meetingB, title: null, startsAt: '2031-03-11T06:00:00.000Z' },
    ]);
    const own = await plan(secretary, orgs.branchA, {
      title: '支部学习',
      startsAt: at('10:00'),
      endsAt: at('10:30'),
      venueId: center,
    });
    expectErrorShape(own, 409, 'VENUE_CONFLICT');
    expect(own.json().error.message).toContain(TITLE_A);
  });

  it('books only venues the planner can see', async () => {
    const res = await plan(secretary, orgs.branchA, {
      title: '借用他人活动室',
      startsAt: at('18:00'),
      endsAt: at('19:00'),
      venueId: roomB,
    });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.venueId' })]);
    const free = await plan(secretary, orgs.branchA, {
      title: '支部学习',
      startsAt: at('18:00'),
      endsAt: at('19:00'),
      venueId: center,
    });
    expect(free.statusCode, free.body).toBe(201);
  });
});
