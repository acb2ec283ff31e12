// Shared helpers for benchmarks: building, spawning processes, timing, memory, HTTP sessions, databases.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_DIR = join(REPO_ROOT, 'apps', 'server');
export const SERVER_DIST = join(SERVER_DIR, 'dist');
export const BIN = join(SERVER_DIR, 'bin', 'red-engine.js');
export const DEMO_PASSWORD = 'RedEngine@2026';

export const log = (...args) => console.error('[bench]', ...args);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const round = (n, digits = 1) => (n == null ? null : Number(n.toFixed(digits)));

/** Builds the shared package and the server when apps/server/dist is missing. */
export function ensureBuilt() {
  if (existsSync(join(SERVER_DIST, 'cli.js'))) return;
  log('apps/server/dist is missing; building shared and server');
  for (const ws of ['@red-engine/shared', '@red-engine/server']) {
    const r = spawnSync('npm', ['run', 'build', '-w', ws], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`npm run build -w ${ws} failed`);
  }
}

/** A temporary directory removed when the process exits. */
export function tempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `re-bench-${label}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** The environment of a child process, without anything that points it at another database or port. */
export function childEnv(extra = {}) {
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_OPTIONS']) delete env[k];
  env.LOG_LEVEL = 'warn';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Spawns `node ARGS` and resolves once GET url+path answers 200, with the time from spawn to that answer.
 * The returned handle has pid, url, stop() (SIGTERM, then SIGKILL) and output().
 */
export async function spawnAndWait(args, { env = {}, path = '/healthz', timeoutMs = 120_000 } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => {
    out += c;
  });
  child.stderr.on('data', (c) => {
    out += c;
  });
  let exited = false;
  const exit = new Promise((r) =>
    child.on('exit', (code, signal) => {
      exited = true;
      r({ code, signal });
    }),
  );
  const handle = {
    pid: child.pid,
    port,
    url,
    output: () => out,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(t);
    },
  };
  for (;;) {
    if (exited) throw new Error(`process exited before it answered ${path}:\n${out}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`no answer on ${path} after ${timeoutMs} ms:\n${out}`);
    }
    try {
      const res = await fetch(url + path);
      await res.arrayBuffer();
      if (res.status === 200) return { ...handle, startMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS; VmHWM for the peak). */
export function rssMb(pid, field = 'VmRSS') {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Logs in over HTTP; returns get/post helpers carrying the session cookie and CSRF token. */
export async function login(url, username = 'admin', password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('re_sid='))
    .split(';')[0];
  const { me } = await res.json();
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  return {
    get: (path) => fetch(url + path, { headers }),
    post: (path, body) =>
      fetch(url + path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The PostgreSQL server to benchmark against, if one was given. */
export const postgresUrl = () => process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || null;

/** A fresh database on that server (never the given database itself); drop() removes it. */
export async function createPgDatabase(label) {
  const { default: pg } = await import('pg');
  const admin = postgresUrl();
  const name = `re_bench_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (text) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await run(`create database "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return { name, url: u.toString(), drop: () => run(`drop database if exists "${name}" with (force)`) };
}
