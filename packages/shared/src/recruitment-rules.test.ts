import { describe, expect, it } from 'vitest';
import {
  type CaseFacts,
  checkExtension,
  checkStep,
  DEFAULT_RECRUITMENT_RULES,
  type GateCode,
  type GateContext,
  HARD_GATES,
  nextDue,
  type PersonFacts,
  plainCalendar,
  probationEnd,
  publicityEarliestEnd,
  RECRUITMENT_STEPS,
  type StepFacts,
  stepsOfStage,
  votesPass,
  workingDaysBetween,
} from './recruitment-rules.js';

/** 2025 National Day + Mid-Autumn: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked (国办 notice). */
const CAL = plainCalendar(
  ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  ['2025-09-28', '2025-10-11'],
);
const FULL: PersonFacts = { id: 'a', full: true, active: true, normal: true };
const FULL2: PersonFacts = { id: 'b', full: true, active: true, normal: true };
const PROBATIONARY: PersonFacts = { id: 'p', full: false, active: true, normal: true };
const SUSPENDED: PersonFacts = { id: 's', full: true, active: true, normal: false };
const GONE: PersonFacts = { id: 'g', full: true, active: false, normal: true };

const ctx = (over: Partial<GateContext> = {}): GateContext => ({
  rules: DEFAULT_RECRUITMENT_RULES,
  calendar: CAL,
  today: '2030-01-01',
  people: [FULL, FULL2, PROBATIONARY, SUSPENDED, GONE],
  ...over,
});

/** A case whose steps 1…n are recorded on the given dates (steps not given share the previous date). */
function caseUpTo(n: number, dates: Record<number, string>, over: Partial<CaseFacts> = {}): CaseFacts {
  const steps: StepFacts[] = [];
  let last = dates[1] ?? '2020-01-01';
  for (let no = 1; no <= n; no++) {
    last = dates[no] ?? last;
    steps.push({ stepNo: no, date: last });
  }
  return { birthDate: '1995-05-05', steps, extensionMonths: null, hasMember: n >= 17, ...over };
}

const gates = (c: CaseFacts, step: StepFacts, over: Partial<GateContext> = {}) =>
  checkStep(c, step, ctx(over)).map((i) => i.gate);

/** The gate fires (or no gate fires for null), and nothing else besides what the step needs anyway. */
function expectGate(found: GateCode[], gate: GateCode | null) {
  if (gate === null) expect(found).toEqual([]);
  else expect(found).toContain(gate);
  if (gate !== null) expect(found.filter((g) => g !== gate)).toEqual([]);
}

