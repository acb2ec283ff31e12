import { addMonths } from './org-rules.js';

/**
 * 发展党员 (《中国共产党发展党员工作细则》2014; DOMAIN-RULES §3.3): 5 stages, 25 steps (2+4+5+7+7), and the time
 * gates between them. Pure functions of the dates recorded so far: the server uses them to refuse or warn when a
 * step is recorded and to compute due dates; the console shows the same results.
 */

export const RECRUITMENT_STAGES = [1, 2, 3, 4, 5] as const;
export type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];

/** What a step needs recorded besides its date. */
export type StepNeeds = {
  /** A decision (同意/不同意, 合格/不合格, 批准/不批准). */
  approval?: boolean;
  /** Taken by the upper party committee (基层党委), not by the branch. */
  upper?: boolean;
  /** People: talker(s), contacts or introducers. */
  people?: 'talker' | 'contacts' | 'introducers';
  /** Materials the step usually produces. */
  materials?: readonly MaterialKind[];
  /** ≥ N working days of publicity (公示). */
  publicity?: boolean;
  /** 支部大会: votes of the full members with voting rights. */
  votes?: boolean;
  /** 集中培训: days or hours. */
  training?: boolean;
};

export type RecruitmentStep = {
  no: number;
  stage: RecruitmentStage;
  zh: string;
  en: string;
  needs: StepNeeds;
};

