/**
 * Pure rules of an Excel import: finding the columns, reading cells into field values, and checking one row with
 * the same rules as the forms (zod schemas of the shared package, the member identity and lifecycle rules). Every
 * problem names its column; a row reports its first problem in column order.
 */
import {
  type CreateMemberBody,
  CreateOrgBodySchema,
  columnLetter,
  deriveMemberState,
  EDUCATION_LEVELS,
  ETHNICITIES,
  type FoldableEvent,
  type ImportColumn,
  type ImportListName,
  type ImportRowError,
  JOB_CATEGORIES,
  type Locale,
  type MemberEventDetails,
  type MemberEventType,
  MemberFieldsSchema,
  type OrgDomain,
  type OrgType,
  type UnitSituation,
} from '@red-engine/shared';
import type { z } from 'zod';
import { fieldIssueText, type LocalizedText, MESSAGES } from '../../core/messages.js';
import { checkIdentity, checkLifecycleDates, checkMemberEvent } from '../member/index.js';
import { ORG_TYPE_NAMES } from '../org/org.policy.js';
import { type CellValue, excelSerialToIso, type SheetRow } from './imports.xlsx.js';

/** Most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 200_000;

/** One problem of a row: the column's field key and the text in both languages. */
export type RowProblem = { key: string; text: LocalizedText };

type ListEntry = { value: string | boolean; zh: string; en: string; aliases?: readonly string[] };

const ORG_DOMAIN_NAMES: Record<OrgDomain, [string, string]> = {
  government: ['机关', 'Government agencies'],
  private_enterprise: ['非公企业', 'Non-public enterprises'],
  state_enterprise: ['国有企业', 'State-owned enterprises'],
  social_organization: ['社会组织', 'Social organizations'],
  village: ['村(嘎查)', 'Villages (Gacha)'],
  community: ['社区', 'Communities'],
};
const UNIT_SITUATION_NAMES: Record<UnitSituation, [string, string]> = {
  same_as_parent: ['与上级党组织相同', 'Same as the parent organization'],
  legal_entity: ['法人单位', 'Legal entity'],
  joint: ['联合党支部', 'Joint branch'],
};
/** Organization types an import may create: everything below the working committee. */
const IMPORTABLE_ORG_TYPES: readonly OrgType[] = [
  'party_committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'party_group',
];
export const TALENT_FLAG_NAMES: Record<string, [string, string]> = {
  doctor: ['博士', 'Doctor'],
  master: ['硕士', 'Master'],
  senior_engineer: ['高级职称', 'Senior title'],
};

/** The values of each list: what the template offers in its drop-downs (zh label first) and what a cell may say. */
export const IMPORT_LISTS: Record<ImportListName, readonly ListEntry[]> = {
  gender: [
    { value: 'male', zh: '男', en: 'Male' },
    { value: 'female', zh: '女', en: 'Female' },
  ],
  ethnicity: ETHNICITIES.map(([value, zh, en]) => ({ value, zh, en })),
  education: EDUCATION_LEVELS.map(([value, zh, en]) => ({ value, zh, en })),
  category: [
    { value: 'full', zh: '正式党员', en: 'Full member', aliases: ['正式', 'full'] },
    { value: 'probationary', zh: '预备党员', en: 'Probationary member', aliases: ['预备', 'probationary'] },
  ],
  jobCategory: JOB_CATEGORIES.map(([value, zh, en]) => ({ value, zh, en, aliases: [zh.split('（')[0]!, value] })),
  partyStatus: [
    { value: 'normal', zh: '正常', en: 'Normal' },
    { value: 'suspended', zh: '停止党籍', en: 'Suspended' },
  ],
  yesNo: [
    { value: true, zh: '是', en: 'Yes', aliases: ['y', 'true', '1'] },
    { value: false, zh: '否', en: 'No', aliases: ['n', 'false', '0'] },
  ],
  orgType: IMPORTABLE_ORG_TYPES.map((t) => ({
    value: t,
    zh: ORG_TYPE_NAMES[t]['zh-CN'],
    en: ORG_TYPE_NAMES[t]['en-US'],
    aliases: [t],
  })),
  orgDomain: Object.entries(ORG_DOMAIN_NAMES).map(([value, [zh, en]]) => ({
    value,
    zh,
    en,
    aliases: [value, zh.replace(/\(.*\)/, '')],
  })),
  unitSituation: Object.entries(UNIT_SITUATION_NAMES).map(([value, [zh, en]]) => ({ value, zh, en, aliases: [value] })),
};

const norm = (s: string) => s.replace(/[\s*＊]/g, '').toLowerCase();

