import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, expectErrorShape, loadOrgs } from '../../../test/support/fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let admin: Session;
let secretary: Session;
let bankId: string;
let foreignBank: string;

const HEADER = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '选项E',
  '选项F',
  '答案',
  '解析',
  '标签',
  '难度',
  '分值',
];

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试题');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer) {
  const boundary = `----re${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (s: Session, bank: string, file: Buffer, dryRun: boolean, locale = 'zh-CN') => {
  const body = multipart(file);
  return t.request(s, {
    method: 'POST',
    url: `/api/v1/question-banks/${bank}/import?dryRun=${dryRun}`,
    payload: body.payload,
    headers: { ...body.headers, 'accept-language': locale },
  });
};

const GOOD: (string | number | null)[][] = [
  [
    '单选',
    '党的根本组织原则是什么？',
    '民主集中制',
    '集体领导',
    '个人负责',
    '少数服从多数',
    null,
    null,
    'A',
    null,
    '党章',
    '易',
    1,
  ],
  [
    '多选',
    '“四个自信”包括哪些？',
    '道路自信',
    '理论自信',
    '制度自信',
    '文化自信',
    null,
    null,
    'ABCD',
    null,
    '党章、理论',
    '中',
    2,
  ],
  ['判断', '预备党员的预备期为一年。', null, null, null, null, null, null, '对', '党章第七条', '党章', 1, null],
  [
    '填空',
    '党的一大于____年召开，二大于____年召开。',
    null,
    null,
    null,
    null,
    null,
    null,
    '1921/1921年|1922',
    null,
    '党史',
    '难',
    2,
  ],
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  secretary = await t.login('secretary');
  const orgs = await loadOrgs(t, admin);
  const res = await t.request(secretary, {
    method: 'POST',
    url: '/api/v1/question-banks',
    payload: { name: '导入测试题库', orgId: orgs.branchA.id },
  });
  bankId = res.json().id;
  const other = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/question-banks',
    payload: { name: '他人题库', orgId: orgs.branchB.id },
  });
  foreignBank = other.json().id;
});
afterAll(async () => t?.close());

describe('bank import (题库导入)', () => {
  it('serves a template whose header the import reads', async () => {
    const res = await t.request(secretary, { method: 'GET', url: '/api/v1/question-banks/import-template' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    const dry = await upload(secretary, bankId, res.rawPayload, true);
    expect(dry.json()).toMatchObject({ issues: [], created: 2 });
  });

  it('reports every bad row with its row, column and a message in the caller’s language; commits nothing', async () => {
    const file = await workbook([
      ...GOOD,
      ['单选', '缺答案的题', '甲', '乙', null, null, null, null, null, null, null, null, null],
      ['问答', '不支持的题型', null, null, null, null, null, null, '略', null, null, null, null],
      ['单选', '答案不是选项', '甲', '乙', null, null, null, null, 'C', null, null, null, null],
      ['判断', '判断答案不对', null, null, null, null, null, null, '也许', null, null, null, null],
      ['单选', '难度不对', '甲', '乙', null, null, null, null, 'A', null, null, '超难', null],
      [
        '单选',
        '党的根本组织原则是什么？',
        '民主集中制',
        '集体领导',
        '个人负责',
        '少数服从多数',
        null,
        null,
        'A',
        null,
        null,
        null,
        null,
      ],
    ]);
    const before = await auditCount(t);
    const res = await upload(secretary, bankId, file, false);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.committed).toBe(false);
    expect(report.issues).toEqual([
      { row: 6, column: 'I', message: expect.stringMatching(/^答案：必填/) },
      { row: 7, column: 'A', message: expect.stringMatching(/^题型：/) },
      { row: 8, column: 'I', message: expect.stringContaining('答案') },
      { row: 9, column: 'I', message: expect.stringContaining('对') },
      { row: 10, column: 'L', message: expect.stringContaining('难度') },
      { row: 11, column: 'B', message: expect.stringContaining('第 2 行') },
    ]);
    expect(await auditCount(t)).toBe(before);
    const en = await upload(secretary, bankId, file, true, 'en-US');
    expect(en.json().issues[0].message).toMatch(/^Answer: Required/);
    const list = await t.request(secretary, { method: 'GET', url: `/api/v1/questions?bankId=${bankId}` });
    expect(list.json().total).toBe(0);
  });

  it('writes a good file once: a second import of the same file changes nothing', async () => {
    const file = await workbook(GOOD);
    const dry = await upload(secretary, bankId, file, true);
    expect(dry.json()).toMatchObject({ dryRun: true, committed: false, created: 4, unchanged: 0, issues: [] });
    const first = await upload(secretary, bankId, file, false);
    expect(first.json()).toMatchObject({ committed: true, created: 4, unchanged: 0 });
    const before = await auditCount(t);
    const second = await upload(secretary, bankId, file, false);
    expect(second.json()).toMatchObject({ committed: true, created: 0, unchanged: 4 });
    expect(await auditCount(t)).toBe(before);
    const list = await t.request(secretary, { method: 'GET', url: `/api/v1/questions?bankId=${bankId}` });
    expect(list.json().total).toBe(4);
    const fill = list.json().data.find((q: { kind: string }) => q.kind === 'fill');
    expect(fill.answer).toEqual([['1921', '1921年'], ['1922']]);
    const multi = list.json().data.find((q: { kind: string }) => q.kind === 'multiple');
    expect(multi).toMatchObject({ answer: ['A', 'B', 'C', 'D'], tags: ['党章', '理论'], difficulty: 2, points: 2 });
  });

  it('answers 404 for another branch’s bank and refuses a file that is not a workbook', async () => {
    expectErrorShape(await upload(secretary, foreignBank, await workbook(GOOD), true), 404, 'NOT_FOUND');
    expectErrorShape(
      await upload(secretary, bankId, Buffer.from('not a zip at all, just text'), true),
      400,
      'VALIDATION_FAILED',
    );
  });
});
