import {
  addCalendarDays,
  addMonths,
  type CreateMemberBody,
  DEFAULT_RECRUITMENT_RULES,
  GENERAL_MEETING_STEP,
  idNumberCheckChar,
  maskIdNumber,
  nextDue,
  publicityEarliestEnd,
  type StepFacts,
  stageOfStep,
  temporaryBranchRestrictions,
  type WorkingCalendar,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { encryptText } from '../../core/crypto.js';
import type { AuditRecorder } from '../../core/transaction.js';
import { createMemberService, idNumberHash, nameKeys } from '../../modules/member/index.js';
import { maskPhone } from '../../modules/user/index.js';
import type { Db, Tx } from '../client.js';
import { queryRows } from '../rows.js';
import { recruitmentCases, recruitmentSteps, workingCalendar } from '../schema/index.js';
import type { Random } from './random.js';
import type { SeedBranch } from './seed-members.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许苏卢蒋蔡贾丁魏薛叶'.split('');
const MALE = '浩然 子轩 宇航 博文 俊杰 思远 天佑 志鹏 嘉豪 振宇 鹏飞 海波 建华 晓东 国栋 文涛'.split(' ');
const FEMALE = '欣怡 思雨 梓涵 雨桐 佳琪 诗琪 晓雪 美琳 婉婷 雅静 丽娜 春燕 海燕 静怡'.split(' ');
const MONGOLIAN = [
  ['巴特尔', 'male'],
  ['额尔敦', 'male'],
  ['苏日娜', 'female'],
  ['乌兰', 'female'],
  ['阿拉坦', 'male'],
  ['萨仁', 'female'],
  ['朝鲁', 'male'],
  ['其其格', 'female'],
] as const;
const JOBS = ['worker', 'professional', 'manager', 'worker', 'professional', 'farmer'] as const;
const EDUCATION = ['21', '21', '31', '14', '11', '41', '21'] as const;
const OVERRIDE_REASONS = [
  '申请人外出参加岗位培训，返回后即安排谈话',
  '党支部书记调整，谈话顺延',
  '疫情防控期间集中培训延期，补训后办理',
  '上级党委集中审批时间安排，顺延办理',
];
const TALK_PLACES = ['党员活动室', '支部书记办公室', '党群服务中心'];

/**
 * Days after the application on which each step is done, following every time gate (6 months to activist, a year
 * as activist, 支部大会 within a month of the pre-review, approval within 3 months). Steps 23–25 follow the end of
 * the probation instead.
 */
const OFFSETS: Record<number, number> = {
  1: 0,
  2: 12,
  3: 190,
  4: 200,
  5: 205,
  6: 555,
  7: 568,
  8: 578,
  9: 584,
  10: 600,
  11: 618,
  12: 636,
  13: 650,
  14: 655,
  15: 668,
  16: 684,
  17: 712,
  18: 722,
  19: 726,
  20: 740,
  21: 960,
  22: 1020,
};

type Plan = {
  /** The last recorded step. */
  step: number;
  status?: 'active' | 'completed' | 'cancelled' | 'rejected';
  /** Days between that step and today (the case's pace). */
  idle: number;
  /** The talk came late, recorded with an override reason. */
  lateTalk?: boolean;
  extension?: number;
};

/** ~80 cases over every stage; a few overdue (idle long past a deadline), a few with overrides. */
function plans(rnd: Random): Plan[] {
  const out: Plan[] = [];
  const add = (n: number, p: () => Plan) => {
    for (let i = 0; i < n; i++) out.push(p());
  };
  add(9, () => ({ step: 1, idle: rnd.int(3, 25) }));
  add(3, () => ({ step: 1, idle: rnd.int(38, 70) })); // talk overdue
  add(5, () => ({ step: 2, idle: rnd.int(10, 150), lateTalk: rnd.next() < 0.3 }));
  add(6, () => ({ step: rnd.pick([3, 4, 5]), idle: rnd.int(5, 60) }));
  add(10, () => ({ step: 6, idle: rnd.int(0, 5), lateTalk: rnd.next() < 0.15 })); // 培养考察 under way
  add(12, () => ({ step: rnd.int(7, 11), idle: rnd.int(3, 12) }));
  add(3, () => ({ step: 12, idle: rnd.int(3, 12) }));
  add(1, () => ({ step: 12, idle: 45 })); // pre-review overdue
  add(4, () => ({ step: rnd.int(13, 16), idle: rnd.int(2, 12) }));
  add(1, () => ({ step: 16, idle: 110 })); // approval overdue (3 months after the 支部大会)
  add(4, () => ({ step: rnd.pick([17, 18]), idle: rnd.int(2, 20) }));
  add(10, () => ({ step: rnd.pick([19, 20, 21]), idle: rnd.int(2, 60) }));
  add(3, () => ({ step: 22, idle: rnd.int(0, 3) }));
  add(1, () => ({ step: 21, idle: 40, extension: 6 }));
  add(2, () => ({ step: 24, idle: rnd.int(1, 5) }));
  add(5, () => ({ step: 25, idle: rnd.int(5, 200), status: 'completed' }));
  add(1, () => ({ step: 10, idle: 30, status: 'rejected' }));
  add(1, () => ({ step: 3, idle: 60, status: 'cancelled' }));
  return out;
}

/** Publicity: 5 working days ending a day or two before the step (longer when a holiday falls in them). */
function publicityBefore(date: string, calendar: WorkingCalendar) {
  for (let back = 9; back <= 30; back++) {
    const start = addCalendarDays(date, -back);
    const end = publicityEarliestEnd(start, 5, calendar);
    if (end < addCalendarDays(date, -1)) return { publicityStart: start, publicityEnd: end };
  }
  return { publicityStart: addCalendarDays(date, -22), publicityEnd: addCalendarDays(date, -1) };
}

/**
 * 发展党员 demo cases in the zone's branches (never temporary ones): dates relative to today that follow the time
 * gates, people from the branch's own full members, and for cases past step 17 the member record made through the
 * member module (the `joined` event at the 支部大会, `converted` at the end of the probation).
 */
export async function seedRecruitment(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { branches: SeedBranch[]; admin: { id: string; displayName: string }; dataKey: Buffer; today: string },
): Promise<number> {
  const { today, dataKey } = opts;
  const members = createMemberService({ db: tx as unknown as Db, config: { dataKey } as Config, today: () => today });
  const branches = opts.branches.filter(
    (b) => temporaryBranchRestrictions(b).recruitment && (b.type === 'branch' || b.type === 'joint_branch'),
  );
  const fullMembers = await queryRows<{ id: string; org_id: string }>(
    tx,
    sql`select id, org_id from members where status = 'active' and category = 'full' and party_status = 'normal'
      order by id`,
  );
  const byBranch = new Map<string, string[]>();
  for (const r of fullMembers) byBranch.set(r.org_id, [...(byBranch.get(r.org_id) ?? []), r.id]);
  const usable = branches.filter((b) => (byBranch.get(b.id)?.length ?? 0) >= 3);
  const parents = await queryRows<{ id: string; path: string; type: string }>(
    tx,
    sql`select id, path, type from organizations where type in ('party_committee', 'work_committee')`,
  );
  const approvingOf = (b: SeedBranch) => {
    const ids = b.path.split('/').filter(Boolean).reverse().slice(1);
    return ids.map((i) => parents.find((p) => p.id === i)).find(Boolean)?.id ?? b.id;
  };
  const days = await tx.select().from(workingCalendar);
  const calendar: WorkingCalendar = {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.day)),
  };
  const taken = new Set(
    (await queryRows<{ h: string }>(tx, sql`select id_number_hash as h from members`)).map((r) => r.h),
  );

  const caseRows: (typeof recruitmentCases.$inferInsert)[] = [];
  const stepRows: (typeof recruitmentSteps.$inferInsert)[] = [];
  for (const [i, plan] of plans(rnd).entries()) {
    const branch = usable[(i * 7 + rnd.int(0, 3)) % usable.length]!;
    const people = byBranch.get(branch.id)!;
    const gender: 'male' | 'female' = rnd.next() < 0.45 ? 'female' : 'male';
    const mongolian = branch.domain === 'village' || rnd.next() < 0.15;
    const mn = MONGOLIAN.filter((x) => x[1] === gender);
    const name = mongolian ? rnd.pick(mn)[0] : rnd.pick(SURNAMES) + rnd.pick(gender === 'male' ? MALE : FEMALE);

    // The application date puts the last recorded step `idle` days ago.
    const lastOffset = (n: number) => (n <= 22 ? OFFSETS[n]! : 365 + 668 + (n - 22) * 10);
    const applied = addCalendarDays(today, -(lastOffset(plan.step) + plan.idle) - (plan.extension ? 183 : 0));
    const birthDate = addCalendarDays(addMonths(applied, -12 * rnd.int(20, 34)), -rnd.int(0, 360));
    let idNumber = '';
    let hash = '';
    do {
      const first17 = `150624${birthDate.replaceAll('-', '')}${String(rnd.int(0, 499) * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0')}`;
      idNumber = first17 + idNumberCheckChar(first17);
      hash = idNumberHash(dataKey, idNumber);
    } while (taken.has(hash));
    taken.add(hash);
    const phone = `1${rnd.pick(['38', '39', '50', '51', '58', '86', '87'])}${String(rnd.int(10_000_000, 99_999_999))}`;
    const education = rnd.pick(EDUCATION);
    const jobCategory = rnd.pick(JOBS);
    const caseId = rnd.uuid();
    const approving = approvingOf(branch);

    // Step dates: offsets from the application; stage 5 from the end of the probation.
    const dates: Record<number, string> = {};
    for (let n = 1; n <= Math.min(plan.step, 22); n++) dates[n] = addCalendarDays(applied, OFFSETS[n]!);
    if (plan.lateTalk) dates[2] = addCalendarDays(applied, 40);
    const joinDate = dates[GENERAL_MEETING_STEP];
    const end = joinDate ? addMonths(joinDate, 12 + (plan.extension ?? 0)) : null;
    if (end) {
      dates[23] = addCalendarDays(end, 5);
      dates[24] = addCalendarDays(end, 24);
      dates[25] = addCalendarDays(end, 28);
    }
    if (plan.step === 10 && plan.status === 'rejected') dates[10] = addCalendarDays(applied, OFFSETS[10]!);

    const steps: (typeof recruitmentSteps.$inferInsert)[] = [];
    for (let n = 1; n <= plan.step; n++) {
      const date = dates[n]!;
      const row: typeof recruitmentSteps.$inferInsert = {
        id: rnd.uuid(),
        caseId,
        stepNo: n,
        date,
        approvingOrgId: [4, 8, 13, 16, 17, 18, 24].includes(n) ? approving : branch.id,
        recordedById: opts.admin.id,
        recordedByName: opts.admin.displayName,
        recordedAt: new Date(`${date}T10:00:00+08:00`),
      };
      if (n === 2 || n === 16) {
        row.memberIds = [people[0]!];
        row.location = rnd.pick(TALK_PLACES);
      }
      if (n === 5) row.memberIds = people.slice(0, 2);
      if (n === 9) row.memberIds = people.slice(1, 3);
      if ([3, 4, 7, 8, 10, 12, 13, 17, 24].includes(n)) row.approvalResult = 'approved';
      if ([3, 7, 15, 23].includes(n)) Object.assign(row, publicityBefore(date, calendar));
      if (n === 11) Object.assign(row, { trainingDays: 3, trainingHours: 24, location: '开发区党校' });
      if (n === 15 || n === 23) {
        const eligible = people.length + rnd.int(2, 8);
        const present = eligible - rnd.int(0, 2);
        const abstain = rnd.next() < 0.2 && (present - 1) * 2 > eligible ? 1 : 0;
        Object.assign(row, {
          votesEligible: eligible,
          votesPresent: present,
          votesFor: present - abstain,
          votesAgainst: 0,
          votesAbstain: abstain,
          location: '党员活动室',
        });
      }
      if ([4, 8, 17, 24].includes(n))
        row.documentNo = `${branch.name.slice(0, 2)}党发〔${date.slice(0, 4)}〕${rnd.int(1, 60)}号`;
      if (n === 2 && plan.lateTalk) {
        row.overrideReason = rnd.pick(OVERRIDE_REASONS);
        row.overriddenGates = [
          { gate: 'talk_late', stepNo: 2, hard: false, limit: addMonths(applied, 1), actual: date },
        ];
      }
      if (n === 10 && plan.status === 'rejected') {
        row.approvalResult = 'rejected';
        row.notes = '政治审查不合格';
      }
      steps.push(row);
    }

    const facts: StepFacts[] = steps.map((s) => ({ stepNo: s.stepNo!, date: s.date! }));
    const status = plan.status ?? 'active';
    const next =
      status === 'active'
        ? nextDue({ steps: facts, extensionMonths: plan.extension ?? null }, DEFAULT_RECRUITMENT_RULES, today)
        : null;
    const closedOn =
      status === 'active' ? null : status === 'cancelled' ? addCalendarDays(dates[plan.step]!, 30) : dates[plan.step]!;
    const caseRow: typeof recruitmentCases.$inferInsert = {
      id: caseId,
      orgId: branch.id,
      name,
      ...nameKeys(name),
      gender,
      birthDate,
      idNumberEnc: encryptText(dataKey, idNumber),
      idNumberHash: hash,
      idNumberMasked: maskIdNumber(idNumber),
      idTail: idNumber.slice(-4),
      phoneEnc: encryptText(dataKey, phone),
      phoneMasked: maskPhone(phone),
      ethnicity: mongolian ? '02' : '01',
      education,
      jobCategory,
      workUnit: branch.name.replace(/(联合)?党支部$/, ''),
      status,
      stage: stageOfStep(plan.step)!,
      currentStep: plan.step,
      appliedOn: applied,
      extensionMonths: plan.extension ?? null,
      extendedOn: plan.extension ? addCalendarDays(addMonths(joinDate!, 12), -3) : null,
      extensionReason: plan.extension ? '预备期间学习不够主动，支部大会决定延长预备期' : null,
      nextDueStep: next?.stepNo ?? null,
      nextDueOn: next?.due ?? null,
      closedOn,
      closeReason:
        status === 'cancelled' ? '本人调离本单位，撤回入党申请' : status === 'rejected' ? '政治审查不合格' : null,
      createdById: opts.admin.id,
      createdAt: new Date(`${applied}T09:00:00+08:00`),
      updatedAt: new Date(`${dates[plan.step]}T10:00:00+08:00`),
    };
    caseRows.push(caseRow);
    stepRows.push(...steps);
    audit.record({
      action: 'recruitment.create',
      entity: 'recruitment_case',
      entityId: caseId,
      orgPath: branch.path,
      after: { name, orgId: branch.id, appliedOn: applied, currentStep: plan.step, status },
      actor: { id: null, name: 'seed' },
    });

    if (plan.step >= 17 && joinDate) {
      const body: CreateMemberBody = {
        name,
        gender,
        idNumber,
        birthDate,
        ethnicity: mongolian ? '02' : '01',
        education,
        jobCategory,
        phone,
        orgId: branch.id,
        category: 'probationary',
        joinDate,
      };
      const member = await members.admitInTx(tx, audit, body, 'seed');
      caseRow.memberId = member.id;
      if (plan.extension)
        await members.recordEventInTx(
          tx,
          audit,
          member.id,
          {
            type: 'probation_extended',
            effectiveDate: addCalendarDays(addMonths(joinDate, 12), -3),
            details: { months: plan.extension, reason: '支部大会决定延长预备期' },
          },
          'seed',
        );
      if (plan.step >= 24)
        await members.recordEventInTx(
          tx,
          audit,
          member.id,
          { type: 'converted', effectiveDate: end!, details: {} },
          'seed',
        );
    }
  }
  // The members exist first (cases point at them), then all cases and steps in a few statements.
  for (let i = 0; i < caseRows.length; i += 200) await tx.insert(recruitmentCases).values(caseRows.slice(i, i + 200));
  for (let i = 0; i < stepRows.length; i += 500) await tx.insert(recruitmentSteps).values(stepRows.slice(i, i + 500));
  return caseRows.length;
}
