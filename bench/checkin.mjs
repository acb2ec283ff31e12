// Check-in burst: N members check in to one meeting at once through the real HTTP route (POST /api/v1/me/checkins,
// each with their own session cookie, CSRF token and a fresh nonce, the room code refreshed as it rotates), against
// the ceiling of plain single-row inserts into the same table (meeting_attendance) at the same concurrency, in the
// same run and process. PGlite always; PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL names a server.
// Env: BENCH_CHECKIN_MEMBERS (10000), BENCH_CONCURRENCY (64), BENCH_CHECKIN_BACKENDS (pglite,postgresql).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgDatabase, log, percentile, postgresUrl, round, tempDir } from './lib/common.mjs';

export const description =
  'check-ins/s of N members at once through POST /me/checkins (PGlite, PostgreSQL), vs single-row inserts into the same table';

const MEMBERS = Number(process.env.BENCH_CHECKIN_MEMBERS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'server', 'dist');
const load = (p) => import(new URL(`file://${join(dist, p)}`).href);

async function setUp(dbConfig, dataDir) {
  const { loadConfig } = await load('config.js');
  const { openDatabase, migrateDatabase } = await load('db/client.js');
  const { seedDemo } = await load('db/seed/seed-demo.js');
  const { buildApp } = await load('app.js');
  const { sql } = await import('drizzle-orm');
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...(dbConfig.url ? { DATABASE_URL: dbConfig.url } : {}) };
  const config = loadConfig(env, 'demo', { version: 'bench' });
  const database = await openDatabase(
    dbConfig.url ? { kind: 'postgresql', url: dbConfig.url } : { kind: 'pglite', dir: config.db.dir },
  );
  await migrateDatabase(database);
  await seedDemo(database.db, { dataKey: config.dataKey, members: true });
  const app = await buildApp({
    config,
    database,
    logger: false,
    rateLimits: { loginPerMinute: 1e7, writesPerMinute: 1e7 },
  });
  await app.ready();
  const rows = async (q) => (await database.db.execute(q)).rows;
  const [branch] = await rows(sql`select id, path from organizations where type = 'branch' order by name limit 1`);
  // N members with accounts and live sessions, copied from one demo member (the burst needs people, not realism).
  log(`checkin: creating ${MEMBERS} members with sessions`);
  const tokens = [];
  for (let done = 0; done < MEMBERS; done += 2000) {
    const n = Math.min(2000, MEMBERS - done);
    const batch = Array.from({ length: n }, (_, i) => ({
      token: randomBytes(24).toString('base64url'),
      csrf: randomUUID(),
      i: done + i,
    }));
    const json = JSON.stringify(
      batch.map((b) => ({ i: b.i, sid: createHash('sha256').update(b.token).digest('hex'), csrf: b.csrf })),
    );
    await database.db.execute(sql`with input as (select * from json_to_recordset(${json}::json) as x(i int, sid text, csrf text)),
      src as (select * from members where user_id is null limit 1),
      u as (insert into users (id, username, display_name, password_hash)
        select gen_random_uuid(), 'burst' || i, '党员' || i, 'none' from input returning id, username),
      s as (insert into sessions (id, user_id, csrf_token, expires_at)
        select input.sid, u.id, input.csrf, now() + interval '1 day' from input join u on u.username = 'burst' || input.i),
      r as (insert into user_roles (id, user_id, role, org_id) select gen_random_uuid(), u.id, 'member', ${branch.id}::uuid from u)
      insert into members select (jsonb_populate_record(null::members, to_jsonb(src) || jsonb_build_object(
        'id', gen_random_uuid(), 'name', '党员' || substr(u.username, 6), 'id_number_hash', md5(u.username),
        'user_id', u.id, 'org_id', ${branch.id}::uuid, 'org_path', ${branch.path}::text))).* from src, u`);
    tokens.push(...batch);
  }
  return { app, database, config, branch, tokens, rows, sql };
}

async function drive(count, op) {
  const latencies = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        if (await op(i)) ok += 1;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ok, seconds: (performance.now() - started) / 1000, latencies };
}

