import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  expectErrorShape,
  loadOrgs,
  type OrgRef,
  STRONG_PASSWORD,
} from '../../../test/support/fixtures.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { queryRows } from '../../db/rows.js';
import { DEMO_QUIZ_STEMS, DEMO_QUIZ_TITLE } from '../../db/seed/seed-exams.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { createExamModule, drawQuestions, quizPointSource } from './index.js';

let t: TestApp;
let admin: Session;
let secretary: Session;
let member: Session;
let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;
let zoneBanks: string[];

const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url: `/api/v1${url}` });
const send = (s: Session, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload: object = {}) =>
  t.request(s, { method, url: `/api/v1${url}`, payload });
const LETTERS = 'ABCDEFGH';

/** The member 巴特尔 as an actor, for calling the services with a clock of the test's own. */
async function memberContext(): Promise<RequestContext> {
  const [u] = await q<{ id: string }>(sql`select id from users where username = 'member'`);
  const actor = {
    userId: u!.id,
    username: 'member',
    displayName: '巴特尔',
    locale: 'zh-CN',
    roles: [],
    permissions: new Set(['profile:read']),
    scopes: new Map(),
    via: 'session',
    mfaEnabled: false,
    mfaRequired: false,
    mustChangePassword: false,
  } as unknown as Actor;
  return { actor, requestId: 'test', ip: null, locale: 'zh-CN' };
}

