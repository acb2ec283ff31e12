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

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) failures.push(label);
  return res.status === 0;
}

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
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  console.log('\n=== unit + integration (PGlite) ===');
  const res = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (res.status !== 0) failures.push('unit + integration (PGlite)');
  addVitest(out);
}

if (want('postgres')) {
  if (process.env.TEST_DATABASE_URL) {
    const out = join(tmp, 'vitest-postgres.json');
    rmSync(out, { force: true });
    run('integration (PostgreSQL)', 'npx', [
      'vitest',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${out}`,
    ]);
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
