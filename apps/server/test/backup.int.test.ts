import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { runCli } from '../src/cli.js';
import { systemContext } from '../src/core/actor.js';
import { inTransaction } from '../src/core/transaction.js';
import { type DbHandle, openDatabase } from '../src/db/client.js';
import { organizations } from '../src/db/schema/index.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-zone.js';
import { seedDemo } from '../src/db/seed/seed-demo.js';
import { verifyAuditChain } from '../src/modules/audit/index.js';
import { backupDatabase, RestoreError, restoreDatabase } from '../src/modules/backup/backup.service.js';
import { testConfig } from '../src/test-support/test-app.js';
import {
  type Backend,
  createPgDatabase,
  type Fingerprint,
  fingerprint,
  freshDatabase,
  hasPostgres,
  isPristine,
  type PgDatabase,
} from './support/databases.js';

const noPg = !hasPostgres();
const work = mkdtempSync(join(tmpdir(), 're-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Text that tends to break a logical dump: quotes, backslashes, newlines, emoji, JSON-looking strings. */
const AWKWARD = `引号"单'反斜杠\\ 换行\n制表\t😀 {"json":[1,2]} \u00e9`;

/** Demo zone, plus real API writes (sessions, audit events with request ids) and awkward values. */
async function populate(handle: DbHandle): Promise<void> {
  await seedDemo(handle.db);
  const app = await buildApp({
    config: testConfig(),
    database: handle,
    logger: false,
    rateLimits: { loginPerMinute: 1000, writesPerMinute: 1000 },
  });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 're_sid')!.value;
    const headers = { cookie: `re_sid=${cookie}`, 'x-csrf-token': login.json().me.csrfToken };
    const root = (await app.inject({ method: 'GET', url: '/api/v1/orgs/tree', headers })).json()[0];
    const created: string[] = [];
    for (const name of ['备份测试党支部', `备份 ${AWKWARD}`.slice(0, 100)]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers,
        payload: { parentId: root.id, type: 'branch', name },
      });
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json().id);
    }
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${created[0]}`,
      headers,
      payload: { shortName: '备份支部' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
  } finally {
    await app.close();
  }
  // An event whose before/after carry nested JSON with every awkward shape, and an org with nullable columns set.
  await inTransaction(handle.db, systemContext('backup-test'), async (tx, audit) => {
    const id = crypto.randomUUID();
    const [root] = await tx.select().from(organizations).where(sql`parent_id is null`);
    await tx.insert(organizations).values({
      id,
      parentId: root!.id,
      path: `${root!.path}${id}/`,
      depth: 1,
      type: 'branch',
      domain: null,
      name: AWKWARD,
      shortName: '',
      code: 'BK2026',
    });
    audit.record({
      action: 'org.create',
      entity: 'organization',
      entityId: id,
      orgPath: `${root!.path}${id}/`,
      before: { empty: '', nul: null, list: [], nested: { deep: [{ a: 1.5, b: -0, c: 1e21 }] } },
      after: { name: AWKWARD, big: 9007199254740991, bool: false, unicode: '党建\u2028\u2029' },
    });
  });
}

/** A fresh database on `backend`, populated, with a backup written to a file. */
async function source(backend: Backend) {
  const handle = await freshDatabase(backend);
  await populate(handle);
  const file = join(work, `source-${backend}.re-backup.gz`);
  const { rows } = await backupDatabase(handle.db, file);
  return { handle, file, rows, fp: await fingerprint(handle.db) };
}

type Source = Awaited<ReturnType<typeof source>>;

describe('backup and restore across backends', () => {
  const sources: Partial<Record<Backend, Source>> = {};
  beforeAll(async () => {
    sources.pglite = await source('pglite');
    if (!noPg) sources.postgresql = await source('postgresql');
  });
  afterAll(async () => {
    await sources.pglite?.handle.close();
    await sources.postgresql?.handle.close();
  });

  it('the source holds what the round trips must carry', () => {
    const fp = sources.pglite!.fp;
    expect(fp.organizations!.rows).toBeGreaterThan(400);
    expect(fp.audit_events!.rows).toBeGreaterThan(400);
    expect(fp.sessions!.rows).toBeGreaterThan(0);
    expect(fp.users!.rows).toBeGreaterThan(0);
    expect(sources.pglite!.rows.audit_events).toBe(fp.audit_events!.rows);
  });

  const pairs: [Backend, Backend][] = [
    ['pglite', 'pglite'],
    ['pglite', 'postgresql'],
    ['postgresql', 'pglite'],
    ['postgresql', 'postgresql'],
  ];
  for (const [from, to] of pairs) {
    const needsPg = from === 'postgresql' || to === 'postgresql';
    it.skipIf(needsPg && noPg)(`${from} → ${to} keeps every row and the audit chain verifies`, async () => {
      const src = sources[from]!;
      const target = await freshDatabase(to);
      try {
        const { rows } = await restoreDatabase(target.db, src.file);
        expect(await fingerprint(target.db)).toEqual(src.fp);
        for (const [table, f] of Object.entries(src.fp)) expect(rows[table] ?? 0, table).toBe(f.rows);
        const verdict = await verifyAuditChain(target.db);
        expect(verdict).toMatchObject({ ok: true, checked: src.fp.audit_events!.rows });
        expect(verdict.headHash).toBe((await verifyAuditChain(src.handle.db)).headHash);
      } finally {
        await target.close();
      }
    });
  }

  it('refuses to restore into a database that is not empty, and leaves it as it was', async () => {
    const src = sources.pglite!;
    await expect(restoreDatabase(src.handle.db, src.file)).rejects.toThrow(/not empty/);
    expect(await fingerprint(src.handle.db)).toEqual(src.fp);

    const target = await freshDatabase(noPg ? 'pglite' : 'postgresql');
    try {
      // One organization is enough to make a database "not empty".
      await inTransaction(target.db, systemContext('test'), async (tx) => {
        const id = crypto.randomUUID();
        await tx
          .insert(organizations)
          .values({ id, path: `${id}/`, depth: 0, type: 'work_committee', name: '已有组织' });
      });
      const before = await fingerprint(target.db);
      const err = await restoreDatabase(target.db, src.file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RestoreError);
      expect((err as Error).message).toBe('the target database is not empty; restore needs an empty database');
      expect(await fingerprint(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  describe('a damaged file is refused and leaves the target empty', () => {
    const damaged = (name: string, bytes: Buffer) => {
      const file = join(work, name);
      writeFileSync(file, bytes);
      return file;
    };
    /** Rewrites the decompressed lines of the good backup. */
    const edited = (name: string, edit: (lines: string[]) => string[]) => {
      const lines = gunzipSync(readFileSync(sources.pglite!.file)).toString('utf8').split('\n');
      return damaged(name, gzipSync(Buffer.from(edit(lines).join('\n'))));
    };
    const editRows = (table: string, edit: (rows: Record<string, unknown>[]) => void) => (lines: string[]) =>
      lines.map((l) => {
        if (!l.startsWith(`{"table":"${table}"`)) return l;
        const doc = JSON.parse(l);
        edit(doc.rows);
        return JSON.stringify(doc);
      });

    let target: DbHandle;
    beforeAll(async () => {
      target = await freshDatabase(noPg ? 'pglite' : 'postgresql');
    });
    afterAll(async () => target?.close());

    const cases: [string, () => string, RegExp][] = [
      [
        'cut at 90% (after most rows were inserted)',
        () => {
          const raw = readFileSync(sources.pglite!.file);
          return damaged('cut90.gz', raw.subarray(0, Math.floor(raw.length * 0.9)));
        },
        /corrupted or truncated/,
      ],
      [
        'cut at half',
        () => {
          const raw = readFileSync(sources.pglite!.file);
          return damaged('cut50.gz', raw.subarray(0, Math.floor(raw.length / 2)));
        },
        /corrupted or truncated/,
      ],
      [
        'missing its trailer',
        () => edited('notrailer.gz', (l) => l.filter((x) => !x.startsWith('{"end"'))),
        /truncated/,
      ],
      [
        'a flipped byte in the middle',
        () => {
          const raw = Buffer.from(readFileSync(sources.pglite!.file));
          raw[Math.floor(raw.length / 2)]! ^= 0xff;
          return damaged('flipped.gz', raw);
        },
        /corrupted/,
      ],
      [
        'a line that is not JSON',
        () => edited('badline.gz', (l) => [l[0]!, l[1]!, `${l[2]!.slice(0, 50)}`, ...l.slice(3)]),
        /line 3 is not valid JSON/,
      ],
      [
        'an audit event edited after the backup was made',
        () =>
          edited(
            'tampered.gz',
            editRows('audit_events', (rows) => {
              const row = rows.find((r) => r.seq === 20);
              if (row) row.actor_name = '伪造';
            }),
          ),
        /does not verify: entry 20 was altered/,
      ],
      [
        'the last audit events dropped along with the chain head',
        () =>
          edited('cutchain.gz', (lines) => {
            const dropped = editRows('audit_events', (rows) => rows.splice(-3))(lines);
            const parsedEnd = JSON.parse(dropped.find((x) => x.startsWith('{"end"'))!);
            parsedEnd.counts.audit_events -= 3;
            return editRows('audit_chain_head', (rows) => {
              const last = rows[0]!;
              last.seq = (last.seq as number) - 3;
            })(dropped.map((x) => (x.startsWith('{"end"') ? JSON.stringify(parsedEnd) : x)));
          }),
        /does not verify|header records/,
      ],
      [
        'a row missing that the trailer counts',
        () =>
          edited(
            'short.gz',
            editRows('sessions', (rows) => rows.pop()),
          ),
        /sessions has \d+ rows, its trailer says \d+/,
      ],
      [
        'not gzip at all',
        () => damaged('garbage.gz', Buffer.from('hello, this is not a backup')),
        /not a Red Engine backup/,
      ],
      [
        'gzip of something else',
        () => damaged('other.gz', gzipSync(Buffer.from('{"hello":"world"}\n'))),
        /not a Red Engine backup/,
      ],
      ['empty', () => damaged('empty.gz', Buffer.alloc(0)), /not a Red Engine backup/],
      ['missing', () => join(work, 'does-not-exist.gz'), /does not exist/],
    ];

    it.each(cases)('%s', async (_label, make, reason) => {
      const err = await restoreDatabase(target.db, make()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RestoreError);
      expect((err as Error).message).toMatch(reason);
      const state = await isPristine(target.db);
      expect(state.pristine, JSON.stringify(state.detail)).toBe(true);
    });

    it('and the same target then takes the good backup', async () => {
      await restoreDatabase(target.db, sources.pglite!.file);
      expect(await fingerprint(target.db)).toEqual(sources.pglite!.fp);
    });
  });
});

describe('red-engine backup / restore (CLI)', () => {
  /** Runs the CLI in-process and captures what it prints. */
  async function cli(args: string[], env: Record<string, string>) {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void out.push(a.join(' ')));
    try {
      const code = await runCli(args, { ...env, LOG_LEVEL: 'silent' });
      return { code, output: out.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }
  const dir = (name: string) => {
    const d = join(work, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  // Each CLI round trip runs seed, backup and restore over the demo with two months of history: the in-process round
  // trips above already carry every table, so here the commands, exit codes and messages are what is tested.
  it('on the embedded database: exit 0 for a round trip, non-zero with a reason otherwise', async () => {
    const src = { DATA_DIR: dir('cli-src') };
    const dst = { DATA_DIR: dir('cli-dst') };
    const file = join(work, 'cli.re-backup.gz');

    const badHistory = await cli(['seed', '--demo', '--history', 'decade'], src);
    expect(badHistory.code).not.toBe(0);
    expect(badHistory.output).toMatch(/--history must be "year" or "recent"/);
    expect((await cli(['seed', '--demo', '--history', 'recent'], src)).code).toBe(0);
    const backup = await cli(['backup', file], src);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/backup written to .*organizations \d+/);

    const restore = await cli(['restore', file], dst);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toMatch(/audit chain verified/);
    const verify = await cli(['audit', 'verify'], dst);
    expect(verify.code, verify.output).toBe(0);

    const again = await cli(['restore', file], dst);
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/^red-engine: the target database is not empty/m);
    expect(again.output.trim().split('\n')).toHaveLength(1);

    expect((await cli(['backup'], src)).output).toMatch(/usage: red-engine backup FILE/);
    expect((await cli(['backup'], src)).code).not.toBe(0);
    const missing = await cli(['restore', join(work, 'nope.gz')], dst);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/does not exist/);

    // Same rows on both sides, compared with the databases closed by the CLI and reopened here.
    const fps: Fingerprint[] = [];
    for (const d of [src, dst]) {
      const h = await openDatabase({ kind: 'pglite', dir: join(d.DATA_DIR, 'pglite') });
      try {
        fps.push(await fingerprint(h.db));
      } finally {
        await h.close();
      }
    }
    expect(fps[1]).toEqual(fps[0]);
    expect(fps[0]!.organizations!.rows).toBeGreaterThan(400);
  }, 240_000);

  it.skipIf(noPg)(
    'on PostgreSQL: backup from one database, restore into another',
    async () => {
      const dbs: PgDatabase[] = [await createPgDatabase('cli_src'), await createPgDatabase('cli_dst')];
      try {
        const [src, dst] = dbs.map((d) => ({ DATA_DIR: dir('cli-pg'), DATABASE_URL: d.url }));
        const file = join(work, 'cli-pg.re-backup.gz');
        expect((await cli(['seed', '--demo', '--history', 'recent'], src!)).code).toBe(0);
        expect((await cli(['backup', file], src!)).code).toBe(0);
        const restore = await cli(['restore', file], dst!);
        expect(restore.code, restore.output).toBe(0);
        expect((await cli(['audit', 'verify'], dst!)).code).toBe(0);
        expect((await cli(['restore', file], dst!)).code).not.toBe(0);
      } finally {
        for (const d of dbs) await d.drop();
      }
    },
    240_000,
  );
});
