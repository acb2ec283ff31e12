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

/** What `createTestApp()` seeds by default: the members, two months of 组织生活, no points. */
export const DEFAULT_TEST_SEED = { members: true, meetings: 'recent', points: false } as const;

/** A real app on a fresh database with the demo zone seeded; rate limits raised so tests are not throttled. */
export async function createTestApp(
  opts: {
    seed?: boolean;
    /** Seed the demo members too (default); files that never look at members can skip them. */
    members?: boolean;
    /** 组织生活 history seeded with the members: the last two months by default, which is much cheaper. */
    meetings?: 'year' | 'recent';
    /** 党员积分 of the demo (automatic and manual entries, publications, objections): off unless asked for. */
    points?: boolean;
    config?: Partial<Config>;
    rateLimits?: { loginPerMinute: number; writesPerMinute: number };
  } = {},
): Promise<TestApp> {
  const config = testConfig(opts.config);
  // The default demo comes ready-made from the run's template (seeded once in global-setup.ts).
  const isDefaultSeed =
    opts.seed !== false &&
    opts.members !== false &&
    (opts.meetings ?? DEFAULT_TEST_SEED.meetings) === DEFAULT_TEST_SEED.meetings &&
    (opts.points ?? DEFAULT_TEST_SEED.points) === DEFAULT_TEST_SEED.points &&
    !opts.config?.dataKey;
  const database = await createTestDatabase({ seeded: isDefaultSeed });
  if (opts.seed !== false && !database.seeded)
    await seedDemo(database.db, {
      dataKey: config.dataKey,
      members: opts.members !== false,
      meetings: opts.meetings ?? 'recent',
      points: opts.points ?? false,
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
