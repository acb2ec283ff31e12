import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { sealAllPending, verifyAuditChain } from '../audit/index.js';
import { issueMemberCode, issueRoomCode, memberCodeKey, windowOf } from './meeting.tokens.js';

let t: TestApp;
let admin: Session;
let member: Session;
let bateer: { id: string; org_id: string; org_path: string };
let venueId: string;
let otherBranch: string;

// Far beyond the demo's planned meetings, so the venue is free.
const DAY = 60 * 24 * 500;
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const nonce = () => `n${Math.random().toString(36).slice(2, 12)}${Date.now().toString(36)}`;

async function plan(body: Record<string, unknown>, session = admin) {
  return t.request(session, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: {
      orgId: bateer.org_id,
      title: '主题党日：学习党章',
      typeCodes: ['theme_day', 'general_meeting'],
      startsAt: minutes(10),
      endsAt: minutes(100),
      participants: { orgIds: [bateer.org_id] },
      ...body,
    },
  });
}

async function roomCode(id: string) {
  const res = await t.request(admin, { method: 'GET', url: `/api/v1/meetings/${id}/room-code` });
  expect(res.statusCode).toBe(200);
  return res.json() as { code: string; url: string; svg: string; validUntil: string };
}

const checkin = (payload: Record<string, unknown>, session = member) =>
  t.request(session, { method: 'POST', url: '/api/v1/me/checkins', payload: { nonce: nonce(), ...payload } });

async function rejectionsOf(id: string) {
  const res = await t.request(admin, { method: 'GET', url: `/api/v1/meetings/${id}/rejections` });
  return (res.json() as { reason: string }[]).map((r) => r.reason);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  member = await t.login('member');
  [bateer] = await queryRows<typeof bateer>(
    t.database.db,
    sql`select m.id, m.org_id, m.org_path from members m join users u on u.id = m.user_id where u.username = 'member'`,
  );
  [{ id: venueId }] = (await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from venues order by name limit 1`,
  )) as [{ id: string }];
  [{ id: otherBranch }] = (await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from organizations where type = 'branch' and id <> ${bateer.org_id} order by name limit 1`,
  )) as [{ id: string }];
}, 120_000);
afterAll(() => t?.close());

