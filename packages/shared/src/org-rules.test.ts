import { describe, expect, it } from 'vitest';
import type { OrgDomain, OrgType } from './org.schema.js';
import {
  addMonths,
  brandTheme,
  creditCodeCheckChar,
  DEFAULT_TERM_RULES,
  deriveTermYears,
  isValidCreditCode,
  maxUnitsFor,
  type TermRule,
  temporaryBranchRestrictions,
  termExpiry,
  termWarningLevel,
} from './org-rules.js';

describe('term years by type × domain (DOMAIN-RULES §3.1)', () => {
  const cases: [OrgType, OrgDomain, number | null][] = [
    ['branch', 'village', 5],
    ['branch', 'community', 5],
    ['general_branch', 'village', 5],
    ['joint_branch', 'community', 5],
    ['party_committee', 'community', 5],
    ['work_committee', 'government', 5],
    ['party_committee', 'government', 5],
    ['party_committee', 'private_enterprise', 5],
    ['general_branch', 'state_enterprise', 3],
    ['branch', 'government', 3],
    ['branch', 'private_enterprise', 3],
    ['joint_branch', 'private_enterprise', 3],
    ['branch', 'social_organization', 3],
    ['temporary_branch', 'private_enterprise', null],
    ['temporary_branch', 'village', null],
    ['party_group', 'government', null],
  ];
  it.each(cases)('%s in %s → %s years', (type, domain, years) => {
    expect(deriveTermYears(DEFAULT_TERM_RULES, { type, domain }, '2024-05-01')).toBe(years);
  });

  it('uses the rule in force on the election date, and the earliest one before any rule', () => {
    const rules: TermRule[] = [
      ...DEFAULT_TERM_RULES,
      { orgType: 'branch', domain: null, termYears: 4, effectiveFrom: '2030-01-01' },
    ];
    expect(deriveTermYears(rules, { type: 'branch', domain: 'government' }, '2029-12-31')).toBe(3);
    expect(deriveTermYears(rules, { type: 'branch', domain: 'government' }, '2030-01-01')).toBe(4);
    expect(deriveTermYears(rules, { type: 'branch', domain: 'government' }, '2010-03-01')).toBe(3);
    // A type-and-domain rule beats a domain rule, which beats a type rule.
    const specific: TermRule[] = [
      ...DEFAULT_TERM_RULES,
      { orgType: 'branch', domain: 'village', termYears: 6, effectiveFrom: '2018-07-01' },
    ];
    expect(deriveTermYears(specific, { type: 'branch', domain: 'village' }, '2024-01-01')).toBe(6);
    expect(deriveTermYears(specific, { type: 'general_branch', domain: 'village' }, '2024-01-01')).toBe(5);
  });
});

describe('expiry and warning levels', () => {
  it.each([
    ['2021-03-15', 3, '2024-03-15'],
    ['2020-02-29', 5, '2025-02-28'],
    ['2023-01-31', 3, '2026-01-31'],
  ])('elected %s for %i years expires %s', (elected, years, expiry) => {
    expect(termExpiry(elected, years)).toBe(expiry);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-10', -12, '2023-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  const today = '2025-06-15';
  it.each([
    ['2025-06-14', 'overdue'],
    ['2023-01-01', 'overdue'],
    ['2025-06-15', '1m'],
    ['2025-07-15', '1m'],
    ['2025-07-16', '3m'],
    ['2025-09-15', '3m'],
    ['2025-09-16', '6m'],
    ['2025-12-15', '6m'],
    ['2025-12-16', null],
    ['2028-01-01', null],
  ])('expiring %s on 2025-06-15 → %s', (expiresOn, level) => {
    expect(termWarningLevel(expiresOn, today)).toBe(level);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each(['91350100M000100Y43', '91110108551385082Q'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });
  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['91350100I000100Y43', 'letter I is not in the alphabet'],
    ['91350100m000100y43', 'lower case'],
    ['', 'empty'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
  it('computes the check character for every position change', () => {
    const base = '91350100M000100Y4';
    expect(creditCodeCheckChar(base)).toBe('3');
    for (let i = 0; i < 17; i++) {
      const changed = base.slice(0, i) + (base[i] === '0' ? '1' : '0') + base.slice(i + 1);
      expect(isValidCreditCode(`${changed}3`), changed).toBe(false);
    }
  });
});

describe('organization derivations', () => {
  it('derives the brand theme from the domain', () => {
    expect(brandTheme('village')).toBe('富民党建');
    expect(brandTheme('community')).toBe('暖心党建');
    expect(brandTheme(null)).toBeNull();
  });
  it('limits the units an organization sits in', () => {
    expect(maxUnitsFor('joint_branch')).toBe(5);
    expect(maxUnitsFor('branch')).toBe(1);
    expect(maxUnitsFor('party_group')).toBe(0);
  });
  it('restricts temporary branches: no recruitment, dues or elections', () => {
    expect(temporaryBranchRestrictions({ type: 'temporary_branch' })).toEqual({
      recruitment: false,
      dues: false,
      elections: false,
    });
    expect(temporaryBranchRestrictions({ type: 'branch' })).toEqual({ recruitment: true, dues: true, elections: true });
  });
});
