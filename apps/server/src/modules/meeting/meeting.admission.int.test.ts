import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { sealAllPending, verifyAuditChain } from '../audit/index.js';
import { type Admission, createAdmissions } from './meeting.admission.js';

let t: TestApp;
let meetings: { id: string; org_path: string }[];
let people: { member_id: string; user_id: string | null }[];

const at = new Date();
function admission(over: Partial<Admission>): Admission {
  return {
    meetingId: meetings[0]!.id,
    orgPath: meetings[0]!.org_path,
    memberId: null,
    userId: null,
    status: 'present',
    method: 'room_code',
    at,
    nonce: 'n-default',
    staffTokenId: null,
    byUserId: null,
    byName: null,
    latitude: null,
    longitude: null,
    accuracy: null,
    actorId: null,
    actorName: '测试',
    requestId: 'batch-test',
    ip: '127.0.0.1',
    ...over,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // Two upcoming meetings of one branch, both with the branch's members expected, none of them checked in yet.
  meetings = await queryRows(
    db,
    sql`select m.id, m.org_path from meetings m
      where m.status <> 'cancelled' and m.starts_at > now()
        and not exists (select 1 from meeting_attendance a where a.meeting_id = m.id)
        and m.org_id = (select org_id from members mm join users u on u.id = mm.user_id where u.username = 'member')
      order by m.starts_at limit 2`,
  );
  if (meetings.length < 2) {
    const admin = await t.login('admin');
    const [b] = await queryRows<{ org_id: string }>(
      db,
      sql`select mm.org_id from members mm join users u on u.id = mm.user_id where u.username = 'member'`,
    );
    for (let i = meetings.length; i < 2; i++) {
      const start = new Date(Date.now() + (400 + i) * 86_400_000);
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: {
          orgId: b!.org_id,
          title: `批量签到测试 ${i}`,
          typeCodes: ['general_meeting'],
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
          participants: { orgIds: [b!.org_id] },
        },
      });
      expect(res.statusCode).toBe(201);
      meetings.push({ id: res.json().id, org_path: res.json().orgPath ?? '' });
    }
    meetings = await queryRows(
      db,
      sql`select id, org_path from meetings where id in (${meetings[0]!.id}, ${meetings[1]!.id})`,
    );
  }
  people = await queryRows(
    db,
    sql`select p.member_id, m.user_id from meeting_participants p join members m on m.id = p.member_id
      where p.meeting_id = ${meetings[0]!.id} order by (m.user_id is null), p.member_id limit 4`,
  );
  expect(people.length).toBe(4);
  expect(people[0]!.user_id).not.toBeNull();
}, 120_000);
afterAll(() => t?.close());

describe('check-ins written many per statement', () => {
  it('decides each request of one batch as if it had come alone', async () => {
    const { admitMany } = createAdmissions(t.database.db);
    const [withAccount, a, b, c] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const outsider = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from members where id not in (select member_id from meeting_participants where meeting_id = ${meetings[0]!.id}) limit 1`,
    );
    const out = await admitMany([
      // the logged-in member, found through the account
      admission({ userId: withAccount.user_id, nonce: 'u1' }),
      // one member twice with one nonce (a retried request): first written, second is its replay
      admission({ memberId: a.member_id, nonce: 'a1' }),
      admission({ memberId: a.member_id, nonce: 'a1' }),
      // one member twice with two nonces (two scans): one written
      admission({ memberId: b.member_id, nonce: 'b1' }),
      admission({ memberId: b.member_id, nonce: 'b2' }),
      // not expected at this meeting
      admission({ memberId: outsider[0]!.id, nonce: 'x1' }),
      // the same member at a second meeting in the same statement
      admission({ memberId: c.member_id, nonce: 'c1' }),
      admission({ memberId: c.member_id, nonce: 'c2', meetingId: meetings[1]!.id, orgPath: meetings[1]!.org_path }),
    ]);
    expect(out.map((o) => o?.inserted ?? null)).toEqual([true, true, false, true, false, null, true, true]);
    expect(out[0]!.memberId).toBe(withAccount.member_id);
    expect(out[2]!.memberId).toBe(a.member_id);

    const rows = await queryRows<{ meeting_id: string; member_id: string; nonce: string }>(
      t.database.db,
      sql`select meeting_id, member_id, nonce from meeting_attendance where meeting_id in (${meetings[0]!.id}, ${meetings[1]!.id})`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.member_id === b.member_id)!.nonce).toBe('b1');

    // Exactly one audit event per written presence, in the chain once sealed.
    await sealAllPending(t.database.db);
    const [events] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where action = 'meeting.checked_in'
        and entity_id in (${meetings[0]!.id}, ${meetings[1]!.id})`,
    );
    expect(events!.n).toBe(5);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);

    // A later batch with the same people writes nothing more.
    const again = await admitMany([
      admission({ memberId: a.member_id, nonce: 'a9' }),
      admission({ userId: withAccount.user_id, nonce: 'u1' }),
    ]);
    expect(again.map((o) => o?.inserted)).toEqual([false, false]);
  });
});