export const MATERIAL_KINDS = [
  'application', // 入党申请书
  'thought_report', // 思想汇报
  'recommendation', // 推荐/推优材料
  'inspection', // 培养考察材料
  'political_review', // 政审材料
  'training_certificate', // 培训结业证明
  'volunteer_form', // 入党志愿书
  'meeting_minutes', // 会议记录
  'publicity_notice', // 公示材料
  'approval_document', // 审批/备案文件
  'conversion_application', // 转正申请书
  'other',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

const s = (no: number, stage: RecruitmentStage, zh: string, en: string, needs: StepNeeds = {}): RecruitmentStep => ({
  no,
  stage,
  zh,
  en,
  needs,
});

/** The canonical 25 steps (DOMAIN-RULES §3.3). */
export const RECRUITMENT_STEPS: readonly RecruitmentStep[] = [
  s(1, 1, '递交入党申请书', 'Written application submitted', { materials: ['application'] }),
  s(2, 1, '党组织派人谈话', 'Talk by a person sent by the branch', { people: 'talker' }),
  s(3, 2, '推荐和确定入党积极分子', 'Recommended and confirmed as activist', {
    approval: true,
    publicity: true,
    materials: ['recommendation', 'meeting_minutes'],
  }),
  s(4, 2, '报上级党委备案', 'Filed with the upper party committee', { approval: true, upper: true }),
  s(5, 2, '指定培养联系人', 'Contacts appointed', { people: 'contacts' }),
  s(6, 2, '培养教育考察', 'Education and inspection', { materials: ['thought_report', 'inspection'] }),
  s(7, 3, '确定发展对象', 'Confirmed as development candidate', {
    approval: true,
    publicity: true,
    materials: ['meeting_minutes', 'publicity_notice'],
  }),
  s(8, 3, '报上级党委备案', 'Filed with the upper party committee', { approval: true, upper: true }),
  s(9, 3, '确定入党介绍人', 'Two introducers named', { people: 'introducers' }),
  s(10, 3, '进行政治审查', 'Political review', { approval: true, materials: ['political_review'] }),
  s(11, 3, '开展集中培训', 'Concentrated training', { training: true, materials: ['training_certificate'] }),
  s(12, 4, '支部委员会审查', 'Review by the branch committee', { approval: true, materials: ['meeting_minutes'] }),
  s(13, 4, '上级党委预审', 'Pre-review by the upper party committee', { approval: true, upper: true }),
  s(14, 4, '填写入党志愿书', 'Application form (志愿书) filled in', { materials: ['volunteer_form'] }),
  s(15, 4, '支部大会讨论', 'Discussed by the general meeting of the branch', {
    approval: true,
    votes: true,
    publicity: true,
    materials: ['meeting_minutes', 'publicity_notice'],
  }),
  s(16, 4, '上级党委派人谈话', 'Talk by a person sent by the upper committee', { people: 'talker', upper: true }),
  s(17, 4, '上级党委审批', 'Approved by the upper party committee', {
    approval: true,
    upper: true,
    materials: ['approval_document'],
  }),
  s(18, 4, '再上级党委组织部门备案', 'Filed with the organization department above', { upper: true }),
  s(19, 5, '编入党支部和党小组', 'Placed in the branch and a party group'),
  s(20, 5, '入党宣誓', 'Admission oath'),
  s(21, 5, '继续教育考察', 'Continued education and inspection', { materials: ['thought_report'] }),
  s(22, 5, '提出转正申请', 'Application for full membership', { materials: ['conversion_application'] }),
  s(23, 5, '支部大会讨论', 'Discussed by the general meeting of the branch', {
    approval: true,
    votes: true,
    publicity: true,
    materials: ['meeting_minutes', 'publicity_notice'],
  }),
  s(24, 5, '上级党委审批', 'Approved by the upper party committee', {
    approval: true,
    upper: true,
    materials: ['approval_document'],
  }),
  s(25, 5, '材料归档', 'Materials filed in the personnel archive'),
];

export const STEP_COUNT = RECRUITMENT_STEPS.length;
export const stepOf = (no: number): RecruitmentStep | undefined => RECRUITMENT_STEPS[no - 1];
export const stageOfStep = (no: number): RecruitmentStage | null => stepOf(no)?.stage ?? null;
/** The steps of a stage (2+4+5+7+7). */
export const stepsOfStage = (stage: RecruitmentStage) => RECRUITMENT_STEPS.filter((x) => x.stage === stage);

/** Board names of the stages and the official stage titles. */
export const STAGE_NAMES: Record<RecruitmentStage, { zh: string; en: string; titleZh: string; titleEn: string }> = {
  1: { zh: '入党申请人', en: 'Applicants', titleZh: '申请入党', titleEn: 'Application' },
  2: {
    zh: '入党积极分子',
    en: 'Activists',
    titleZh: '入党积极分子的确定和培养教育',
    titleEn: 'Activists: selection and education',
  },
  3: {
    zh: '发展对象',
    en: 'Development candidates',
    titleZh: '发展对象的确定和考察',
    titleEn: 'Development candidates: selection and review',
  },
  4: { zh: '预备党员', en: 'Probationary admission', titleZh: '预备党员的接收', titleEn: 'Admission as probationary' },
  5: {
    zh: '转正',
    en: 'Full membership',
    titleZh: '预备党员的教育考察和转正',
    titleEn: 'Probation and full membership',
  },
};

/** Steps that join the member roll: 17 makes the 预备党员 record, 24 the full membership. */
export const ADMISSION_STEP = 17;
export const GENERAL_MEETING_STEP = 15;
export const CONVERSION_MEETING_STEP = 23;
export const CONVERSION_APPROVAL_STEP = 24;

/** National values [S] (constants) — local practice [L] lives in `RecruitmentRules`. */
export const RECRUITMENT_NATIONAL = {
  minAge: 18,
  talkWithinMonths: 1,
  activistMinMonths: 12,
  trainingMinDays: 3,
  trainingMinHours: 24,
  approvalWithinMonths: 3,
  approvalMaxMonths: 6,
  probationMonths: 12,
  extensionMinMonths: 6,
  extensionMaxMonths: 12,
  conversionApprovalWithinMonths: 3,
  introducers: 2,
  maxContacts: 2,
} as const;

/** Local practice [L], kept in `rule_settings` with these defaults. */
export type RecruitmentRules = {
  activistAfterApplicationMonths: number;
  politicalReviewValidMonths: number;
  prereviewWithinMonths: number;
  generalMeetingAfterPrereviewMonths: number;
  publicityWorkingDays: number;
  filingWithinDays: number;
  dueSoonDays: number;
};

export const DEFAULT_RECRUITMENT_RULES: RecruitmentRules = {
  activistAfterApplicationMonths: 6,
  politicalReviewValidMonths: 12,
  prereviewWithinMonths: 1,
  generalMeetingAfterPrereviewMonths: 1,
  publicityWorkingDays: 5,
  filingWithinDays: 7,
  dueSoonDays: 14,
};

/** `rule_settings` keys of the local rules. */
export const RECRUITMENT_RULE_KEYS: Record<keyof RecruitmentRules, string> = {
  activistAfterApplicationMonths: 'recruitment.activist_after_application_months',
  politicalReviewValidMonths: 'recruitment.political_review_valid_months',
  prereviewWithinMonths: 'recruitment.prereview_within_months',
  generalMeetingAfterPrereviewMonths: 'recruitment.general_meeting_after_prereview_months',
  publicityWorkingDays: 'recruitment.publicity_working_days',
  filingWithinDays: 'recruitment.filing_within_days',
  dueSoonDays: 'recruitment.due_soon_days',
};

// ---------------------------------------------------------------------------------------------------------------
// Dates and working days

const DAY = 86_400_000;
const toUtc = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addCalendarDays = (date: string, days: number) =>
  new Date(toUtc(date) + days * DAY).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday */
export const isoWeekday = (date: string) => ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;

/**
 * The zone's working calendar: Monday–Friday, minus public holidays, plus the weekend days declared working days
 * (调休上班). Both lists come from the `working_calendar` table.
 */
export type WorkingCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };
export const plainCalendar = (holidays: Iterable<string> = [], workdays: Iterable<string> = []): WorkingCalendar => ({
  holidays: new Set(holidays),
  workdays: new Set(workdays),
});

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/** Working days from `start` to `end`, both included (0 when end < start). */
export function workingDaysBetween(start: string, end: string, cal: WorkingCalendar): number {
  let n = 0;
  for (let d = start; d <= end; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** The day publicity starting on `start` may end at the earliest to last `days` working days. */
export function publicityEarliestEnd(start: string, days: number, cal: WorkingCalendar): string {
  let d = start;
  let n = isWorkingDay(d, cal) ? 1 : 0;
  while (n < days) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) n++;
  }
  return d;
}

