// `npm test`: unit + integration on PGlite, the integration suite again on PostgreSQL when
// TEST_DATABASE_URL is set, then the browser tests. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

// Each step gets a deadline so a hung test ends as a named failure instead of eating CI's whole
// budget; coreutils `timeout` signals the step's whole process group (workers, spawned servers).
const stepMinutes = Number(process.env.TEST_STEP_TIMEOUT_MIN ?? 35);
const hasTimeout = spawnSync('timeout', ['--version'], { stdio: 'ignore' }).status === 0;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const began = Date.now();
  const [file, argv] = hasTimeout ? ['timeout', ['-k', '30', `${stepMinutes * 60}`, cmd, ...args]] : [cmd, args];
  const res = spawnSync(file, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const minutes = ((Date.now() - began) / 60_000).toFixed(1);
  if (res.status === 124 || res.status === 137) {
    console.log(`\n${label}: stopped after ${stepMinutes} minutes (TEST_STEP_TIMEOUT_MIN)`);
  }
  console.log(`=== ${label}: ${res.status === 0 ? 'passed' : 'failed'} in ${minutes} min ===`);
  if (res.status !== 0) failures.push(label);
  return res.status === 0;
}

const CROSS_BACKEND_FILES = [
  'apps/server/test/backup.int.test.ts',
  'apps/server/test/durability.int.test.ts',
  'apps/server/src/modules/imports/imports.cli.int.test.ts',
  'apps/server/src/modules/meeting-records/meeting-records.backup.int.test.ts',
];

const vitestReporters = ['--reporter=default', '--reporter=./scripts/vitest-progress-reporter.mjs', '--reporter=json'];

function addVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function addPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

buildIfStale();

if (want('pglite')) {
  const out = join(tmp, 'vitest-pglite.json');
  rmSync(out, { force: true });
  // Files that open both backends side by side (backups, crashes, CLI) run once, in the PostgreSQL step, when there
  // is one; on their own they run here with their embedded half.
  const bothBackends = want('postgres') && process.env.TEST_DATABASE_URL ? CROSS_BACKEND_FILES : [];
  run(
    'unit + integration (PGlite)',
    'npx',
    ['vitest', 'run', ...bothBackends.flatMap((f) => ['--exclude', f]), ...vitestReporters, `--outputFile.json=${out}`],
    { TEST_DATABASE_URL: '' },
  );
  addVitest(out);
}

if (want('postgres')) {
  if (process.env.TEST_DATABASE_URL) {
    const out = join(tmp, 'vitest-postgres.json');
    rmSync(out, { force: true });
    run(
      'integration (PostgreSQL)',
      'npx',
      ['vitest', 'run', '--project', 'integration', ...vitestReporters, `--outputFile.json=${out}`],
      {
        // Generated input is refused before any query runs; the second backend gets a shorter fuzz run that still checks
        // database errors are answered as 4xx. The PGlite step runs the full count.
        FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10',
      },
    );
    addVitest(out);
  } else {
    console.log(
      '\n(TEST_DATABASE_URL is not set: the PostgreSQL run of the integration suite is skipped; .ci/run sets it)',
    );
  }
}

if (want('e2e')) {
  const out = join(tmp, 'playwright.json');
  rmSync(out, { force: true });
  run(
    'browser tests (Playwright, Chromium)',
    'npx',
    ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  );
  addPlaywright(out);
}

console.log(`\n${failures.length ? `failed steps: ${failures.join('; ')}` : 'all steps passed'}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