async function runOn(backend, dbConfig) {
  const dataDir = tempDir(`checkin-${backend}`);
  const { app, database, branch, tokens, rows, sql } = await setUp(dbConfig, dataDir);
  try {
    const admin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'RedEngine@2026' },
    });
    const adminHeaders = {
      cookie: `re_sid=${admin.cookies.find((c) => c.name === 're_sid').value}`,
      'x-csrf-token': admin.json().me.csrfToken,
    };
    const startsAt = new Date(Date.now() + 10 * 60_000);
    const plan = await app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: adminHeaders,
      payload: {
        orgId: branch.id,
        title: '万人大会签到压力测试',
        typeCodes: ['general_meeting'],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        participants: { orgIds: [branch.id] },
      },
    });
    if (plan.statusCode !== 201) throw new Error(`planning failed: ${plan.body}`);
    const meeting = plan.json();
    // A meeting is planned days ahead: let its notices (one SMS per member through the outbox) go out before the
    // burst, as they would have, rather than compete with it.
    for (let waited = 0; waited < 120_000; waited += 500) {
      const [{ n }] = await rows(sql`select count(*)::int as n from notification_outbox where status = 'pending'`);
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Like the projector: one refresh per rotation, however many phones are scanning at that moment.
    let code = null;
    let refreshAt = 0;
    let refreshing = null;
    const roomCode = async () => {
      if (Date.now() >= refreshAt) {
        refreshing ??= app
          .inject({ method: 'GET', url: `/api/v1/meetings/${meeting.id}/room-code`, headers: adminHeaders })
          .then((res) => {
            const body = res.json();
            code = body.code;
            refreshAt = Date.parse(body.validUntil);
          })
          .finally(() => {
            refreshing = null;
          });
        await refreshing;
      }
      return code;
    };

    log(`checkin: ${backend}: ${tokens.length} members checking in, ${CONCURRENCY} at a time`);
    const statuses = {};
    const burst = await drive(tokens.length, async (i) => {
      const s = tokens[i];
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/me/checkins',
        headers: { cookie: `re_sid=${s.token}`, 'x-csrf-token': s.csrf },
        payload: { code: await roomCode(), nonce: `bench${i}x${s.csrf.slice(0, 8)}` },
      });
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      return res.statusCode === 200;
    });
    const [{ n: recorded, members: distinct }] = await rows(
      sql`select count(*)::int as n, count(distinct member_id)::int as members from meeting_attendance a
        join members m on m.id = a.member_id where a.meeting_id = ${meeting.id} and m.user_id is not null and m.name like '党员%'`,
    );

    // The ceiling: plain single-row inserts into the same table, same concurrency, same process.
    const ceilingMeeting = randomUUID();
    await database.db.execute(sql`insert into meetings (id, org_id, org_path, title, starts_at, ends_at, participant_spec,
      checkin_secret, checkin_opens_at, checkin_closes_at, late_after)
      select ${ceilingMeeting}, org_id, org_path, 'ceiling', starts_at, ends_at, participant_spec, 'x', checkin_opens_at,
        checkin_closes_at, late_after from meetings where id = ${meeting.id}`);
    const memberIds = (await rows(sql`select member_id from meeting_attendance where meeting_id = ${meeting.id}`)).map(
      (r) => r.member_id,
    );
    const ceiling = await drive(memberIds.length, async (i) => {
      await database.db.execute(sql`insert into meeting_attendance (meeting_id, member_id, status, method, checked_in_at, nonce)
        values (${ceilingMeeting}, ${memberIds[i]}, 'present', 'room_code', ${new Date()}, ${`c${i}`})`);
      return true;
    });
    const checkinsPerS = burst.ok / burst.seconds;
    const ceilingPerS = ceiling.ok / ceiling.seconds;
    return {
      backend,
      members: tokens.length,
      concurrency: CONCURRENCY,
      checkins_per_s: round(checkinsPerS),
      p50_ms: round(percentile(burst.latencies, 50)),
      p99_ms: round(percentile(burst.latencies, 99)),
      ceiling_per_s: round(ceilingPerS),
      ratio: round(checkinsPerS / ceilingPerS, 3),
      lost: burst.ok - recorded,
      duplicated: recorded - distinct,
      answered: statuses,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

const BACKENDS = (process.env.BENCH_CHECKIN_BACKENDS ?? 'pglite,postgresql').split(',');

export default async function run(ctx) {
  if (BACKENDS.includes('pglite')) ctx.emit(await runOn('pglite', {}));
  if (!BACKENDS.includes('postgresql')) return;
  const url = postgresUrl();
  if (!url) {
    log('checkin: no DATABASE_URL / TEST_DATABASE_URL: PostgreSQL skipped');
    return;
  }
  const pg = await createPgDatabase('checkin');
  try {
    ctx.emit(await runOn('postgresql', { url: pg.url }));
  } finally {
    await pg.drop();
  }
}
