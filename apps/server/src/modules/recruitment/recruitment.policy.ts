import {
  type CaseFacts,
  currentStepOf,
  nextDue,
  type RecruitmentRules,
  type StepFacts,
  stageOfStep,
} from '@red-engine/shared';
import type { CaseRow, StepRow } from './recruitment.repository.js';

/** Organizations that approve recruitment (有审批权的基层党委): a party committee or the working committee. */
export const APPROVING_TYPES = new Set(['party_committee', 'work_committee']);

/** Branches that take applications; temporary branches are refused by `temporaryBranchRestrictions`. */
export const RECRUITING_TYPES = new Set(['branch', 'joint_branch', 'temporary_branch']);

/** The nearest approving committee above a branch (ancestors root first, the branch last). */
export function approvingCommittee<T extends { type: string }>(ancestors: readonly T[]): T | null {
  for (let i = ancestors.length - 2; i >= 0; i--) if (APPROVING_TYPES.has(ancestors[i]!.type)) return ancestors[i]!;
  return null;
}

export function stepFacts(s: StepRow): StepFacts {
  return {
    stepNo: s.stepNo,
    date: s.date,
    memberIds: s.memberIds,
    otherPeople: s.otherPeople,
    approvalResult: (s.approvalResult as StepFacts['approvalResult']) ?? null,
    publicityStart: s.publicityStart,
    publicityEnd: s.publicityEnd,
    trainingDays: s.trainingDays,
    trainingHours: s.trainingHours,
    votes:
      s.votesEligible !== null && s.votesPresent !== null && s.votesFor !== null
        ? {
            eligible: s.votesEligible,
            present: s.votesPresent,
            for: s.votesFor,
            ...(s.votesAgainst !== null ? { against: s.votesAgainst } : {}),
            ...(s.votesAbstain !== null ? { abstain: s.votesAbstain } : {}),
          }
        : null,
  };
}

export function caseFacts(c: CaseRow, steps: readonly StepRow[]): CaseFacts {
  return {
    birthDate: c.birthDate,
    steps: steps.map(stepFacts),
    extensionMonths: c.extensionMonths,
    hasMember: c.memberId !== null,
  };
}

/** The cached columns of a case from its steps: current step, stage and next deadline. */
export function derivedColumns(
  facts: Pick<CaseFacts, 'steps' | 'extensionMonths'>,
  rules: RecruitmentRules,
  today: string,
  open: boolean,
) {
  const currentStep = currentStepOf(facts);
  const next = open ? nextDue(facts, rules, today) : null;
  return {
    currentStep,
    stage: stageOfStep(Math.max(1, currentStep)) ?? 1,
    nextDueStep: next?.stepNo ?? null,
    nextDueOn: next?.due ?? null,
  };
}