describe('the 25 steps (2+4+5+7+7)', () => {
  it('has 25 numbered steps in five stages of 2, 4, 5, 7 and 7', () => {
    expect(RECRUITMENT_STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(([1, 2, 3, 4, 5] as const).map((st) => stepsOfStage(st).length)).toEqual([2, 4, 5, 7, 7]);
    expect(RECRUITMENT_STEPS.every((s) => s.zh && s.en)).toBe(true);
  });
  it('asks for publicity at 确定积极分子, 发展对象, 接收预备 and 转正', () => {
    expect(RECRUITMENT_STEPS.filter((s) => s.needs.publicity).map((s) => s.no)).toEqual([3, 7, 15, 23]);
    expect(RECRUITMENT_STEPS.filter((s) => s.needs.votes).map((s) => s.no)).toEqual([15, 23]);
  });
});

describe('working days (Monday–Friday, holidays off, 调休 workdays on)', () => {
  const cases: [string, string, string, number][] = [
    ['a plain week', '2025-03-03', '2025-03-07', 5],
    ['Thursday to Wednesday over a weekend', '2025-03-06', '2025-03-12', 5],
    ['a weekend alone', '2025-03-08', '2025-03-09', 0],
    ['end before start', '2025-03-07', '2025-03-03', 0],
    ['over National Day', '2025-09-29', '2025-10-10', 4],
    ['over National Day to the 调休 Saturday', '2025-09-29', '2025-10-11', 5],
    ['the 调休 Sunday counts', '2025-09-27', '2025-09-28', 1],
    ['over a leap day', '2024-02-28', '2024-03-01', 3],
  ];
  it.each(cases)('%s: %s…%s → %i', (_label, start, end, n) => {
    expect(workingDaysBetween(start, end, CAL)).toBe(n);
  });
  it.each([
    ['2025-03-06', '2025-03-12'],
    ['2025-03-08', '2025-03-14'],
    ['2025-09-29', '2025-10-11'],
    ['2025-09-30', '2025-10-13'],
  ])('5 working days of publicity from %s end on %s at the earliest', (start, end) => {
    expect(publicityEarliestEnd(start, 5, CAL)).toBe(end);
    expect(workingDaysBetween(start, end, CAL)).toBe(5);
  });
});

describe('age ≥ 18 at application (hard)', () => {
  const cases: [string, string, string, GateCode | null][] = [
    ['the day before the 18th birthday', '2007-03-15', '2025-03-14', 'too_young'],
    ['on the 18th birthday', '2007-03-15', '2025-03-15', null],
    ['born on a leap day, 28 February', '2004-02-29', '2022-02-28', 'too_young'],
    ['born on a leap day, 1 March', '2004-02-29', '2022-03-01', null],
  ];
  it.each(cases)('%s', (_l, birthDate, date, gate) => {
    const c: CaseFacts = { birthDate, steps: [], extensionMonths: null, hasMember: false };
    const found = checkStep(c, { stepNo: 1, date }, ctx());
    expectGate(
      found.map((i) => i.gate),
      gate,
    );
    if (gate) expect(found[0]!.hard).toBe(true);
  });
});

describe('time gates (warnings, overridable)', () => {
  type Row = [string, CaseFacts, StepFacts, GateCode | null];
  const talker = { memberIds: ['a'] };
  const rows: Row[] = [
    // 谈话 within 1 month of the application
    [
      'talk exactly 1 month later',
      caseUpTo(1, { 1: '2025-03-15' }),
      { stepNo: 2, date: '2025-04-15', ...talker },
      null,
    ],
    [
      'talk 1 month + 1 day later',
      caseUpTo(1, { 1: '2025-03-15' }),
      { stepNo: 2, date: '2025-04-16', ...talker },
      'talk_late',
    ],
    [
      'talk at a month end (31 Jan → 28 Feb)',
      caseUpTo(1, { 1: '2025-01-31' }),
      { stepNo: 2, date: '2025-02-28', ...talker },
      null,
    ],
    [
      'talk on 1 March after 31 January',
      caseUpTo(1, { 1: '2025-01-31' }),
      { stepNo: 2, date: '2025-03-01', ...talker },
      'talk_late',
    ],
    [
      'talk on a leap day (31 Jan 2024 → 29 Feb)',
      caseUpTo(1, { 1: '2024-01-31' }),
      { stepNo: 2, date: '2024-02-29', ...talker },
      null,
    ],
    // 申请 → 积极分子 ≥ 6 months [L]
    [
      'activist 6 months less a day',
      caseUpTo(2, { 1: '2024-08-31' }),
      {
        stepNo: 3,
        date: '2025-02-27',
        approvalResult: 'approved',
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      'activist_too_early',
    ],
    [
      'activist exactly 6 months (month end)',
      caseUpTo(2, { 1: '2024-08-31' }),
      {
        stepNo: 3,
        date: '2025-02-28',
        approvalResult: 'approved',
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      null,
    ],
    // 积极分子 ≥ 1 year before 发展对象
    [
      'candidate a day early (leap-day activist)',
      caseUpTo(6, { 1: '2023-01-01', 3: '2024-02-29' }),
      {
        stepNo: 7,
        date: '2025-02-27',
        approvalResult: 'approved',
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      'candidate_too_early',
    ],
    [
      'candidate a year later (28 Feb)',
      caseUpTo(6, { 1: '2023-01-01', 3: '2024-02-29' }),
      {
        stepNo: 7,
        date: '2025-02-28',
        approvalResult: 'approved',
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      null,
    ],
    // 集中培训 ≥ 3 days or ≥ 24 hours
    ['training 3 days', caseUpTo(10, {}), { stepNo: 11, date: '2020-02-01', trainingDays: 3 }, null],
    [
      'training 2 days, 24 hours',
      caseUpTo(10, {}),
      { stepNo: 11, date: '2020-02-01', trainingDays: 2, trainingHours: 24 },
      null,
    ],
    [
      'training 2 days, 23 hours',
      caseUpTo(10, {}),
      { stepNo: 11, date: '2020-02-01', trainingDays: 2, trainingHours: 23 },
      'training_short',
    ],
    ['training not given', caseUpTo(10, {}), { stepNo: 11, date: '2020-02-01' }, 'training_short'],
    // 预审 ≤ 1 month after the branch committee [L]
    [
      'pre-review at the month end',
      caseUpTo(12, { 12: '2025-01-31' }),
      { stepNo: 13, date: '2025-02-28', approvalResult: 'approved' },
      null,
    ],
    [
      'pre-review a day late',
      caseUpTo(12, { 12: '2025-01-31' }),
      { stepNo: 13, date: '2025-03-01', approvalResult: 'approved' },
      'prereview_late',
    ],
  ];
  const meeting = (date: string): StepFacts => ({
    stepNo: 15,
    date,
    approvalResult: 'approved',
    votes: { eligible: 20, present: 15, for: 14 },
    publicityStart: '2025-03-03',
    publicityEnd: '2025-03-07',
  });
  rows.push(
    // 支部大会 within 1 month of the pre-review [L]; political review valid 1 year [L]
    [
      'general meeting 1 month after pre-review',
      caseUpTo(14, { 10: '2025-01-10', 13: '2025-04-10' }),
      meeting('2025-05-10'),
      null,
    ],
    [
      'general meeting 1 month + 1 day after',
      caseUpTo(14, { 10: '2025-01-10', 13: '2025-04-10' }),
      meeting('2025-05-11'),
      'general_meeting_late',
    ],
    [
      'political review exactly 1 year old',
      caseUpTo(14, { 10: '2024-05-10', 13: '2025-05-01' }),
      meeting('2025-05-10'),
      null,
    ],
    [
      'political review 1 year + 1 day old',
      caseUpTo(14, { 10: '2024-05-10', 13: '2025-05-01' }),
      meeting('2025-05-11'),
      'political_review_expired',
    ],
    // 审批 within 3 months of the 支部大会 (6 at most: hard)
    [
      'approval exactly 3 months later',
      caseUpTo(16, { 15: '2025-01-15' }),
      { stepNo: 17, date: '2025-04-15', approvalResult: 'approved' },
      null,
    ],
    [
      'approval 3 months + 1 day',
      caseUpTo(16, { 15: '2025-01-15' }),
      { stepNo: 17, date: '2025-04-16', approvalResult: 'approved' },
      'approval_late',
    ],
    [
      'approval exactly 6 months later',
      caseUpTo(16, { 15: '2025-01-15' }),
      { stepNo: 17, date: '2025-07-15', approvalResult: 'approved' },
      'approval_late',
    ],
    [
      'approval 6 months + 1 day (hard)',
      caseUpTo(16, { 15: '2025-01-15' }),
      { stepNo: 17, date: '2025-07-16', approvalResult: 'approved' },
      'approval_expired',
    ],
    // 转正: the meeting at the end of the probation, approval ≤ 3 months later, filing ≤ 1 week [L]
    [
      'conversion meeting before the probation ends',
      caseUpTo(22, { 15: '2024-02-29' }),
      {
        stepNo: 23,
        date: '2025-02-27',
        approvalResult: 'approved',
        votes: { eligible: 9, present: 9, for: 9 },
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      'conversion_meeting_early',
    ],
    [
      'conversion meeting on the last day (leap year)',
      caseUpTo(22, { 15: '2024-02-29' }),
      {
        stepNo: 23,
        date: '2025-02-28',
        approvalResult: 'approved',
        votes: { eligible: 9, present: 9, for: 9 },
        publicityStart: '2025-02-17',
        publicityEnd: '2025-02-21',
      },
      null,
    ],
    [
      'conversion approval before the probation ends (hard)',
      caseUpTo(23, { 15: '2024-03-10', 23: '2025-03-01' }),
      { stepNo: 24, date: '2025-03-09', approvalResult: 'approved' },
      'probation_not_over',
    ],
    [
      'conversion approval 3 months after the meeting',
      caseUpTo(23, { 15: '2024-03-01', 23: '2025-03-01' }),
      { stepNo: 24, date: '2025-06-01', approvalResult: 'approved' },
      null,
    ],
    [
      'conversion approval 3 months + 1 day',
      caseUpTo(23, { 15: '2024-03-01', 23: '2025-03-01' }),
      { stepNo: 24, date: '2025-06-02', approvalResult: 'approved' },
      'conversion_approval_late',
    ],
    ['filing within a week', caseUpTo(24, { 24: '2025-03-01' }), { stepNo: 25, date: '2025-03-08' }, null],
    ['filing after 8 days', caseUpTo(24, { 24: '2025-03-01' }), { stepNo: 25, date: '2025-03-09' }, 'filing_late'],
  );
  it.each(rows)('%s', (_label, c, step, gate) => {
    expectGate(gates(c, step), gate);
  });

  it('a probation extended by 6 months moves the earliest conversion (leap day + 18 months)', () => {
    const c = caseUpTo(23, { 15: '2024-02-29', 23: '2025-08-29' }, { extensionMonths: 6 });
    expect(probationEnd(c)).toBe('2025-08-29');
    expectGate(gates(c, { stepNo: 24, date: '2025-08-29', approvalResult: 'approved' }), null);
    const early = caseUpTo(23, { 15: '2024-02-29', 23: '2025-02-28' }, { extensionMonths: 6 });
    expect(gates(early, { stepNo: 24, date: '2025-08-28', approvalResult: 'approved' })).toContain(
      'probation_not_over',
    );
  });
});

describe('publicity ≥ 5 working days at steps 3, 7, 15 and 23', () => {
  const base = caseUpTo(2, { 1: '2024-01-02' });
  const step = (publicityStart?: string, publicityEnd?: string): StepFacts => ({
    stepNo: 3,
    date: '2025-10-20',
    approvalResult: 'approved',
    ...(publicityStart ? { publicityStart } : {}),
    ...(publicityEnd ? { publicityEnd } : {}),
  });
  const rows: [string, StepFacts, GateCode | null][] = [
    ['none recorded', step(), 'publicity_missing'],
    ['Monday to Friday', step('2025-03-03', '2025-03-07'), null],
    ['Monday to Thursday', step('2025-03-03', '2025-03-06'), 'publicity_short'],
    ['Thursday to Wednesday over a weekend', step('2025-03-06', '2025-03-12'), null],
    ['Thursday to Tuesday over a weekend', step('2025-03-06', '2025-03-11'), 'publicity_short'],
    ['over National Day, four working days', step('2025-09-29', '2025-10-10'), 'publicity_short'],
    ['over National Day to the 调休 Saturday', step('2025-09-29', '2025-10-11'), null],
    ['ending before it starts (hard)', step('2025-03-07', '2025-03-03'), 'publicity_dates'],
  ];
  it.each(rows)('%s', (_l, s, gate) => expectGate(gates(base, s), gate));
  it('reads the number of days from the rules', () => {
    const rules = { ...DEFAULT_RECRUITMENT_RULES, publicityWorkingDays: 7 };
    expect(gates(base, step('2025-03-03', '2025-03-07'), { rules })).toEqual(['publicity_short']);
  });
});

describe('people: contacts and introducers are full members in good standing (hard)', () => {
  const rows: [string, number, string[], GateCode | null][] = [
    ['one contact', 5, ['a'], null],
    ['two contacts', 5, ['a', 'b'], null],
    ['no contact', 5, [], 'people_required'],
    ['three contacts', 5, ['a', 'b', 'p'], 'people_required'],
    ['a probationary contact', 5, ['p'], 'contacts_not_full_members'],
    ['two introducers', 9, ['a', 'b'], null],
    ['one introducer', 9, ['a'], 'people_required'],
    ['the same introducer twice', 9, ['a', 'a'], 'people_required'],
    ['a probationary introducer', 9, ['a', 'p'], 'introducers_not_full_members'],
    ['a suspended introducer', 9, ['a', 's'], 'introducers_not_full_members'],
    ['an introducer no longer on the roll', 9, ['a', 'g'], 'introducers_not_full_members'],
    ['an introducer nobody knows', 9, ['a', 'zzz'], 'introducers_not_full_members'],
    ['a talker', 2, ['a'], null],
    ['no talker', 2, [], 'people_required'],
  ];
  it.each(rows)('%s', (_l, stepNo, memberIds, gate) => {
    const c = caseUpTo(stepNo - 1, { 1: '2020-01-01' });
    const found = checkStep(c, { stepNo, date: '2020-01-01', memberIds }, ctx());
    expectGate(
      found.map((i) => i.gate),
      gate,
    );
    if (gate) expect(found.every((i) => i.hard)).toBe(true);
  });
  it('a talker not on the roll may be named in words', () => {
    expect(gates(caseUpTo(1, {}), { stepNo: 2, date: '2020-01-01', otherPeople: '党委组织委员 王某' })).toEqual([]);
  });
});

describe('支部大会 votes: more than half of the eligible full members present, and more than half in favour', () => {
  const rows: [string, Parameters<typeof votesPass>[0], { consistent: boolean; quorum: boolean; passed: boolean }][] = [
    [
      '11 of 20 present, 11 for',
      { eligible: 20, present: 11, for: 11 },
      { consistent: true, quorum: true, passed: true },
    ],
    ['10 of 20 present', { eligible: 20, present: 10, for: 10 }, { consistent: true, quorum: false, passed: false }],
    [
      '15 present, 10 for (half, not more)',
      { eligible: 20, present: 15, for: 10 },
      { consistent: true, quorum: true, passed: false },
    ],
    [
      'more for than present',
      { eligible: 20, present: 12, for: 13 },
      { consistent: false, quorum: true, passed: false },
    ],
    [
      'more votes cast than present',
      { eligible: 20, present: 12, for: 8, against: 3, abstain: 2 },
      { consistent: false, quorum: true, passed: false },
    ],
    [
      'more present than eligible',
      { eligible: 5, present: 6, for: 6 },
      { consistent: false, quorum: true, passed: false },
    ],
  ];
  it.each(rows)('%s', (_l, v, result) => expect(votesPass(v)).toEqual(result));

  const c = caseUpTo(14, { 10: '2025-01-02', 13: '2025-03-01' });
  const meeting = (votes: StepFacts['votes'], approvalResult: 'approved' | 'rejected' = 'approved'): StepFacts => ({
    stepNo: 15,
    date: '2025-03-10',
    votes,
    approvalResult,
    publicityStart: '2025-03-03',
    publicityEnd: '2025-03-07',
  });
  it.each([
    ['no votes', meeting(null), 'votes_inconsistent'],
    ['no quorum', meeting({ eligible: 20, present: 10, for: 10 }), 'votes_no_quorum'],
    ['"approved" but not passed', meeting({ eligible: 20, present: 15, for: 10 }), 'votes_inconsistent'],
    ['"rejected" and not passed', meeting({ eligible: 20, present: 15, for: 10 }, 'rejected'), null],
    ['passed', meeting({ eligible: 20, present: 15, for: 11 }), null],
  ] as [string, StepFacts, GateCode | null][])('step 15 with %s', (_l, step, gate) => expectGate(gates(c, step), gate));
});

describe('order and dates', () => {
  const rows: [string, CaseFacts, StepFacts, GateCode | null, boolean][] = [
    [
      'the next step',
      caseUpTo(2, {}),
      {
        stepNo: 3,
        date: '2021-01-01',
        approvalResult: 'approved',
        publicityStart: '2020-12-21',
        publicityEnd: '2020-12-25',
      },
      null,
      false,
    ],
    [
      'skipping a step',
      caseUpTo(2, {}),
      { stepNo: 4, date: '2021-01-01', approvalResult: 'approved' },
      'out_of_order',
      false,
    ],
    [
      're-recording an earlier step',
      caseUpTo(3, { 1: '2019-01-01', 3: '2021-01-01' }),
      { stepNo: 2, date: '2019-02-01', memberIds: ['a'] },
      'out_of_order',
      false,
    ],
    [
      'a date before the previous step',
      caseUpTo(1, { 1: '2020-05-01' }),
      { stepNo: 2, date: '2020-04-30', memberIds: ['a'] },
      'date_order',
      true,
    ],
    [
      'a date in the future',
      caseUpTo(1, { 1: '2029-12-20' }),
      { stepNo: 2, date: '2030-01-02', memberIds: ['a'] },
      'date_in_future',
      true,
    ],
    [
      'an approval step without a decision',
      caseUpTo(3, {}),
      { stepNo: 4, date: '2020-01-01' },
      'approval_required',
      true,
    ],
    [
      'approval with no 支部大会',
      { ...caseUpTo(16, {}), steps: caseUpTo(16, {}).steps.filter((s) => s.stepNo !== 15) },
      { stepNo: 17, date: '2020-01-01', approvalResult: 'approved' },
      'needs_general_meeting',
      true,
    ],
    [
      'stage 5 with no member record',
      caseUpTo(18, {}, { hasMember: false }),
      { stepNo: 19, date: '2020-01-01' },
      'needs_member',
      true,
    ],
  ];
  it.each(rows)('%s', (_l, c, step, gate, hard) => {
    const found = checkStep(c, step, ctx());
    expectGate(
      found.map((i) => i.gate),
      gate,
    );
    if (gate) expect(found.find((i) => i.gate === gate)!.hard).toBe(hard);
  });
  it('every hard gate is in the list of gates', () => {
    expect([...HARD_GATES].length).toBe(14);
  });
});

describe('next due date and reminders', () => {
  const rules = DEFAULT_RECRUITMENT_RULES;
  it.each([
    ['well before the talk is due', '2025-03-20', null],
    ['within 14 days of it', '2025-04-01', 'soon'],
    ['on the due day', '2025-04-10', 'soon'],
    ['the day after', '2025-04-11', 'overdue'],
  ] as const)('talk due 2025-04-10: %s', (_l, today, level) => {
    expect(nextDue(caseUpTo(1, { 1: '2025-03-10' }), rules, today)).toEqual({ stepNo: 2, due: '2025-04-10', level });
  });
  it('no deadline while an activist is being trained (step 6 done, waiting for the year)', () => {
    expect(nextDue(caseUpTo(6, { 1: '2024-01-01' }), rules, '2025-01-01')).toBeNull();
  });
  it('stage 5: the conversion meeting is due when the probation ends (extension included)', () => {
    expect(nextDue(caseUpTo(20, { 15: '2024-07-01' }), rules, '2025-06-25')).toEqual({
      stepNo: 23,
      due: '2025-07-01',
      level: 'soon',
    });
    expect(nextDue(caseUpTo(20, { 15: '2024-07-01' }, { extensionMonths: 6 }), rules, '2025-06-25')!.due).toBe(
      '2026-01-01',
    );
  });
  it('approval due 3 months after the 支部大会', () => {
    expect(nextDue(caseUpTo(16, { 15: '2025-01-31' }), rules, '2025-05-01')).toEqual({
      stepNo: 17,
      due: '2025-04-30',
      level: 'overdue',
    });
  });
});

describe('延长预备期: 6–12 months, once', () => {
  const probationary = caseUpTo(20, { 15: '2024-07-01' });
  it.each([
    ['6 months', probationary, 6, '2025-07-01', null],
    ['12 months', probationary, 12, '2025-07-01', null],
    ['5 months', probationary, 5, '2025-07-01', 'months'],
    ['13 months', probationary, 13, '2025-07-01', 'months'],
    ['a second time', { ...probationary, extensionMonths: 6 }, 6, '2025-07-01', 'already_extended'],
    ['before admission', caseUpTo(16, {}), 6, '2025-07-01', 'not_probationary'],
    ['after the conversion approval', caseUpTo(24, {}), 6, '2025-07-01', 'not_probationary'],
    ['before the join date', probationary, 6, '2024-06-30', 'date_before_join'],
    ['in the future', probationary, 6, '2030-01-02', 'date_in_future'],
  ] as const)('%s', (_l, c, months, date, result) => {
    expect(checkExtension(c, { months, date }, '2030-01-01')).toBe(result);
  });
});