describe('planning', () => {
  it('plans a meeting for several types, fixes who is expected and refuses a double-booked venue', async () => {
    const first = await plan({ venueId, startsAt: minutes(DAY), endsAt: minutes(DAY + 90) });
    expect(first.statusCode).toBe(201);
    const m = first.json();
    expect(m.typeCodes.sort()).toEqual(['general_meeting', 'theme_day']);
    expect(m.counts.expected).toBeGreaterThan(1);
    expect(m.phase).toBe('upcoming');

    const clash = await plan({ venueId, startsAt: minutes(DAY + 60), endsAt: minutes(DAY + 120) });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('VENUE_CONFLICT');
    expect(clash.json().error.message).toContain('已被');
    const free = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/meetings/venue-availability?venueId=${venueId}&startsAt=${encodeURIComponent(minutes(DAY + 30))}&endsAt=${encodeURIComponent(minutes(DAY + 40))}`,
    });
    expect(free.json()).toHaveLength(1);
    // Back to back is not a clash.
    const after = await plan({ venueId, startsAt: minutes(DAY + 90), endsAt: minutes(DAY + 120) });
    expect(after.statusCode).toBe(201);
  });

  it('an edit changes only what it sends (organizers and joint organizations stay)', async () => {
    const m = (await plan({ organizerMemberIds: [bateer.id], jointOrgIds: [otherBranch] })).json();
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      payload: { hostName: '张丽' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().organizers.map((o: { id: string }) => o.id)).toEqual([bateer.id]);
    expect(res.json().jointOrgs.map((o: { id: string }) => o.id)).toEqual([otherBranch]);
    expect(res.json().hostName).toBe('张丽');
  });

  it('names the field: no participants, end before start, unknown type', async () => {
    const none = await plan({ participants: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.participants');
    const backwards = await plan({ endsAt: minutes(5) });
    expect(backwards.json().error.details[0].path).toBe('body.endsAt');
    const unknown = await plan({ typeCodes: ['no_such_type'] });
    expect(unknown.json().error.details[0].path).toBe('body.typeCodes');
  });

  it('a branch secretary cannot plan for another branch, and cannot see its meetings', async () => {
    const secretary = await t.login('secretary');
    const res = await plan({ orgId: otherBranch, participants: { orgIds: [otherBranch] } }, secretary);
    expect([400, 404]).toContain(res.statusCode);
    const other = (await plan({ orgId: otherBranch, participants: { orgIds: [otherBranch] } })).json();
    const [scope] = await queryRows<{ path: string }>(
      t.database.db,
      sql`select o.path from user_roles r join users u on u.id = r.user_id join organizations o on o.id = r.org_id where u.username = 'secretary'`,
    );
    if (!other.orgPath.startsWith(scope!.path)) {
      expect((await t.request(secretary, { method: 'GET', url: `/api/v1/meetings/${other.id}` })).statusCode).toBe(404);
    }
  });
});

describe('check-in with the room code', () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (await plan({})).json().id;
  });

  it('checks the member in once; a retry with the same nonce answers the same; another scan says when and how', async () => {
    const { code, url, svg } = await roomCode(meetingId);
    expect(url).toContain(`/m/checkin?c=${code}`);
    expect(svg).toContain('<svg');
    const n = nonce();
    const ok = await checkin({ code, nonce: n });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'present', method: 'room_code', replayed: false, memberName: '巴特尔' });
    const again = await checkin({ code, nonce: n });
    expect(again.json()).toMatchObject({ replayed: true, checkedInAt: ok.json().checkedInAt });
    const twice = await checkin({ code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'CHECKIN_ALREADY',
      details: { reason: 'already_checked_in', method: 'room_code' },
    });
    expect(twice.json().error.message).toMatch(/已于 \d\d:\d\d 通过扫描现场二维码签到/);
    expect(await rejectionsOf(meetingId)).toContain('already_checked_in');

    const board = (await t.request(admin, { method: 'GET', url: `/api/v1/meetings/${meetingId}/board` })).json();
    expect(board.counts.present).toBe(1);
    expect(board.recent[0].memberName).toBe('巴特尔');
  });

  it('rejects forged, tampered, expired, other-meeting codes with their reasons, and records each', async () => {
    const fresh = (await plan({ title: '支委会' })).json().id as string;
    const { code } = await roomCode(fresh);
    const [row] = await queryRows<{ checkin_secret: string }>(
      t.database.db,
      sql`select checkin_secret from meetings where id = ${fresh}`,
    );
    const expired = issueRoomCode(fresh, row!.checkin_secret, windowOf(Date.now(), 30) - 3);
    const tampered = code.slice(0, -2) + (code.endsWith('AA') ? 'BB' : 'AA');
    const cases: [Record<string, unknown>, string][] = [
      [{ code: 'hello' }, 'forged'],
      [{ code: tampered }, 'forged'],
      [{ code: expired }, 'expired'],
      [{ code, meetingId }, 'other_meeting'],
    ];
    for (const [payload, reason] of cases) {
      const res = await checkin(payload);
      expect(res.statusCode, reason).toBe(422);
      expect(res.json().error.details.reason).toBe(reason);
      expect(res.json().error.message.length).toBeGreaterThan(4);
    }
    expect(await rejectionsOf(fresh)).toEqual(expect.arrayContaining(['forged', 'expired']));
    expect(await rejectionsOf(meetingId)).toContain('other_meeting');
  });

  it('not a participant, outside the window, cancelled', async () => {
    const others = (await plan({ orgId: otherBranch, participants: { orgIds: [otherBranch] } })).json().id;
    const notMine = await checkin({ code: (await roomCode(others)).code });
    expect(notMine.json().error.details.reason).toBe('not_participant');
    const later = (await plan({ startsAt: minutes(60 * 30), endsAt: minutes(60 * 31) })).json().id;
    expect((await checkin({ code: (await roomCode(later)).code })).json().error.details.reason).toBe('outside_window');
    const off = (await plan({})).json().id;
    const code = (await roomCode(off)).code;
    await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${off}/cancel`,
      payload: { reason: '上级临时通知改期' },
    });
    expect((await checkin({ code })).json().error.details.reason).toBe('meeting_cancelled');
  });

  it('a geofence asks for the position, refuses far away and accepts on site', async () => {
    const fenced = (
      await plan({
        checkin: { geofence: { enabled: true, latitude: 39.6086, longitude: 109.7813, radiusMeters: 300 } },
      })
    ).json().id;
    const { code } = await roomCode(fenced);
    const ask = await checkin({ code });
    expect(ask.json().error.details.reason).toBe('location_required');
    const denied = await checkin({ code, positionError: 'denied' });
    expect(denied.json().error.message).toContain('允许获取位置');
    const far = await checkin({ code, position: { latitude: 39.62, longitude: 109.7813, accuracy: 20 } });
    expect(far.json().error.details).toMatchObject({ reason: 'outside_fence' });
    expect(far.json().error.details.distanceMeters).toBeGreaterThan(1000);
    const near = await checkin({ code, position: { latitude: 39.6089, longitude: 109.7815, accuracy: 30 } });
    expect(near.statusCode).toBe(200);
    // Asking for the position is not an attempt: only the denied and the far one are recorded.
    expect((await rejectionsOf(fenced)).sort()).toEqual(['location_required', 'outside_fence']);
  });
});

