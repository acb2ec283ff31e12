// Excel import throughput: a generated 100,000-member workbook imported by `red-engine import members FILE` (the real
// CLI: read, validate, encrypt, one transaction of batched multi-row inserts, audit) into a fresh PostgreSQL
// database, against PostgreSQL's own COPY of the very rows the import wrote into the same (emptied) tables.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { BIN, childEnv, createPgDatabase, log, postgresUrl, round, SERVER_DIST, tempDir } from './lib/common.mjs';

export const description =
  'members/s of red-engine import (100,000-row .xlsx, one transaction) on PostgreSQL, vs COPY of the same rows';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BRANCHES = 20;
const DATA_KEY = 'ab'.repeat(32);

const CHECK = '10X98765432';
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(i) {
  const day = new Date(Date.UTC(1965, 0, 1) + (i % 12_000) * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  const seq = Math.floor(i / 12_000) % 1000;
  const first17 = `110101${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += Number(first17[k]) * WEIGHTS[k];
  return { id: first17 + CHECK[sum % 11], birthDate, male: seq % 2 === 1 };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗巴乌其';
const GIVEN = '建华志强丽敏伟芳娜秀英军磊洋勇艳杰娟涛明超兰霞平刚特尔图雅';

/** The workbook a branch secretary would fill in: header, hidden key row, one member per row. */
export async function writeWorkbook(file, columns) {
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(columns.map((c) => c.zh)).commit();
  ws.addRow(columns.map((c) => c.key)).commit();
  const year = new Date().getFullYear();
  for (let i = 0; i < ROWS; i++) {
    const { id, birthDate, male } = idNumber(i);
    const by = Number(birthDate.slice(0, 4));
    const full = i % 5 !== 0;
    const row = {
      name: SURNAMES[i % SURNAMES.length] + GIVEN[i % GIVEN.length] + GIVEN[(i * 7) % GIVEN.length],
      gender: male ? '男' : '女',
      idNumber: id,
      ethnicity: i % 4 === 0 ? '蒙古族' : '汉族',
      birthDate,
      education: ['大学本科', '大学专科', '硕士研究生', '普通高中'][i % 4],
      category: full ? '正式党员' : '预备党员',
      orgName: `压测第${(i % BRANCHES) + 1}党支部`,
      joinDate: full ? `${by + 25}-07-01` : `${year - 1}-0${1 + (i % 6)}-01`,
      fullMemberDate: full ? `${by + 26}-07-01` : '',
      jobCategory: ['工人', '专业技术人员', '企事业单位管理人员'][i % 3],
      phone: `139${String(i).padStart(8, '0')}`,
      address: `内蒙古鄂尔多斯市鄂托克旗棋盘井镇${(i % 300) + 1}号`,
      workUnit: '压测单位',
      tags: i % 10 === 0 ? '先锋岗' : '',
    };
    ws.addRow(columns.map((c) => row[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  writeFileSync(file, Buffer.concat(chunks));
}

function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, ms: performance.now() - started }));
  });
}

export default async function run(ctx) {
  const admin = postgresUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!postgresUrl()) process.env.TEST_DATABASE_URL = admin;
  const dist = (p) => pathToFileURL(join(SERVER_DIST, p)).href;
  const { openDatabase, migrateDatabase } = await import(dist('db/client.js'));
  const { MEMBER_IMPORT_COLUMNS } = await import('@red-engine/shared');
  const { default: pg } = await import('pg');

  const work = tempDir('import');
  const file = join(work, 'members.xlsx');
  let t = performance.now();
  await writeWorkbook(file, MEMBER_IMPORT_COLUMNS);
  log(
    `import: wrote ${ROWS} rows (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const db = await createPgDatabase('import');
  // The server process reads and writes the COPY files, so they live in a directory it may use.
  const copyDir = mkdtempSync(join(tmpdir(), 're-bench-copy-'));
  chmodSync(copyDir, 0o777);
  const client = new pg.Client({ connectionString: db.url });
  try {
    const h = await openDatabase({ kind: 'postgresql', url: db.url, poolSize: 2 });
    await migrateDatabase(h);
    await h.close();
    await client.connect();
    const root = crypto.randomUUID();
    await client.query(
      `insert into organizations (id, parent_id, path, depth, type, domain, name) values ($1, null, $2, 0, 'work_committee', 'government', '压测党工委')`,
      [root, `${root}/`],
    );
    for (let b = 1; b <= BRANCHES; b++) {
      const id = crypto.randomUUID();
      await client.query(
        `insert into organizations (id, parent_id, path, depth, type, domain, name, code) values ($1, $2, $3, 1, 'branch', 'private_enterprise', $4, $5)`,
        [id, root, `${root}/${id}/`, `压测第${b}党支部`, `BENCH${String(b).padStart(4, '0')}`],
      );
    }
    const env = { DATABASE_URL: db.url, DATA_DIR: join(work, 'data'), DATA_KEY, SESSION_SECRET: 'x'.repeat(40) };
    // The CLI's fixed cost (start, connect, migrations check) measured with a no-op command, reported alongside.
    const noop = await runCli(['migrate'], env);
    log(`import: red-engine migrate (start-up cost) ${noop.ms.toFixed(0)} ms`);
    const res = await runCli(['import', 'members', file], env);
    if (res.code !== 0) throw new Error(`red-engine import exited ${res.code}:\n${res.out.slice(-2000)}`);
    log(`import: ${res.out.trim().split('\n').at(-1)} in ${res.ms.toFixed(0)} ms`);
    const counts = (
      await client.query('select (select count(*) from members)::int m, (select count(*) from member_events)::int e')
    ).rows[0];
    if (counts.m !== ROWS) throw new Error(`expected ${ROWS} members, found ${counts.m}`);

    // COPY baseline: the rows the import wrote, out to CSV files, then back into the same (emptied) tables.
    const membersCsv = join(copyDir, 'members.csv');
    const eventsCsv = join(copyDir, 'member_events.csv');
    await client.query(`copy members to '${membersCsv}' csv`);
    await client.query(`copy member_events to '${eventsCsv}' csv`);
    await client.query('truncate member_events, members cascade');
    t = performance.now();
    await client.query('begin');
    await client.query(`copy members from '${membersCsv}' csv`);
    await client.query(`copy member_events from '${eventsCsv}' csv`);
    await client.query('commit');
    const copyMs = performance.now() - t;
    log(`import: COPY of ${counts.m} members + ${counts.e} events in ${copyMs.toFixed(0)} ms`);

    const rowsPerS = (ROWS / res.ms) * 1000;
    const copyRowsPerS = (ROWS / copyMs) * 1000;
    ctx.emit({
      backend: 'postgresql',
      rows: ROWS,
      events: counts.e,
      file_mb: round(statSync(file).size / 1e6, 1),
      import_ms: round(res.ms, 0),
      cli_startup_ms: round(noop.ms, 0),
      rows_per_s: round(rowsPerS),
      copy_ms: round(copyMs, 0),
      copy_rows_per_s: round(copyRowsPerS),
      ratio: round(rowsPerS / copyRowsPerS, 3),
      node: process.version,
    });
  } finally {
    await client.end().catch(() => {});
    await db.drop();
    rmSync(copyDir, { recursive: true, force: true });
  }
}
