import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import type { DbHandle } from '../db/client.js';
import { DEMO_PASSWORD } from '../db/seed/demo-zone.js';
import { seedDemo } from '../db/seed/seed-demo.js';
import { createTestDatabase } from './test-db.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'cli',
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: '/tmp/red-engine-test',
    db: { kind: 'pglite', dir: '' },
    sessionSecret: 'x'.repeat(32),
    dataKey: Buffer.alloc(32, 7),
    logLevel: 'silent',
    sessionTtlHours: 12,
    mfaRequiredForAdmins: false,
    trustProxy: false,
    publicUrl: undefined,
    bodyLimit: 1024 * 1024,
    uploadLimit: 50 * 1024 * 1024,
    rateLimits: { loginPerMinute: 300, writesPerMinute: 300 },
    webDistDir: null,
    version: 'test',
    ...overrides,
  };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

export type TestApp = {
  app: FastifyInstance;
  database: DbHandle;
  config: Config;
  login(username: string, password?: string): Promise<Session>;
  request(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** A real app on a fresh database with the demo zone seeded; rate limits raised so tests are not throttled. */
export async function createTestApp(
  opts: {
    seed?: boolean;
    /** Seed the demo members too (default); files that never look at members can skip them. */
    members?: boolean;
    /** 组织生活 history seeded with the members: the last two months by default, which is much cheaper. */
    meetings?: 'year' | 'recent';
    config?: Partial<Config>;
    rateLimits?: { loginPerMinute: number; writesPerMinute: number };
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(opts.config);
  if (opts.seed !== false)
    await seedDemo(database.db, {
      dataKey: config.dataKey,
      members: opts.members !== false,
      meetings: opts.meetings ?? 'recent',
    });
  const app = await buildApp({
    config,
    database,
    logger: false,
    rateLimits: opts.rateLimits ?? { loginPerMinute: 100_000, writesPerMinute: 100_000 },
  });
  await app.ready();
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 're_sid')!.value;
    const csrf = (res.json() as { me: { csrfToken: string } }).me.csrfToken;
    return { cookie, csrf, headers: { cookie: `re_sid=${cookie}`, 'x-csrf-token': csrf } };
  };
  return {
    app,
    database,
    config,
    login,
    request: (session, o) => app.inject({ ...o, headers: { ...(session?.headers ?? {}), ...(o.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
