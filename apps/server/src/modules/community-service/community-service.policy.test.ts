import { isReReportOverdue, needStatusFor, reReportDueOn } from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { isInService, notReportedReason, overdueBefore, roundHours } from './community-service.policy.js';

describe('每半年报到: the re-report due date', () => {
  it.each([
    ['2025-01-15', 6, '2025-07-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2025-12-01', 1, '2026-01-01'],
    ['2025-03-31', 12, '2026-03-31'],
    ['2025-07-15', -6, '2025-01-15'],
  ])('%s + %i months → %s', (from, months, due) => {
    expect(reReportDueOn(from, months)).toBe(due);
  });

  it.each([
    ['2025-01-15', '2025-07-15', false],
    ['2025-01-15', '2025-07-16', true],
    ['2025-01-15', '2025-03-01', false],
  ])('last %s, today %s → overdue %s', (last, today, overdue) => {
    expect(isReReportOverdue(last, 6, today)).toBe(overdue);
  });

  it('gives the cut-off date before which a last report is overdue', () => {
    expect(overdueBefore('2025-07-16', 6)).toBe('2025-01-16');
  });
});

describe('the not-reported list', () => {
  const today = '2025-07-16';
  it.each([
    [{ reportStatus: null, lastReportedOn: null, everReported: false }, 'never'],
    [{ reportStatus: null, lastReportedOn: null, everReported: true }, 'withdrawn'],
    [{ reportStatus: 'active', lastReportedOn: '2025-01-15', everReported: true }, 'overdue'],
    [{ reportStatus: 'active', lastReportedOn: '2025-01-16', everReported: true }, null],
    [{ reportStatus: 'active', lastReportedOn: '2025-06-01', everReported: true }, null],
  ] as const)('%o → %s', (row, reason) => {
    expect(notReportedReason(row, 6, today)).toBe(reason);
  });
});

describe('need status after a claim or a cancellation', () => {
  it.each([
    ['open', 2, 3, 'open'],
    ['open', 3, 3, 'full'],
    ['full', 2, 3, 'open'],
    ['closed', 0, 3, 'closed'],
    ['closed', 3, 3, 'closed'],
  ] as const)('%s with %i of %i → %s', (current, claimed, capacity, next) => {
    expect(needStatusFor(current, claimed, capacity)).toBe(next);
  });
});

describe('在职党员', () => {
  const m = { status: 'active', lostContact: false, jobCategory: 'worker' };
  it.each([
    [m, 'private_enterprise', true],
    [m, 'government', true],
    [m, 'community', false],
    [m, 'village', false],
    [{ ...m, jobCategory: 'retired' }, 'government', false],
    [{ ...m, jobCategory: 'farmer' }, 'private_enterprise', false],
    [{ ...m, lostContact: true }, 'government', false],
    [{ ...m, status: 'transferred_out' }, 'government', false],
  ])('%o in %s → %s', (member, domain, expected) => {
    expect(isInService(member, domain)).toBe(expected);
  });

  it('rounds hours to one decimal', () => {
    expect(roundHours(2.25 + 0.1)).toBe(2.4);
  });
});
