import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionForMember } from '../../../test/support/evaluation.js';
import { createUser, expectErrorShape, loadOrgs, STRONG_PASSWORD } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { evaluationGradeOf, secretarySatisfactionOf } from './index.js';

let t: TestApp;
let admin: Session;
let xingguang: Session;
let secretary: Session;
let member: Session;
let outsider: Session;
let orgs: Awaited<ReturnType<typeof loadOrgs>>;
let bateer: string;

const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url: `/api/v1${url}` });
const send = (s: Session, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object = {}) =>
  t.request(s, { method, url: `/api/v1${url}`, payload });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  xingguang = await t.login('xingguang');
  secretary = await t.login('secretary');
  member = await t.login('member');
  orgs = await loadOrgs(t, admin);
  [{ id: bateer }] = await q<{ id: string }>(
    sql`select m.id from members m join users u on u.id = m.user_id where u.username = 'member'`,
  );
  // An administrator of 双欣集团: every 星光 record is out of their scope.
  await createUser(t, admin, { username: 'eval_outsider', roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }] });
  outsider = await t.login('eval_outsider', STRONG_PASSWORD);
});
afterAll(async () => t?.close());

describe('书记述职评议', () => {
  let id: string;
  let washerySubject: string;
  let otherSubject: string;

  it('sets up a campaign of 星光集团 with its branches’ secretaries, linked where the seat names a member', async () => {
    const res = await send(xingguang, 'POST', '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: orgs.xingguang.id,
      year: 2031,
      items: ['履行第一责任人职责', '组织生活'],
      voters: { branchMembers: true, superiorCommittee: false, representativeIds: [] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c.status).toBe('preparing');
    expect(c.subjects.length).toBe(10);
    expect(c.settings.items).toEqual([
      { key: 'i1', label: '履行第一责任人职责' },
      { key: 'i2', label: '组织生活' },
    ]);
    const washery = c.subjects.find((s: { orgId: string }) => s.orgId === orgs.branchA.id);
    expect(washery.name).toBe('张丽');
    expect(washery.memberId).not.toBeNull();
    washerySubject = washery.id;
    otherSubject = c.subjects.find((s: { orgId: string }) => s.orgId === orgs.siblingOfA.id).id;
    // One per organization and year.
    const again = await send(xingguang, 'POST', '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: orgs.xingguang.id,
      year: 2031,
    });
    expectErrorShape(again, 409, 'CONFLICT');
  });

  it('refuses organizations out of scope, nested subjects and disordered thresholds, naming the field', async () => {
    const out = await send(secretary, 'POST', '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: orgs.xingguang.id,
      year: 2032,
    });
    expect(expectErrorShape(out, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'body.orgId', message: expect.any(String) },
    ]);
    const nestedRes = await send(admin, 'POST', '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: orgs.root.id,
      year: 2032,
      subjectOrgIds: [orgs.xingguang.id, orgs.branchA.id],
    });
    expect(JSON.stringify(expectErrorShape(nestedRes, 400).details)).toContain('body.subjectOrgIds');
    const thresholds = await send(admin, 'POST', '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: orgs.xingguang.id,
      year: 2032,
      thresholds: { good: 60, fairlyGood: 70, average: 50 },
    });
    expect(JSON.stringify(expectErrorShape(thresholds, 400).details)).toContain('body.thresholds');
  });

  it('the secretary submits her report with an attachment on H5; results stay hidden while voting', async () => {
    const mine = await get(secretary, `/me/evaluations/${id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().mine.subjectId).toBe(washerySubject);
    const report = await send(secretary, 'PUT', `/me/evaluations/${id}/report`, {
      report: '洗煤厂党支部书记述职报告……',
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().mine.report).toContain('述职报告');
    const boundary = 'evalboundary';
    const upload = await t.request(secretary, {
      method: 'POST',
      url: `/api/v1/me/evaluations/${id}/report-attachments`,
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="述职报告.pdf"\r\n\r\n`),
        Buffer.from('%PDF-1.4 report\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = await get(xingguang, `/evaluation-attachments/${upload.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('%PDF');
    expect((await get(outsider, `/evaluation-attachments/${upload.json().id}`)).statusCode).toBe(404);
    // Only the secretary's own: a member of the branch is no reporter.
    expectErrorShape(await send(member, 'PUT', `/me/evaluations/${id}/report`, { report: 'x' }), 404, 'NOT_FOUND');

    const open = await send(xingguang, 'POST', `/evaluation/campaigns/${id}/open-voting`);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().status).toBe('voting');
    expect(open.json().turnout.eligible).toBeGreaterThan(50);
    expectErrorShape(await get(xingguang, `/evaluation/campaigns/${id}/results`), 409, 'EVALUATION_STATE');
    expectErrorShape(await get(xingguang, `/evaluation/campaigns/${id}/export`), 409, 'EVALUATION_STATE');
  });

  it('a branch member votes only on the own secretary; the secretary is not on the roll', async () => {
    const mine = await get(member, `/me/evaluations/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().canVote).toBe(true);
    expect(mine.json().ballotSubjects.map((s: { subjectId: string }) => s.subjectId)).toEqual([washerySubject]);
    const wrong = await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: otherSubject, choice: 'good' }],
    });
    expect(expectErrorShape(wrong, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'body.entries.0.subjectId', message: expect.any(String) },
    ]);
    const grade = await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: washerySubject, choice: 'excellent' }],
    });
    expect(JSON.stringify(expectErrorShape(grade, 400).details)).toContain('body.entries.0.choice');
    const item = await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: washerySubject, choice: 'good', items: [{ key: 'i9', choice: 'good' }] }],
    });
    expect(JSON.stringify(expectErrorShape(item, 400).details)).toContain('body.entries.0.items.0.key');
    // The secretary sees the campaign (she reports) but may not vote on herself.
    const self = await send(secretary, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: washerySubject, choice: 'good' }],
    });
    expectErrorShape(self, 422, 'BALLOT_NOT_ELIGIBLE');
    // Someone neither on the roll nor evaluated does not see the campaign at all.
    const [{ id: foreign }] = await q<{ id: string }>(
      sql`select id from members where org_path like ${`${orgs.branchB.path}%`} and user_id is null and status = 'active' limit 1`,
    );
    const stranger = await sessionForMember(t, admin, foreign);
    expectErrorShape(await get(stranger, `/me/evaluations/${id}`), 404, 'NOT_FOUND');
    expectErrorShape(
      await send(stranger, 'POST', `/me/evaluations/${id}/ballot`, {
        ballotKey: randomUUID(),
        entries: [{ subjectId: washerySubject, choice: 'good' }],
      }),
      404,
      'NOT_FOUND',
    );
    expect((await get(stranger, '/me/evaluations')).json()).toEqual([]);
  });

  it('ten concurrent casts by one voter leave one receipt and one set of choices; a retry is idempotent', async () => {
    const key = randomUUID();
    const ballot = (ballotKey: string) =>
      send(member, 'POST', `/me/evaluations/${id}/ballot`, {
        ballotKey,
        entries: [
          {
            subjectId: washerySubject,
            choice: 'fairly_good',
            items: [
              { key: 'i1', choice: 'good' },
              { key: 'i2', choice: 'average' },
            ],
          },
        ],
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ballot(i === 0 ? key : randomUUID())));
    const ok = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(ok.length + refused.length, results.map((r) => r.statusCode).join(',')).toBe(10);
    expect(ok.length).toBe(1);
    for (const r of refused) expect(expectErrorShape(r, 409, 'BALLOT_ALREADY_CAST').message).toContain('只能投一次');
    const [counts] = await q<{ receipts: number; choices: number }>(
      sql`select (select count(*)::int from ballot_receipts where campaign_id = ${id} and member_id = ${bateer}) as receipts,
        (select count(*)::int from ballot_choices where campaign_id = ${id}) as choices`,
    );
    expect(counts).toEqual({ receipts: 1, choices: 3 });
    // The winner's key, sent again (a network retry): the same receipt, nothing counted twice.
    const winnerKey = ok[0] === results[0] ? key : undefined;
    if (winnerKey) {
      const retry = await ballot(winnerKey);
      expect(retry.statusCode).toBe(201);
      expect(retry.json().replayed).toBe(true);
    }
    const again = await ballot(randomUUID());
    expectErrorShape(again, 409, 'BALLOT_ALREADY_CAST');
    const [after] = await q<{ n: number }>(
      sql`select count(*)::int as n from ballot_choices where campaign_id = ${id}`,
    );
    expect(after!.n).toBe(3);
    const mine = (await get(member, `/me/evaluations/${id}`)).json();
    expect(mine.canVote).toBe(false);
    expect(mine.castAt).not.toBeNull();
  });

  it('a retry with the same key while the first is recorded answers as the first', async () => {
    const [{ id: colleague }] = await q<{ id: string }>(
      sql`select v.member_id as id from evaluation_voters v join members m on m.id = v.member_id
        where v.campaign_id = ${id} and v.subject_id = ${washerySubject} and m.user_id is null limit 1`,
    );
    const s = await sessionForMember(t, admin, colleague);
    const key = randomUUID();
    const body = { ballotKey: key, entries: [{ subjectId: washerySubject, choice: 'good' }] };
    const [first, second] = await Promise.all([
      send(s, 'POST', `/me/evaluations/${id}/ballot`, body),
      send(s, 'POST', `/me/evaluations/${id}/ballot`, body),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect([first.json().replayed, second.json().replayed].sort()).toEqual([false, true]);
    const [n] = await q<{ n: number }>(
      sql`select count(*)::int as n from ballot_receipts where campaign_id = ${id} and member_id = ${colleague}`,
    );
    expect(n!.n).toBe(1);
  });

  it('shows turnout while voting, results and grades once closed', async () => {
    const turnout = (await get(xingguang, `/evaluation/campaigns/${id}/turnout`)).json();
    expect(turnout.cast).toBe(2);
    expect(turnout.byOrg.find((o: { orgId: string }) => o.orgId === orgs.branchA.id).cast).toBe(2);
    // The branch secretary sees her own branch's turnout only.
    const own = (await get(secretary, `/evaluation/campaigns/${id}/turnout`)).json();
    expect(own.byOrg.map((o: { orgId: string }) => o.orgId)).toEqual([orgs.branchA.id]);
    const closed = await send(xingguang, 'POST', `/evaluation/campaigns/${id}/close-voting`);
    expect(closed.statusCode, closed.body).toBe(200);
    expectErrorShape(
      await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
        ballotKey: randomUUID(),
        entries: [{ subjectId: washerySubject, choice: 'good' }],
      }),
      409,
      'EVALUATION_STATE',
    );
    const results = (await get(xingguang, `/evaluation/campaigns/${id}/results`)).json();
    expect(results.kind).toBe('secretary_review');
    const row = results.rows.find((r: { subjectId: string }) => r.subjectId === washerySubject);
    expect(row.tally).toEqual({ good: 1, fairly_good: 1, average: 0, poor: 0 });
    expect(row.satisfactionPercent).toBe(100);
    expect(row.grade).toBe('good');
    expect(row.items.find((i: { key: string }) => i.key === 'i2').tally.average).toBe(1);
    const detail = (await get(xingguang, `/evaluation/campaigns/${id}`)).json();
    expect(detail.subjects.find((s: { id: string }) => s.id === washerySubject).resultGrade).toBe('good');
    expect(await secretarySatisfactionOf(t.database.db, orgs.branchA.id, 2031)).toBe(100);
    expect(await secretarySatisfactionOf(t.database.db, orgs.siblingOfA.id, 2031)).toBeNull();
    // A branch secretary sees the campaign with her own subject only.
    const mineView = (await get(secretary, `/evaluation/campaigns/${id}`)).json();
    expect(mineView.subjects.map((s: { id: string }) => s.id)).toEqual([washerySubject]);
    expect(mineView.canManage).toBe(false);
    expect((await get(secretary, `/evaluation/campaigns/${id}/results`)).json().rows).toHaveLength(1);
  });

  it('点评 by the superior; the branch cannot comment on its own secretary', async () => {
    const res = await send(xingguang, 'POST', `/evaluation/subjects/${washerySubject}/comment`, {
      comment: '履职尽责，成效明显',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().comment).toBe('履职尽责，成效明显');
    expectErrorShape(
      await send(secretary, 'POST', `/evaluation/subjects/${washerySubject}/comment`, { comment: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectErrorShape(
      await send(outsider, 'POST', `/evaluation/subjects/${washerySubject}/comment`, { comment: 'x' }),
      404,
      'NOT_FOUND',
    );
  });

  it('follows a rectification item to closure, with overdue and due-soon warnings', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const create = await send(xingguang, 'POST', `/evaluation/subjects/${washerySubject}/rectifications`, {
      problem: '三会一课记录不规范',
      measure: '统一记录本',
      ownerName: '张丽',
      dueOn: '2031-01-15',
    });
    expect(create.statusCode, create.body).toBe(201);
    const item = create.json();
    expect(item).toMatchObject({ state: 'on_track', status: 'open', daysOverdue: 0 });
    // The branch sees and works on it; a foreign administrator does not see it.
    const board = (await get(secretary, `/evaluation/rectifications?campaignId=${id}`)).json();
    expect(board.data.map((r: { id: string }) => r.id)).toEqual([item.id]);
    expect((await get(outsider, `/evaluation/rectifications?campaignId=${id}`)).json().total).toBe(0);
    expectErrorShape(
      await send(outsider, 'PATCH', `/evaluation/rectifications/${item.id}`, { status: 'in_progress' }),
      404,
    );
    // Due in three days: due soon.
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const moved = await send(secretary, 'PATCH', `/evaluation/rectifications/${item.id}`, {
      status: 'in_progress',
      progressNote: '已制定方案',
      dueOn: soon,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'in_progress', state: 'due_soon', progressNote: '已制定方案' });
    const past = await send(secretary, 'PATCH', `/evaluation/rectifications/${item.id}`, { dueOn: '2025-01-02' });
    expect(past.json()).toMatchObject({ state: 'overdue', status: 'in_progress' });
    expect(past.json().daysOverdue).toBeGreaterThan(300);
    const summary = (await get(xingguang, `/evaluation/rectification-summary?campaignId=${id}`)).json();
    expect(summary).toMatchObject({ total: 1, inProgress: 1, closed: 0, overdue: 1, dueSoon: 0 });
    const overdueList = (await get(xingguang, `/evaluation/rectifications?campaignId=${id}&state=overdue`)).json();
    expect(overdueList.total).toBe(1);
    expect((await get(xingguang, `/evaluation/rectifications?campaignId=${id}&state=due_soon`)).json().total).toBe(0);
    const close = await send(secretary, 'POST', `/evaluation/rectifications/${item.id}/close`, {
      closingNote: '已补齐纪要并建立台账',
    });
    expect(close.json()).toMatchObject({ status: 'closed', state: 'closed', closedByName: '张丽' });
    expectErrorShape(
      await send(secretary, 'PATCH', `/evaluation/rectifications/${item.id}`, { progressNote: 'x' }),
      409,
      'EVALUATION_STATE',
    );
    const reopened = await send(xingguang, 'POST', `/evaluation/rectifications/${item.id}/reopen`, {
      reason: '佐证材料不全',
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', progressNote: '佐证材料不全', closedAt: null });
    const events = await q<{ action: string }>(
      sql`select action from audit_events where entity_id = ${item.id} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual([
      'evaluation.rectification_created',
      'evaluation.rectification_updated',
      'evaluation.rectification_updated',
      'evaluation.rectification_closed',
      'evaluation.rectification_reopened',
    ]);
  });

  it('exports the aggregates as a workbook', async () => {
    const res = await get(xingguang, `/evaluation/campaigns/${id}/export`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['测评结果', '分项测评', '整改清单', '投票情况']);
    const rows = wb.getWorksheet('测评结果')!.getSheetValues().flat().map(String);
    expect(rows).toContain('张丽');
    expect(rows).toContain('100');
    expectErrorShape(await get(outsider, `/evaluation/campaigns/${id}/export`), 404, 'NOT_FOUND');
  });

  it('keeps campaigns out of scope out of lists and answers 404 for them', async () => {
    const list = (await get(outsider, '/evaluation/campaigns?pageSize=200')).json();
    expect(list.data.map((c: { id: string }) => c.id)).not.toContain(id);
    for (const url of [
      `/evaluation/campaigns/${id}`,
      `/evaluation/campaigns/${id}/turnout`,
      `/evaluation/campaigns/${id}/results`,
    ])
      expectErrorShape(await get(outsider, url), 404, 'NOT_FOUND');
    expectErrorShape(await send(outsider, 'POST', `/evaluation/campaigns/${id}/close-voting`), 404, 'NOT_FOUND');
    // The branch secretary sees the campaign of her superior (her secretary is a subject) but cannot run it.
    expect(
      (await get(secretary, '/evaluation/campaigns?pageSize=200')).json().data.map((c: { id: string }) => c.id),
    ).toContain(id);
    expectErrorShape(await send(secretary, 'PATCH', `/evaluation/campaigns/${id}`, { title: 'x' }), 404, 'NOT_FOUND');
  });
});

