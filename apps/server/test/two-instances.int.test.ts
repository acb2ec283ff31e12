// Two app instances on one PostgreSQL database (a league or province runs several behind a proxy): a check-in
// burst spread over both counts each member once, a member scanning on both at once is admitted once, both audit
// sealers keep one verifiable chain, and a staff token revoked on one instance is refused by the other.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type DbHandle, openDatabase } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { sealAllPending, verifyAuditChain } from '../src/modules/audit/index.js';
import { issueMemberCode, memberCodeKey } from '../src/modules/meeting/meeting.tokens.js';
import { createTestApp, type Session, type TestApp } from '../src/test-support/test-app.js';
import { testBackend } from '../src/test-support/test-db.js';

const CROWD = 400;
const BOTH = 20;

let a: TestApp;
let b: { app: FastifyInstance; database: DbHandle };
let admin: Session;
let crowd: { memberId: string; headers: Record<string, string> }[];
let meetingId: string;

const nonce = () => `n${randomUUID().replaceAll('-', '')}`;

describe.skipIf(testBackend() !== 'postgresql')('two app instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    a = await createTestApp({ meetings: 'recent' });
    const url = (a.database as DbHandle & { url?: string }).url!;
    const database = await openDatabase({ kind: 'postgresql', url, poolSize: 10 });
    const app = await buildApp({
      config: a.config,
      database,
      logger: false,
      rateLimits: { loginPerMinute: 100_000, writesPerMinute: 100_000 },
    });
    await app.ready();
    b = { app, database };
    admin = await a.login('admin');

    // Members with accounts and live sessions, shared by both instances through the database.
    const [branch] = await queryRows<{ id: string; path: string }>(
      a.database.db,
      sql`select id, path from organizations where type = 'branch' order by name limit 1`,
    );
    const people = Array.from({ length: CROWD }, (_, i) => ({
      i,
      token: randomBytes(24).toString('base64url'),
      csrf: randomUUID(),
    }));
    const json = JSON.stringify(
      people.map((p) => ({ i: p.i, sid: createHash('sha256').update(p.token).digest('hex'), csrf: p.csrf })),
    );
    const made = await queryRows<{ i: number; member_id: string }>(
      a.database.db,
      sql`with input as (select * from json_to_recordset(${json}::json) as x(i int, sid text, csrf text)),
        src as (select * from members where user_id is null limit 1),
        u as (insert into users (id, username, display_name, password_hash)
          select gen_random_uuid(), 'twin' || i, '党员' || i, 'none' from input returning id, username),
        s as (insert into sessions (id, user_id, csrf_token, expires_at)
          select input.sid, u.id, input.csrf, now() + interval '1 day' from input join u on u.username = 'twin' || input.i),
        r as (insert into user_roles (id, user_id, role, org_id) select gen_random_uuid(), u.id, 'member', ${branch!.id}::uuid from u),
        m as (insert into members select (jsonb_populate_record(null::members, to_jsonb(src) || jsonb_build_object(
          'id', gen_random_uuid(), 'name', '双机' || substr(u.username, 5), 'id_number_hash', md5(u.username),
          'user_id', u.id, 'org_id', ${branch!.id}::uuid, 'org_path', ${branch!.path}::text))).* from src, u
          returning id, user_id)
        select substr(u.username, 5)::int as i, m.id as member_id from m join u on u.id = m.user_id`,
    );
    const memberOf = new Map(made.map((r) => [r.i, r.member_id]));
    crowd = people.map((p) => ({
      memberId: memberOf.get(p.i)!,
      headers: { cookie: `re_sid=${p.token}`, 'x-csrf-token': p.csrf },
    }));

    const startsAt = new Date(Date.now() + 10 * 60_000);
    const planned = await a.request(admin, {
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        orgId: branch!.id,
        title: '双实例签到',
        typeCodes: ['general_meeting'],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        participants: { memberIds: crowd.map((c) => c.memberId) },
        checkin: { rotationSeconds: 600 },
      },
    });
    expect(planned.statusCode).toBe(201);
    meetingId = planned.json().id;
  }, 180_000);

  afterAll(async () => {
    await b?.app.close();
    await b?.database.close();
    await a?.close();
  });

  it('counts every member once whichever instance they reach, also when one scans on both at once', async () => {
    const { code } = (await a.request(admin, { method: 'GET', url: `/api/v1/meetings/${meetingId}/room-code` })).json();
    const scan = (app: FastifyInstance, who: (typeof crowd)[0]) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/me/checkins',
        headers: who.headers,
        payload: { code, nonce: nonce() },
      });

    const twice = crowd.slice(0, BOTH);
    const once = crowd.slice(BOTH);
    const [onBoth, single] = await Promise.all([
      Promise.all(twice.map((who) => Promise.all([scan(a.app, who), scan(b.app, who)]))),
      Promise.all(once.map((who, i) => scan(i % 2 ? b.app : a.app, who))),
    ]);
    expect(single.map((r) => r.statusCode).filter((s) => s !== 200)).toEqual([]);
    for (const pair of onBoth) {
      expect(pair.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const refused = pair.find((r) => r.statusCode === 409)!.json();
      expect(refused.error.details.reason).toBe('already_checked_in');
    }

    const [rows] = await queryRows<{ n: number; members: number }>(
      a.database.db,
      sql`select count(*)::int as n, count(distinct member_id)::int as members from meeting_attendance where meeting_id = ${meetingId}`,
    );
    expect(rows).toEqual({ n: CROWD, members: CROWD });

    // Both instances run the sealer; one chain, one event per presence.
    await Promise.all([sealAllPending(a.database.db), sealAllPending(b.database.db)]);
    const [events] = await queryRows<{ n: number }>(
      a.database.db,
      sql`select count(*)::int as n from audit_events where action = 'meeting.checked_in' and entity_id = ${meetingId}`,
    );
    expect(events!.n).toBe(CROWD);
    expect((await verifyAuditChain(a.database.db)).ok).toBe(true);
  }, 120_000);

  it('refuses on one instance a staff token revoked on the other', async () => {
    const issued = await a.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/staff-tokens`,
      payload: { label: '西门' },
    });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    const extra = await queryRows<{ id: string }>(
      a.database.db,
      sql`select p.member_id as id from meeting_participants p
        where p.meeting_id = ${meetingId}
          and not exists (select 1 from meeting_attendance x where x.meeting_id = p.meeting_id and x.member_id = p.member_id)
        limit 1`,
    );
    // Everyone checked in above: take one back out so the scan would otherwise succeed.
    const someone = extra[0]?.id ?? crowd[CROWD - 1]!.memberId;
    await a.database.db.execute(
      sql`delete from meeting_attendance where meeting_id = ${meetingId} and member_id = ${someone}`,
    );
    const memberCode = issueMemberCode(memberCodeKey(a.config.dataKey), someone, Date.now() + 60_000);
    const staffScan = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/checkin/staff-scan',
        headers: { 'x-checkin-token': token },
        payload: { code: memberCode, nonce: nonce() },
      });
    const revoked = await a.request(admin, { method: 'POST', url: `/api/v1/staff-tokens/${id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    const refused = await staffScan(b.app);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.details.reason).toBe('staff_token_revoked');
  });
});
