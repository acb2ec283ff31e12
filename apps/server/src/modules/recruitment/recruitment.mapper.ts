import {
  dueLevel,
  type GateIssueDto,
  GENERAL_MEETING_STEP,
  type MaterialKind,
  probationEnd,
  RECRUITMENT_STEPS,
  type RecruitmentCase,
  type RecruitmentCaseDetail,
  type RecruitmentMaterial,
  type RecruitmentRules,
  type RecruitmentStatus,
  type RecruitmentStepDto,
  stepSchedule,
  type WorkingCalendar,
  wholeYearsBetween,
  workingDaysBetween,
} from '@red-engine/shared';
import { stepFacts } from './recruitment.policy.js';
import type { CaseRow, MaterialRow, StepRow } from './recruitment.repository.js';

type Names = ReadonlyMap<string, string>;

/** Whitelisted output: never the sealed ID number or phone, nor their hash. */
export function toCaseDto(
  row: CaseRow,
  extra: { orgName: string; joinDate: string | null; overrides: number; today: string; rules: RecruitmentRules },
): RecruitmentCase {
  const open = row.status === 'active';
  const end =
    extra.joinDate !== null
      ? probationEnd({
          steps: [{ stepNo: GENERAL_MEETING_STEP, date: extra.joinDate }],
          extensionMonths: row.extensionMonths,
        })
      : null;
  return {
    id: row.id,
    name: row.name,
    gender: row.gender as RecruitmentCase['gender'],
    birthDate: row.birthDate,
    age: wholeYearsBetween(row.birthDate, extra.today),
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    ethnicity: row.ethnicity,
    education: row.education,
    jobCategory: row.jobCategory,
    workUnit: row.workUnit,
    workPost: row.workPost,
    orgId: row.orgId,
    orgName: extra.orgName,
    status: row.status as RecruitmentStatus,
    stage: row.stage,
    currentStep: row.currentStep,
    appliedOn: row.appliedOn,
    memberId: row.memberId,
    joinDate: extra.joinDate,
    probationEnd: end,
    extensionMonths: row.extensionMonths,
    nextStep: open ? Math.min(row.currentStep + 1, 25) : null,
    nextDue: open ? row.nextDueOn : null,
    dueLevel: open && row.nextDueOn ? dueLevel(row.nextDueOn, extra.today, extra.rules.dueSoonDays) : null,
    overrides: extra.overrides,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMaterialDto(m: MaterialRow): RecruitmentMaterial {
  return {
    id: m.id,
    stepNo: m.stepNo,
    kind: m.kind as MaterialKind,
    fileName: m.fileName,
    contentType: m.contentType,
    size: m.size,
    sha256: m.sha256,
    uploadedBy: m.uploadedByName,
    uploadedAt: m.uploadedAt.toISOString(),
  };
}

/** All 25 steps: what was recorded, and for the rest the dates the rules compute from what is recorded. */
export function toStepDtos(
  row: CaseRow,
  steps: readonly StepRow[],
  ctx: { people: Names; orgs: Names; calendar: WorkingCalendar; rules: RecruitmentRules; today: string },
): RecruitmentStepDto[] {
  const facts = { steps: steps.map(stepFacts), extensionMonths: row.extensionMonths };
  const open = row.status === 'active';
  return RECRUITMENT_STEPS.map((def) => {
    const s = steps.find((x) => x.stepNo === def.no);
    const sched = s || !open || def.no <= row.currentStep ? {} : stepSchedule(def.no, facts, ctx.rules);
    const name = (map: Names, id: string | null) => (id ? (map.get(id) ?? null) : null);
    return {
      stepNo: def.no,
      stage: def.stage,
      recorded: Boolean(s),
      date: s?.date ?? null,
      location: s?.location ?? null,
      notes: s?.notes ?? null,
      people: (s?.memberIds ?? []).map((id) => ({ id, name: ctx.people.get(id) ?? '' })),
      otherPeople: s?.otherPeople ?? null,
      approvalResult: (s?.approvalResult as RecruitmentStepDto['approvalResult']) ?? null,
      approvingOrgId: s?.approvingOrgId ?? null,
      approvingOrgName: name(ctx.orgs, s?.approvingOrgId ?? null),
      approverName: s?.approverName ?? null,
      documentNo: s?.documentNo ?? null,
      publicityStart: s?.publicityStart ?? null,
      publicityEnd: s?.publicityEnd ?? null,
      publicityWorkingDays:
        s?.publicityStart && s.publicityEnd ? workingDaysBetween(s.publicityStart, s.publicityEnd, ctx.calendar) : null,
      trainingDays: s?.trainingDays ?? null,
      trainingHours: s?.trainingHours ?? null,
      votes: s ? (stepFacts(s).votes ?? null) : null,
      overrideReason: s?.overrideReason ?? null,
      overriddenGates: (s?.overriddenGates ?? []) as GateIssueDto[],
      recordedBy: s?.recordedByName ?? null,
      recordedAt: s ? s.recordedAt.toISOString() : null,
      earliest: sched.earliest ?? null,
      due: sched.due ?? null,
      hardLimit: sched.hardLimit ?? null,
      dueLevel: sched.due ? dueLevel(sched.due, ctx.today, ctx.rules.dueSoonDays) : null,
    };
  });
}

export function toDetailDto(
  base: RecruitmentCase,
  steps: RecruitmentStepDto[],
  materials: readonly MaterialRow[],
  approving: { id: string; name: string } | null,
  upperStepsAllowed: boolean,
): RecruitmentCaseDetail {
  return {
    ...base,
    steps,
    materials: materials.map(toMaterialDto),
    approvingOrgId: approving?.id ?? null,
    approvingOrgName: approving?.name ?? null,
    upperStepsAllowed,
  };
}

/** What an audit event keeps of a case: no sealed personal data. */
export const caseAuditView = (row: CaseRow) => ({
  name: row.name,
  idNumberMasked: row.idNumberMasked,
  orgId: row.orgId,
  status: row.status,
  stage: row.stage,
  currentStep: row.currentStep,
  appliedOn: row.appliedOn,
  memberId: row.memberId,
  extensionMonths: row.extensionMonths,
  closedOn: row.closedOn,
  closeReason: row.closeReason,
});

export const stepAuditView = (s: StepRow) => ({
  stepNo: s.stepNo,
  date: s.date,
  location: s.location,
  notes: s.notes,
  memberIds: s.memberIds,
  otherPeople: s.otherPeople,
  approvalResult: s.approvalResult,
  approvingOrgId: s.approvingOrgId,
  approverName: s.approverName,
  documentNo: s.documentNo,
  publicityStart: s.publicityStart,
  publicityEnd: s.publicityEnd,
  trainingDays: s.trainingDays,
  trainingHours: s.trainingHours,
  votes: stepFacts(s).votes,
  overrideReason: s.overrideReason,
  overriddenGates: s.overriddenGates,
});