describe('民主评议党员', () => {
  let id: string;
  let subjects: { id: string; memberId: string; name: string; graded: boolean; category: string }[];
  let probationary: { id: string; memberId: string; name: string };
  const voters = new Map<string, Session>();

  it('the branch opens the campaign: every active member takes part, probationary ones without a grade', async () => {
    const [{ id: prob }] = await q<{ id: string }>(
      sql`select id from members where org_id = ${orgs.branchA.id} and status = 'active' and user_id is null
        and not lost_contact order by id limit 1`,
    );
    // Make sure the branch has a probationary member.
    await t.database.db.execute(sql`update members set category = 'probationary' where id = ${prob}`);
    const res = await send(secretary, 'POST', '/evaluation/campaigns', {
      kind: 'member_evaluation',
      orgId: orgs.branchA.id,
      year: 2031,
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    subjects = res.json().subjects;
    const [{ n }] = await q<{ n: number }>(
      sql`select count(*)::int as n from members where org_id = ${orgs.branchA.id} and status = 'active' and not lost_contact`,
    );
    expect(subjects.length).toBe(n);
    probationary = subjects.find((s) => s.memberId === prob)!;
    expect(probationary).toMatchObject({ graded: false, category: 'probationary' });
    expect(subjects.filter((s) => s.graded).every((s) => s.category === 'full')).toBe(true);
    // Only a branch's own: a party committee cannot hold a 民主评议 of members.
    const wrong = await send(admin, 'POST', '/evaluation/campaigns', {
      kind: 'member_evaluation',
      orgId: orgs.xingguang.id,
      year: 2031,
    });
    expect(JSON.stringify(expectErrorShape(wrong, 400).details)).toContain('body.orgId');
  });

  it('members write their self-assessment on H5; the branch records the 互评 summary', async () => {
    const res = await send(member, 'PUT', `/me/evaluations/${id}/self-assessment`, {
      selfAssessment: '认真学习，按时交纳党费，完成岗位任务。',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mine.selfAssessment).toContain('认真学习');
    const me = subjects.find((s) => s.memberId === bateer)!;
    const peer = await send(secretary, 'PATCH', `/evaluation/subjects/${me.id}`, { peerSummary: '工作踏实' });
    expect(peer.statusCode, peer.body).toBe(200);
    expect(peer.json().peerSummary).toBe('工作踏实');
    // A report is for 述职评议 only.
    expectErrorShape(await send(secretary, 'PATCH', `/evaluation/subjects/${me.id}`, { report: 'x' }), 409);
  });

  it('full members vote on every graded member but themselves; probationary members do not vote by default', async () => {
    const open = await send(secretary, 'POST', `/evaluation/campaigns/${id}/open-voting`);
    expect(open.statusCode, open.body).toBe(200);
    const graded = subjects.filter((s) => s.graded);
    expect(open.json().turnout.eligible).toBe(graded.length);
    const probSession = await sessionForMember(t, admin, probationary.memberId);
    const refused = await send(probSession, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: graded[0]!.id, choice: 'qualified' }],
    });
    expectErrorShape(refused, 422, 'BALLOT_NOT_ELIGIBLE');
    expect((await get(probSession, `/me/evaluations/${id}`)).json()).toMatchObject({ eligible: false, canVote: false });
    const onProbationary = await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: probationary.id, choice: 'excellent' }],
    });
    expect(JSON.stringify(expectErrorShape(onProbationary, 400).details)).toContain('body.entries.0.subjectId');
    const me = subjects.find((s) => s.memberId === bateer)!;
    const onSelf = await send(member, 'POST', `/me/evaluations/${id}/ballot`, {
      ballotKey: randomUUID(),
      entries: [{ subjectId: me.id, choice: 'excellent' }],
    });
    expect(JSON.stringify(expectErrorShape(onSelf, 400).details)).toContain('body.entries.0.subjectId');
    // Three voters: everyone 合格 but the first three, whom they rate 优秀.
    const ballotSubjects = (await get(member, `/me/evaluations/${id}`)).json().ballotSubjects;
    expect(ballotSubjects.length).toBe(graded.length - 1);
    const others = graded.filter((s) => s.memberId !== bateer).slice(0, 2);
    voters.set(bateer, member);
    for (const o of others) voters.set(o.memberId, await sessionForMember(t, admin, o.memberId));
    const stars = graded.slice(0, 3).map((s) => s.id);
    for (const [memberId, s] of voters) {
      const res = await send(s, 'POST', `/me/evaluations/${id}/ballot`, {
        ballotKey: randomUUID(),
        entries: graded
          .filter((g) => g.memberId !== memberId)
          .map((g) => ({ subjectId: g.id, choice: stars.includes(g.id) ? 'excellent' : 'qualified' })),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const closed = await send(secretary, 'POST', `/evaluation/campaigns/${id}/close-voting`);
    expect(closed.json().status).toBe('closed');
  });

  it('enforces 优秀 ≤ 1/3 of those graded, naming the count, and keeps probationary members ungraded', async () => {
    const results = (await get(secretary, `/evaluation/campaigns/${id}/results`)).json();
    const graded = subjects.filter((s) => s.graded);
    const max = Math.floor(graded.length / 3);
    expect(results.quota).toMatchObject({ graded: graded.length, max, denominator: 3, missing: graded.length });
    const suggested = results.rows.filter((r: { suggestedGrade: string }) => r.suggestedGrade === 'excellent');
    expect(suggested.length).toBeLessThanOrEqual(max);
    expect(results.rows.find((r: { subjectId: string }) => r.subjectId === probationary.id).suggestedGrade).toBeNull();
    // A grade for the probationary member is refused.
    const prob = await send(secretary, 'PUT', `/evaluation/campaigns/${id}/proposals`, {
      proposals: [{ subjectId: probationary.id, grade: 'qualified' }],
    });
    expect(JSON.stringify(expectErrorShape(prob, 400).details)).toContain('body.proposals.0.grade');
    // Incomplete proposals are refused on submission, naming how many are missing.
    const partial = await send(secretary, 'PUT', `/evaluation/campaigns/${id}/proposals`, {
      proposals: [{ subjectId: graded[0]!.id, grade: 'excellent' }],
    });
    expect(partial.json()).toEqual({ updated: 1 });
    const missing = await send(secretary, 'POST', `/evaluation/campaigns/${id}/submit`);
    expect(expectErrorShape(missing, 409, 'EVALUATION_QUOTA').message).toContain(
      `${graded.length - 1} 名党员未拟定等次`,
    );
    // One 优秀 too many.
    const over = graded.map((s, i) => ({ subjectId: s.id, grade: i <= max ? 'excellent' : 'qualified' }));
    await send(secretary, 'PUT', `/evaluation/campaigns/${id}/proposals`, { proposals: over });
    const refused = await send(secretary, 'POST', `/evaluation/campaigns/${id}/submit`);
    const error = expectErrorShape(refused, 409, 'EVALUATION_QUOTA');
    expect(error.message).toContain(`拟定优秀 ${max + 1} 人`);
    expect(error.message).toContain(`${graded.length} 人的 1/3（最多 ${max} 人）`);
    const ok = graded.map((s, i) => ({ subjectId: s.id, grade: i < max ? 'excellent' : 'qualified' }));
    await send(secretary, 'PUT', `/evaluation/campaigns/${id}/proposals`, { proposals: ok });
    const submitted = await send(secretary, 'POST', `/evaluation/campaigns/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expectErrorShape(
      await send(secretary, 'PUT', `/evaluation/campaigns/${id}/proposals`, { proposals: ok.slice(0, 1) }),
      409,
      'EVALUATION_STATE',
    );
  });

  it('the superior confirms (the branch cannot), after a return and a resubmission; grades are then published', async () => {
    expectErrorShape(await send(secretary, 'POST', `/evaluation/campaigns/${id}/confirm`), 403, 'FORBIDDEN');
    expect(await evaluationGradeOf(t.database.db, bateer, 2031)).toBeNull();
    const returned = await send(xingguang, 'POST', `/evaluation/campaigns/${id}/return`, { reason: '请补充互评意见' });
    expect(returned.json()).toMatchObject({ status: 'closed', returnedReason: '请补充互评意见' });
    expect((await send(secretary, 'POST', `/evaluation/campaigns/${id}/submit`)).statusCode).toBe(200);
    const confirmed = await send(xingguang, 'POST', `/evaluation/campaigns/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedByName: '李志强' });
    const graded = subjects.filter((s) => s.graded);
    const expected =
      graded.findIndex((s) => s.memberId === bateer) < Math.floor(graded.length / 3) ? 'excellent' : 'qualified';
    expect(await evaluationGradeOf(t.database.db, bateer, 2031)).toBe(expected);
    expect(await evaluationGradeOf(t.database.db, bateer, 2030)).toBeNull();
    expect(await evaluationGradeOf(t.database.db, probationary.memberId, 2031)).toBeNull();
    const mine = (await get(member, `/me/evaluations/${id}`)).json();
    expect(mine.mine.finalGrade).toBe(expected);
    const list = (await get(member, '/me/evaluations')).json();
    expect(list.find((c: { campaignId: string }) => c.campaignId === id).mine.finalGrade).toBe(expected);
  });

  it('keeps the campaign out of other scopes', async () => {
    expectErrorShape(await get(outsider, `/evaluation/campaigns/${id}`), 404, 'NOT_FOUND');
    expectErrorShape(await send(outsider, 'POST', `/evaluation/campaigns/${id}/confirm`), 404, 'NOT_FOUND');
    const subject = subjects[0]!.id;
    expectErrorShape(await send(outsider, 'PATCH', `/evaluation/subjects/${subject}`, { peerSummary: 'x' }), 404);
  });
});

