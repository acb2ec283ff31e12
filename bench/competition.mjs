// Knowledge competition burst: N members (created here, each with a session) join one competition's lobby, then all
// start together at the server's start time and answer every question through the real HTTP routes
// (POST /me/competitions/:id/join, /play, /answers), retrying "wait N ms" as the H5 does. Reports how many started and
// how fast, answers acknowledged vs stored, and latencies. PGlite always; PostgreSQL too when DATABASE_URL or
// TEST_DATABASE_URL names a server.
// Env: BENCH_COMPETITION_MEMBERS (1000), BENCH_COMPETITION_QUESTIONS (10), BENCH_COMPETITION_BACKENDS (pglite,postgresql).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgDatabase, log, percentile, postgresUrl, round, sleep, tempDir } from './lib/common.mjs';

export const description =
  'N members start one knowledge competition together (staggered admission) and answer every question (PGlite, PostgreSQL)';

const MEMBERS = Number(process.env.BENCH_COMPETITION_MEMBERS ?? 1000);
const QUESTIONS = Number(process.env.BENCH_COMPETITION_QUESTIONS ?? 10);
/** Reading time before each answer, in ms: "0" answers at once (the default), "2000-6000" a random human pace. */
const THINK = (process.env.BENCH_COMPETITION_THINK_MS ?? '0').split('-').map(Number);
const think = () => {
  const [lo = 0, hi = lo] = THINK;
  return lo + Math.floor(Math.random() * (hi - lo + 1));
};
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
  await seedDemo(database.db, { dataKey: config.dataKey, members: true, meetings: 'recent' });
  const app = await buildApp({
    config,
    database,
    logger: false,
    rateLimits: { loginPerMinute: 1e7, writesPerMinute: 1e7 },
  });
  await app.ready();
  const rows = async (q) => (await database.db.execute(q)).rows;
  const branches = await rows(sql`select id, path from organizations where type = 'branch' order by name limit 5`);
  // N members with accounts and live sessions in five branches (five teams), copied from one demo member.
  log(`competition: creating ${MEMBERS} members with sessions`);
  const tokens = [];
  for (let done = 0; done < MEMBERS; done += 1000) {
    const n = Math.min(1000, MEMBERS - done);
    const batch = Array.from({ length: n }, (_, i) => ({
      token: randomBytes(24).toString('base64url'),
      csrf: randomUUID(),
      i: done + i,
    }));
    for (const [k, branch] of branches.entries()) {
      const part = batch.filter((b) => b.i % branches.length === k);
      const json = JSON.stringify(
        part.map((b) => ({ i: b.i, sid: createHash('sha256').update(b.token).digest('hex'), csrf: b.csrf })),
      );
      await database.db.execute(sql`with input as (select * from json_to_recordset(${json}::json) as x(i int, sid text, csrf text)),
        src as (select * from members where user_id is null limit 1),
        u as (insert into users (id, username, display_name, password_hash)
          select gen_random_uuid(), 'quiz' || i, '党员' || i, 'none' from input returning id, username),
        s as (insert into sessions (id, user_id, csrf_token, expires_at)
          select input.sid, u.id, input.csrf, now() + interval '1 day' from input join u on u.username = 'quiz' || input.i),
        r as (insert into user_roles (id, user_id, role, org_id) select gen_random_uuid(), u.id, 'member', ${branch.id}::uuid from u)
        insert into members select (jsonb_populate_record(null::members, to_jsonb(src) || jsonb_build_object(
          'id', gen_random_uuid(), 'name', '党员' || substr(u.username, 5), 'id_number_hash', md5(u.username),
          'user_id', u.id, 'org_id', ${branch.id}::uuid, 'org_path', ${branch.path}::text))).* from src, u`);
    }
    tokens.push(...batch);
  }
  return { app, database, tokens, rows, sql };
}