/** Whole years between two dates (age on a date). */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Gates

/**
 * Every gate the rules know. `hard` gates refuse the step (impossibilities and qualifications); the others are
 * warnings that need an override reason, which is kept with the step and in the audit trail.
 */
export const GATE_CODES = [
  // hard
  'date_in_future',
  'date_order',
  'too_young',
  'needs_general_meeting',
  'needs_member',
  'contacts_not_full_members',
  'introducers_not_full_members',
  'votes_inconsistent',
  'votes_no_quorum',
  'approval_expired',
  'probation_not_over',
  'publicity_dates',
  'people_required',
  'approval_required',
  // warnings (override with a reason)
  'out_of_order',
  'talk_late',
  'activist_too_early',
  'candidate_too_early',
  'political_review_expired',
  'training_short',
  'prereview_late',
  'general_meeting_late',
  'approval_late',
  'conversion_meeting_early',
  'conversion_approval_late',
  'publicity_missing',
  'publicity_short',
  'filing_late',
] as const;
export type GateCode = (typeof GATE_CODES)[number];

export const HARD_GATES: ReadonlySet<GateCode> = new Set([
  'date_in_future',
  'date_order',
  'too_young',
  'needs_general_meeting',
  'needs_member',
  'contacts_not_full_members',
  'introducers_not_full_members',
  'votes_inconsistent',
  'votes_no_quorum',
  'approval_expired',
  'probation_not_over',
  'publicity_dates',
  'people_required',
  'approval_required',
]);

export type GateIssue = {
  gate: GateCode;
  stepNo: number;
  hard: boolean;
  /** The date the rule asked for (deadline or earliest day), or the number (days, working days, people). */
  limit?: string | number;
  /** What was recorded. */
  actual?: string | number;
  /** The request field the issue is about, for hard gates. */
  field?: string;
};

export type Votes = { eligible: number; present: number; for: number; against?: number; abstain?: number };

/** The parts of a step the rules look at. */
export type StepFacts = {
  stepNo: number;
  date: string;
  memberIds?: readonly string[];
  otherPeople?: string | null;
  approvalResult?: 'approved' | 'rejected' | null;
  publicityStart?: string | null;
  publicityEnd?: string | null;
  trainingDays?: number | null;
  trainingHours?: number | null;
  votes?: Votes | null;
};

