import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for tests that run the built server as a real process: spawn, wait, kill -9, run CLI commands. */

export const SERVER_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(SERVER_ROOT, 'bin', 'red-engine.js');
export const DEMO_PASSWORD = 'RedEngine@2026';

/** Whether apps/server/dist exists; tests that spawn the server fail with a clear message when it does not. */
export const isServerBuilt = () => existsSync(join(SERVER_ROOT, 'dist', 'cli.js'));

export function requireBuiltServer(): void {
  if (!isServerBuilt()) {
    throw new Error('apps/server/dist is missing: run npm run build first (npm test builds before testing)');
  }
}

/** A port that was free a moment ago on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** The environment of a child: ours without anything that would point it at another database or port. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_OPTIONS', 'SESSION_SECRET', 'DATA_KEY'])
    delete env[key];
  env.LOG_LEVEL = 'warn';
  env.NODE_ENV = 'test';
  // Crash and restart tests need a seeded zone, not a year of history: two months seed in a fraction of the time.
  env.DEMO_HISTORY = 'recent';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export type DbEnv = { dataDir: string; databaseUrl?: string; env?: Record<string, string | undefined> };

const dbEnv = (o: DbEnv) => ({ DATA_DIR: o.dataDir, DATABASE_URL: o.databaseUrl, ...(o.env ?? {}) });

export type CommandResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs `red-engine ARGS` from the built bin and collects its output. */
export function runBin(args: string[], o: DbEnv, timeoutMs = 60_000): Promise<CommandResult> {
  requireBuiltServer();
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: childEnv(dbEnv(o)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`red-engine ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

export type ServerProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  output(): string;
  /** Resolves once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<void>;
  /** SIGTERM and wait; the server closes the database cleanly. */
  stop(): Promise<void>;
};

export type SpawnOptions = DbEnv & { demo?: boolean; port?: number };

/** Spawns `red-engine serve [--demo]` without waiting for it to be ready. */
export async function spawnServer(o: SpawnOptions): Promise<ServerProcess> {
  requireBuiltServer();
  const port = o.port ?? (await freePort());
  const args = [BIN, 'serve', ...(o.demo === false ? [] : ['--demo'])];
  const child = spawn(process.execPath, args, {
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), ...dbEnv(o) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  child.stderr!.on('data', (c) => {
    out += c;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  return {
    child,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    kill9: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls /healthz until it answers 200; fails with the server's output if it exits or takes too long. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let exited = false;
  void server.exited.then(() => {
    exited = true;
  });
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`server exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await server.kill9();
  throw new Error(`server was not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

export async function startServer(o: SpawnOptions & { timeoutMs?: number }): Promise<ServerProcess> {
  const server = await spawnServer(o);
  await waitHealthy(server, o.timeoutMs);
  return server;
}

/** A logged-in API client over real HTTP. */
export class ApiClient {
  private constructor(
    readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async login(url: string, username = 'admin', password = DEMO_PASSWORD): Promise<ApiClient> {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('re_sid='))
      ?.split(';')[0];
    const { me } = (await res.json()) as { me: { csrfToken: string } };
    if (!cookie) throw new Error('login answered without a re_sid cookie');
    return new ApiClient(url, { cookie, 'x-csrf-token': me.csrfToken });
  }

  get(path: string): Promise<Response> {
    return fetch(`${this.url}${path}`, { headers: this.headers, signal: AbortSignal.timeout(30_000) });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  }

  async rootOrgId(): Promise<string> {
    const res = await this.get('/api/v1/orgs/tree');
    if (res.status !== 200) throw new Error(`GET /orgs/tree: ${res.status}`);
    const roots = (await res.json()) as { id: string }[];
    return roots[0]!.id;
  }
}

export type WriteOutcome = {
  /** Ids of organizations whose creation was acknowledged with 201. */
  acked: string[];
  /** Names of every creation attempted, acknowledged or not. */
  attempted: string[];
  /** Requests that failed without an HTTP answer (connection refused or reset). */
  unanswered: number;
  /** HTTP answers other than 201, by status. */
  otherStatuses: Record<number, number>;
};

/**
 * Creates branches under `parentId` from `workers` concurrent loops until each has made `perWorker`
 * attempts or the server stops answering. `onAck` sees the running count, e.g. to kill the server mid-stream.
 */
export async function writeOrgs(
  client: ApiClient,
  o: { parentId: string; prefix: string; workers: number; perWorker: number; onAck?: (acked: number) => void },
): Promise<WriteOutcome> {
  const out: WriteOutcome = { acked: [], attempted: [], unanswered: 0, otherStatuses: {} };
  await Promise.all(
    Array.from({ length: o.workers }, async (_, w) => {
      for (let i = 0; i < o.perWorker; i++) {
        const name = `${o.prefix}-${w}-${i}`;
        out.attempted.push(name);
        let res: Response;
        try {
          // The request id names the write, so its audit event can be told apart later.
          res = await client.post(
            '/api/v1/orgs',
            { parentId: o.parentId, type: 'branch', name },
            { 'x-request-id': `req-${name}` },
          );
        } catch {
          out.unanswered += 1;
          return; // the server is gone; this loop stops
        }
        if (res.status === 201) {
          let id: string | undefined;
          try {
            id = ((await res.json()) as { id: string }).id;
          } catch {
            // the body was cut off by the crash: acknowledged status, but we cannot name the row
          }
          if (id) {
            out.acked.push(id);
            o.onAck?.(out.acked.length);
          }
        } else {
          out.otherStatuses[res.status] = (out.otherStatuses[res.status] ?? 0) + 1;
          await res.body?.cancel();
        }
      }
    }),
  );
  return out;
}