describe('door volunteers, make-ups and leave', () => {
  let meetingId: string;
  let key: Buffer;
  beforeAll(async () => {
    meetingId = (await plan({})).json().id;
    key = memberCodeKey(t.config.dataKey);
  });

  const staffScan = (token: string, code: string, n = nonce()) =>
    t.request(null, {
      method: 'POST',
      url: '/api/v1/checkin/staff-scan',
      headers: { 'x-checkin-token': token },
      payload: { code, nonce: n },
    });

  it('a staff token admits members by their personal code; revoked or out of its window it is refused', async () => {
    const issued = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/staff-tokens`,
      payload: { label: '东门签到' },
    });
    expect(issued.statusCode).toBe(201);
    const { token, url, id } = issued.json();
    expect(url).toContain(`/m/staff?t=${token}`);
    const session = await t.request(null, {
      method: 'GET',
      url: '/api/v1/checkin/staff-session',
      headers: { 'x-checkin-token': token },
    });
    expect(session.json()).toMatchObject({ meetingId, label: '东门签到' });

    const mine = (await t.request(member, { method: 'GET', url: '/api/v1/me/checkin-code' })).json();
    const ok = await staffScan(token, mine.code);
    expect(ok.json()).toMatchObject({ memberName: '巴特尔', method: 'staff_scan' });
    const expired = issueMemberCode(key, bateer.id, Date.now() - 1000);
    expect((await staffScan(token, expired)).json().error.details.reason).toBe('expired');
    expect((await staffScan(token, `${mine.code.slice(0, -1)}x`)).json().error.details.reason).toBe('forged');

    expect((await staffScan('S1.nope', mine.code)).statusCode).toBe(401);
    const early = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/staff-tokens`,
      payload: { label: '明天的', validFrom: minutes(60 * 20), validUntil: minutes(60 * 22) },
    });
    expect((await staffScan(early.json().token, mine.code)).json().error.details.reason).toBe(
      'staff_token_outside_window',
    );
    await t.request(admin, { method: 'POST', url: `/api/v1/staff-tokens/${id}/revoke` });
    const revoked = await staffScan(token, mine.code);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.details.reason).toBe('staff_token_revoked');
  });

  it('make-ups need a reason and a started meeting; leave is asked, approved, and shows in attendance', async () => {
    const started = (await plan({ startsAt: minutes(-30), endsAt: minutes(30), title: '党课' })).json().id;
    const rows = (await t.request(admin, { method: 'GET', url: `/api/v1/meetings/${started}/attendance` })).json();
    const [a, b] = rows.filter((r: { memberId: string }) => r.memberId !== bateer.id);
    const noReason = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${started}/makeup`,
      payload: { memberIds: [a.memberId] },
    });
    expect(noReason.json().error.details[0].path).toBe('body.reason');
    const made = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${started}/makeup`,
      payload: { memberIds: [a.memberId], reason: '外出学习返回后补学补签' },
    });
    expect(made.json()).toEqual({ recorded: 1, skipped: 0 });

    const asked = await t.request(member, {
      method: 'POST',
      url: `/api/v1/me/meetings/${started}/leave`,
      payload: { reason: '出差' },
    });
    expect(asked.statusCode).toBe(201);
    const approved = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meeting-leaves/${asked.json().id}/approve`,
      payload: {},
    });
    expect(approved.json().status).toBe('approved');
    const onBehalf = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${started}/leaves`,
      payload: { memberId: b.memberId, reason: '病假' },
    });
    expect(onBehalf.json().status).toBe('approved');

    const after = (await t.request(admin, { method: 'GET', url: `/api/v1/meetings/${started}/attendance` })).json();
    const byId = new Map(after.map((r: { memberId: string; status: string }) => [r.memberId, r]));
    expect(byId.get(a.memberId)).toMatchObject({ status: 'made_up', reason: '外出学习返回后补学补签' });
    expect(byId.get(bateer.id)).toMatchObject({ status: 'leave' });
    const mine = (await t.request(member, { method: 'GET', url: `/api/v1/me/meetings/${started}` })).json();
    expect(mine.myStatus).toBe('leave');
    const list = (await t.request(member, { method: 'GET', url: '/api/v1/me/meetings?when=upcoming' })).json();
    expect(list.data.some((m: { id: string }) => m.id === started)).toBe(true);
  });
});