const LIST_INDEX = new Map<ImportListName, Map<string, string | boolean>>(
  (Object.entries(IMPORT_LISTS) as [ImportListName, readonly ListEntry[]][]).map(([name, entries]) => {
    const m = new Map<string, string | boolean>();
    for (const e of entries) {
      if (typeof e.value === 'string') m.set(norm(e.value), e.value);
      for (const label of [e.zh, e.en, ...(e.aliases ?? [])]) m.set(norm(label), e.value);
    }
    return [name, m];
  }),
);

/** The label a list value shows in the template and in exports (the Chinese label; English when asked). */
export function listLabel(list: ImportListName, value: string | boolean | null | undefined, locale: Locale = 'zh-CN') {
  if (value === null || value === undefined) return '';
  const e = IMPORT_LISTS[list].find((x) => x.value === value);
  if (!e) return String(value);
  return locale === 'zh-CN' ? e.zh : e.en;
}

export type HeaderMap = {
  /** Sheet column index → the import column it holds. */
  columns: Map<number, ImportColumn>;
  /** Index in `rows` of the first data row. */
  firstDataRow: number;
  missing: ImportColumn[];
};

/**
 * Finds the header among the first rows: the row whose cells name the most columns (by Chinese or English header or
 * field key, ignoring spaces and a required-marking asterisk). A hidden row of field keys right below is skipped.
 */
