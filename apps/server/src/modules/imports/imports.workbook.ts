/** Workbooks we write: the import templates and the exports, both in the template's columns. */
import { PassThrough } from 'node:stream';
import {
  columnLetter,
  type ExportMembersQuery,
  type ExportOrgsQuery,
  type ImportColumn,
  type ImportKind,
  importColumns,
  type Locale,
  MEMBER_IMPORT_COLUMNS,
  ORG_IMPORT_COLUMNS,
} from '@red-engine/shared';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { decryptText } from '../../core/crypto.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { organizations } from '../../db/schema/index.js';
import { createMemberRepository } from '../member/index.js';
import { maskPhone } from '../user/index.js';
import { IMPORT_LISTS, listLabel, TALENT_FLAG_NAMES } from './imports.policy.js';

/** Rows of the template that carry drop-down lists and text formatting. */
const TEMPLATE_ROWS = 5000;
const FIRST_DATA_ROW = 3;

const SHEET_NAMES: Record<ImportKind, { data: string; notes: string }> = {
  members: { data: '党员信息', notes: '填写说明' },
  organizations: { data: '党组织信息', notes: '填写说明' },
};

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } } as const;

/** Header row (Chinese, required columns in red), the hidden row of field keys, widths, text format for IDs. */
function layout(ws: ExcelJS.Worksheet, columns: readonly ImportColumn[]) {
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  const head = ws.getRow(1);
  const keys = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.zh;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC0392B' : 'FF262626' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${c.required ? '【必填】' : ''}${c.note.zh}\n${c.en}${c.required ? ' (required)' : ''}: ${c.note.en}`;
    keys.getCell(i + 1).value = c.key;
  });
  head.height = 28;
  keys.hidden = true;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
}

const textColumns = new Set(['idNumber', 'phone', 'orgCode', 'code', 'parentCode', 'contactPhone']);

