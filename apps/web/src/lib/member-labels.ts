import {
  COLLEGE_OR_ABOVE,
  EDUCATION_LEVELS,
  ETHNICITIES,
  JOB_CATEGORIES,
  type Locale,
  type Member,
  type MemberEventType,
} from '@red-engine/shared';

type CodeTable = readonly (readonly [string, string, string])[];

/** A national code → its label in the UI language (zh from the GB table, en from codes.ts). */
function labelOf(table: CodeTable, code: string | null | undefined, locale: Locale): string {
  if (!code) return '—';
  const row = table.find((r) => r[0] === code);
  if (!row) return code;
  return locale === 'zh-CN' ? row[1] : row[2];
}

export const ethnicityLabel = (code: string | null | undefined, locale: Locale) => labelOf(ETHNICITIES, code, locale);
export const educationLabel = (code: string | null | undefined, locale: Locale) =>
  labelOf(EDUCATION_LEVELS, code, locale);
export const jobCategoryLabel = (code: string | null | undefined, locale: Locale) =>
  labelOf(JOB_CATEGORIES, code, locale);

/** Select options for a code table, in table order (汉族 and 蒙古族 first, as in GB 3304). */
export function codeOptions(table: CodeTable, locale: Locale): { value: string; label: string }[] {
  return table.map(([value, zh, en]) => ({ value, label: locale === 'zh-CN' ? zh : en }));
}
export const ethnicityOptions = (locale: Locale) => codeOptions(ETHNICITIES, locale);
export const educationOptions = (locale: Locale) => codeOptions(EDUCATION_LEVELS, locale);
export const jobCategoryOptions = (locale: Locale) => codeOptions(JOB_CATEGORIES, locale);

/** 少数民族: the 55 recognised minorities (02–56); 97 其他 and 98 外国血统 are not counted. */
export const isMinorityCode = (code: string) => /^\d{2}$/.test(code) && code >= '02' && code <= '56';
export const isCollegeOrAbove = (code: string) => (COLLEGE_OR_ABOVE as readonly string[]).includes(code);

/** The status flags shown as tags next to a member (流动 / 失联 / 停止党籍). */
export type MemberFlag = 'flowing' | 'lost' | 'suspended';
export function memberFlags(m: Pick<Member, 'flowing' | 'lostContact' | 'partyStatus'>): MemberFlag[] {
  const flags: MemberFlag[] = [];
  if (m.flowing) flags.push('flowing');
  if (m.lostContact) flags.push('lost');
  if (m.partyStatus === 'suspended') flags.push('suspended');
  return flags;
}

/** Timeline dots take CSS colours (antd maps the name "blue" to the red primary colour of our theme). */
export const TONE_HEX: Record<string, string> = {
  green: '#52c41a',
  blue: '#1677ff',
  orange: '#fa8c16',
  red: '#c8102e',
};

export const FLAG_COLORS: Record<MemberFlag, string> = { flowing: 'blue', lost: 'orange', suspended: 'red' };

/** Tone of an event in the history timeline. */
export function eventColor(type: MemberEventType): string {
  switch (type) {
    case 'joined':
    case 'registered':
    case 'converted':
    case 'transferred_in':
    case 'found':
    case 'restored':
    case 'flow_back':
      return 'green';
    case 'moved':
      return 'blue';
    case 'probation_extended':
    case 'flow_out':
      return 'orange';
    default:
      return 'red';
  }
}
