import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DbHandle, migrateDatabase, openDatabase } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { seedDemo } from '../src/db/seed/seed-demo.js';
import { createPgDatabase, hasPostgres, type PgDatabase } from './support/databases.js';
import {
  ApiClient,
  type DbEnv,
  requireBuiltServer,
  runBin,
  type ServerProcess,
  spawnServer,
  startServer,
  writeOrgs,
} from './support/server-process.js';

/**
 * Durability of the built server as operators run it: kill -9 mid-write and restart, two instances on
 * one PostgreSQL, and `red-engine audit verify` against a row edited behind the application's back.
 */

const noPg = !hasPostgres();
const work = mkdtempSync(join(tmpdir(), 're-durability-'));
const dataDir = (name: string) => join(work, name);
const pgDatabases: PgDatabase[] = [];
const servers: ServerProcess[] = [];

beforeAll(() => requireBuiltServer());
afterAll(async () => {
  for (const s of servers) await s.kill9();
  for (const d of pgDatabases) await d.drop();
  rmSync(work, { recursive: true, force: true });
});

async function newPgDatabase(label: string): Promise<PgDatabase> {
  const d = await createPgDatabase(label);
  pgDatabases.push(d);
  return d;
}

async function serve(target: DbEnv & { demo?: boolean }): Promise<ServerProcess> {
  const s = await startServer(target);
  servers.push(s);
  return s;
}

