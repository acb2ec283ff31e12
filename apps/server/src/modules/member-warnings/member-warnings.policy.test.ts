import type { RuleSettings } from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { flowLevel, lostLevel, warningsOf, wholeMonthsBetween } from './member-warnings.policy.js';

const RULES: RuleSettings = {
  letterValidDays: 30,
  letterMaxValidDays: 90,
  transferOverdueDays: 30,
  lostSuspendMonths: 6,
  lostRemoveMonths: 24,
  flowTransferMonths: 6,
};

describe('member warnings', () => {
  it.each([
    ['2026-01-15', '2026-07-14', 5],
    ['2026-01-15', '2026-07-15', 6],
    ['2026-01-31', '2026-02-28', 0],
    ['2024-03-01', '2026-03-01', 24],
  ])('whole months %s → %s = %i', (from, to, n) => {
    expect(wholeMonthsBetween(from, to)).toBe(n);
  });

  it.each([
    ['under 6 months', '2026-01-15', 'normal', '2026-07-14', 'lost', '2026-07-15'],
    ['6 months: 停止党籍 due', '2026-01-15', 'normal', '2026-07-15', 'suspend_due', '2028-01-15'],
    ['6 months, already suspended', '2026-01-15', 'suspended', '2026-09-01', 'suspended', '2028-01-15'],
    ['2 years: 除名 due', '2024-01-15', 'suspended', '2026-01-15', 'remove_due', null],
    ['just under 2 years', '2024-01-15', 'normal', '2026-01-14', 'suspend_due', '2026-01-15'],
  ])('lost: %s', (_label, since, partyStatus, today, level, next) => {
    expect(lostLevel(since, partyStatus, today, RULES)).toEqual({ level, nextLevelOn: next });
  });

  it.each([
    ['under 6 months', '2026-01-15', '2026-07-14', 'flowing', '2026-07-15'],
    ['6 months: transfer the relation', '2026-01-15', '2026-07-15', 'transfer_due', null],
  ])('flowing: %s', (_label, since, today, level, next) => {
    expect(flowLevel(since, today, RULES)).toEqual({ level, nextLevelOn: next });
  });

  it('follows the rules as data', () => {
    expect(lostLevel('2026-01-15', 'normal', '2026-04-15', { ...RULES, lostSuspendMonths: 3 }).level).toBe(
      'suspend_due',
    );
  });

  it('gives a member both warnings when lost while flowing', () => {
    const w = warningsOf(
      {
        id: 'm',
        name: '张三',
        org_id: 'o',
        org_name: '支部',
        party_status: 'normal',
        lost_contact: true,
        lost_since: '2025-01-01',
        flowing: true,
        flow_destination: '上海',
        flow_since: '2024-06-01',
      },
      '2026-01-01',
      RULES,
    );
    expect(w.map((x) => [x.kind, x.level, x.months])).toEqual([
      ['lost', 'suspend_due', 12],
      ['flowing', 'transfer_due', 19],
    ]);
  });
});
