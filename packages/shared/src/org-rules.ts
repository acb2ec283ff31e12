import type { OrgDomain, OrgType } from './org.schema.js';

/** 党建品牌: each domain has its themed brand, derived and never stored (PRODUCT §3.1, in the order listed there). */
export const BRAND_THEMES: Record<OrgDomain, { 'zh-CN': string; 'en-US': string }> = {
  government: { 'zh-CN': '活力党建', 'en-US': 'Vitality' },
  private_enterprise: { 'zh-CN': '连心党建', 'en-US': 'Heart-to-heart' },
  state_enterprise: { 'zh-CN': '聚力党建', 'en-US': 'Joint strength' },
  social_organization: { 'zh-CN': '凝心党建', 'en-US': 'United hearts' },
  village: { 'zh-CN': '富民党建', 'en-US': 'Prosperity' },
  community: { 'zh-CN': '暖心党建', 'en-US': 'Warm heart' },
};

export function brandTheme(domain: OrgDomain | null | undefined): string | null {
  return domain ? BRAND_THEMES[domain]['zh-CN'] : null;
}

/** Units a party organization may sit in: a joint branch covers at most 5 (DOMAIN-RULES §3.1). */
export function maxUnitsFor(type: OrgType): number {
  if (type === 'joint_branch' || type === 'temporary_branch') return 5;
  if (type === 'party_group') return 0;
  return 1;
}

/**
 * What a temporary branch may not do (DOMAIN-RULES §3.1): no recruitment (发展党员), no dues (收缴党费), no
 * elections (换届); its secretary and members are appointed. Recruitment and dues modules call this too.
 */
export function temporaryBranchRestrictions(org: { type: string }): {
  recruitment: boolean;
  dues: boolean;
  elections: boolean;
} {
  const temporary = org.type === 'temporary_branch';
  return { recruitment: !temporary, dues: !temporary, elections: !temporary };
}

/** Types that elect a committee (党小组 have a leader; temporary branches are appointed). */
export const ELECTING_TYPES: readonly OrgType[] = [
  'work_committee',
  'party_committee',
  'general_branch',
  'branch',
  'joint_branch',
];

export type TermRule = {
  orgType: OrgType | null;
  domain: OrgDomain | null;
  termYears: number;
  /** The rule applies to elections on or after this date (YYYY-MM-DD). */
  effectiveFrom: string;
};

/** The defaults of 《关于党的基层组织任期的意见》(2018): village and community organizations 5, committees 5, branches 3. */
export const DEFAULT_TERM_RULES: readonly TermRule[] = [
  { orgType: null, domain: 'village', termYears: 5, effectiveFrom: '2018-07-01' },
  { orgType: null, domain: 'community', termYears: 5, effectiveFrom: '2018-07-01' },
  { orgType: 'work_committee', domain: null, termYears: 5, effectiveFrom: '2018-07-01' },
  { orgType: 'party_committee', domain: null, termYears: 5, effectiveFrom: '2018-07-01' },
  { orgType: 'general_branch', domain: null, termYears: 3, effectiveFrom: '2018-07-01' },
  { orgType: 'branch', domain: null, termYears: 3, effectiveFrom: '2018-07-01' },
  { orgType: 'joint_branch', domain: null, termYears: 3, effectiveFrom: '2018-07-01' },
];

/**
 * Term years for an election: among the rules that match the type and domain, the most specific one
 * (type and domain, then domain, then type) in force on the election date; an election before every rule uses
 * the earliest one. Null when nothing matches (temporary branches, party groups).
 */
export function deriveTermYears(
  rules: readonly TermRule[],
  org: { type: OrgType; domain: OrgDomain | null },
  electedOn: string,
): number | null {
  if (!ELECTING_TYPES.includes(org.type)) return null;
  const specificity = (r: TermRule) => (r.orgType && r.domain ? 3 : r.domain ? 2 : 1);
  const matching = rules.filter(
    (r) => (r.orgType === null || r.orgType === org.type) && (r.domain === null || r.domain === org.domain),
  );
  if (matching.length === 0) return null;
  const best = Math.max(...matching.map(specificity));
  const candidates = matching.filter((r) => specificity(r) === best);
  const inForce = candidates
    .filter((r) => r.effectiveFrom <= electedOn)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const pick = inForce[0] ?? [...candidates].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  return pick?.termYears ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Adds calendar months to an ISO date, clamping to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/** 本届期满日期 = elected date + term years. */
export const termExpiry = (electedOn: string, termYears: number) => addMonths(electedOn, termYears * 12);

export const TERM_WARNING_LEVELS = ['overdue', '1m', '3m', '6m'] as const;
export type TermWarningLevel = (typeof TERM_WARNING_LEVELS)[number];

/**
 * How close a current term is to its expiry on `today`: overdue once the expiry date has passed without a new
 * election, else the tightest of 1, 3 or 6 months before it; null when further away.
 */
export function termWarningLevel(expiresOn: string, today: string): TermWarningLevel | null {
  if (expiresOn < today) return 'overdue';
  if (expiresOn <= addMonths(today, 1)) return '1m';
  if (expiresOn <= addMonths(today, 3)) return '3m';
  if (expiresOn <= addMonths(today, 6)) return '6m';
  return null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in China (UTC+8), where the zone is, as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a unified social credit code (GB 32100-2015) for its first 17. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码: 18 characters of the GB 32100 alphabet (no I, O, S, V, Z) with a valid check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