/** Creates and publishes an exam for the zone through the API, open from an hour ago. */
async function publishedExam(over: Record<string, unknown> = {}) {
  const res = await send(admin, 'POST', '/exams', {
    orgId: orgs.root.id,
    kind: 'quiz',
    title: `测验 ${Math.random().toString(36).slice(2, 8)}`,
    bankIds: zoneBanks,
    drawRules: [
      { tags: ['党章'], count: 3 },
      { tags: ['党史'], count: 3 },
    ],
    timeLimitMinutes: 10,
    graceSeconds: 30,
    maxAttempts: 1,
    audienceOrgIds: [orgs.root.id],
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const pub = await send(admin, 'POST', `/exams/${res.json().id}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);
  return res.json().id as string;
}

/** The right answer of a question as the attempt displays it. */
async function rightDisplayed(attemptId: string, questionId: string) {
  const [row] = await q<{ kind: string; answer: unknown[]; order: string[] | null }>(
    sql`select q.kind, q.answer, a.option_orders -> ${questionId}::text as order from questions q, exam_attempts a
      where q.id = ${questionId} and a.id = ${attemptId}`,
  );
  const { kind, answer, order } = row!;
  const show = (k: string) => (order ? LETTERS[order.indexOf(k)]! : k);
  if (kind === 'single') return show(answer[0] as string);
  if (kind === 'multiple') return (answer as string[]).map(show);
  if (kind === 'true_false') return answer[0] as boolean;
  return (answer as (string | string[])[]).map((b) => (Array.isArray(b) ? b[0]! : b));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  secretary = await t.login('secretary');
  member = await t.login('member');
  orgs = await loadOrgs(t, admin);
  const banks = await get(admin, '/question-banks?pageSize=50');
  zoneBanks = banks
    .json()
    .data.filter((b: { orgId: string }) => b.orgId === orgs.root.id)
    .map((b: { id: string }) => b.id);
});
afterAll(async () => t?.close());

describe('demo data', () => {
  it('holds at least 300 live questions and the open demo quiz with known stems', async () => {
    const [{ n }] = (await q<{ n: number }>(
      sql`select count(*)::int as n from questions where retired_at is null and bank_id in (select id from question_banks where name like '%题库' and name not like '知识竞赛%')`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(300);
    const mine = await get(member, '/me/exams');
    expect(mine.statusCode, mine.body).toBe(200);
    const quiz = mine.json().find((e: { title: string }) => e.title === DEMO_QUIZ_TITLE);
    expect(quiz).toMatchObject({ window: 'open', attemptsUsed: 0, questionCount: DEMO_QUIZ_STEMS.length });
  });
});

describe('question banks (题库)', () => {
  it('lets a branch manage its own bank, use the zone banks, and not see another branch’s bank', async () => {
    const created = await send(secretary, 'POST', '/question-banks', {
      name: '洗煤厂支部题库',
      orgId: orgs.branchA.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const list = await get(secretary, '/question-banks?pageSize=50');
    const names = list.json().data.map((b: { name: string }) => b.name);
    expect(names).toContain('洗煤厂支部题库');
    expect(names).toContain('党史知识题库');
    const other = await send(admin, 'POST', '/question-banks', { name: '电石分公司题库', orgId: orgs.branchB.id });
    expectErrorShape(await get(secretary, `/question-banks/${other.json().id}`), 404, 'NOT_FOUND');
    // The zone's bank is usable (read) but not managed by the branch.
    expectErrorShape(
      await send(secretary, 'PATCH', `/question-banks/${zoneBanks[0]}`, { name: 'x' }),
      404,
      'NOT_FOUND',
    );

    const bad = await send(secretary, 'POST', `/question-banks/${id}/questions`, {
      kind: 'single',
      stem: '坏题',
      options: [
        { key: 'A', text: '甲' },
        { key: 'B', text: '乙' },
      ],
      answer: ['C'],
    });
    expectErrorShape(bad, 400, 'VALIDATION_FAILED');
    const good = await send(secretary, 'POST', `/question-banks/${id}/questions`, {
      kind: 'true_false',
      stem: '支委会一般每月召开一次。',
      answer: [true],
      tags: ['组织生活'],
    });
    expect(good.statusCode, good.body).toBe(201);
    const twin = await send(secretary, 'POST', `/question-banks/${id}/questions`, {
      kind: 'true_false',
      stem: ' 支委会一般每月召开一次。 ',
      answer: [true],
    });
    expectErrorShape(twin, 409, 'CONFLICT');
  });

  it('draws deterministically for a seed, without repeats, only live questions', async () => {
    const input = { bankIds: zoneBanks, rules: [{ tags: ['党史'], count: 8 }, { count: 8 }], seed: 'same' };
    const a = await drawQuestions(t.database.db, input);
    const b = await drawQuestions(t.database.db, input);
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
    expect(new Set(a.map((x) => x.id)).size).toBe(16);
    expect(a.slice(0, 8).every((x) => x.tags.includes('党史') && x.retiredAt === null)).toBe(true);
    const c = await drawQuestions(t.database.db, { ...input, seed: 'other' });
    expect(c.map((x) => x.id)).not.toEqual(a.map((x) => x.id));
    await expect(
      drawQuestions(t.database.db, { ...input, rules: [{ tags: ['无此标签'], count: 1 }] }),
    ).rejects.toThrow();
  });
});

describe('exams (考试测验)', () => {
  it('autosaves and resumes the same attempt: same questions, order and choices, time from the server', async () => {
    const examId = await publishedExam();
    const first = await send(member, 'POST', `/me/exams/${examId}/attempts`);
    expect(first.statusCode, first.body).toBe(200);
    const a = first.json();
    expect(a.questions).toHaveLength(6);
    expect(a.remainingSeconds).toBeGreaterThan(590);
    expect(a.questions[0].answer).toBeNull();
    expect(JSON.stringify(a)).not.toContain('explanation');
    const qid = a.questions[0].id;
    const answer = await rightDisplayed(a.id, qid);
    const saved = await send(member, 'PUT', `/me/exams/${examId}/answers`, { questionId: qid, answer });
    expect(saved.statusCode, saved.body).toBe(200);
    // A lost connection: the member comes back.
    const again = await send(member, 'POST', `/me/exams/${examId}/attempts`);
    const b = again.json();
    expect(b.id).toBe(a.id);
    expect(b.questions.map((x: { id: string }) => x.id)).toEqual(a.questions.map((x: { id: string }) => x.id));
    expect(b.questions.map((x: { options: unknown }) => x.options)).toEqual(
      a.questions.map((x: { options: unknown }) => x.options),
    );
    expect(b.questions[0].answer).toEqual(answer);
    expect(b.deadline).toBe(a.deadline);
    expect(b.remainingSeconds).toBeLessThanOrEqual(a.remainingSeconds);
    // Answer the rest right (choices shuffled per attempt) and submit: full marks, explanations shown.
    for (const x of b.questions.slice(1))
      await send(member, 'PUT', `/me/exams/${examId}/answers`, {
        questionId: x.id,
        answer: await rightDisplayed(a.id, x.id),
      });
    const done = await send(member, 'POST', `/me/exams/${examId}/submit`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', released: true, percent: 100, passed: true });
    expect(done.json().questions.every((x: { correct: boolean }) => x.correct)).toBe(true);
    expect(done.json().questions[0]).toHaveProperty('explanation');
    const changed = await send(member, 'PUT', `/me/exams/${examId}/answers`, { questionId: qid, answer });
    expectErrorShape(changed, 409, 'EXAM_STATE');
  });

  it('keeps time by the server clock: a late answer is refused, submission allowed in the grace period only', async () => {
    const examId = await publishedExam({ graceSeconds: 30 });
    const clock = { now: new Date() };
    const m = createExamModule({ db: t.database.db, now: () => clock.now });
    const ctx = await memberContext();
    const started = await m.attempts.start(ctx, examId);
    expect(started.remainingSeconds).toBe(600);
    clock.now = new Date(clock.now.getTime() + 120_000);
    const resumed = await m.attempts.start(ctx, examId);
    expect(resumed.id).toBe(started.id);
    expect(resumed.remainingSeconds).toBe(480);
    const qid = started.questions[0]!.id;
    await m.attempts.saveAnswer(ctx, examId, qid, await rightDisplayed(started.id, qid));
    // 10 s after the deadline: inside the grace, answers are refused with the reason, submission still works.
    clock.now = new Date(new Date(started.deadline!).getTime() + 10_000);
    const late = m.attempts.saveAnswer(ctx, examId, started.questions[1]!.id, true);
    await expect(late).rejects.toMatchObject({ code: 'EXAM_TIME_UP' });
    await expect(late).rejects.toThrow(/deadline|Time ran out/);
    const result = await m.attempts.submit(ctx, examId);
    expect(result.status).toBe('submitted');
    expect(result.score).toBe(1);
  });

  it('expires an attempt after the grace: answers refused, the saved ones graded', async () => {
    const examId = await publishedExam({ graceSeconds: 30 });
    const clock = { now: new Date() };
    const m = createExamModule({ db: t.database.db, now: () => clock.now });
    const ctx = await memberContext();
    const started = await m.attempts.start(ctx, examId);
    clock.now = new Date(new Date(started.deadline!).getTime() + 31_000);
    await expect(m.attempts.saveAnswer(ctx, examId, started.questions[0]!.id, true)).rejects.toMatchObject({
      code: 'EXAM_TIME_UP',
    });
    // Submitting now closes it as expired, graded on what was saved in time.
    expect((await m.attempts.submit(ctx, examId)).status).toBe('expired');
    await expect(m.attempts.submit(ctx, examId)).rejects.toMatchObject({ code: 'EXAM_STATE' });
    const mine = (await m.attempts.myExams(ctx)).find((e) => e.id === examId)!;
    expect(mine).toMatchObject({ attemptsUsed: 1, inProgressAttemptId: null });
    const [row] = await q<{ status: string }>(sql`select status from exam_attempts where id = ${started.id}`);
    expect(row!.status).toBe('expired');
  });

  it('limits attempts; an override gives extra attempts and extra time', async () => {
    const examId = await publishedExam({ maxAttempts: 1 });
    await send(member, 'POST', `/me/exams/${examId}/attempts`);
    await send(member, 'POST', `/me/exams/${examId}/submit`);
    const refused = await send(member, 'POST', `/me/exams/${examId}/attempts`);
    expectErrorShape(refused, 409, 'EXAM_STATE');
    expect(refused.json().error.message).toContain('1');
    const [{ id: bateer }] = (await q<{ id: string }>(
      sql`select m.id from members m join users u on u.id = m.user_id where u.username = 'member'`,
    )) as [{ id: string }];
    const o = await send(admin, 'PUT', `/exams/${examId}/overrides`, {
      memberId: bateer,
      extraAttempts: 1,
      extraMinutes: 5,
    });
    expect(o.statusCode, o.body).toBe(200);
    const second = await send(member, 'POST', `/me/exams/${examId}/attempts`);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().attemptNo).toBe(2);
    expect(second.json().remainingSeconds).toBeGreaterThan(14 * 60);
    const results = await get(admin, `/exams/${examId}/results`);
    expect(results.json().overrides).toEqual([
      expect.objectContaining({ memberId: bateer, extraAttempts: 1, extraMinutes: 5 }),
    ]);
    expect(results.json().rows).toHaveLength(2);
    const xlsx = await get(admin, `/exams/${examId}/results/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('holds results back until the close when asked to', async () => {
    const examId = await publishedExam({ resultsRelease: 'after_close', maxAttempts: 2 });
    await send(member, 'POST', `/me/exams/${examId}/attempts`);
    const r = await send(member, 'POST', `/me/exams/${examId}/submit`);
    expect(r.json()).toMatchObject({ released: false, score: null, questions: [] });
    await send(admin, 'POST', `/exams/${examId}/close`);
    const after = await get(member, `/me/exams/${examId}/results`);
    expect(after.json()[0]).toMatchObject({ released: true });
    expect(after.json()[0].questions).toHaveLength(6);
  });

  it('answers 404 outside scope: another branch’s exam, an exam whose audience does not hold the member', async () => {
    const res = await send(admin, 'POST', '/exams', {
      orgId: orgs.branchB.id,
      kind: 'exam',
      title: '电石分公司考试',
      bankIds: zoneBanks,
      drawRules: [{ count: 3 }],
      audienceOrgIds: [orgs.branchB.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expectErrorShape(await get(secretary, `/exams/${id}`), 404, 'NOT_FOUND');
    expectErrorShape(await get(secretary, `/exams/${id}/results`), 404, 'NOT_FOUND');
    await send(admin, 'POST', `/exams/${id}/publish`);
    expectErrorShape(await send(member, 'POST', `/me/exams/${id}/attempts`), 404, 'NOT_FOUND');
    const list = await get(secretary, '/exams?pageSize=100');
    expect(list.json().data.map((e: { id: string }) => e.id)).not.toContain(id);
  });

  it('refuses a branch admin’s audience outside their scope', async () => {
    const res = await send(secretary, 'POST', '/exams', {
      orgId: orgs.branchA.id,
      kind: 'quiz',
      title: '越权',
      bankIds: zoneBanks,
      drawRules: [{ count: 3 }],
      audienceOrgIds: [orgs.branchB.id],
    });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(res.body).toContain('audienceOrgIds');
  });
});

describe('points (应知应会测试合格)', () => {
  it('books one quiz event per member and exam on the first passing day, only once results are released', async () => {
    const now = new Date();
    const year = Number(now.toISOString().slice(0, 4));
    const events = await quizPointSource.events({
      tx: t.database.db,
      from: `${year - 1}-01-01`,
      to: `${year + 1}-01-01`,
      roots: null,
      now,
    });
    expect(events.length).toBeGreaterThan(10);
    const keys = events.map((e) => `${e.memberId}:${e.sourceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.every((e) => e.sourceType === 'quiz' && e.label.includes('合格'))).toBe(true);
    const [first] = events;
    const [earliest] = await q<{ submitted_at: Date }>(
      sql`select min(submitted_at) as submitted_at from exam_attempts where member_id = ${first!.memberId}
        and exam_id = ${first!.sourceId} and passed`,
    );
    expect(first!.occurredOn).toBe(
      new Date(new Date(earliest!.submitted_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    );
    // An exam whose results wait for the close gives nothing before it.
    const examId = await publishedExam({
      resultsRelease: 'after_close',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await send(member, 'POST', `/me/exams/${examId}/attempts`);
    await q(sql`update exam_attempts set status = 'submitted', submitted_at = now(), score = max_score, percent = 100, passed = true
      where exam_id = ${examId}`);
    const again = await quizPointSource.events({
      tx: t.database.db,
      from: `${year - 1}-01-01`,
      to: `${year + 1}-01-01`,
      roots: null,
      now,
    });
    expect(again.some((e) => e.sourceId === examId)).toBe(false);
  });
});

describe('an outsider', () => {
  it('cannot reach the console routes without learning permissions', async () => {
    await createUser(t, admin, { username: 'exam_viewer', roles: [{ role: 'member', orgId: orgs.branchA.id }] });
    const s = await t.login('exam_viewer', STRONG_PASSWORD);
    expectErrorShape(await get(s, '/question-banks'), 403, 'FORBIDDEN');
  });
});