export function mapHeader(rows: readonly SheetRow[], columns: readonly ImportColumn[]): HeaderMap {
  const lookup = new Map<string, ImportColumn>();
  for (const c of columns) for (const name of [c.key, c.zh, c.en]) lookup.set(norm(name), c);
  const match = (row: SheetRow | undefined) => {
    const m = new Map<number, ImportColumn>();
    if (!row) return m;
    row.cells.forEach((cell, i) => {
      const c = typeof cell === 'string' ? lookup.get(norm(cell)) : undefined;
      if (c && ![...m.values()].includes(c)) m.set(i, c);
    });
    return m;
  };
  let best = { index: -1, columns: new Map<number, ImportColumn>() };
  for (let i = 0; i < Math.min(3, rows.length); i++) {
    const m = match(rows[i]);
    if (m.size > best.columns.size) best = { index: i, columns: m };
  }
  let firstDataRow = best.index + 1;
  // The template's second header row holds the field keys; it is hidden, and not data.
  const next = match(rows[firstDataRow]);
  if (best.index >= 0 && next.size >= Math.max(1, Math.floor(best.columns.size / 2))) firstDataRow += 1;
  const found = new Set(best.columns.values());
  return {
    columns: best.columns,
    firstDataRow: Math.max(firstDataRow, 0),
    missing: columns.filter((c) => c.required && !found.has(c)),
  };
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function isoDate(raw: string): string | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export type CellRead = string | number | boolean | string[] | undefined;

/** One cell as the column's type; empty cells are undefined. */
export function readCell(
  column: ImportColumn,
  cell: CellValue,
  date1904: boolean,
): { value: CellRead } | { problem: LocalizedText } {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))
    return column.required ? { problem: MESSAGES.importRequired } : { value: undefined };
  switch (column.type) {
    case 'date': {
      const iso = typeof cell === 'number' ? excelSerialToIso(cell, date1904) : isoDate(String(cell));
      return iso ? { value: iso } : { problem: MESSAGES.importBadDate };
    }
    case 'number': {
      const n = typeof cell === 'number' ? cell : Number(String(cell).trim());
      return typeof cell !== 'boolean' && Number.isFinite(n) ? { value: n } : { problem: MESSAGES.importBadNumber };
    }
    case 'list': {
      const v = LIST_INDEX.get(column.list!)!.get(norm(String(cell)));
      return v === undefined ? { problem: MESSAGES.importNotInList } : { value: v };
    }
    case 'multi': {
      const parts = String(cell)
        .split(/[、,，;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (column.key !== 'talentFlags') return { value: parts };
      const flags: string[] = [];
      for (const p of parts) {
        const flag = Object.entries(TALENT_FLAG_NAMES).find(([k, [zh, en]]) =>
          [k, zh, en.toLowerCase()].includes(p.toLowerCase()),
        )?.[0];
        if (!flag) return { problem: MESSAGES.importNotInList };
        flags.push(flag);
      }
      return { value: flags };
    }
    default: {
      if (typeof cell === 'number') {
        // 18 digits do not survive a floating-point number; phones (11 digits) do.
        if (column.key === 'idNumber') return { problem: MESSAGES.importIdNumberAsNumber };
        return { value: Number.isInteger(cell) ? String(cell) : String(cell) };
      }
      return { value: String(cell).trim() };
    }
  }
}

/** The row's cells by field key, or the first cell (in column order) that cannot be read. */
export function readRow(
  row: SheetRow,
  header: HeaderMap,
  date1904: boolean,
): { values: Record<string, CellRead> } | { problem: RowProblem } {
  const values: Record<string, CellRead> = {};
  for (const [index, column] of [...header.columns.entries()].sort((a, b) => a[0] - b[0])) {
    const r = readCell(column, row.cells[index] ?? null, date1904);
    if ('problem' in r) return { problem: { key: column.key, text: r.problem } };
    if (r.value !== undefined) values[column.key] = r.value;
  }
  return { values };
}

/** The first issue of a zod result in column order, as a row problem. */
function zodProblem(error: z.ZodError, order: readonly ImportColumn[]): RowProblem {
  const rank = (key: string) => {
    const i = order.findIndex((c) => c.key === key);
    return i < 0 ? order.length : i;
  };
  const issue = [...error.issues].sort((a, b) => rank(String(a.path[0])) - rank(String(b.path[0])))[0]!;
  const params = { ...(issue as unknown as Record<string, unknown>), zodMessage: issue.message };
  return {
    key: String(issue.path[0] ?? ''),
    text: {
      'zh-CN': fieldIssueText(issue.code, params, 'zh-CN'),
      'en-US': fieldIssueText(issue.code, params, 'en-US'),
    },
  };
}

const keyOf = (path: string) => path.split('.').pop() ?? path;

/** A member row, checked on its own: the record fields and the lifecycle the import will write. */
export type MemberRowValue = {
  body: Omit<CreateMemberBody, 'orgId'>;
  orgName: string;
  orgCode?: string;
  partyStatus: 'normal' | 'suspended';
  lostContact: boolean;
  lostSince?: string;
  flowing: boolean;
  flowDestination?: string;
  flowDate?: string;
};

/** The events after the first ones that a new member's row asks for (失联, 外出流动), in date order. */
export type FollowUpEvent = { type: MemberEventType; effectiveDate: string; details: MemberEventDetails };

export function checkMemberRow(
  values: Record<string, CellRead>,
  columns: readonly ImportColumn[],
  today: string,
): { value: MemberRowValue } | { problem: RowProblem } {
  const s = (k: string) => values[k] as string | undefined;
  const fields = {
    name: s('name'),
    nameMongolian: s('nameMongolian'),
    gender: s('gender'),
    idNumber: s('idNumber')?.toUpperCase(),
    ethnicity: s('ethnicity'),
    birthDate: s('birthDate'),
    education: s('education'),
    jobCategory: s('jobCategory'),
    phone: s('phone'),
    address: s('address'),
    nativePlace: s('nativePlace'),
    degree: s('degree'),
    title: s('title'),
    workUnit: s('workUnit'),
    workPost: s('workPost'),
    talentFlags: values.talentFlags as string[] | undefined,
    tags: values.tags as string[] | undefined,
    partyPosts: values.partyPosts as string[] | undefined,
  };
  for (const k of Object.keys(fields) as (keyof typeof fields)[]) if (fields[k] === undefined) delete fields[k];
  const parsed = MemberFieldsSchema.safeParse(fields);
  if (!parsed.success) return { problem: zodProblem(parsed.error, columns) };
  const body = {
    ...parsed.data,
    category: values.category as 'full' | 'probationary',
    joinDate: s('joinDate')!,
    ...(s('fullMemberDate') ? { fullMemberDate: s('fullMemberDate') } : {}),
  };
  const identity = checkIdentity(body, 'body', today) ?? checkLifecycleDates(body, today);
  if (identity) return { problem: { key: keyOf(identity.path), text: identity.text } };
  const value: MemberRowValue = {
    body,
    orgName: s('orgName')!,
    ...(s('orgCode') ? { orgCode: s('orgCode') } : {}),
    partyStatus: (values.partyStatus as 'normal' | 'suspended' | undefined) ?? 'normal',
    lostContact: values.lostContact === true,
    flowing: values.flowing === true,
  };
  if (value.lostContact) {
    if (!s('lostSince')) return { problem: { key: 'lostSince', text: MESSAGES.importLostSinceRequired } };
    value.lostSince = s('lostSince');
  }
  if (value.flowing) {
    if (!s('flowDestination')) return { problem: { key: 'flowDestination', text: MESSAGES.importFlowRequired } };
    if (!s('flowDate')) return { problem: { key: 'flowDate', text: MESSAGES.importFlowRequired } };
    value.flowDestination = s('flowDestination');
    value.flowDate = s('flowDate');
  }
  return { value };
}

/**
 * The events a new member gets after `joined` / `registered` + `converted`: 失去联系 and 外出流动, in date order,
 * each checked by the same rule as an event recorded by hand. `basic` are the first events (seq 1…).
 */
export function followUpEvents(
  v: MemberRowValue,
  basic: readonly FoldableEvent[],
  today: string,
): { events: FollowUpEvent[] } | { problem: RowProblem } {
  if (v.partyStatus === 'suspended') return { problem: { key: 'partyStatus', text: MESSAGES.importSuspendedNew } };
  const wanted: (FollowUpEvent & { key: string })[] = [];
  if (v.lostContact) wanted.push({ key: 'lostSince', type: 'lost', effectiveDate: v.lostSince!, details: {} });
  if (v.flowing)
    wanted.push({
      key: 'flowDate',
      type: 'flow_out',
      effectiveDate: v.flowDate!,
      details: { destination: v.flowDestination! },
    });
  wanted.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  const history: FoldableEvent[] = [...basic];
  for (const w of wanted) {
    const state = deriveMemberState(history);
    const problem = checkMemberEvent(
      history,
      state,
      { type: w.type as 'lost', effectiveDate: w.effectiveDate, details: w.details },
      { today },
    );
    if (problem) return { problem: { key: w.key, text: problem.text } };
    history.push({
      type: w.type,
      effectiveDate: w.effectiveDate,
      seq: history.length + 1,
      orgId: basic[0]?.orgId ?? null,
      details: w.details,
    });
  }
  return { events: wanted.map(({ key: _k, ...e }) => e) };
}

/** An organization row, checked on its own with the schema of the organization form. */
export type OrgRowValue = {
  code: string;
  parentCode: string;
  type: OrgType;
  fields: Omit<z.infer<typeof CreateOrgBodySchema>, 'parentId'>;
};

const ORG_FIELD_KEYS = [
  'name',
  'shortName',
  'code',
  'type',
  'domain',
  'secretaryName',
  'contactPerson',
  'contactPhone',
  'unitSituation',
  'foundedOn',
  'foundingDocNo',
  'address',
  'longitude',
  'latitude',
  'projectName',
  'temporaryUntil',
  'sortOrder',
] as const;

const OrgRowSchema = CreateOrgBodySchema.pick(
  Object.fromEntries(ORG_FIELD_KEYS.map((k) => [k, true])) as {
    [K in (typeof ORG_FIELD_KEYS)[number]]: true;
  },
);

export function checkOrgRow(
  values: Record<string, CellRead>,
  columns: readonly ImportColumn[],
): { value: OrgRowValue } | { problem: RowProblem } {
  const input: Record<string, unknown> = {};
  for (const k of ORG_FIELD_KEYS) if (values[k] !== undefined) input[k] = values[k];
  const parsed = OrgRowSchema.safeParse(input);
  if (!parsed.success) return { problem: zodProblem(parsed.error, columns) };
  const fields = parsed.data;
  if (fields.type !== 'temporary_branch') {
    for (const k of ['projectName', 'temporaryUntil'] as const)
      if (fields[k] !== undefined) return { problem: { key: k, text: MESSAGES.onlyForTemporaryBranch } };
  }
  return { value: { code: fields.code!, parentCode: String(values.parentCode), type: fields.type, fields } };
}

/** A problem as the wire shows it: the column letter and header in the user's language. */
export function toRowError(
  e: { row: number; key: string; text: LocalizedText },
  letters: ReadonlyMap<string, string>,
  columns: readonly ImportColumn[],
  locale: Locale,
): ImportRowError {
  const column = columns.find((c) => c.key === e.key);
  return {
    row: e.row,
    column: letters.get(e.key) ?? '',
    columnName: column ? (locale === 'zh-CN' ? column.zh : column.en) : '',
    message: e.text[locale],
  };
}

/** `row N, column C: message`, the message prefixed by the column name unless it already names it. */
export function formatRowError(e: ImportRowError): string {
  const named = !e.columnName || e.message.toLowerCase().includes(e.columnName.toLowerCase());
  const sep = /[\u4e00-\u9fff]/.test(e.columnName) ? '：' : ': ';
  return `row ${e.row}, column ${e.column || '-'}: ${named ? '' : `${e.columnName}${sep}`}${e.message}`;
}

/** Column letters by field key, as the file has them. */
export const letterMap = (header: HeaderMap) =>
  new Map([...header.columns.entries()].map(([i, c]) => [c.key, columnLetter(i)]));

export const within = (roots: readonly string[], path: string | null | undefined) =>
  !!path && roots.some((r) => path.startsWith(r));