/** Opens the target's database in this process (the embedded one only while no server holds it). */
async function withDb<T>(target: DbEnv, work: (h: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(
    target.databaseUrl
      ? { kind: 'postgresql', url: target.databaseUrl, poolSize: 2 }
      : { kind: 'pglite', dir: join(target.dataDir, 'pglite') },
  );
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** GETs every id and returns those the server does not find. */
async function missingOrgs(client: ApiClient, ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(
      ids.slice(i, i + 16).map(async (id) => {
        const res = await client.get(`/api/v1/orgs/${id}`);
        await res.body?.cancel();
        if (res.status !== 200) missing.push(id);
      }),
    );
  }
  return missing;
}

/**
 * Writes from 8 concurrent loops, kill -9 once `killAfter` writes were acknowledged (others still in flight),
 * restart on the same data and check every acknowledged write; then once more; then a kill during the reopen.
 */
async function crashAndRecover(target: DbEnv) {
  const acked: string[] = [];
  const attempted = new Set<string>();
  let server = await serve({ ...target, demo: true });
  for (const [cycle, killAfter] of [60, 90].entries()) {
    const client = await ApiClient.login(server.url);
    const parentId = await client.rootOrgId();
    let killed = false;
    const victim = server;
    const outcome = await writeOrgs(client, {
      parentId,
      prefix: `crash${cycle}`,
      workers: 8,
      perWorker: 40,
      onAck: (n) => {
        if (!killed && n >= killAfter) {
          killed = true;
          void victim.kill9();
        }
      },
    });
    const exit = await victim.exited;
    expect(killed, 'the server was killed mid-stream').toBe(true);
    expect(exit.signal).toBe('SIGKILL');
    expect(outcome.otherStatuses, 'no write was refused before the kill').toEqual({});
    expect(outcome.unanswered, 'writes were in flight when the process died').toBeGreaterThan(0);
    acked.push(...outcome.acked);
    for (const name of outcome.attempted) attempted.add(name);

    server = await serve({ ...target, demo: true });
    const after = await ApiClient.login(server.url);
    expect(await missingOrgs(after, acked), 'acknowledged writes lost by the crash').toEqual([]);
  }

  // A crash while the database is being reopened must not stop the next start either.
  await server.kill9();
  const reopening = await spawnServer({ ...target, demo: true });
  servers.push(reopening);
  await new Promise((r) => setTimeout(r, 400));
  await reopening.kill9();
  server = await serve({ ...target, demo: true });
  expect(await missingOrgs(await ApiClient.login(server.url), acked)).toEqual([]);
  await server.stop();

  const verify = await runBin(['audit', 'verify'], target);
  expect(verify.code, verify.stderr).toBe(0);
  expect(verify.stdout).toMatch(/audit chain verified: \d+ entries/);

  // Nothing half-done: every crash-test organization has its audit event and every event its organization,
  // and nothing exists that was never attempted.
  await withDb(target, async (h) => {
    const rows = await queryRows<{ id: string; name: string; events: number }>(
      h.db,
      sql`select o.id::text as id, o.name,
            (select count(*)::int from audit_events e where e.entity_id = o.id::text and e.action = 'org.create') as events
          from organizations o where o.name like 'crash%'`,
    );
    const orphanEvents = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from audit_events e
          where e.action = 'org.create' and e.request_id like 'req-crash%'
            and not exists (select 1 from organizations o where o.id::text = e.entity_id)`,
    );
    expect(rows.filter((r) => r.events !== 1)).toEqual([]);
    expect(orphanEvents[0]!.n).toBe(0);
    expect(rows.filter((r) => !attempted.has(r.name))).toEqual([]);
    const present = new Set(rows.map((r) => r.id));
    expect(acked.filter((id) => !present.has(id))).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(acked.length);
  });
  return { acked: acked.length };
}

describe('kill -9 mid-write, then restart', () => {
  it('embedded database: reopens, keeps every acknowledged write, audit verify passes', async () => {
    const result = await crashAndRecover({ dataDir: dataDir('crash-pglite') });
    expect(result.acked).toBeGreaterThanOrEqual(150);
  }, 90_000);

  it.skipIf(noPg)(
    'PostgreSQL: keeps every acknowledged write, audit verify passes',
    async () => {
      const db = await newPgDatabase('crash');
      const result = await crashAndRecover({ dataDir: dataDir('crash-pg'), databaseUrl: db.url });
      expect(result.acked).toBeGreaterThanOrEqual(150);
    },
    90_000,
  );

  it('embedded database: a crash during the first start (initdb, migrate, seed) does not stop the next', async () => {
    const target = { dataDir: dataDir('crash-first-start') };
    const first = await spawnServer({ ...target, demo: true });
    servers.push(first);
    // Kill somewhere between the data directory being created and the server listening.
    const version = join(target.dataDir, 'pglite', 'PG_VERSION');
    const t0 = Date.now();
    while (!existsSync(version) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 600)));
    await first.kill9();

    const server = await serve({ ...target, demo: true });
    const seeded = /demo zone seeded: (\d+) organizations/.exec(first.output() + server.output());
    expect(seeded, 'one of the two starts seeded the demo zone').not.toBeNull();
    const client = await ApiClient.login(server.url);
    const page = (await (await client.get('/api/v1/orgs?pageSize=1')).json()) as { total: number };
    expect(page.total).toBe(Number(seeded![1]));
    await server.stop();
    const verify = await runBin(['audit', 'verify'], target);
    expect(verify.code, verify.stderr).toBe(0);
  }, 90_000);
});

describe('two server processes on one PostgreSQL', () => {
  it.skipIf(noPg)(
    'concurrent writes through both keep the audit chain linear, verifiable and complete',
    async () => {
      const db = await newPgDatabase('two');
      // Instances share their secrets, as they would behind a load balancer.
      const env = { SESSION_SECRET: 's'.repeat(48), DATA_KEY: 'ab'.repeat(32) };
      const targets = ['two-a', 'two-b'].map((d) => ({ dataDir: dataDir(d), databaseUrl: db.url, env }));
      // Both start at once on an empty database, so they also race to migrate it.
      const [a, b] = await Promise.all(targets.map((t) => serve({ ...t, demo: false })));
      await withDb(targets[0]!, async (h) => {
        await seedDemo(h.db);
      });
      const [ca, cb] = await Promise.all([ApiClient.login(a!.url), ApiClient.login(b!.url)]);
      const parentId = await ca!.rootOrgId();
      const head = () =>
        withDb(
          targets[0]!,
          async (h) =>
            (await queryRows<{ seq: number }>(h.db, sql`select seq::int as seq from audit_chain_head`))[0]!.seq,
        );
      const before = await head();

      const perServer = { workers: 6, perWorker: 20 };
      const [oa, ob] = await Promise.all([
        writeOrgs(ca!, { parentId, prefix: 'A', ...perServer }),
        writeOrgs(cb!, { parentId, prefix: 'B', ...perServer }),
      ]);
      const expected = 2 * perServer.workers * perServer.perWorker;
      expect([oa!.otherStatuses, ob!.otherStatuses]).toEqual([{}, {}]);
      expect(oa!.acked.length + ob!.acked.length).toBe(expected);
      expect((await head()) - before).toBe(expected);

      await withDb(targets[0]!, async (h) => {
        const [shape] = await queryRows<{ n: number; distinct: number; min: number; max: number; head: number }>(
          h.db,
          sql`select count(*)::int as n, count(distinct seq)::int as distinct, min(seq)::int as min, max(seq)::int as max,
                (select seq::int from audit_chain_head) as head from audit_events`,
        );
        expect(shape).toEqual({ n: shape!.max, distinct: shape!.max, min: 1, max: shape!.head, head: shape!.head });
        const [links] = await queryRows<{ broken: number }>(
          h.db,
          sql`select count(*)::int as broken from audit_events e
              join audit_events p on p.seq = e.seq - 1 where e.prev_hash <> p.hash`,
        );
        expect(links!.broken).toBe(0);
        const events = await queryRows<{ request_id: string; entity_id: string }>(
          h.db,
          sql`select request_id, entity_id from audit_events
              where action = 'org.create' and (request_id like 'req-A-%' or request_id like 'req-B-%') order by seq`,
        );
        expect(events).toHaveLength(expected);
        expect(new Set(events.map((e) => e.entity_id))).toEqual(new Set([...oa!.acked, ...ob!.acked]));
        // The two instances really contended: their events interleave in the chain.
        const switches = events.filter((e, i) => i > 0 && e.request_id[4] !== events[i - 1]!.request_id[4]).length;
        expect(switches).toBeGreaterThan(4);
      });

      const verify = await runBin(['audit', 'verify'], targets[0]!);
      expect(verify.code, verify.stderr).toBe(0);
      expect(verify.stdout).toContain(`head ${before + expected} `);
      await Promise.all([a!.stop(), b!.stop()]);
    },
    90_000,
  );
});

describe('red-engine audit verify after a row is edited in the database', () => {
  async function editAndVerify(target: DbEnv) {
    await withDb(target, async (h) => {
      await migrateDatabase(h);
      await seedDemo(h.db);
    });
    const clean = await runBin(['audit', 'verify'], target);
    expect(clean.code, clean.stderr).toBe(0);

    await withDb(target, (h) =>
      h.db.execute(sql`update audit_events set after = jsonb_set(after, '{name}', '"篡改后的名称"') where seq = 7`),
    );
    const broken = await runBin(['audit', 'verify'], target);
    expect(broken.code).not.toBe(0);
    expect(broken.code).not.toBeNull();
    expect(broken.stderr.trim()).toMatch(/^audit chain broken at entry 7: entry 7 was altered/);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  }

  it('embedded database', async () => {
    await editAndVerify({ dataDir: dataDir('tamper-pglite') });
  }, 60_000);

  it.skipIf(noPg)(
    'PostgreSQL',
    async () => {
      const db = await newPgDatabase('tamper');
      await editAndVerify({ dataDir: dataDir('tamper-pg'), databaseUrl: db.url });
    },
    60_000,
  );
});