/** A person named on a step, as the member roll knows them. */
export type PersonFacts = { id: string; full: boolean; active: boolean; normal: boolean };

export type CaseFacts = {
  birthDate: string;
  /** Steps recorded so far (any order). */
  steps: readonly StepFacts[];
  /** 延长预备期 in months (once), or null. */
  extensionMonths: number | null;
  /** The 预备党员 record exists (made at step 17). */
  hasMember: boolean;
};

export type GateContext = {
  rules: RecruitmentRules;
  calendar: WorkingCalendar;
  today: string;
  /** The people named on the step, looked up on the member roll. */
  people?: readonly PersonFacts[];
};

const N = RECRUITMENT_NATIONAL;
const dateOf = (c: CaseFacts, no: number) => c.steps.find((x) => x.stepNo === no)?.date ?? null;

/** 预备期满之日: one year from the 支部大会 (step 15), plus the extension. */
export function probationEnd(c: Pick<CaseFacts, 'steps' | 'extensionMonths'>): string | null {
  const meeting = c.steps.find((x) => x.stepNo === GENERAL_MEETING_STEP)?.date;
  return meeting ? addMonths(meeting, N.probationMonths + (c.extensionMonths ?? 0)) : null;
}

/** The last recorded step number (0 when none). */
export const currentStepOf = (c: Pick<CaseFacts, 'steps'>) => c.steps.reduce((m, x) => Math.max(m, x.stepNo), 0);

/** Passed: more than half of the eligible full members present, and more than half of them in favour. */
export function votesPass(v: Votes): { consistent: boolean; quorum: boolean; passed: boolean } {
  const cast = v.for + (v.against ?? 0) + (v.abstain ?? 0);
  const consistent = v.eligible > 0 && v.present <= v.eligible && v.for <= v.present && cast <= v.present;
  const quorum = v.present * 2 > v.eligible;
  return { consistent, quorum, passed: consistent && quorum && v.for * 2 > v.eligible };
}

/**
 * Due dates of one step from the dates recorded so far: the earliest day the rules allow (`earliest`), the day it
 * should be done by (`due`) and, for approval, the day after which it can no longer be done (`hardLimit`).
 */
export function stepSchedule(
  no: number,
  c: Pick<CaseFacts, 'steps' | 'extensionMonths'>,
  rules: RecruitmentRules,
): { earliest?: string; due?: string; hardLimit?: string } {
  const d = (n: number) => c.steps.find((x) => x.stepNo === n)?.date ?? null;
  const end = probationEnd(c);
  const out: { earliest?: string; due?: string; hardLimit?: string } = {};
  switch (no) {
    case 2:
      if (d(1)) out.due = addMonths(d(1)!, N.talkWithinMonths);
      break;
    case 3:
      if (d(1)) out.earliest = addMonths(d(1)!, rules.activistAfterApplicationMonths);
      break;
    case 7:
      if (d(3)) out.earliest = addMonths(d(3)!, N.activistMinMonths);
      break;
    case 13:
      if (d(12)) out.due = addMonths(d(12)!, rules.prereviewWithinMonths);
      break;
    case 15: {
      const dues = [
        d(13) ? addMonths(d(13)!, rules.generalMeetingAfterPrereviewMonths) : null,
        d(10) ? addMonths(d(10)!, rules.politicalReviewValidMonths) : null,
      ].filter((x): x is string => x !== null);
      if (dues.length) out.due = dues.sort()[0]!;
      break;
    }
    case 17:
      if (d(15)) {
        out.due = addMonths(d(15)!, N.approvalWithinMonths);
        out.hardLimit = addMonths(d(15)!, N.approvalMaxMonths);
      }
      break;
    case 23:
      if (end) {
        out.earliest = end;
        out.due = end;
      }
      break;
    case 24:
      if (end) out.earliest = end;
      if (d(23)) out.due = addMonths(d(23)!, N.conversionApprovalWithinMonths);
      break;
    case 25:
      if (d(24)) out.due = addCalendarDays(d(24)!, rules.filingWithinDays);
      break;
  }
  return out;
}