describe('bursts', () => {
  it('2,000 members at once give exactly 2,000 records; one member scanning 10 times at once gives one', async () => {
    const db = t.database.db;
    const [root] = await queryRows<{ id: string; path: string }>(
      db,
      sql`select id, path from organizations where depth = 1 limit 1`,
    );
    // Extra members copied from one demo member, each with an account of their own (no password: never logs in).
    const crowd = await queryRows<{ id: string; user_id: string }>(
      db,
      sql`with src as (select * from members where user_id is null limit 1),
        u as (insert into users (id, username, display_name, password_hash)
          select gen_random_uuid(), 'crowd' || i, '群众' || i, 'none' from generate_series(1, 2000) i returning id, username),
        m as (insert into members select (jsonb_populate_record(null::members, to_jsonb(src) || jsonb_build_object(
            'id', gen_random_uuid(), 'name', '党员' || substr(u.username, 6), 'id_number_hash', md5(u.username),
            'user_id', u.id))).* from src, u returning id, user_id)
        select id, user_id from m`,
    );
    expect(crowd).toHaveLength(2000);
    const created = await plan({
      title: '万人大会预演',
      participants: { memberIds: crowd.map((c) => c.id) },
      orgId: root!.id,
      // A slow machine must not see the code rotate under the burst: this test is about counting, not expiry.
      checkin: { rotationSeconds: 600 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const { code } = await roomCode(id);
    const { createMeetingModule } = await import('./index.js');
    const mod = createMeetingModule({ db, config: t.config });
    const ctxOf = (userId: string) => ({
      actor: { userId, displayName: 'x' } as never,
      requestId: 'burst',
      ip: '127.0.0.1',
      locale: 'zh-CN' as const,
    });
    const results = await Promise.allSettled(
      crowd.map((c) => mod.checkin.memberCheckin(ctxOf(c.user_id), { code, nonce: nonce() })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from meeting_attendance where meeting_id = ${id}`,
    );
    expect(count!.n).toBe(2000);

    const one = crowd[0]!;
    await db.execute(sql`delete from meeting_attendance where meeting_id = ${id} and member_id = ${one.id}`);
    // The burst may have outlived the code's window: scan the one on the screen now.
    const fresh = (await roomCode(id)).code;
    const tenTimes = await Promise.allSettled(
      Array.from({ length: 10 }, () => mod.checkin.memberCheckin(ctxOf(one.user_id), { code: fresh, nonce: nonce() })),
    );
    expect(tenTimes.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = tenTimes.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(
      refused.every((r) => (r.reason as { details: { reason: string } }).details.reason === 'already_checked_in'),
    ).toBe(true);
    const [mine] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from meeting_attendance where meeting_id = ${id} and member_id = ${one.id}`,
    );
    expect(mine!.n).toBe(1);

    // Every presence left its audit event, and the chain still verifies once sealed.
    await sealAllPending(db);
    const [events] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events where action = 'meeting.checked_in' and entity_id = ${id}`,
    );
    expect(events!.n).toBe(2001);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 180_000);
});
