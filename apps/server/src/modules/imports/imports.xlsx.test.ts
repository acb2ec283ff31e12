import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readFirstSheet, XlsxError } from './imports.xlsx.js';

async function sampleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员');
  sheet.addRow(['姓名', '性别', '出生日期', '备注']);
  sheet.addRow(['巴特尔', '男', new Date(Date.UTC(1988, 4, 12)), 'ᠪᠠᠲᠦ & <王>']);
  sheet.addRow(['张三', '女', 32000, null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same workbook with every worksheet element in a namespace prefix, as some generators write it. */
async function withPrefixedElements(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const prefixed = xml
    .replace('<worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ')
    .replace('</worksheet>', '</x:worksheet>')
    .replace(/<(\/?)(sheetData|row|c|v|is|t|f)\b/g, '<$1x:$2');
  zip.file(path, prefixed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readFirstSheet', () => {
  it('reads strings, numbers and dates of a workbook written by a general library', async () => {
    const { rows } = await readFirstSheet(await sampleWorkbook());
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[1]!.cells).toEqual(['巴特尔', '男', 32275, 'ᠪᠠᠲᠦ & <王>']);
    expect(rows[2]!.cells.slice(0, 3)).toEqual(['张三', '女', 32000]);
  });

  it('reads workbooks with prefixed element names through the general reader, with the same values', async () => {
    const plain = await readFirstSheet(await sampleWorkbook());
    const prefixed = await readFirstSheet(await withPrefixedElements(await sampleWorkbook()));
    expect(prefixed.rows).toEqual(plain.rows);
  });

  it('refuses what is not a workbook with an XlsxError', async () => {
    await expect(readFirstSheet(Buffer.from('这不是表格文件'))).rejects.toBeInstanceOf(XlsxError);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(readFirstSheet(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toBeInstanceOf(XlsxError);
  });
});