async function runOn(backend, dbConfig) {
  const dataDir = tempDir(`competition-${backend}`);
  const { app, database, tokens, rows, sql } = await setUp(dbConfig, dataDir);
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
    const [root] = await rows(sql`select id from organizations where parent_id is null limit 1`);
    const [bank] = await rows(sql`select id from question_banks where name = '知识竞赛题库（示例）'`);
    const lobbySeconds = Math.max(20, Math.ceil(MEMBERS / 50));
    const startsAt = new Date(Date.now() + lobbySeconds * 1000);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/competitions',
      headers: adminHeaders,
      payload: {
        orgId: root.id,
        title: '千人知识竞赛压力测试',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        questionSeconds: 20,
        bankIds: [bank.id],
        drawRules: [{ count: QUESTIONS }],
        audienceOrgIds: [root.id],
        waveSize: 200,
        waveMs: 1000,
      },
    });
    if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
    const id = created.json().id;
    const scheduled = await app.inject({
      method: 'POST',
      url: `/api/v1/competitions/${id}/schedule`,
      headers: adminHeaders,
      payload: {},
    });
    if (scheduled.statusCode !== 200) throw new Error(`schedule failed: ${scheduled.body}`);

    const statuses = {};
    const latencies = [];
    const call = async (s, url, payload) => {
      const t = performance.now();
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: `re_sid=${s.token}`, 'x-csrf-token': s.csrf },
        payload,
      });
      latencies.push(performance.now() - t);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      return res;
    };

    log(`competition: ${backend}: ${tokens.length} members entering the lobby`);
    const lobbyStarted = performance.now();
    await Promise.all(tokens.map((s) => call(s, `/api/v1/me/competitions/${id}/join`, {})));
    const lobbyS = (performance.now() - lobbyStarted) / 1000;
    const [{ joined }] = await rows(
      sql`select count(*)::int as joined from competition_entries where competition_id = ${id}`,
    );
    // Everyone waits for the start on the server's clock, then presses "start" at the same moment.
    await sleep(Math.max(0, startsAt.getTime() - Date.now()));
    log(`competition: ${backend}: start`);
    const t0 = performance.now();
    let started = 0;
    let lastStartMs = 0;
    let acked = 0;
    let refused = 0;
    let failed = 0;
    await Promise.all(
      tokens.map(async (s) => {
        let first = true;
        for (let guard = 0; guard < 10_000; guard++) {
          const res = await call(s, `/api/v1/me/competitions/${id}/play`, {});
          if (res.statusCode !== 200) {
            failed += 1;
            await sleep(200);
            continue;
          }
          const st = res.json();
          if (st.state === 'waiting' || st.state === 'lobby') {
            await sleep(Math.min(st.retryAfterMs ?? 200, 2000));
            continue;
          }
          if (st.state !== 'question') return;
          if (first) {
            first = false;
            started += 1;
            lastStartMs = Math.max(lastStartMs, performance.now() - t0);
          }
          const q = st.question;
          const pause = think();
          if (pause > 0) await sleep(pause);
          const answer = q.kind === 'true_false' ? [true] : [q.options[0].key];
          const ans = await call(s, `/api/v1/me/competitions/${id}/answers`, { position: q.position, answer });
          if (ans.statusCode === 200) acked += 1;
          else if (ans.statusCode === 409) refused += 1;
          else failed += 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const [saved] = await rows(sql`select count(*)::int as n, count(distinct e.member_id)::int as members
      from competition_answers a join competition_entries e on e.id = a.entry_id
      where e.competition_id = ${id} and a.answered_at is not null`);
    // The baseline: the same number of answers as plain single-row inserts into a table shaped like
    // competition_answers, the same members at once (each answering in turn), same process and backend.
    await database.db.execute(sql`create table bench_answer_baseline (entry_id uuid, position int, answer jsonb,
      answered_at timestamptz, primary key (entry_id, position))`);
    const b0 = performance.now();
    await Promise.all(
      tokens.map(async () => {
        const entry = randomUUID();
        for (let q = 1; q <= QUESTIONS; q++)
          await database.db.execute(
            sql`insert into bench_answer_baseline values (${entry}, ${q}, ${JSON.stringify(['A'])}::jsonb, now())`,
          );
      }),
    );
    const baselinePerS = (tokens.length * QUESTIONS) / ((performance.now() - b0) / 1000);
    const answersPerS = acked / seconds;
    return {
      backend,
      members: tokens.length,
      questions: QUESTIONS,
      think_ms: THINK.join('-'),
      joined,
      lobby_s: round(lobbyS),
      started,
      all_started_within_s: round(lastStartMs / 1000),
      answers_expected: tokens.length * QUESTIONS,
      answers_acknowledged: acked,
      answers_saved: saved.n,
      answers_lost: acked - saved.n,
      answers_refused: refused,
      answers_per_s: round(answersPerS),
      baseline_inserts_per_s: round(baselinePerS),
      ratio: round(answersPerS / baselinePerS, 3),
      errors: failed,
      seconds: round(seconds),
      requests: latencies.length,
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      answered: statuses,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

const BACKENDS = (process.env.BENCH_COMPETITION_BACKENDS ?? 'pglite,postgresql').split(',');

export default async function run(ctx) {
  if (BACKENDS.includes('pglite')) ctx.emit(await runOn('pglite', {}));
  if (!BACKENDS.includes('postgresql')) return;
  const url = postgresUrl();
  if (!url) {
    log('competition: no DATABASE_URL / TEST_DATABASE_URL: PostgreSQL skipped');
    return;
  }
  const pg = await createPgDatabase('competition');
  try {
    ctx.emit(await runOn('postgresql', { url: pg.url }));
  } finally {
    await pg.drop();
  }
}
