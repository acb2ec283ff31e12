import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { ListMembersQuerySchema } from './member.schema.js';
import { ListOrgsQuerySchema } from './org.schema.js';

/** What a workbook holds: 党员信息 or 党组织信息. */
export const IMPORT_KINDS = ['members', 'organizations'] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/**
 * dry_run: validate and report what would change, write nothing. all: write only when every row is valid
 * (全部导入, the default). valid_only: write the valid rows and skip the bad ones (仅导入正确行, chosen explicitly).
 */
export const IMPORT_MODES = ['dry_run', 'all', 'valid_only'] as const;
export const ImportModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportModeSchema>;

/**
 * running → done (dry run finished or rows written) | refused (all-or-nothing with bad rows) | failed (the file
 * could not be read, or the database refused the work). A running job lives in memory; finished jobs are stored.
 */
export const IMPORT_STATUSES = ['running', 'done', 'refused', 'failed'] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const IMPORT_PHASES = ['reading', 'validating', 'writing', 'finished'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Value lists a column takes (also the workbook's drop-down lists). */
export type ImportListName =
  | 'gender'
  | 'ethnicity'
  | 'education'
  | 'category'
  | 'jobCategory'
  | 'partyStatus'
  | 'yesNo'
  | 'orgType'
  | 'orgDomain'
  | 'unitSituation';

export type ImportColumn = {
  /** Field key; also the hidden second header row of the template, so a file can be read whatever its language. */
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** How the cell is read: text, a date (Excel date or YYYY-MM-DD), a number, a list value. */
  type: 'text' | 'date' | 'number' | 'list' | 'multi';
  list?: ImportListName;
  /** The column's explanation on the 填写说明 sheet. */
  note: { zh: string; en: string };
  width?: number;
};

const col = (
  key: string,
  zh: string,
  en: string,
  required: boolean,
  type: ImportColumn['type'],
  note: [string, string],
  extra: Partial<ImportColumn> = {},
): ImportColumn => ({ key, zh, en, required, type, note: { zh: note[0], en: note[1] }, ...extra });

/**
 * 党员信息: the 16 national core items (2017 collection, DOMAIN-RULES §3.12) in their order, then our extended items.
 * Columns are found by header, so their order in a file may differ; a new column is appended, never inserted.
 */
export const MEMBER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  col('name', '姓名', 'Name', true, 'text', ['与身份证一致，最多 50 字', 'As on the ID card, up to 50 characters'], {
    width: 12,
  }),
  col(
    'gender',
    '性别',
    'Gender',
    true,
    'list',
    ['男 / 女，须与身份证号码一致', 'Male / female; must match the ID number'],
    {
      list: 'gender',
      width: 8,
    },
  ),
  col(
    'idNumber',
    '公民身份号码',
    'ID number',
    true,
    'text',
    [
      '18 位，末位可为 X；请把本列设为文本格式。用于识别党员：重复导入同一号码会更新而不是新增',
      '18 characters, the last may be X; keep the column as text. It identifies the member: importing the same number again updates the record',
    ],
    { width: 22 },
  ),
  col(
    'ethnicity',
    '民族',
    'Ethnicity',
    true,
    'list',
    ['GB 3304 名称或两位代码，如 汉族 / 01', 'GB 3304 name or two-digit code, e.g. 汉族 / 01'],
    {
      list: 'ethnicity',
      width: 10,
    },
  ),
  col(
    'birthDate',
    '出生日期',
    'Birth date',
    true,
    'date',
    ['YYYY-MM-DD，须与身份证号码一致', 'YYYY-MM-DD; must match the ID number'],
    {
      width: 12,
    },
  ),
  col(
    'education',
    '学历',
    'Education',
    true,
    'list',
    ['GB/T 4658 名称或代码，如 大学本科 / 21', 'GB/T 4658 name or code, e.g. 大学本科 / 21'],
    {
      list: 'education',
      width: 12,
    },
  ),
  col('category', '人员类别', 'Category', true, 'list', ['正式党员 / 预备党员', 'Full member / probationary member'], {
    list: 'category',
    width: 10,
  }),
  col(
    'orgName',
    '所在党支部',
    'Branch',
    true,
    'text',
    [
      '党支部全称（含联合党支部、临时党支部），须在您的管理范围内；重名时请填写“党支部组织编码”',
      'Full name of the branch (joint and temporary branches too), inside your scope; when names repeat, give the branch code',
    ],
    { width: 28 },
  ),
  col(
    'joinDate',
    '入党日期',
    'Join date',
    true,
    'date',
    ['加入党组织日期，YYYY-MM-DD，入党时须年满 18 岁', 'Date of joining, YYYY-MM-DD; at least 18 years old then'],
    {
      width: 12,
    },
  ),
  col(
    'fullMemberDate',
    '转为正式党员日期',
    'Full-membership date',
    false,
    'date',
    ['正式党员必填，预备党员不填', 'Required for full members, empty for probationary members'],
    {
      width: 14,
    },
  ),
  col(
    'jobCategory',
    '工作岗位',
    'Job category',
    true,
    'list',
    [
      '党内统计职业分类，如 工人（工勤技能人员）',
      'Occupation class of the party statistics, e.g. 工人（工勤技能人员）',
    ],
    {
      list: 'jobCategory',
      width: 16,
    },
  ),
  col(
    'phone',
    '联系电话',
    'Phone',
    false,
    'text',
    ['手机或固定电话，如 13800000000 / 0477-6201234', 'Mobile or landline, e.g. 13800000000 / 0477-6201234'],
    {
      width: 14,
    },
  ),
  col(
    'address',
    '家庭住址',
    'Home address',
    false,
    'text',
    ['具体到门牌号，最多 200 字', 'Down to the house number, up to 200 characters'],
    {
      width: 30,
    },
  ),
  col(
    'partyStatus',
    '党籍状态',
    'Party status',
    false,
    'list',
    [
      '正常（空白视为正常）；停止党籍须在系统中登记',
      'Normal (empty means normal); a suspension is recorded in the system',
    ],
    {
      list: 'partyStatus',
      width: 10,
    },
  ),
  col(
    'lostContact',
    '是否为失联党员',
    'Lost contact',
    false,
    'list',
    ['是 / 否（空白视为否）', 'Yes / no (empty means no)'],
    {
      list: 'yesNo',
      width: 10,
    },
  ),
  col(
    'lostSince',
    '失去联系日期',
    'Lost contact since',
    false,
    'date',
    ['失联党员必填', 'Required for a member who lost contact'],
    {
      width: 12,
    },
  ),
  col(
    'flowing',
    '是否为流动党员',
    'Flowing member',
    false,
    'list',
    ['是 / 否（空白视为否）', 'Yes / no (empty means no)'],
    {
      list: 'yesNo',
      width: 10,
    },
  ),
  col(
    'flowDestination',
    '外出流向',
    'Flow destination',
    false,
    'text',
    ['流动党员必填：省/市/县', 'Required for a flowing member: province / city / county'],
    {
      width: 20,
    },
  ),
  col('flowDate', '外出日期', 'Flow-out date', false, 'date', ['流动党员必填', 'Required for a flowing member'], {
    width: 12,
  }),
  col(
    'orgCode',
    '党支部组织编码',
    'Branch code',
    false,
    'text',
    ['可选；填写后按编码识别党支部', 'Optional; when given the branch is found by this code'],
    {
      width: 18,
    },
  ),
  col('nameMongolian', '蒙古文姓名', 'Mongolian name', false, 'text', ['可选', 'Optional'], { width: 14 }),
  col('nativePlace', '籍贯', 'Native place', false, 'text', ['可选，到县', 'Optional, down to the county'], {
    width: 14,
  }),
  col('degree', '学位', 'Degree', false, 'text', ['可选', 'Optional'], { width: 10 }),
  col('title', '技术职称', 'Professional title', false, 'text', ['可选', 'Optional'], { width: 12 }),
  col('workUnit', '工作单位', 'Work unit', false, 'text', ['可选', 'Optional'], { width: 20 }),
  col('workPost', '职务', 'Post', false, 'text', ['可选', 'Optional'], { width: 12 }),
  col(
    'talentFlags',
    '人才标识',
    'Talent flags',
    false,
    'multi',
    ['可选：博士、硕士、高级职称，多个用顿号分隔', 'Optional: 博士, 硕士, 高级职称, separated by 、 or commas'],
    {
      width: 14,
    },
  ),
  col(
    'tags',
    '标签',
    'Tags',
    false,
    'multi',
    ['可选：如 先锋岗、突击队，多个用顿号分隔', 'Optional, e.g. 先锋岗、突击队, separated by 、 or commas'],
    {
      width: 16,
    },
  ),
  col(
    'partyPosts',
    '党内职务',
    'Party posts',
    false,
    'multi',
    ['可选：如 党支部书记，多个用顿号分隔', 'Optional, e.g. 党支部书记, separated by 、 or commas'],
    {
      width: 16,
    },
  ),
];

/** 党组织信息: the national organization record (DOMAIN-RULES §3.13) as a tree by codes. */
export const ORG_IMPORT_COLUMNS: readonly ImportColumn[] = [
  col(
    'code',
    '组织编码',
    'Organization code',
    true,
    'text',
    [
      '4–32 位字母或数字；用于识别党组织：重复导入同一编码会更新而不是新增',
      '4–32 letters or digits; identifies the organization: importing the same code again updates it',
    ],
    {
      width: 18,
    },
  ),
  col(
    'name',
    '党组织名称',
    'Name',
    true,
    'text',
    ['公章全称，2–100 字', 'Full name as on the seal, 2–100 characters'],
    {
      width: 30,
    },
  ),
  col('shortName', '简称', 'Short name', false, 'text', ['可选', 'Optional'], { width: 14 }),
  col(
    'type',
    '组织类别',
    'Type',
    true,
    'list',
    [
      '党委 / 党总支 / 党支部 / 联合党支部 / 临时党支部 / 党小组',
      'Party committee / general branch / branch / joint branch / temporary branch / party group',
    ],
    {
      list: 'orgType',
      width: 12,
    },
  ),
  col(
    'parentCode',
    '上级党组织编码',
    'Parent code',
    true,
    'text',
    [
      '上级党组织的组织编码：系统中已有的，或本表中排在前面的行',
      'Code of the parent: one already on record, or a row earlier in this sheet',
    ],
    {
      width: 18,
    },
  ),
  col(
    'domain',
    '所属领域',
    'Domain',
    false,
    'list',
    [
      '机关 / 非公企业 / 国有企业 / 社会组织 / 村(嘎查) / 社区；空白沿用上级',
      'Government / private enterprise / state enterprise / social organization / village / community; empty takes the parent’s',
    ],
    {
      list: 'orgDomain',
      width: 12,
    },
  ),
  col('secretaryName', '党组织书记', 'Secretary', false, 'text', ['可选', 'Optional'], { width: 10 }),
  col('contactPerson', '党组织联系人', 'Contact person', false, 'text', ['可选', 'Optional'], { width: 10 }),
  col('contactPhone', '联系电话', 'Contact phone', false, 'text', ['手机或固定电话', 'Mobile or landline'], {
    width: 16,
  }),
  col(
    'unitSituation',
    '党组织所在单位情况',
    'Unit situation',
    false,
    'list',
    ['与上级党组织相同 / 法人单位 / 联合党支部', 'Same as parent / legal entity / joint branch'],
    {
      list: 'unitSituation',
      width: 16,
    },
  ),
  col('foundedOn', '建立日期', 'Founded on', false, 'date', ['YYYY-MM-DD', 'YYYY-MM-DD'], { width: 12 }),
  col(
    'foundingDocNo',
    '建立文号',
    'Founding document no.',
    false,
    'text',
    ['如 鄂开工委发〔2016〕12号', 'e.g. 鄂开工委发〔2016〕12号'],
    {
      width: 20,
    },
  ),
  col('address', '地址', 'Address', false, 'text', ['可选', 'Optional'], { width: 28 }),
  col('longitude', '经度', 'Longitude', false, 'number', ['WGS 84，如 107.1234', 'WGS 84, e.g. 107.1234'], {
    width: 10,
  }),
  col('latitude', '纬度', 'Latitude', false, 'number', ['WGS 84，如 39.5678', 'WGS 84, e.g. 39.5678'], { width: 10 }),
  col('projectName', '所属项目', 'Project', false, 'text', ['仅临时党支部填写', 'Temporary branches only'], {
    width: 20,
  }),
  col('temporaryUntil', '项目结束日期', 'Project end', false, 'date', ['仅临时党支部填写', 'Temporary branches only'], {
    width: 12,
  }),
  col(
    'sortOrder',
    '排序号',
    'Sort order',
    false,
    'number',
    ['0–100000 的整数，可选', 'Whole number 0–100000, optional'],
    {
      width: 8,
    },
  ),
];

export const importColumns = (kind: ImportKind) => (kind === 'members' ? MEMBER_IMPORT_COLUMNS : ORG_IMPORT_COLUMNS);

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const ImportRowErrorSchema = z.object({
  row: z.number().int().describe('Row number in the sheet as Excel shows it'),
  column: z.string().describe('Column letter, e.g. "C"; empty for a problem of the whole row'),
  columnName: z.string().describe('The column header in the user’s language'),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportCountsSchema = z.object({
  rows: z.number().int().describe('Data rows read'),
  valid: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int().describe('Records created (or, in a dry run, that would be)'),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const ImportJobSchema = z
  .object({
    id: IdSchema,
    kind: ImportKindSchema,
    mode: ImportModeSchema,
    status: ImportStatusSchema,
    phase: z.enum(IMPORT_PHASES),
    processed: z.number().int().describe('Rows done in the current phase'),
    total: z.number().int().describe('Rows of the current phase (0 while the file is being read)'),
    percent: z.number().int().min(0).max(100).describe('Progress of the whole job, for a progress bar'),
    fileName: z.string(),
    fileSha256: z.string(),
    counts: ImportCountsSchema,
    committed: z.boolean().describe('True when rows were written'),
    errors: z.array(ImportRowErrorSchema).describe('One entry per bad row (the first problem found), up to 5,000'),
    errorCount: z.number().int(),
    message: z.string().nullable().describe('Why the job was refused or failed'),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const StartImportQuerySchema = z.object({
  mode: ImportModeSchema.default('dry_run'),
  orgId: IdSchema.optional().describe('Limit the import to this organization’s subtree (inside your scope)'),
});

/** The member list's filters, without paging. */
export const ExportMembersQuerySchema = ListMembersQuerySchema.omit({ current: true, pageSize: true, sorter: true });
export type ExportMembersQuery = z.infer<typeof ExportMembersQuerySchema>;

export const ExportOrgsQuerySchema = ListOrgsQuerySchema.omit({
  current: true,
  pageSize: true,
  sorter: true,
  parentId: true,
});
export type ExportOrgsQuery = z.infer<typeof ExportOrgsQuerySchema>;

/** Most row errors a job keeps and returns; the count is always exact. */
export const IMPORT_ERRORS_KEPT = 5000;
