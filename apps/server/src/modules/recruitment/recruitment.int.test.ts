import { addCalendarDays, addMonths, idNumberCheckChar, type RecruitmentCaseDetail } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditCount,
  createUser,
  detailPaths,
  expectErrorShape,
  loadOrgs,
  type OrgRef,
} from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { todayIso } from '../member/index.js';

const today = todayIso();
const m = (months: number, days = 0) => addCalendarDays(addMonths(today, months), days);

let serial = 500;
function idNumber(birthDate: string, gender: 'male' | 'female' = 'male') {
  serial += 2;
  const seq = String((serial % 1000) + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `150624${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

function applicant(name: string, orgId: string, over: Record<string, unknown> = {}) {
  const birthDate = (over.birthDate as string | undefined) ?? '1998-06-15';
  return {
    name,
    gender: 'male',
    idNumber: idNumber(birthDate),
    birthDate,
    ethnicity: '01',
    education: '21',
    jobCategory: 'worker',
    phone: '13912345678',
    workUnit: '星光集团洗煤厂',
    orgId,
    appliedOn: m(-40),
    ...over,
  };
}

/** A 3-week publicity ending the day before `date` (≥ 5 working days whatever the holidays). */
const publicity = (date: string) => ({
  publicityStart: addCalendarDays(date, -22),
  publicityEnd: addCalendarDays(date, -1),
});

/** A multipart body with the fields first, then one file. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----re${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('发展党员 (recruitment)', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: Session;
  let secretary: Session;
  let leader: Session;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;
  /** Full members of branch A in good standing, and a probationary one. */
  let full: string[];
  let probationary: string;

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const create = async (s: Session, body: object) => {
    const res = await req(s, 'POST', '/recruitment-cases', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as RecruitmentCaseDetail;
  };
  const step = (s: Session, id: string, body: object) => req(s, 'POST', `/recruitment-cases/${id}/steps`, body);
  const okStep = async (s: Session, id: string, body: object) => {
    const res = await step(s, id, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RecruitmentCaseDetail;
  };
  const auditActions = async (entityId: string) =>
    (
      await queryRows<{ action: string; after: Record<string, unknown> }>(
        t.database.db,
        sql`select action, after from audit_events where entity_id = ${entityId} order by seq`,
      )
    ).map((r) => ({ ...r, after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after }));

  /** Records steps 2…n of a case applied on `applied`, following every rule, with the given step dates. */
  async function walk(s: Session, c: RecruitmentCaseDetail, to: number, dates: Record<number, string>) {
    let last = [c.appliedOn, ...c.steps.flatMap((x) => (x.date ? [x.date] : []))].sort().at(-1)!;
    let out = c;
    for (let no = c.currentStep + 1; no <= to; no++) {
      const date = dates[no] ?? addCalendarDays(last, 3);
      last = date;
      const body: Record<string, unknown> = { stepNo: no, date };
      if ([3, 4, 7, 8, 10, 12, 13, 17, 24].includes(no)) body.approvalResult = 'approved';
      if ([3, 7].includes(no)) Object.assign(body, publicity(date));
      if (no === 2 || no === 16) body.memberIds = [full[0]];
      if (no === 5) body.memberIds = [full[0], full[1]];
      if (no === 9) body.memberIds = [full[1], full[2]];
      if (no === 11) Object.assign(body, { trainingDays: 3, trainingHours: 24 });
      if (no === 15 || no === 23)
        Object.assign(body, publicity(date), {
          approvalResult: 'approved',
          votes: { eligible: 20, present: 18, for: 17, against: 1 },
        });
      out = await okStep(s, c.id, body);
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    xingguang = await t.login('xingguang');
    secretary = await t.login('secretary');
    leader = await t.login('leader');
    const rows = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from members where org_id = ${orgs.branchA.id} and status = 'active' and category = 'full'
        and party_status = 'normal' order by id limit 3`,
    );
    full = rows.map((r) => r.id);
    expect(full).toHaveLength(3);
    const p = await req(admin, 'POST', '/members', {
      ...applicant('预备甲', orgs.branchA.id, { birthDate: '1990-03-03' }),
      appliedOn: undefined,
      phone: undefined,
      workUnit: undefined,
      category: 'probationary',
      joinDate: m(-3),
    });
    expect(p.statusCode, p.body).toBe(201);
    probationary = p.json().id;
  });
  afterAll(async () => t?.close());

  it('has demo cases in every stage, some overdue and some overridden, none in a temporary branch', async () => {
    const board = (await req(admin, 'GET', '/recruitment-cases/board')).json();
    expect(board.stages.map((x: { active: number }) => x.active > 0)).toEqual([true, true, true, true, true]);
    expect(board.stages.reduce((n: number, x: { overdue: number }) => n + x.overdue, 0)).toBeGreaterThanOrEqual(3);
    expect(board.completedThisYear + board.closedThisYear).toBeGreaterThanOrEqual(0);
    const [row] = await queryRows<{ total: number; temp: number; overridden: number; admitted: number; stale: number }>(
      t.database.db,
      sql`select count(*)::int as total,
          count(*) filter (where o.type = 'temporary_branch')::int as temp,
          count(*) filter (where exists (select 1 from recruitment_steps s where s.case_id = c.id
            and s.override_reason is not null))::int as overridden,
          count(*) filter (where c.member_id is not null)::int as admitted,
          count(*) filter (where c.member_id is null and c.current_step >= 17)::int as stale
        from recruitment_cases c join organizations o on o.id = c.org_id`,
    );
    expect(row!.total).toBeGreaterThanOrEqual(60);
    expect(row!.temp).toBe(0);
    expect(row!.overridden).toBeGreaterThanOrEqual(2);
    expect(row!.admitted).toBeGreaterThanOrEqual(10);
    expect(row!.stale).toBe(0);
  });

  it('runs the whole path: application → … → 预备党员 (member created) → 转正 (full-membership event) → filing', async () => {
    const c = await create(admin, applicant('高晓峰', orgs.branchA.id));
    expect(c).toMatchObject({ status: 'active', stage: 1, currentStep: 1, orgName: orgs.branchA.name });
    expect(c.steps).toHaveLength(25);
    expect(c.steps[1]).toMatchObject({ stepNo: 2, recorded: false, due: addMonths(c.appliedOn, 1) });
    expect(JSON.stringify(c)).not.toContain('13912345678');

    const a = c.appliedOn;
    const s3 = addMonths(a, 7);
    const s7 = addCalendarDays(addMonths(s3, 12), 10);
    const s15 = addCalendarDays(s7, 30);
    const end = addMonths(s15, 12);
    const dates: Record<number, string> = {
      2: addCalendarDays(a, 20),
      3: s3,
      6: addMonths(a, 18),
      7: s7,
      15: s15,
      17: addCalendarDays(s15, 40),
      23: addCalendarDays(end, 5),
      24: addCalendarDays(end, 20),
      25: addCalendarDays(end, 23),
    };
    const admitted = await walk(admin, c, 17, dates);
    expect(admitted).toMatchObject({ stage: 4, currentStep: 17, joinDate: s15, probationEnd: end });
    expect(admitted.memberId).toBeTruthy();
    const member = (await req(admin, 'GET', `/members/${admitted.memberId}`)).json();
    expect(member).toMatchObject({
      name: '高晓峰',
      category: 'probationary',
      joinDate: s15,
      orgId: orgs.branchA.id,
      status: 'active',
    });
    const events = (await req(admin, 'GET', `/members/${admitted.memberId}/events`)).json() as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(['joined']);

    const out = await walk(admin, admitted, 25, dates);
    expect(out).toMatchObject({ status: 'completed', currentStep: 25, stage: 5, closedOn: dates[25], overrides: 0 });
    const after = (await req(admin, 'GET', `/members/${admitted.memberId}`)).json();
    expect(after).toMatchObject({ category: 'full', fullMemberDate: end });
    const all = (await req(admin, 'GET', `/members/${admitted.memberId}/events`)).json() as {
      type: string;
      effectiveDate: string;
    }[];
    expect(all.map((e) => [e.type, e.effectiveDate])).toEqual([
      ['joined', s15],
      ['converted', end],
    ]);
    const actions = (await auditActions(c.id)).map((e) => e.action);
    expect(actions.filter((x) => x === 'recruitment.step')).toHaveLength(24);
    expect(actions[0]).toBe('recruitment.create');
  });

  it('warns on a time gate, refuses without a reason, and keeps the override with the step and in the audit trail', async () => {
    const c = await create(
      admin,
      applicant('李晓梅', orgs.branchA.id, {
        gender: 'female',
        idNumber: idNumber('1998-06-15', 'female'),
        appliedOn: m(-3),
      }),
    );
    const late = { stepNo: 2, date: addCalendarDays(addMonths(c.appliedOn, 1), 1), memberIds: [full[0]] };
    const before = await auditCount(t);
    const refused = await step(admin, c.id, late);
    const error = expectErrorShape(refused, 409, 'RECRUITMENT_GATE_WARNING');
    expect(error.details).toEqual({
      gates: [{ gate: 'talk_late', stepNo: 2, hard: false, limit: addMonths(c.appliedOn, 1), actual: late.date }],
    });
    expect(await auditCount(t)).toBe(before);

    const ok = await okStep(admin, c.id, { ...late, overrideReason: '申请人外出培训，返回后即谈话' });
    expect(ok.overrides).toBe(1);
    expect(ok.steps[1]).toMatchObject({
      recorded: true,
      overrideReason: '申请人外出培训，返回后即谈话',
      overriddenGates: [{ gate: 'talk_late' }],
      people: [{ id: full[0] }],
    });
    const override = (await auditActions(c.id)).find((e) => e.action === 'recruitment.override');
    expect(override?.after).toMatchObject({ stepNo: 2, reason: '申请人外出培训，返回后即谈话' });

    // Out of order: step 4 before step 3 warns too; and 6 months after the application are not up yet.
    const skip = await step(admin, c.id, { stepNo: 4, date: today, approvalResult: 'approved' });
    expect(expectErrorShape(skip, 409, 'RECRUITMENT_GATE_WARNING').details).toEqual({
      gates: [{ gate: 'out_of_order', stepNo: 4, hard: false, limit: 3, actual: 4 }],
    });
    const early = await step(admin, c.id, { stepNo: 3, date: today, approvalResult: 'approved', ...publicity(today) });
    expect(
      (expectErrorShape(early, 409, 'RECRUITMENT_GATE_WARNING').details as { gates: { gate: string }[] }).gates.map(
        (g) => g.gate,
      ),
    ).toEqual(['activist_too_early']);
  });

  it('refuses hard gates with the field named: under 18, a date before the last step, unqualified introducers', async () => {
    const young = await req(
      admin,
      'POST',
      '/recruitment-cases',
      applicant('少年', orgs.branchA.id, { birthDate: addCalendarDays(m(-18 * 12), 1), appliedOn: today }),
    );
    expectErrorShape(young, 400, 'VALIDATION_FAILED');
    expect(detailPaths(young)).toEqual(['body.appliedOn']);
    expect(young.json().error.details[0].message).toContain('18');

    const c = await create(admin, applicant('王志远', orgs.branchA.id, { appliedOn: m(-36) }));
    const back = await step(admin, c.id, { stepNo: 2, date: addCalendarDays(c.appliedOn, -1), memberIds: [full[0]] });
    expect(detailPaths(back)).toEqual(['body.date']);
    const d = await walk(admin, c, 8, { 2: m(-36, 10), 3: m(-28), 7: m(-15) });
    const probationIntroducer = await step(admin, d.id, {
      stepNo: 9,
      date: m(-14),
      memberIds: [full[0], probationary],
      overrideReason: '试图绕过',
    });
    expectErrorShape(probationIntroducer, 400, 'VALIDATION_FAILED');
    expect(detailPaths(probationIntroducer)).toEqual(['body.memberIds']);
    expect(probationIntroducer.json().error.details[0].message).toContain('正式党员');
    const one = await step(admin, d.id, { stepNo: 9, date: m(-14), memberIds: [full[0]] });
    expect(detailPaths(one)).toEqual(['body.memberIds']);
    const nobody = await step(admin, d.id, { stepNo: 9, date: m(-14), memberIds: [full[0], crypto.randomUUID()] });
    expect(detailPaths(nobody)).toEqual(['body.memberIds']);
    // A 支部大会 without a quorum cannot vote, whatever the reason given.
    const e = await walk(admin, d, 14, { 9: m(-14), 10: m(-14, 5), 12: m(-13), 13: m(-13, 10), 14: m(-13, 12) });
    const noQuorum = await step(admin, e.id, {
      stepNo: 15,
      date: m(-13, 20),
      approvalResult: 'approved',
      votes: { eligible: 20, present: 10, for: 10 },
      ...publicity(m(-13, 20)),
      overrideReason: '人数不足',
    });
    expect(detailPaths(noQuorum)).toEqual(['body.votes.present']);
    const failed = await okStep(admin, e.id, {
      stepNo: 15,
      date: m(-13, 20),
      approvalResult: 'rejected',
      votes: { eligible: 20, present: 16, for: 8, against: 8 },
      ...publicity(m(-13, 20)),
      notes: '赞成票未超过应到会有表决权正式党员的半数',
    });
    expect(failed).toMatchObject({ status: 'rejected', memberId: null });
  });

  it('refuses a new case in a temporary branch, naming the rule', async () => {
    const [temp] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from organizations where type = 'temporary_branch' and status = 'active' order by id limit 1`,
    );
    const res = await req(admin, 'POST', '/recruitment-cases', applicant('临时甲', temp!.id, { appliedOn: today }));
    expectErrorShape(res, 409, 'RECRUITMENT_NOT_ALLOWED');
    expect(res.json().error.message).toContain('临时党支部一般不发展党员');
    const party = await req(
      admin,
      'POST',
      '/recruitment-cases',
      applicant('党委甲', orgs.xingguang.id, { appliedOn: today }),
    );
    expect(detailPaths(party)).toEqual(['body.orgId']);
  });

  it('one open case per person, and none for someone already a member', async () => {
    const body = applicant('赵一鸣', orgs.branchA.id, { appliedOn: m(-1) });
    await create(admin, body);
    expectErrorShape(await req(admin, 'POST', '/recruitment-cases', body), 409, 'RECRUITMENT_IN_PROGRESS');
    const [member] = await queryRows<{ id: string }>(t.database.db, sql`select id from members where id = ${full[0]}`);
    const id = (await req(admin, 'GET', `/members/${member!.id}/sensitive?field=idNumber`)).json().value as string;
    const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
    const taken = await req(
      admin,
      'POST',
      '/recruitment-cases',
      applicant('重复', orgs.branchA.id, { idNumber: id, birthDate: birth, gender, appliedOn: today }),
    );
    expectErrorShape(taken, 409, 'MEMBER_ID_NUMBER_TAKEN');
  });

  it('keeps every case in its scope: lists, board counts and 404 outside', async () => {
    const inB = await create(admin, applicant('电石甲', orgs.branchB.id, { appliedOn: m(-2) }));
    const inA = await create(xingguang, applicant('洗煤乙', orgs.branchA.id, { appliedOn: m(-2) }));
    expectErrorShape(await req(secretary, 'GET', `/recruitment-cases/${inB.id}`), 404, 'NOT_FOUND');
    expectErrorShape(await step(xingguang, inB.id, { stepNo: 2, date: today, memberIds: [full[0]] }), 404, 'NOT_FOUND');
    expect((await req(secretary, 'GET', `/recruitment-cases/${inA.id}`)).statusCode).toBe(200);
    const listed = (await req(secretary, 'GET', '/recruitment-cases?pageSize=200')).json();
    expect(listed.data.every((x: { orgId: string }) => x.orgId === orgs.branchA.id)).toBe(true);
    expect(listed.data.some((x: { id: string }) => x.id === inA.id)).toBe(true);
    const secBoard = (await req(secretary, 'GET', '/recruitment-cases/board')).json();
    const adminBoard = (await req(admin, 'GET', '/recruitment-cases/board')).json();
    const total = (b: { stages: { active: number }[] }) => b.stages.reduce((n, s) => n + s.active, 0);
    expect(total(secBoard)).toBe(listed.total);
    expect(total(adminBoard)).toBeGreaterThan(total(secBoard));
    const leaderView = await req(leader, 'GET', `/recruitment-cases/${inB.id}`);
    expect(leaderView.statusCode).toBe(200);
    expectErrorShape(
      await req(leader, 'POST', '/recruitment-cases', applicant('只读', orgs.branchA.id, { appliedOn: today })),
      403,
      'FORBIDDEN',
    );
    // The branch records its own steps; the upper committee's steps belong to the committee.
    const detail = (await req(secretary, 'GET', `/recruitment-cases/${inA.id}`)).json();
    expect(detail).toMatchObject({ upperStepsAllowed: false, approvingOrgId: orgs.xingguang.id });
    await okStep(secretary, inA.id, { stepNo: 2, date: addCalendarDays(inA.appliedOn, 5), memberIds: [full[0]] });
    const upper = await step(secretary, inA.id, {
      stepNo: 4,
      date: today,
      approvalResult: 'approved',
      overrideReason: '越级',
    });
    expectErrorShape(upper, 403, 'FORBIDDEN');
    expect(upper.json().error.message).toContain('上级党委');
  });

  it('filters by stage, step, overdue and keyword; reminders list the most urgent first', async () => {
    const overdue = await create(admin, applicant('逾期丙', orgs.siblingOfA.id, { appliedOn: m(-3) }));
    const fresh = await create(admin, applicant('新近丁', orgs.siblingOfA.id, { appliedOn: today }));
    expect(overdue).toMatchObject({ dueLevel: 'overdue', nextDue: addMonths(overdue.appliedOn, 1) });
    expect(fresh.dueLevel).toBeNull();
    const list = async (q: string) =>
      (
        (await req(admin, 'GET', `/recruitment-cases?orgId=${orgs.siblingOfA.id}&${q}`)).json().data as { id: string }[]
      ).map((x) => x.id);
    expect(await list('due=overdue')).toContain(overdue.id);
    expect(await list('due=overdue')).not.toContain(fresh.id);
    expect(await list('stage=1&step=1')).toEqual(expect.arrayContaining([overdue.id, fresh.id]));
    expect(await list('stage=2')).not.toContain(fresh.id);
    expect(await list(`keyword=${encodeURIComponent('逾期')}`)).toEqual([overdue.id]);
    expect(await list('keyword=yqb')).toEqual([overdue.id]);
    const reminders = (await req(admin, 'GET', `/recruitment-cases/reminders?orgId=${orgs.siblingOfA.id}`)).json();
    expect(reminders.data[0].id).toBe(overdue.id);
    expect(reminders.data.map((x: { id: string }) => x.id)).not.toContain(fresh.id);
  });

  it('uploads materials checked by content and size, and audits every download', async () => {
    const c = await create(admin, applicant('材料戊', orgs.branchA.id, { appliedOn: m(-1) }));
    const url = `/api/v1/recruitment-cases/${c.id}/materials`;
    const upload = (fields: Record<string, string>, file: { name: string; bytes: Buffer }) =>
      t.request(admin, { method: 'POST', url, ...multipart(fields, file) });
    const ok = await upload({ kind: 'application', stepNo: '1' }, { name: '入党申请书.pdf', bytes: PDF });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'application', stepNo: 1, fileName: '入党申请书.pdf', size: PDF.length });
    // The same bytes again: a second material, one stored file.
    expect((await upload({ kind: 'other' }, { name: 'copy.pdf', bytes: PDF })).statusCode).toBe(201);
    const [stored] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from stored_files where sha256 = ${ok.json().sha256}`,
    );
    expect(Number(stored!.n)).toBe(1);
    // Backups carry the bytes as JSON (row_to_json → json_populate_recordset): they must come back identical.
    const [roundTrip] = await queryRows<{ same: boolean }>(
      t.database.db,
      sql`select (json_populate_record(null::stored_files, row_to_json(s))).bytes = s.bytes as same
        from stored_files s where s.sha256 = ${ok.json().sha256}`,
    );
    expect(roundTrip!.same).toBe(true);

    const exe = await upload(
      { kind: 'other' },
      { name: 'report.pdf', bytes: Buffer.from('MZ\x90\x00 this is a program') },
    );
    expectErrorShape(exe, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const renamed = await upload({ kind: 'other' }, { name: 'photo.png', bytes: PDF });
    expectErrorShape(renamed, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const badKind = await upload({ kind: 'virus' }, { name: 'a.pdf', bytes: PDF });
    expect(detailPaths(badKind)).toEqual(['body.kind']);
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expectErrorShape(await upload({ kind: 'other' }, { name: 'big.pdf', bytes: big }), 413, 'PAYLOAD_TOO_LARGE');
    const json = await req(admin, 'POST', `/recruitment-cases/${c.id}/materials`, { kind: 'other' });
    expectErrorShape(json, 415, 'UNSUPPORTED_MEDIA_TYPE');

    const detail = (await req(admin, 'GET', `/recruitment-cases/${c.id}`)).json() as RecruitmentCaseDetail;
    expect(detail.materials.map((x) => x.fileName)).toEqual(['入党申请书.pdf', 'copy.pdf']);
    const before = await auditCount(t);
    const down = await t.request(secretary, { method: 'GET', url: `/api/v1/recruitment-materials/${ok.json().id}` });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('入党申请书.pdf'));
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(await auditCount(t)).toBe(before + 1);
    const outsider = await createUser(t, admin, {
      username: 'rc_sx',
      roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }],
    });
    expect(outsider).toBeTruthy();
    const sx = await t.login('rc_sx', 'Test-Passw0rd!');
    expectErrorShape(
      await t.request(sx, { method: 'GET', url: `/api/v1/recruitment-materials/${ok.json().id}` }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await t.request(sx, { method: 'POST', url, ...multipart({ kind: 'other' }, { name: 'a.pdf', bytes: PDF }) }),
      404,
      'NOT_FOUND',
    );
  });

  it('extends a probation once (member event too), and cancelling the qualification records it on the member', async () => {
    const c = await create(admin, applicant('延长己', orgs.branchA.id, { appliedOn: m(-30) }));
    const s3 = addMonths(c.appliedOn, 6);
    const s7 = addMonths(s3, 12);
    const admitted = await walk(admin, c, 17, { 2: addCalendarDays(c.appliedOn, 10), 3: s3, 7: s7 });
    expect(admitted.memberId).toBeTruthy();
    const ext = (months: number) =>
      req(admin, 'POST', `/recruitment-cases/${c.id}/extend-probation`, {
        date: today,
        months,
        reason: '考察期表现需进一步考察',
      });
    expect(detailPaths(await ext(13))).toEqual(['body.months']);
    const extended = await ext(6);
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ extensionMonths: 6, probationEnd: addMonths(admitted.joinDate!, 18) });
    expectErrorShape(await ext(6), 409, 'CONFLICT');
    const events = (await req(admin, 'GET', `/members/${admitted.memberId}/events`)).json() as {
      type: string;
      details: { months?: number };
    }[];
    expect(events.at(-1)).toMatchObject({ type: 'probation_extended', details: { months: 6 } });

    expectErrorShape(
      await req(admin, 'POST', `/recruitment-cases/${c.id}/cancel`, { reason: '本人撤回' }),
      409,
      'CONFLICT',
    );
    const rejected = await req(admin, 'POST', `/recruitment-cases/${c.id}/reject`, { reason: '不具备党员条件' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', closeReason: '不具备党员条件' });
    const member = (await req(admin, 'GET', `/members/${admitted.memberId}`)).json();
    expect(member.status).toBe('removed');
    expectErrorShape(await step(admin, c.id, { stepNo: 19, date: today }), 409, 'RECRUITMENT_CLOSED');
  });

  it('cancels an applicant who withdraws, with the reason audited', async () => {
    const c = await create(admin, applicant('撤回庚', orgs.branchA.id, { appliedOn: m(-1) }));
    const res = await req(admin, 'POST', `/recruitment-cases/${c.id}/cancel`, { reason: '本人撤回申请' });
    expect(res.json()).toMatchObject({ status: 'cancelled', closedOn: today, nextDue: null });
    expect((await auditActions(c.id)).at(-1)).toMatchObject({ action: 'recruitment.cancel' });
  });
});
