// Audit events appended per second through the API (each organization creation appends one hash-chained
// event in its transaction), against plain single-row inserts into a similar table in the same run.
// PGlite always; PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL names a server (a fresh database
// is created on it and dropped afterwards).
import { join } from 'node:path';
import {
  createPgDatabase,
  log,
  login,
  percentile,
  postgresUrl,
  REPO_ROOT,
  round,
  spawnAndWait,
  tempDir,
} from './lib/common.mjs';

export const description =
  'audit events/s appended through the API (POST /orgs) on PGlite and PostgreSQL, vs plain single-row inserts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const WARMUP_MS = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BENCH_SERVER = join(REPO_ROOT, 'bench', 'lib', 'bench-server.mjs');

/** Runs `op` from `concurrency` loops for `ms`; counts successes and keeps latencies. */
async function drive(op, { ms, concurrency = CONCURRENCY }) {
  const latencies = [];
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + ms;
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const i = n++;
        try {
          if (await op(i)) ok += 1;
          else errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { ok, errors, elapsedMs: performance.now() - started, latencies };
}

async function throughApi(env, label) {
  const server = await spawnAndWait([BENCH_SERVER], { env });
  try {
    const api = await login(server.url);
    const [root] = await (await api.get('/api/v1/orgs/tree')).json();
    const head = async () => (await (await api.get('/api/v1/audit-events?pageSize=1')).json()).data[0].seq;
    const create = async (i, prefix) => {
      const res = await api.post('/api/v1/orgs', { parentId: root.id, type: 'branch', name: `${prefix}党支部${i}` });
      await res.arrayBuffer();
      return res.status === 201;
    };
    await drive((i) => create(i, '预热'), { ms: WARMUP_MS });
    const before = await head();
    const run = await drive((i) => create(i, '压测'), { ms: DURATION_MS });
    const events = (await head()) - before;
    const verdict = await (await api.get('/api/v1/audit-events/verify')).json();
    log(`${label}: ${run.ok} writes, ${events} events in ${run.elapsedMs.toFixed(0)} ms`);
    return {
      api_writes: run.ok,
      api_errors: run.errors,
      events_appended: events,
      events_per_s: round((events / run.elapsedMs) * 1000),
      write_latency_p50_ms: round(percentile(run.latencies, 50)),
      write_latency_p95_ms: round(percentile(run.latencies, 95)),
      chain_verified: verdict.ok === true,
      chain_length: verdict.checked,
    };
  } finally {
    await server.stop();
  }
}

const BASELINE_TABLE = `create table bench_events (
  seq bigserial primary key, occurred_at timestamptz not null default now(), actor_id text, actor_name text,
  action text not null, entity text not null, entity_id text, org_path text, before jsonb, after jsonb,
  request_id text, ip text, prev_hash text not null, hash text not null)`;
const BASELINE_INSERT = `insert into bench_events (actor_id, actor_name, action, entity, entity_id, org_path, after,
  request_id, ip, prev_hash, hash) values ($1, $2, 'org.create', 'organization', $3, $4, $5, $6, '127.0.0.1', $7, $8)`;
const baselineParams = (i) => {
  const id = crypto.randomUUID();
  return [
    crypto.randomUUID(),
    '王建华',
    id,
    `${crypto.randomUUID()}/${id}/`,
    JSON.stringify({ name: `压测党支部${i}`, type: 'branch', domain: null, parentId: crypto.randomUUID() }),
    crypto.randomUUID(),
    'a'.repeat(64),
    'b'.repeat(64),
  ];
};

/** Plain autocommitted single-row inserts, one statement per row, into a table shaped like audit_events. */
async function plainInserts(query) {
  await query(BASELINE_TABLE);
  await drive((i) => query(BASELINE_INSERT, baselineParams(i)).then(() => true), { ms: WARMUP_MS });
  const run = await drive((i) => query(BASELINE_INSERT, baselineParams(i)).then(() => true), { ms: DURATION_MS });
  return {
    baseline_plain_inserts_per_s: round((run.ok / run.elapsedMs) * 1000),
    baseline_insert_latency_p50_ms: round(percentile(run.latencies, 50), 2),
  };
}

async function pgliteBaseline() {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(join(tempDir('baseline'), 'pglite'));
  await db.waitReady;
  try {
    return await plainInserts((text, params) => db.query(text, params));
  } finally {
    await db.close();
  }
}

async function postgresBaseline(url) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  try {
    return await plainInserts((text, params) => pool.query(text, params));
  } finally {
    await pool.end();
  }
}

const withRatio = (figures) => ({
  ...figures,
  api_to_plain_ratio: round(figures.events_per_s / figures.baseline_plain_inserts_per_s, 3),
});

export default async function run(ctx) {
  const common = { concurrency: CONCURRENCY, duration_ms: DURATION_MS, node: process.version };

  const api = await throughApi({ DATA_DIR: join(tempDir('audit'), 'data') }, 'pglite');
  ctx.emit({ backend: 'pglite', ...common, ...withRatio({ ...api, ...(await pgliteBaseline()) }) });

  if (!postgresUrl()) {
    log('audit-append: no DATABASE_URL or TEST_DATABASE_URL; PostgreSQL skipped');
    return;
  }
  const apiDb = await createPgDatabase('audit');
  const baseDb = await createPgDatabase('plain');
  try {
    const figures = await throughApi({ DATA_DIR: join(tempDir('audit-pg'), 'data'), DATABASE_URL: apiDb.url }, 'pg');
    ctx.emit({
      backend: 'postgresql',
      ...common,
      ...withRatio({ ...figures, ...(await postgresBaseline(baseDb.url)) }),
    });
  } finally {
    await apiDb.drop();
    await baseDb.drop();
  }
}