/** The template: data sheet with drop-downs, the explanation sheet, and the code lists the drop-downs read. */
export async function buildTemplate(kind: ImportKind, _locale: Locale): Promise<Buffer> {
  const columns = importColumns(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Red Engine 红色引擎';
  const ws = wb.addWorksheet(SHEET_NAMES[kind].data);
  layout(ws, columns);
  const notes = wb.addWorksheet(SHEET_NAMES[kind].notes);
  const lists = wb.addWorksheet('代码表', { state: 'hidden' });

  const listNames = [...new Set(columns.flatMap((c) => (c.list ? [c.list] : [])))];
  const listRange = new Map<string, string>();
  listNames.forEach((name, i) => {
    const entries = IMPORT_LISTS[name];
    const letter = columnLetter(i);
    lists.getCell(`${letter}1`).value = name;
    entries.forEach((e, j) => {
      lists.getCell(`${letter}${j + 2}`).value = e.zh;
    });
    listRange.set(name, `'代码表'!$${letter}$2:$${letter}$${entries.length + 1}`);
  });

  const last = FIRST_DATA_ROW + TEMPLATE_ROWS - 1;
  // exceljs supports range validations; its typings only declare the per-cell form.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    const letter = columnLetter(i);
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${last}`;
    if (textColumns.has(c.key)) ws.getColumn(i + 1).numFmt = '@';
    if (c.type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.list)
      validations.add(range, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [listRange.get(c.list)!],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.zh,
        error: '请从下拉列表中选择 / Choose from the list',
      });
    if (c.type === 'date')
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        showErrorMessage: true,
        errorTitle: c.zh,
        error: '请填写日期 YYYY-MM-DD / Enter a date YYYY-MM-DD',
      });
  });

  notes.columns = [
    { header: '列', key: 'letter', width: 6 },
    { header: '表头', key: 'zh', width: 20 },
    { header: 'Column', key: 'en', width: 22 },
    { header: '字段', key: 'key', width: 16 },
    { header: '必填 Required', key: 'required', width: 12 },
    { header: '填写说明', key: 'noteZh', width: 60 },
    { header: 'Notes', key: 'noteEn', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    notes.addRow({
      letter: columnLetter(i),
      zh: c.zh,
      en: c.en,
      key: c.key,
      required: c.required ? '是 Yes' : '否 No',
      noteZh: c.note.zh,
      noteEn: c.note.en,
    });
  });
  notes.addRow({});
  notes.addRow({
    zh: '导入规则',
    noteZh:
      kind === 'members'
        ? '第 1 行为表头，第 2 行（隐藏）为字段名，请从第 3 行起填写。按公民身份号码识别党员：新号码新增党员，已有号码只更新个人信息；组织关系、人员类别等变化请在系统中办理。先“预检”查看每行问题，全部正确后导入；重复导入同一文件不会产生任何变化。'
        : '第 1 行为表头，第 2 行（隐藏）为字段名，请从第 3 行起填写。按组织编码识别党组织：新编码新增，已有编码更新信息；上级和组织类别不能通过导入修改。上级党组织须在系统中已有，或在本表中排在前面。',
    noteEn:
      kind === 'members'
        ? 'Row 1 holds the headers, row 2 (hidden) the field keys; data starts in row 3. Members are identified by ID number: a new number adds a member, a known one updates the personal record; branch and category changes are recorded in the system. Check first, then import; importing the same file again changes nothing.'
        : 'Row 1 holds the headers, row 2 (hidden) the field keys; data starts in row 3. Organizations are identified by code: a new code adds one, a known code updates it; parent and type cannot be changed by an import. A parent must be on record or in an earlier row.',
  });
  notes.getColumn('noteZh').alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn('noteEn').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A streaming workbook whose bytes are collected in memory (exports are bounded by the caller's scope). */
function streamingWorkbook() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Red Engine 红色引擎';
  return {
    wb,
    finish: async () => {
      await wb.commit();
      return Buffer.concat(chunks);
    },
  };
}

function exportSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, kind: ImportKind) {
  const columns = importColumns(kind);
  const ws = wb.addWorksheet(SHEET_NAMES[kind].data, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 14 }));
  const head = ws.addRow(columns.map((c) => c.zh));
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  head.commit();
  const keys = ws.addRow(columns.map((c) => c.key));
  keys.hidden = true;
  keys.commit();
  return ws;
}

function infoSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: number,
  masked: boolean,
  filters: Record<string, unknown>,
) {
  const info = wb.addWorksheet('导出说明');
  info.columns = [{ width: 16 }, { width: 60 }];
  for (const r of [
    ['导出时间 Exported at', new Date().toISOString()],
    ['记录数 Rows', rows],
    [
      '脱敏 Masked',
      masked
        ? '是：公民身份号码、联系电话已脱敏，家庭住址未导出 / Yes: ID numbers and phones masked, addresses left out'
        : '否 No',
    ],
    ['筛选条件 Filters', JSON.stringify(filters)],
  ])
    info.addRow(r).commit();
  info.commit();
}

/** Members of the scope in the template's columns: ID numbers and phones masked, addresses left out, unless unmasked. */
export async function writeMemberExport(
  db: Db,
  dataKey: Buffer,
  roots: readonly string[],
  q: ExportMembersQuery & { unmasked?: boolean },
  _locale: Locale,
): Promise<{ file: Buffer; rows: number }> {
  const { unmasked, ...filters } = q;
  const repo = createMemberRepository(db);
  const { wb, finish } = streamingWorkbook();
  const ws = exportSheet(wb, 'members');
  let after: { orgPath: string; namePinyin: string; id: string } | null = null;
  let count = 0;
  const orgCache = new Map<string, { name: string; code: string | null }>();
  for (;;) {
    const batch = await repo.exportBatch(roots, filters, after, 2000);
    if (batch.length === 0) break;
    const last = batch[batch.length - 1]!;
    after = { orgPath: last.org_path ?? '', namePinyin: last.name_pinyin, id: last.member_id };
    const ids = batch.map((s) => s.member_id);
    const full = new Map((await repo.findByIds(ids)).map((m) => [m.id, m]));
    const missingOrgs = [...new Set(batch.map((s) => s.org_id).filter((o): o is string => !!o && !orgCache.has(o)))];
    if (missingOrgs.length)
      for (const o of await db
        .select({ id: organizations.id, name: organizations.name, code: organizations.code })
        .from(organizations)
        .where(inArray(organizations.id, missingOrgs)))
        orgCache.set(o.id, o);
    const flowing = ids.filter((_, i) => batch[i]!.flowing);
    const flowDates = new Map<string, string>();
    if (flowing.length)
      for (const r of await queryRows<{ member_id: string; d: string }>(
        db,
        sql`select member_id, max(effective_date)::text as d from member_events
          where type = 'flow_out' and member_id in (${sql.join(
            flowing.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          ${filters.asOf ? sql`and effective_date <= ${filters.asOf}::date` : sql``} group by member_id`,
      ))
        flowDates.set(r.member_id, r.d);
    for (const s of batch) {
      const m = full.get(s.member_id);
      if (!m) continue;
      const org = s.org_id ? orgCache.get(s.org_id) : undefined;
      const plain = (sealed: string | null) => (sealed ? decryptText(dataKey, sealed) : '');
      const values: Record<string, string> = {
        name: m.name,
        gender: listLabel('gender', m.gender),
        idNumber: unmasked ? plain(m.idNumberEnc) : m.idNumberMasked,
        ethnicity: listLabel('ethnicity', m.ethnicity),
        birthDate: m.birthDate,
        education: listLabel('education', m.education),
        category: listLabel('category', s.category),
        orgName: org?.name ?? '',
        joinDate: m.joinDate ?? '',
        fullMemberDate: m.fullMemberDate ?? '',
        jobCategory: listLabel('jobCategory', m.jobCategory),
        phone: unmasked ? plain(m.phoneEnc) : (m.phoneMasked ?? ''),
        address: unmasked ? plain(m.addressEnc) : '',
        partyStatus: listLabel('partyStatus', s.party_status),
        lostContact: listLabel('yesNo', s.lost_contact),
        lostSince: s.lost_since ?? '',
        flowing: listLabel('yesNo', s.flowing),
        flowDestination: s.flow_destination ?? '',
        flowDate: flowDates.get(s.member_id) ?? '',
        orgCode: org?.code ?? '',
        nameMongolian: m.nameMongolian ?? '',
        nativePlace: m.nativePlace ?? '',
        degree: m.degree ?? '',
        title: m.title ?? '',
        workUnit: m.workUnit ?? '',
        workPost: m.workPost ?? '',
        talentFlags: m.talentFlags.map((f) => TALENT_FLAG_NAMES[f]?.[0] ?? f).join('、'),
        tags: m.tags.join('、'),
        partyPosts: m.partyPosts.join('、'),
      };
      ws.addRow(MEMBER_IMPORT_COLUMNS.map((c) => values[c.key] ?? '')).commit();
      count += 1;
    }
  }
  ws.commit();
  infoSheet(wb, count, !unmasked, filters);
  return { file: await finish(), rows: count };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Organizations of the scope in the template's columns (parents first), contact phones masked. */
export async function writeOrgExport(
  db: Db,
  roots: readonly string[],
  q: ExportOrgsQuery,
  _locale: Locale,
): Promise<{ file: Buffer; rows: number }> {
  const parts: (SQL | undefined)[] = [
    roots.length ? or(...roots.map((r) => sql`${organizations.path} like ${`${escapeLike(r)}%`}`)) : sql`false`,
  ];
  if (q.withinId)
    parts.push(sql`${organizations.path} like (select path from organizations w where w.id = ${q.withinId}) || '%'`);
  if (q.type) parts.push(eq(organizations.type, q.type));
  if (q.domain) parts.push(eq(organizations.domain, q.domain));
  if (q.status) parts.push(eq(organizations.status, q.status));
  if (q.keyword) {
    const k = `%${escapeLike(q.keyword)}%`;
    parts.push(or(ilike(organizations.name, k), ilike(organizations.shortName, k), ilike(organizations.code, k)));
  }
  const rows = await db
    .select()
    .from(organizations)
    .where(and(...parts))
    .orderBy(asc(organizations.depth), asc(organizations.sortOrder), asc(organizations.name));
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => !!p))];
  const parents = new Map<string, string | null>();
  for (let i = 0; i < parentIds.length; i += 5000)
    for (const p of await db
      .select({ id: organizations.id, code: organizations.code })
      .from(organizations)
      .where(inArray(organizations.id, parentIds.slice(i, i + 5000))))
      parents.set(p.id, p.code);
  const { wb, finish } = streamingWorkbook();
  const ws = exportSheet(wb, 'organizations');
  for (const o of rows) {
    const values: Record<string, string | number> = {
      code: o.code ?? '',
      name: o.name,
      shortName: o.shortName ?? '',
      type: o.type === 'work_committee' ? '党工委' : listLabel('orgType', o.type),
      parentCode: o.parentId ? (parents.get(o.parentId) ?? '') : '',
      domain: listLabel('orgDomain', o.domain),
      secretaryName: o.secretaryName ?? '',
      contactPerson: o.contactPerson ?? '',
      contactPhone: o.contactPhone ? maskPhone(o.contactPhone) : '',
      unitSituation: listLabel('unitSituation', o.unitSituation),
      foundedOn: o.foundedOn ?? '',
      foundingDocNo: o.foundingDocNo ?? '',
      address: o.address ?? '',
      longitude: o.longitude ?? '',
      latitude: o.latitude ?? '',
      projectName: o.projectName ?? '',
      temporaryUntil: o.temporaryUntil ?? '',
      sortOrder: o.sortOrder,
    };
    ws.addRow(ORG_IMPORT_COLUMNS.map((c) => values[c.key] ?? '')).commit();
  }
  ws.commit();
  infoSheet(wb, rows.length, true, { ...q });
  return { file: await finish(), rows: rows.length };
}
