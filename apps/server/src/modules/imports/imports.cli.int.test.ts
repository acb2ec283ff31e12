import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMBER_IMPORT_COLUMNS } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPgDatabase, hasPostgres } from '../../../test/support/databases.js';
import { loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { BIN, childEnv, type DbEnv, requireBuiltServer, runBin } from '../../../test/support/server-process.js';
import { memberRow, writeWorkbook } from '../../../test/support/workbooks.js';
import { runCli } from '../../cli.js';
import { type DbHandle, migrateDatabase, openDatabase } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { organizations } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { verifyAuditChain } from '../audit/index.js';
import { exportCommand, importCommand } from './imports.cli.js';
import { readFirstSheet } from './imports.xlsx.js';

const work = mkdtempSync(join(tmpdir(), 're-import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('red-engine import / export (in process)', () => {
  let t: TestApp;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;
  const run = async (args: Parameters<typeof importCommand>[2]) => {
    const lines: string[] = [];
    const code = await importCommand(t.database.db, t.config, args, { log: (s) => lines.push(s), progress: () => {} });
    return { code, lines };
  };
  const imported = async () =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from members where id_number_masked like '110101%'`,
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    orgs = await loadOrgs(t, await t.login('admin'));
  });
  afterAll(async () => t?.close());

  it('lists each bad row as "row N, column C: message" and exits non-zero; valid files exit 0', async () => {
    const rows = [0, 1, 2, 3, 4].map((i) => memberRow(40_000 + i, orgs.branchA.name));
    rows[1]!.ethnicity = '火星族';
    rows[3]!.orgName = '不存在的党支部';
    const bad = join(work, 'bad.xlsx');
    writeFileSync(bad, await writeWorkbook('members', rows));
    const dry = await run({ kind: 'members', file: bad, dryRun: true });
    expect(dry.code).toBe(2);
    expect(dry.lines.slice(0, 2)).toEqual([
      'row 4, column D: 民族：不是可选的值，请从下拉列表中选择',
      'row 6, column H: 所在党支部：找不到党支部“不存在的党支部”',
    ]);
    expect(dry.lines[2]).toMatch(/^members dry run \(nothing written\): 5 rows, 3 valid, 2 bad; would create 3/);
    const en = await run({ kind: 'members', file: bad, dryRun: true, lang: 'en-US' });
    expect(en.lines[0]).toBe(
      'row 4, column D: Ethnicity: Not one of the allowed values; choose from the drop-down list',
    );
    // All or nothing (the default) writes nothing; --valid-only writes the three good rows and still exits non-zero.
    expect((await run({ kind: 'members', file: bad })).code).toBe(2);
    expect(await imported()).toBe(0);
    const valid = await run({ kind: 'members', file: bad, validOnly: true });
    expect(valid.code).toBe(2);
    expect(valid.lines.at(-1)).toMatch(/imported: 5 rows, 3 valid, 2 bad; created 3/);
    expect(await imported()).toBe(3);
    const good = join(work, 'good.xlsx');
    writeFileSync(
      good,
      await writeWorkbook('members', [rows[0]!, rows[2]!, rows[4]!, memberRow(40_010, orgs.branchA.name)]),
    );
    const check = await run({ kind: 'members', file: good, dryRun: true });
    expect(check).toMatchObject({ code: 0 });
    expect(check.lines).toHaveLength(1);
    expect(check.lines[0]).toMatch(/would create 1, updated 0, unchanged 3/);
    expect((await run({ kind: 'members', file: good })).code).toBe(0);
    expect(await imported()).toBe(4);
    // The CLI writes as the system actor, and its writes are audited.
    const [event] = await queryRows<{ action: string; actor_name: string; actor_id: string | null }>(
      t.database.db,
      sql`select action, actor_name, actor_id from audit_events order by seq desc limit 1`,
    );
    expect(event).toEqual({ action: 'import.commit', actor_name: 'cli', actor_id: null });
    expect((await run({ kind: 'members', file: good })).lines[0]).toMatch(/created 0, updated 0, unchanged 4/);
    await expect(run({ kind: 'members', file: join(work, 'missing.xlsx') })).rejects.toThrow(/cannot read/);
    await expect(run({ kind: 'people', file: good })).rejects.toThrow(/members\|organizations/);
  });

  it('limits to --org and exports the zone or a subtree, masked', async () => {
    const code = (
      await queryRows<{ code: string }>(
        t.database.db,
        sql`select code from organizations where id = ${orgs.branchB.id}`,
      )
    )[0]!.code;
    const file = join(work, 'scoped.xlsx');
    writeFileSync(file, await writeWorkbook('members', [memberRow(40_100, orgs.branchA.name)]));
    const scoped = await run({ kind: 'members', file, dryRun: true, org: code });
    expect(scoped.code).toBe(2);
    expect(scoped.lines[0]).toBe('row 3, column H: 所在党支部：只能选择自己管理范围内的党支部');
    const out = join(work, 'members.xlsx');
    const lines: string[] = [];
    expect(
      await exportCommand(t.database.db, t.config, { kind: 'members', file: out, org: code }, (s) => lines.push(s)),
    ).toBe(0);
    expect(lines[0]).toMatch(/^exported \d+ members to .*masked/);
    const { rows } = await readFirstSheet(readFileSync(out));
    const id = MEMBER_IMPORT_COLUMNS.findIndex((c) => c.key === 'idNumber');
    const branch = MEMBER_IMPORT_COLUMNS.findIndex((c) => c.key === 'orgName');
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows.slice(2)) {
      expect(String(r.cells[id])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r.cells[branch]).toBe(orgs.branchB.name);
    }
    const orgFile = join(work, 'orgs.xlsx');
    expect(await exportCommand(t.database.db, t.config, { kind: 'organizations', file: orgFile }, () => {})).toBe(0);
    expect((await readFirstSheet(readFileSync(orgFile))).rows.length).toBeGreaterThan(100);
  });

  it('documents the commands in --help', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runCli(['--help'])).toBe(0);
      const text = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(text).toContain('import members|organizations FILE [--dry-run] [--valid-only]');
      expect(text).toContain('export members|organizations FILE');
    } finally {
      log.mockRestore();
    }
  });
});

/** A database with the working committee and one branch, migrated, and nothing else. */
async function prepare(target: DbEnv): Promise<{ branch: string }> {
  const h: DbHandle = await openDatabase(
    target.databaseUrl
      ? { kind: 'postgresql', url: target.databaseUrl, poolSize: 2 }
      : { kind: 'pglite', dir: join(target.dataDir, 'pglite') },
  );
  try {
    await migrateDatabase(h);
    const root = crypto.randomUUID();
    const branch = crypto.randomUUID();
    await h.db.insert(organizations).values([
      {
        id: root,
        parentId: null,
        path: `${root}/`,
        depth: 0,
        type: 'work_committee',
        domain: 'government',
        name: '测试党工委',
      },
      {
        id: branch,
        parentId: root,
        path: `${root}/${branch}/`,
        depth: 1,
        type: 'branch',
        domain: 'government',
        name: '测试第一党支部',
      },
    ]);
    return { branch: '测试第一党支部' };
  } finally {
    await h.close();
  }
}

async function countAfter(target: DbEnv) {
  const h = await openDatabase(
    target.databaseUrl
      ? { kind: 'postgresql', url: target.databaseUrl, poolSize: 2 }
      : { kind: 'pglite', dir: join(target.dataDir, 'pglite') },
  );
  try {
    const [c] = await queryRows<{ members: number; events: number; jobs: number }>(
      h.db,
      sql`select (select count(*)::int from members) as members, (select count(*)::int from member_events) as events,
        (select count(*)::int from import_jobs) as jobs`,
    );
    return { ...c!, chain: await verifyAuditChain(h.db) };
  } finally {
    await h.close();
  }
}

describe.each([
  ['PGlite', false],
  ['PostgreSQL', true],
] as const)('an import killed with SIGKILL halfway (%s)', (_label, onPostgres) => {
  it.skipIf(onPostgres && !hasPostgres())(
    'leaves no row of that import and a verifiable audit chain',
    { timeout: 240_000 },
    async () => {
      requireBuiltServer();
      const pg = onPostgres ? await createPgDatabase('import_kill') : null;
      const target: DbEnv = { dataDir: mkdtempSync(join(work, 'data-')), ...(pg ? { databaseUrl: pg.url } : {}) };
      try {
        const { branch } = await prepare(target);
        const file = join(work, `big-${onPostgres}.xlsx`);
        writeFileSync(
          file,
          await writeWorkbook(
            'members',
            Array.from({ length: 40_000 }, (_, i) => memberRow(50_000 + i, branch)),
          ),
        );
        const child = spawn(process.execPath, [BIN, 'import', 'members', file], {
          env: childEnv({ DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl }),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        let stdout = '';
        child.stdout.on('data', (c) => {
          stdout += c;
        });
        const writing = new Promise<void>((resolve) =>
          child.stderr.on('data', (c) => {
            stderr += c;
            if (stderr.includes('writing')) resolve();
          }),
        );
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
          child.on('exit', (code, signal) => r({ code, signal })),
        );
        await Promise.race([writing, exited]);
        expect(stderr, `${stdout}\n${stderr}`).toContain('writing 40000 rows');
        await new Promise((r) => setTimeout(r, 150));
        child.kill('SIGKILL');
        const { signal } = await exited;
        expect(signal, `the import finished before the kill:\n${stdout}`).toBe('SIGKILL');
        const after = await countAfter(target);
        expect(after).toMatchObject({ members: 0, events: 0, jobs: 0 });
        expect(after.chain.ok).toBe(true);
        const verify = await runBin(['audit', 'verify'], target);
        expect(verify.code, verify.stderr).toBe(0);
        // The same file imports completely afterwards.
        const again = await runBin(['import', 'members', file], target, 180_000);
        expect(again.code, again.stdout + again.stderr).toBe(0);
        expect(again.stdout).toMatch(/created 40000/);
      } finally {
        await pg?.drop();
      }
    },
  );
});
