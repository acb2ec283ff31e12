import { columnLetter, type ImportJob, MEMBER_IMPORT_COLUMNS, ORG_IMPORT_COLUMNS } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createUser, expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { fixtureIdNumber, memberRow, sheetRow, writeWorkbook } from '../../../test/support/workbooks.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { verifyAuditChain } from '../audit/index.js';
import { idNumberHash } from '../member/index.js';
import { readFirstSheet } from './imports.xlsx.js';

const letter = (key: string, columns = MEMBER_IMPORT_COLUMNS) => columnLetter(columns.findIndex((c) => c.key === key));

/** A multipart/form-data body with one file field. */
function multipart(file: Buffer, name = 'import.xlsx') {
  const boundary = `----re${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('Excel import and export (导入导出)', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: Session;
  let secretary: Session;
  let leader: Session;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;

  const upload = async (s: Session, kind: 'members' | 'organizations', file: Buffer, query = '', locale = 'zh-CN') => {
    const body = multipart(file);
    return t.request(s, {
      method: 'POST',
      url: `/api/v1/imports/${kind}${query ? `?${query}` : ''}`,
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': locale },
    });
  };
  /** Uploads and polls the job until it is no longer running. */
  const runImport = async (
    s: Session,
    kind: 'members' | 'organizations',
    file: Buffer,
    mode: 'dry_run' | 'all' | 'valid_only',
    locale = 'zh-CN',
  ): Promise<ImportJob> => {
    const res = await upload(s, kind, file, `mode=${mode}`, locale);
    expect(res.statusCode, res.body).toBe(202);
    let job = res.json() as ImportJob;
    const seen = new Set<number>();
    for (let i = 0; job.status === 'running' && i < 6000; i++) {
      seen.add(job.percent);
      await new Promise((r) => setTimeout(r, 50));
      const poll = await t.request(s, {
        method: 'GET',
        url: `/api/v1/imports/${job.id}`,
        headers: { 'accept-language': locale },
      });
      expect(poll.statusCode, poll.body).toBe(200);
      job = poll.json();
    }
    expect(job.status).not.toBe('running');
    return job;
  };
  const countImported = async () =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from members where id_number_masked like '110101%'`,
        )
      )[0]!.n,
    );
  const countEvents = async () =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from member_events e join members m on m.id = e.member_id where m.id_number_masked like '110101%'`,
        )
      )[0]!.n,
    );

  const memberIdOf = async (idNumber: string) =>
    (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from members where id_number_hash = ${idNumberHash(t.config.dataKey, idNumber)}`,
      )
    )[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    xingguang = await t.login('xingguang');
    secretary = await t.login('secretary');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  it('offers a template in the national columns with drop-down lists and an explanation sheet', async () => {
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/imports/templates/members' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('filename*=UTF-8');
    const file = res.rawPayload;
    const { rows } = await readFirstSheet(file);
    expect(rows[0]!.cells).toEqual(MEMBER_IMPORT_COLUMNS.map((c) => c.zh));
    expect(rows[1]!.cells).toEqual(MEMBER_IMPORT_COLUMNS.map((c) => c.key));
    expect(MEMBER_IMPORT_COLUMNS.slice(0, 18).map((c) => c.zh)).toEqual(
      expect.arrayContaining([
        '姓名',
        '性别',
        '公民身份号码',
        '民族',
        '出生日期',
        '学历',
        '人员类别',
        '所在党支部',
        '入党日期',
        '转为正式党员日期',
        '工作岗位',
        '联系电话',
        '家庭住址',
        '党籍状态',
        '是否为失联党员',
        '是否为流动党员',
      ]),
    );
    const xml = file.toString('latin1');
    expect(xml).toContain('xl/worksheets/sheet2.xml');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员信息', '填写说明', '代码表']);
    const validations = (
      wb.worksheets[0] as unknown as {
        dataValidations: { model: Record<string, { type: string; formulae: string[] }> };
      }
    ).dataValidations.model;
    const lists = Object.entries(validations).filter(([, v]) => v.type === 'list');
    const listed = lists.map(([range]) => range.replace(/\d+.*$/, ''));
    for (const key of ['gender', 'ethnicity', 'education', 'category']) expect(listed).toContain(letter(key));
    const orgs = await t.request(admin, { method: 'GET', url: '/api/v1/imports/templates/organizations' });
    expect((await readFirstSheet(orgs.rawPayload)).rows[0]!.cells).toEqual(ORG_IMPORT_COLUMNS.map((c) => c.zh));
    // A viewer may not import.
    expectErrorShape(
      await t.request(leader, { method: 'GET', url: '/api/v1/imports/templates/members' }),
      403,
      'FORBIDDEN',
    );
  });

  describe('10,000 members with 50 bad rows', () => {
    const N = 10_000;
    const rows: Record<string, string | number>[] = [];
    /** Sheet row → the column the error must name. */
    const expected = new Map<number, string>();
    let goodFile: Buffer;
    let fullFile: Buffer;

    beforeAll(async () => {
      const branches = [orgs.branchA.name, orgs.siblingOfA.name];
      for (let i = 0; i < N; i++) rows.push(memberRow(i, branches[i % 2]!));
      const good = rows.map((r) => ({ ...r }));
      const bad: [string, (r: Record<string, string | number>, i: number) => void][] = [
        [
          'idNumber',
          (r) => {
            const id = String(r.idNumber);
            r.idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
          },
        ],
        [
          'birthDate',
          (r) => {
            r.birthDate = '1950-01-01';
          },
        ],
        [
          'gender',
          (r) => {
            r.gender = r.gender === '男' ? '女' : '男';
          },
        ],
        [
          'ethnicity',
          (r) => {
            r.ethnicity = '火星族';
          },
        ],
        [
          'phone',
          (r) => {
            r.phone = '12345';
          },
        ],
        [
          'name',
          (r) => {
            r.name = '';
          },
        ],
        [
          'orgName',
          (r) => {
            r.orgName = '不存在的党支部';
          },
        ],
        [
          'idNumber',
          (r, i) => {
            r.idNumber = rows[i - 1]!.idNumber!;
            r.gender = rows[i - 1]!.gender!;
            r.birthDate = rows[i - 1]!.birthDate!;
          },
        ],
        [
          'orgName',
          (r) => {
            r.orgName = orgs.branchB.name;
          },
        ],
        [
          'joinDate',
          (r) => {
            r.joinDate = 'abc';
          },
        ],
        [
          'fullMemberDate',
          (r) => {
            r.category = '正式党员';
            r.fullMemberDate = '';
          },
        ],
        [
          'idNumber',
          (r) => {
            r.idNumber = Number('110101196501010001');
          },
        ],
        [
          'orgName',
          (r) => {
            r.orgName = orgs.xingguang.name;
          },
        ],
      ];
      for (let k = 0; k < 50; k++) {
        const i = 37 + k * 197;
        const [column, spoil] = bad[k % bad.length]!;
        spoil(rows[i]!, i);
        expected.set(sheetRow(i), letter(column));
      }
      fullFile = await writeWorkbook('members', rows);
      goodFile = await writeWorkbook(
        'members',
        good.filter((_, i) => !expected.has(sheetRow(i))),
      );
    });

    it('a dry run lists exactly the 50 bad rows with their column and reason, and what would change', async () => {
      const before = await countImported();
      const job = await runImport(xingguang, 'members', fullFile, 'dry_run');
      expect(job.status).toBe('done');
      expect(job.committed).toBe(false);
      expect(job.counts).toEqual({ rows: N, valid: N - 50, invalid: 50, created: N - 50, updated: 0, unchanged: 0 });
      expect(job.errorCount).toBe(50);
      expect(job.errors.map((e) => e.row)).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const e of job.errors) {
        expect(e.column, JSON.stringify(e)).toBe(expected.get(e.row));
        expect(e.message.length).toBeGreaterThan(0);
        expect(e.columnName).toBe(MEMBER_IMPORT_COLUMNS.find((c) => letter(c.key) === e.column)!.zh);
      }
      const messages = job.errors.map((e) => e.message).join('\n');
      for (const text of [
        '校验位',
        '与公民身份号码不一致',
        '下拉列表',
        '不存在的党支部',
        '重复',
        '管理范围',
        'YYYY-MM-DD',
        '文本格式',
        '党支部',
      ])
        expect(messages).toContain(text);
      expect(await countImported()).toBe(before);
      // The same in English for an English-speaking user.
      const en = await t.request(xingguang, {
        method: 'GET',
        url: `/api/v1/imports/${job.id}`,
        headers: { 'accept-language': 'en-US' },
      });
      expect(en.json().errors[0].message).toMatch(/[a-z]/);
      expect(en.json().errors[0].columnName).toBe(
        MEMBER_IMPORT_COLUMNS.find((c) => letter(c.key) === en.json().errors[0].column)!.en,
      );
    });

    it('all-or-nothing refuses the file and writes no member', async () => {
      const before = { members: await countImported(), audit: await auditCount(t) };
      const job = await runImport(xingguang, 'members', fullFile, 'all');
      expect(job.status).toBe('refused');
      expect(job.message).toContain('50');
      expect(job.committed).toBe(false);
      expect(await countImported()).toBe(before.members);
      // The refusal itself is traced: one event for the job.
      expect(await auditCount(t)).toBe(before.audit + 1);
    });

    it('valid rows only imports the 9,950 in one transaction with one audit event, and the same events as creation', async () => {
      const before = await auditCount(t);
      const job = await runImport(xingguang, 'members', fullFile, 'valid_only');
      expect(job.status).toBe('done');
      expect(job.committed).toBe(true);
      expect(job.counts.created).toBe(N - 50);
      expect(await countImported()).toBe(N - 50);
      // Full members get registered + converted, probationary members joined — as POST /members does.
      const full = rows.filter((r, i) => !expected.has(sheetRow(i)) && r.category === '正式党员').length;
      expect(await countEvents()).toBe(full * 2 + (N - 50 - full));
      expect(await auditCount(t)).toBe(before + 1);
      const [event] = await queryRows<{
        action: string;
        after: { createdIds: string[]; fileSha256: string; counts: unknown };
      }>(t.database.db, sql`select action, after from audit_events order by seq desc limit 1`);
      expect(event!.action).toBe('import.commit');
      expect(event!.after.createdIds).toHaveLength(N - 50);
      expect(event!.after.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      // The records read like any other: masked, searchable by pinyin, in the branch named.
      const id = await memberIdOf(String(rows[1]!.idNumber));
      const one = await t.request(xingguang, { method: 'GET', url: `/api/v1/members/${id}` });
      expect(one.json()).toMatchObject({
        name: rows[1]!.name,
        orgId: orgs.siblingOfA.id,
        category: 'full',
        idNumberMasked: `110101********${String(rows[1]!.idNumber).slice(-4)}`,
        phoneMasked: `139****${String(rows[1]!.phone).slice(-4)}`,
        hasAddress: true,
      });
      const byPinyin = await t.request(xingguang, {
        method: 'GET',
        url: `/api/v1/members?orgId=${orgs.siblingOfA.id}&keyword=${encodeURIComponent(String(rows[1]!.name))}&pageSize=200`,
      });
      expect(byPinyin.json().data.map((m: { id: string }) => m.id)).toContain(id);
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    });

    it('re-importing a good file changes nothing; a changed phone updates just that member', async () => {
      const before = { members: await countImported(), events: await countEvents(), audit: await auditCount(t) };
      const job = await runImport(xingguang, 'members', goodFile, 'all');
      expect(job.status).toBe('done');
      expect(job.counts).toMatchObject({ created: 0, updated: 0, unchanged: N - 50, invalid: 0 });
      expect(job.committed).toBe(false);
      expect(await countImported()).toBe(before.members);
      expect(await countEvents()).toBe(before.events);
      expect(await auditCount(t)).toBe(before.audit + 1);
      const [event] = await queryRows<{ after: { createdIds: string[]; updatedIds: string[] } }>(
        t.database.db,
        sql`select after from audit_events order by seq desc limit 1`,
      );
      expect(event!.after).toMatchObject({ createdIds: [], updatedIds: [] });

      const changed = [
        { ...rows[2]!, phone: '13700000002' },
        { ...rows[4]!, category: '预备党员', fullMemberDate: '' },
      ];
      const small = await runImport(xingguang, 'members', await writeWorkbook('members', changed), 'dry_run');
      expect(small.counts).toMatchObject({ valid: 1, updated: 1, invalid: 1 });
      expect(small.errors[0]).toMatchObject({ row: 4, column: letter('category') });
      const commit = await runImport(xingguang, 'members', await writeWorkbook('members', changed.slice(0, 1)), 'all');
      expect(commit.counts).toMatchObject({ updated: 1, created: 0 });
      const [m] = await queryRows<{ phone_masked: string }>(
        t.database.db,
        sql`select phone_masked from members where id = ${await memberIdOf(String(rows[2]!.idNumber))}`,
      );
      expect(m!.phone_masked).toBe('137****0002');
    });
  });

  it('follows the lifecycle columns: lost contact and flowing members get their dated events', async () => {
    const file = await writeWorkbook('members', [
      memberRow(20_001, orgs.branchA.name, { lostContact: '是', lostSince: '2024-03-01' }),
      memberRow(20_002, orgs.branchA.name, { flowing: '是', flowDestination: '广东省深圳市', flowDate: '2023-05-01' }),
      memberRow(20_003, orgs.branchA.name, { lostContact: '是' }),
      memberRow(20_004, orgs.branchA.name, { partyStatus: '停止党籍' }),
    ]);
    const job = await runImport(admin, 'members', file, 'valid_only');
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [5, letter('lostSince')],
      [6, letter('partyStatus')],
    ]);
    const rows = await queryRows<{
      lost_contact: boolean;
      lost_since: string | null;
      flowing: boolean;
      flow_destination: string | null;
    }>(
      t.database.db,
      sql`select lost_contact, lost_since::text, flowing, flow_destination from members
        where id in (${await memberIdOf(fixtureIdNumber(20_001).idNumber)}, ${await memberIdOf(fixtureIdNumber(20_002).idNumber)})
        order by lost_contact desc`,
    );
    expect(rows).toEqual([
      { lost_contact: true, lost_since: '2024-03-01', flowing: false, flow_destination: null },
      { lost_contact: false, lost_since: null, flowing: true, flow_destination: '广东省深圳市' },
    ]);
  });

  it('keeps an org admin inside their subtree: rows elsewhere are row errors, other jobs and members are not theirs', async () => {
    const file = await writeWorkbook('members', [
      memberRow(30_001, orgs.branchA.name),
      memberRow(30_002, orgs.siblingOfA.name),
      memberRow(30_003, orgs.branchB.name),
    ]);
    const job = await runImport(secretary, 'members', file, 'dry_run');
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [4, letter('orgName')],
      [5, letter('orgName')],
    ]);
    expect(job.counts.valid).toBe(1);
    // A member already on record elsewhere cannot be reached through their ID number either.
    const elsewhere = await runImport(
      xingguang,
      'members',
      await writeWorkbook('members', [memberRow(30_004, orgs.siblingOfA.name)]),
      'all',
    );
    expect(elsewhere.counts.created).toBe(1);
    const again = await runImport(
      secretary,
      'members',
      await writeWorkbook('members', [memberRow(30_004, orgs.branchA.name)]),
      'dry_run',
    );
    expect(again.errors[0]).toMatchObject({ column: letter('idNumber') });
    // Limiting to a subtree outside the scope is refused; someone else's job is not found.
    expectErrorShape(
      await upload(secretary, 'members', file, `mode=dry_run&orgId=${orgs.siblingOfA.id}`),
      400,
      'VALIDATION_FAILED',
    );
    await createUser(t, admin, { username: 'imp_sx', roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }] });
    const shuangxin = await t.login('imp_sx', 'Test-Passw0rd!');
    expectErrorShape(await t.request(shuangxin, { method: 'GET', url: `/api/v1/imports/${job.id}` }), 404, 'NOT_FOUND');
    expect((await t.request(xingguang, { method: 'GET', url: `/api/v1/imports/${job.id}` })).statusCode).toBe(200);
    // Exports stop at the subtree as well.
    const exp = await t.request(secretary, { method: 'GET', url: '/api/v1/exports/members' });
    expect(exp.statusCode).toBe(200);
    const { rows } = await readFirstSheet(exp.rawPayload);
    const branchCol = MEMBER_IMPORT_COLUMNS.findIndex((c) => c.key === 'orgName');
    const names = new Set(rows.slice(2).map((r) => r.cells[branchCol]));
    expect([...names]).toEqual([orgs.branchA.name]);
    const outside = await t.request(secretary, {
      method: 'GET',
      url: `/api/v1/exports/members?orgId=${orgs.branchB.id}`,
    });
    expect((await readFirstSheet(outside.rawPayload)).rows).toHaveLength(2);
  });

  it('exports members masked by default, with the list filters; unmasked only with the sensitive right, audited', async () => {
    const before = await auditCount(t);
    const res = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/exports/members?orgId=${orgs.xingguang.id}&category=full`,
    });
    expect(res.statusCode).toBe(200);
    expect(await auditCount(t)).toBe(before + 1);
    const { rows } = await readFirstSheet(res.rawPayload);
    const col = (k: string) => MEMBER_IMPORT_COLUMNS.findIndex((c) => c.key === k);
    const data = rows.slice(2);
    expect(data.length).toBeGreaterThan(100);
    for (const r of data) {
      expect(String(r.cells[col('idNumber')])).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      if (r.cells[col('phone')]) expect(String(r.cells[col('phone')])).toMatch(/^\d{3}\*{4}\d{4}$|^\d{3}\*{4}/);
      expect(r.cells[col('address')] ?? '').toBe('');
      expect(r.cells[col('category')]).toBe('正式党员');
    }
    const plain = await t.request(secretary, { method: 'GET', url: '/api/v1/exports/members?unmasked=true' });
    expect(plain.statusCode).toBe(200);
    const plainRows = (await readFirstSheet(plain.rawPayload)).rows.slice(2);
    expect(String(plainRows[0]!.cells[col('idNumber')])).toMatch(/^\d{17}[\dX]$/);
    const [event] = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_events order by seq desc limit 1`,
    );
    expect(event!.action).toBe('sensitive.read');
    expectErrorShape(await t.request(leader, { method: 'GET', url: '/api/v1/exports/members' }), 403, 'FORBIDDEN');
  });

  it('imports organizations as a tree by codes, re-imports unchanged, refuses type and parent changes, and exports them', async () => {
    const rootCode = (
      await queryRows<{ code: string }>(
        t.database.db,
        sql`select code from organizations where id = ${orgs.xingguang.id}`,
      )
    )[0]!.code;
    const orgRows = [
      {
        code: 'IMP0001',
        name: '中共星光集团新材料公司总支部委员会',
        type: '党总支',
        parentCode: rootCode,
        domain: '非公企业',
        contactPhone: '0477-6201234',
        foundedOn: '2024-05-01',
      },
      {
        code: 'IMP0002',
        name: '星光集团新材料公司第一党支部',
        type: '党支部',
        parentCode: 'IMP0001',
        secretaryName: '王磊',
      },
      { code: 'IMP0003', name: '星光集团新材料公司第一党支部第一党小组', type: '党小组', parentCode: 'IMP0002' },
      {
        code: 'IMP0004',
        name: '星光集团新材料公司项目临时党支部',
        type: '临时党支部',
        parentCode: 'IMP0001',
        projectName: '新材料二期',
        temporaryUntil: '2027-12-31',
      },
    ];
    const file = await writeWorkbook('organizations', orgRows);
    const dry = await runImport(xingguang, 'organizations', file, 'dry_run');
    expect(dry.errors).toEqual([]);
    expect(dry.counts).toMatchObject({ valid: 4, created: 4 });
    const done = await runImport(xingguang, 'organizations', file, 'all');
    expect(done.counts.created).toBe(4);
    const created = await queryRows<{ code: string; parent_code: string; path: string; domain: string }>(
      t.database.db,
      sql`select o.code, p.code as parent_code, o.path, o.domain from organizations o join organizations p on p.id = o.parent_id where o.code like 'IMP%' order by o.code`,
    );
    expect(created.map((c) => [c.code, c.parent_code])).toEqual([
      ['IMP0001', rootCode],
      ['IMP0002', 'IMP0001'],
      ['IMP0003', 'IMP0002'],
      ['IMP0004', 'IMP0001'],
    ]);
    expect(created.every((c) => c.path.startsWith(orgs.xingguang.path) && c.domain === 'private_enterprise')).toBe(
      true,
    );
    const again = await runImport(xingguang, 'organizations', file, 'all');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = await writeWorkbook('organizations', [
      { ...orgRows[0]!, name: '中共星光集团新材料有限公司总支部委员会' },
      { ...orgRows[1]!, type: '联合党支部' },
      { ...orgRows[2]!, parentCode: 'IMP0004' },
      { code: 'IMP0005', name: '双欣集团某党支部', type: '党支部', parentCode: 'NOPE0001' },
      {
        ...orgRows[3]!,
        code: 'IMP0006',
        parentCode: (
          await queryRows<{ code: string }>(
            t.database.db,
            sql`select code from organizations where id = ${orgs.shuangxin.id}`,
          )
        )[0]!.code,
      },
    ]);
    const mixed = await runImport(xingguang, 'organizations', changed, 'valid_only');
    expect(mixed.errors.map((e) => [e.row, e.column])).toEqual([
      [4, letter('type', ORG_IMPORT_COLUMNS)],
      [5, letter('parentCode', ORG_IMPORT_COLUMNS)],
      [6, letter('parentCode', ORG_IMPORT_COLUMNS)],
      [7, letter('parentCode', ORG_IMPORT_COLUMNS)],
    ]);
    expect(mixed.counts).toMatchObject({ updated: 1 });
    // Round trip: the export carries the imported records in the same columns, the phone masked.
    const exp = await t.request(xingguang, { method: 'GET', url: `/api/v1/exports/organizations?keyword=IMP` });
    const { rows } = await readFirstSheet(exp.rawPayload);
    const col = (k: string) => ORG_IMPORT_COLUMNS.findIndex((c) => c.key === k);
    const first = rows.find((r) => r.cells[col('code')] === 'IMP0001')!;
    expect(first.cells[col('name')]).toBe('中共星光集团新材料有限公司总支部委员会');
    expect(first.cells[col('type')]).toBe('党总支');
    expect(first.cells[col('parentCode')]).toBe(rootCode);
    expect(first.cells[col('contactPhone')]).toBe('047****1234');
    expect(
      rows
        .slice(2)
        .map((r) => r.cells[col('code')])
        .sort(),
    ).toEqual(['IMP0001', 'IMP0002', 'IMP0003', 'IMP0004']);
  });

  it('refuses what is not a workbook and files without the columns, with messages in the user language', async () => {
    const notZip = multipart(Buffer.from('name,id\n'));
    expectErrorShape(
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/imports/members',
        payload: notZip.payload,
        headers: notZip.headers,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await t.request(admin, { method: 'POST', url: '/api/v1/imports/members', payload: { a: 1 } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const wrong = await writeWorkbook('organizations', [
      { code: 'X1234', name: '某党支部', type: '党支部', parentCode: 'X' },
    ]);
    const job = await runImport(admin, 'members', wrong, 'dry_run', 'en-US');
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/Required columns are missing: .*ID number/);
  });
});