/**
 * Checks one step about to be recorded against the case so far. Returns every issue: hard ones refuse the step,
 * the rest need an override reason. Re-recording a step already recorded replaces it (a correction).
 */
export function checkStep(c: CaseFacts, step: StepFacts, ctx: GateContext): GateIssue[] {
  const out: GateIssue[] = [];
  const no = step.stepNo;
  const def = stepOf(no);
  if (!def) return out;
  const issue = (gate: GateCode, extra: Omit<GateIssue, 'gate' | 'stepNo' | 'hard'> = {}) =>
    out.push({ gate, stepNo: no, hard: HARD_GATES.has(gate), ...extra });
  const others = c.steps.filter((x) => x.stepNo !== no);
  const facts: CaseFacts = { ...c, steps: [...others, step] };
  const d = (n: number) => dateOf(facts, n);
  const { rules } = ctx;
  const date = step.date;

  // Dates: not in the future, and in step order with the steps around it.
  if (date > ctx.today) issue('date_in_future', { field: 'body.date', limit: ctx.today, actual: date });
  const before = others.filter((x) => x.stepNo < no).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const after = others.filter((x) => x.stepNo > no).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (before && date < before.date) issue('date_order', { field: 'body.date', limit: before.date, actual: date });
  else if (after && date > after.date) issue('date_order', { field: 'body.date', limit: after.date, actual: date });

  const current = currentStepOf(c);
  if (no !== current + 1) issue('out_of_order', { limit: current + 1, actual: no });

  if (no === 1 && yearsBetween(c.birthDate, date) < N.minAge)
    issue('too_young', { field: 'body.date', limit: addMonths(c.birthDate, N.minAge * 12), actual: date });

  // Member-roll facts: 17 needs the 支部大会 (the join date); after it, the member record must exist.
  if (no >= ADMISSION_STEP && !d(GENERAL_MEETING_STEP)) issue('needs_general_meeting', { field: 'body.stepNo' });
  if (no > ADMISSION_STEP && !c.hasMember) issue('needs_member', { field: 'body.stepNo' });

  if (def.needs.approval && !step.approvalResult) issue('approval_required', { field: 'body.approvalResult' });

  // People.
  const ids = [...new Set(step.memberIds ?? [])];
  const people = ctx.people ?? [];
  const qualified = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p?.full === true && p.active && p.normal;
  };
  if (def.needs.people === 'talker' && ids.length === 0 && !step.otherPeople?.trim())
    issue('people_required', { field: 'body.memberIds' });
  if (def.needs.people === 'contacts') {
    if (ids.length < 1 || ids.length > N.maxContacts)
      issue('people_required', { field: 'body.memberIds', limit: N.maxContacts, actual: ids.length });
    else if (!ids.every(qualified)) issue('contacts_not_full_members', { field: 'body.memberIds' });
  }
  if (def.needs.people === 'introducers') {
    if (ids.length !== N.introducers)
      issue('people_required', { field: 'body.memberIds', limit: N.introducers, actual: ids.length });
    else if (!ids.every(qualified)) issue('introducers_not_full_members', { field: 'body.memberIds' });
  }

  // Publicity: ≥ N working days; the dates themselves must make sense.
  if (def.needs.publicity) {
    const { publicityStart: ps, publicityEnd: pe } = step;
    if (!ps || !pe) issue('publicity_missing', { limit: rules.publicityWorkingDays });
    else if (pe < ps) issue('publicity_dates', { field: 'body.publicityEnd', limit: ps, actual: pe });
    else {
      const days = workingDaysBetween(ps, pe, ctx.calendar);
      if (days < rules.publicityWorkingDays)
        issue('publicity_short', { limit: rules.publicityWorkingDays, actual: days });
    }
  }

  // Votes of the 支部大会.
  if (def.needs.votes) {
    const v = step.votes;
    if (!v) issue('votes_inconsistent', { field: 'body.votes' });
    else {
      const r = votesPass(v);
      if (!r.consistent) issue('votes_inconsistent', { field: 'body.votes' });
      else if (!r.quorum)
        issue('votes_no_quorum', { field: 'body.votes.present', limit: v.eligible, actual: v.present });
      else if (step.approvalResult && (step.approvalResult === 'approved') !== r.passed)
        issue('votes_inconsistent', { field: 'body.approvalResult' });
    }
  }

  // Time gates.
  const sched = stepSchedule(no, { steps: others, extensionMonths: c.extensionMonths }, rules);
  switch (no) {
    case 2:
      if (sched.due && date > sched.due) issue('talk_late', { limit: sched.due, actual: date });
      break;
    case 3:
      if (sched.earliest && date < sched.earliest) issue('activist_too_early', { limit: sched.earliest, actual: date });
      break;
    case 7:
      if (sched.earliest && date < sched.earliest)
        issue('candidate_too_early', { limit: sched.earliest, actual: date });
      break;
    case 11: {
      const days = step.trainingDays ?? 0;
      const hours = step.trainingHours ?? 0;
      if (days < N.trainingMinDays && hours < N.trainingMinHours)
        issue('training_short', { limit: N.trainingMinDays, actual: days });
      break;
    }
    case 13:
      if (sched.due && date > sched.due) issue('prereview_late', { limit: sched.due, actual: date });
      break;
    case 15: {
      const meeting = d(13) ? addMonths(d(13)!, rules.generalMeetingAfterPrereviewMonths) : null;
      if (meeting && date > meeting) issue('general_meeting_late', { limit: meeting, actual: date });
      const review = d(10) ? addMonths(d(10)!, rules.politicalReviewValidMonths) : null;
      if (review && date > review) issue('political_review_expired', { limit: review, actual: date });
      break;
    }
    case 17:
      if (sched.hardLimit && date > sched.hardLimit)
        issue('approval_expired', { field: 'body.date', limit: sched.hardLimit, actual: date });
      else if (sched.due && date > sched.due) issue('approval_late', { limit: sched.due, actual: date });
      break;
    case 23:
      if (sched.earliest && date < sched.earliest)
        issue('conversion_meeting_early', { limit: sched.earliest, actual: date });
      break;
    case 24:
      if (sched.earliest && date < sched.earliest)
        issue('probation_not_over', { field: 'body.date', limit: sched.earliest, actual: date });
      if (sched.due && date > sched.due) issue('conversion_approval_late', { limit: sched.due, actual: date });
      break;
    case 25:
      if (sched.due && date > sched.due) issue('filing_late', { limit: sched.due, actual: date });
      break;
  }
  return out;
}

