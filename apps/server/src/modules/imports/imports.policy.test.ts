import { columnLetter, idNumberCheckChar, MEMBER_IMPORT_COLUMNS } from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { checkMemberRow, formatRowError, mapHeader, readCell, readRow } from './imports.policy.js';
import { pgArray } from './imports.repository.js';
import { excelSerialToIso, unescapeXml } from './imports.xlsx.js';

const badCheck = (s: string) => s.slice(0, 17) + (s[17] === '0' ? '1' : '0');
const column = (key: string) => MEMBER_IMPORT_COLUMNS.find((c) => c.key === key)!;
const id = (birth: string, seq: string) => {
  const first17 = `110101${birth.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
};

describe('readCell', () => {
  it.each([
    ['birthDate', '1988-3-4', '1988-03-04'],
    ['birthDate', '1988/03/04', '1988-03-04'],
    ['birthDate', '1988.3.4', '1988-03-04'],
    ['birthDate', '1988年3月4日', '1988-03-04'],
    ['birthDate', 32206, '1988-03-04'],
    ['gender', '男', 'male'],
    ['gender', 'Female', 'female'],
    ['ethnicity', '蒙古族', '02'],
    ['ethnicity', '02', '02'],
    ['ethnicity', 'Mongolian', '02'],
    ['education', '大学本科', '21'],
    ['category', '预备', 'probationary'],
    ['category', '正式党员', 'full'],
    ['jobCategory', '工人', 'worker'],
    ['jobCategory', '专业技术人员', 'professional'],
    ['lostContact', '是', true],
    ['lostContact', false, false],
    ['phone', 13800000000, '13800000000'],
    ['tags', '先锋岗、突击队, 责任区', ['先锋岗', '突击队', '责任区']],
    ['talentFlags', '博士，高级职称', ['doctor', 'senior_engineer']],
    ['nativePlace', '  内蒙古鄂托克旗 ', '内蒙古鄂托克旗'],
    ['nativePlace', '   ', undefined],
  ])('%s: %j → %j', (key, cell, value) => {
    expect(readCell(column(key), cell as never, false)).toEqual({ value });
  });

  it.each([
    ['birthDate', '1988-02-30', '日期格式'],
    ['birthDate', 'yesterday', '日期格式'],
    ['gender', '未知', '下拉列表'],
    ['ethnicity', '火星族', '下拉列表'],
    ['talentFlags', '院士', '下拉列表'],
    ['idNumber', 110101198803046110, '文本格式'],
    ['name', '', '必填'],
    ['idNumber', null, '必填'],
  ])('%s: %j is refused (%s)', (key, cell, text) => {
    const r = readCell(column(key), cell as never, false);
    expect('problem' in r && r.problem['zh-CN']).toContain(text);
  });
});

describe('mapHeader', () => {
  const zh = MEMBER_IMPORT_COLUMNS.map((c) => c.zh);
  const keys = MEMBER_IMPORT_COLUMNS.map((c) => c.key);
  it('finds the Chinese header and skips the hidden key row', () => {
    const h = mapHeader(
      [
        { row: 1, cells: zh },
        { row: 2, cells: keys },
        { row: 3, cells: ['x'] },
      ],
      MEMBER_IMPORT_COLUMNS,
    );
    expect(h.firstDataRow).toBe(2);
    expect(h.missing).toEqual([]);
    expect(h.columns.get(2)?.key).toBe('idNumber');
  });
  it('reads columns in any order, by English header or with a required mark, and names what is missing', () => {
    const h = mapHeader(
      [
        { row: 1, cells: ['ID number', '*姓名', 'Gender', '备注'] },
        { row: 2, cells: ['110101…'] },
      ],
      MEMBER_IMPORT_COLUMNS,
    );
    expect(h.firstDataRow).toBe(1);
    expect([...h.columns.entries()].map(([i, c]) => [i, c.key])).toEqual([
      [0, 'idNumber'],
      [1, 'name'],
      [2, 'gender'],
    ]);
    expect(h.missing.map((c) => c.key)).toContain('ethnicity');
    expect(h.missing.map((c) => c.key)).not.toContain('phone');
  });
});

describe('checkMemberRow', () => {
  const today = '2026-06-01';
  const base: Record<string, unknown> = {
    name: '张三',
    gender: 'male',
    idNumber: id('1980-05-06', '011'),
    ethnicity: '01',
    birthDate: '1980-05-06',
    education: '21',
    category: 'full',
    orgName: '某党支部',
    joinDate: '2005-07-01',
    fullMemberDate: '2006-07-01',
    jobCategory: 'worker',
  };
  it.each([
    [{}, null],
    [{ idNumber: badCheck(id('1980-05-06', '011')) }, 'idNumber'],
    [{ gender: 'female' }, 'gender'],
    [{ birthDate: '1980-05-07' }, 'birthDate'],
    [{ phone: '123' }, 'phone'],
    [{ joinDate: '1995-01-01' }, 'joinDate'],
    [{ fullMemberDate: undefined }, 'fullMemberDate'],
    [{ category: 'probationary' }, 'fullMemberDate'],
    [{ joinDate: '2027-01-01' }, 'joinDate'],
    [{ lostContact: true }, 'lostSince'],
    [{ flowing: true, flowDate: '2020-01-01' }, 'flowDestination'],
    [{ name: 'x'.repeat(51) }, 'name'],
  ])('%j → problem in %s', (over, key) => {
    const values = { ...base, ...over } as never;
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete (values as Record<string, unknown>)[k];
    const r = checkMemberRow(values, MEMBER_IMPORT_COLUMNS, today);
    if (key === null) expect(r).toHaveProperty('value');
    else expect('problem' in r && r.problem.key).toBe(key);
  });
});

describe('row errors and helpers', () => {
  it('formats a CLI line, naming the column unless the message does', () => {
    expect(formatRowError({ row: 5, column: 'D', columnName: '民族', message: '必填' })).toBe(
      'row 5, column D: 民族：必填',
    );
    expect(
      formatRowError({ row: 5, column: 'C', columnName: '公民身份号码', message: '公民身份号码校验位不正确，请核对' }),
    ).toBe('row 5, column C: 公民身份号码校验位不正确，请核对');
    expect(formatRowError({ row: 7, column: 'B', columnName: 'Gender', message: 'Required' })).toBe(
      'row 7, column B: Gender: Required',
    );
  });
  it('reads the first problem of a row in column order', () => {
    const header = mapHeader([{ row: 1, cells: MEMBER_IMPORT_COLUMNS.map((c) => c.zh) }], MEMBER_IMPORT_COLUMNS);
    const r = readRow({ row: 9, cells: ['', '未知'] }, header, false);
    expect('problem' in r && r.problem.key).toBe('name');
  });
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (i, letter) => expect(columnLetter(i)).toBe(letter));
  it.each([
    [1, '1899-12-31'],
    [60, '1900-02-28'],
    [45658, '2025-01-01'],
    [0, null],
    [-3, null],
  ])('Excel serial %d is %s', (n, iso) => expect(excelSerialToIso(n)).toBe(iso));
  it('unescapes XML and OOXML escapes', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &#20013;&#x6587; _x000D_')).toBe('a & b <c> 中文 \r');
  });
  it('writes PostgreSQL array literals that survive quotes, backslashes and nulls', () => {
    expect(pgArray(['a', 'b"c', 'd\\e', null, '', 'x,y'])).toBe('{"a","b\\"c","d\\\\e",NULL,"","x,y"}');
  });
});