describe('demo data', () => {
  it('has last year’s completed 述职评议 of 星光集团 and confirmed 民主评议 within the 1/3 rule', async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;
    const campaigns = await q<{ id: string; kind: string; status: string }>(
      sql`select id, kind, status from evaluation_campaigns where year = ${year}`,
    );
    const review = campaigns.find((c) => c.kind === 'secretary_review')!;
    expect(review.status).toBe('closed');
    const [r] = await q<{
      subjects: number;
      graded: number;
      commented: number;
      receipts: number;
      closed: number;
      open: number;
    }>(
      sql`select (select count(*)::int from evaluation_subjects where campaign_id = ${review.id}) as subjects,
        (select count(*)::int from evaluation_subjects where campaign_id = ${review.id} and result_grade is not null) as graded,
        (select count(*)::int from evaluation_subjects where campaign_id = ${review.id} and comment is not null) as commented,
        (select count(*)::int from ballot_receipts where campaign_id = ${review.id}) as receipts,
        (select count(*)::int from evaluation_rectifications where campaign_id = ${review.id} and status = 'closed') as closed,
        (select count(*)::int from evaluation_rectifications where campaign_id = ${review.id} and status <> 'closed') as open`,
    );
    expect(r).toMatchObject({ subjects: 10, graded: 10, commented: 10 });
    expect(r!.receipts).toBeGreaterThan(100);
    expect(r!.closed).toBeGreaterThan(0);
    expect(r!.open).toBeGreaterThan(0);
    const evaluations = campaigns.filter((c) => c.kind === 'member_evaluation');
    expect(evaluations.length).toBeGreaterThanOrEqual(10);
    expect(evaluations.every((c) => c.status === 'confirmed')).toBe(true);
    const quota = await q<{ campaign_id: string; graded: number; excellent: number; ungraded_with_grade: number }>(
      sql`select campaign_id, count(*) filter (where graded)::int as graded,
          count(*) filter (where final_grade = 'excellent')::int as excellent,
          count(*) filter (where not graded and final_grade is not null)::int as ungraded_with_grade
        from evaluation_subjects where campaign_id in (select id from evaluation_campaigns
          where kind = 'member_evaluation' and year = ${year}) group by campaign_id`,
    );
    for (const c of quota) {
      expect(c.excellent).toBeLessThanOrEqual(Math.floor(c.graded / 3));
      expect(c.ungraded_with_grade).toBe(0);
    }
    // The demo member sees last year's grade on H5.
    const list = (await get(member, '/me/evaluations')).json();
    expect(
      list.some(
        (c: { year: number; mine: { finalGrade: string | null } | null }) => c.year === year && c.mine?.finalGrade,
      ),
    ).toBe(true);
  });
});