export type DueLevel = 'overdue' | 'soon';

/**
 * The next deadline of an open case: among the steps not yet reached (after the last recorded one), the earliest
 * `due` date the recorded dates define, with how close it is on `today`.
 */
export function nextDue(
  c: Pick<CaseFacts, 'steps' | 'extensionMonths'>,
  rules: RecruitmentRules,
  today: string,
): { stepNo: number; due: string; level: DueLevel | null } | null {
  const current = currentStepOf(c);
  let best: { stepNo: number; due: string } | null = null;
  for (let no = current + 1; no <= STEP_COUNT; no++) {
    const due = stepSchedule(no, c, rules).due;
    if (due && (!best || due < best.due)) best = { stepNo: no, due };
  }
  if (!best) return null;
  return { ...best, level: dueLevel(best.due, today, rules.dueSoonDays) };
}

export function dueLevel(due: string, today: string, soonDays: number): DueLevel | null {
  if (due < today) return 'overdue';
  if (due <= addCalendarDays(today, soonDays)) return 'soon';
  return null;
}

/** 延长预备期: 6–12 months, once, decided while the probation runs (DOMAIN-RULES §3.3). */
export function checkExtension(
  c: CaseFacts,
  body: { months: number; date: string },
  today: string,
): 'not_probationary' | 'already_extended' | 'months' | 'date_in_future' | 'date_before_join' | null {
  if (!c.hasMember || c.steps.some((x) => x.stepNo >= CONVERSION_APPROVAL_STEP)) return 'not_probationary';
  if (c.extensionMonths !== null) return 'already_extended';
  if (!Number.isInteger(body.months) || body.months < N.extensionMinMonths || body.months > N.extensionMaxMonths)
    return 'months';
  if (body.date > today) return 'date_in_future';
  const join = dateOf(c, GENERAL_MEETING_STEP);
  if (join && body.date < join) return 'date_before_join';
  return null;
}
