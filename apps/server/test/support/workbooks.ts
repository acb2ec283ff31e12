/** Import workbooks for tests: valid member and organization rows, written in the template's columns. */
import { PassThrough } from 'node:stream';
import { type ImportKind, idNumberCheckChar, importColumns } from '@red-engine/shared';
import ExcelJS from 'exceljs';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid ID number (area 110101, never used by the demo zone), unique per `i` below 14,000,000. */
export function fixtureIdNumber(i: number): { idNumber: string; birthDate: string; gender: 'male' | 'female' } {
  const day = new Date(Date.UTC(1965, 0, 1) + (i % 12_000) * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  const seq = Math.floor(i / 12_000) % 1000;
  const first17 = `110101${birthDate.replaceAll('-', '')}${pad(seq, 3)}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  return { idNumber, birthDate, gender: seq % 2 === 1 ? 'male' : 'female' };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建华志强丽敏伟芳娜秀英军磊洋勇艳杰娟涛明超兰霞平刚';

/** One valid member row (cell texts by field key) in `branch`, as a person would type it. */
export function memberRow(i: number, branch: string, over: Record<string, string> = {}): Record<string, string> {
  const id = fixtureIdNumber(i);
  const birthYear = Number(id.birthDate.slice(0, 4));
  const full = i % 5 !== 0;
  const join = `${birthYear + 25}-07-01`;
  return {
    name: `${SURNAMES[i % 20]}${GIVEN[i % 25]}${GIVEN[(i * 7) % 25]}`,
    gender: id.gender === 'male' ? '男' : '女',
    idNumber: id.idNumber,
    ethnicity: i % 3 === 0 ? '蒙古族' : '汉族',
    birthDate: id.birthDate,
    education: '大学本科',
    category: full ? '正式党员' : '预备党员',
    orgName: branch,
    joinDate: full ? join : `${new Date().getFullYear() - 1}-${pad(1 + (i % 6), 2)}-01`,
    fullMemberDate: full ? `${birthYear + 26}-07-01` : '',
    jobCategory: '工人',
    phone: `139${pad(i % 100_000_000, 8)}`,
    address: `内蒙古鄂尔多斯市鄂托克旗棋盘井镇${(i % 50) + 1}号`,
    ...over,
  };
}

/** Writes rows (cell values by field key) under the template's header and hidden key row. */
export async function writeWorkbook(
  kind: ImportKind,
  rows: readonly Record<string, string | number>[],
  opts: { keyRow?: boolean } = {},
): Promise<Buffer> {
  const columns = importColumns(kind);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(kind === 'members' ? '党员信息' : '党组织信息');
  ws.addRow(columns.map((c) => c.zh)).commit();
  if (opts.keyRow !== false) ws.addRow(columns.map((c) => c.key)).commit();
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null)).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** The sheet row number of the n-th data row (0-based) of a workbook written with a key row. */
export const sheetRow = (n: number, keyRow = true) => n + (keyRow ? 3 : 2);
