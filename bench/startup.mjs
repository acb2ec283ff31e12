// Cold and warm start of `red-engine serve --demo` on the embedded database, and its resident memory,
// against a bare Node HTTP server started the same way in the same run.
import { join } from 'node:path';
import { BIN, log, login, median, round, rssMb, sleep, spawnAndWait, tempDir } from './lib/common.mjs';

export const description =
  'cold/warm start to first 200 on /healthz and RSS of the demo server (PGlite), vs a bare node HTTP server';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const REQUESTS = 200;
const SETTLE_MS = 1000;

const BARE_SERVER =
  "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.PORT),process.env.HOST)";

/** 200 authenticated reads across a few typical console pages. */
async function exercise(url) {
  const api = await login(url);
  const paths = [
    '/api/v1/auth/me',
    '/api/v1/orgs/tree',
    '/api/v1/orgs?pageSize=50',
    '/api/v1/dashboard/summary',
    '/api/v1/audit-events?pageSize=20',
  ];
  let non200 = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const res = await api.get(paths[i % paths.length]);
    await res.arrayBuffer();
    if (res.status !== 200) non200 += 1;
  }
  return non200;
}

export default async function run(ctx) {
  const cold = [];
  const warm = [];
  const idle = [];
  const afterRequests = [];
  const peak = [];
  const idleWarm = [];
  const baselineStart = [];
  const baselineRss = [];
  let failedRequests = 0;

  for (let i = 0; i < RUNS; i++) {
    const dataDir = join(tempDir('startup'), 'data');
    const env = { DATA_DIR: dataDir };

    // Cold: a fresh DATA_DIR, so initdb + migrations + demo seed are part of the time.
    const first = await spawnAndWait([BIN, 'serve', '--demo'], { env });
    cold.push(first.startMs);
    await sleep(SETTLE_MS);
    idle.push(rssMb(first.pid));
    failedRequests += await exercise(first.url);
    afterRequests.push(rssMb(first.pid));
    peak.push(rssMb(first.pid, 'VmHWM'));
    await first.stop();

    // Warm: the same DATA_DIR again.
    const second = await spawnAndWait([BIN, 'serve', '--demo'], { env });
    warm.push(second.startMs);
    await sleep(SETTLE_MS);
    idleWarm.push(rssMb(second.pid));
    await second.stop();

    // Baseline: node itself with an HTTP server and nothing else.
    const bare = await spawnAndWait(['-e', BARE_SERVER], { path: '/' });
    baselineStart.push(bare.startMs);
    await sleep(SETTLE_MS);
    baselineRss.push(rssMb(bare.pid));
    await bare.stop();
    log(`startup run ${i + 1}/${RUNS}: cold ${cold.at(-1).toFixed(0)} ms, warm ${warm.at(-1).toFixed(0)} ms`);
  }

  ctx.emit({
    backend: 'pglite',
    runs: RUNS,
    cold_start_ms: round(median(cold), 0),
    warm_start_ms: round(median(warm), 0),
    rss_mb_idle: median(idle),
    rss_mb_after_requests: median(afterRequests),
    rss_mb_peak: median(peak),
    rss_mb_idle_warm: median(idleWarm),
    requests: REQUESTS,
    requests_not_200: failedRequests,
    baseline_node_start_ms: round(median(baselineStart), 0),
    baseline_node_rss_mb: median(baselineRss),
    cold_start_ms_runs: cold.map((v) => round(v, 0)),
    warm_start_ms_runs: warm.map((v) => round(v, 0)),
    node: process.version,
  });
}
