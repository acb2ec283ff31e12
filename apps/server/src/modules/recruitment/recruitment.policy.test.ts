import { DEFAULT_RECRUITMENT_RULES } from '@red-engine/shared';
import { describe, expect, it } from 'vitest';
import { approvingCommittee, derivedColumns } from './recruitment.policy.js';

describe('approving committee (有审批权的基层党委)', () => {
  const o = (id: string, type: string) => ({ id, type });
  it.each([
    ['branch under a party committee', [o('w', 'work_committee'), o('p', 'party_committee'), o('b', 'branch')], 'p'],
    [
      'branch under a general branch under a party committee',
      [o('w', 'work_committee'), o('p', 'party_committee'), o('g', 'general_branch'), o('b', 'branch')],
      'p',
    ],
    ['branch right under the working committee', [o('w', 'work_committee'), o('b', 'joint_branch')], 'w'],
    ['a lone branch', [o('b', 'branch')], null],
  ])('%s', (_l, ancestors, id) => {
    expect(approvingCommittee(ancestors)?.id ?? null).toBe(id);
  });
});

describe('cached columns', () => {
  it('stage and next deadline follow the last recorded step', () => {
    const steps = [
      { stepNo: 1, date: '2025-01-10' },
      { stepNo: 2, date: '2025-01-20' },
      { stepNo: 3, date: '2025-07-20' },
    ];
    expect(derivedColumns({ steps, extensionMonths: null }, DEFAULT_RECRUITMENT_RULES, '2025-08-01', true)).toEqual({
      currentStep: 3,
      stage: 2,
      nextDueStep: null,
      nextDueOn: null,
    });
    expect(
      derivedColumns(
        { steps: steps.slice(0, 1), extensionMonths: null },
        DEFAULT_RECRUITMENT_RULES,
        '2025-01-11',
        true,
      ),
    ).toEqual({ currentStep: 1, stage: 1, nextDueStep: 2, nextDueOn: '2025-02-10' });
    expect(
      derivedColumns(
        { steps: steps.slice(0, 1), extensionMonths: null },
        DEFAULT_RECRUITMENT_RULES,
        '2025-01-11',
        false,
      ).nextDueOn,
    ).toBeNull();
  });
});
