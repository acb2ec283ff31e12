import { shanghaiDate } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

describe('学习教育', () => {
  let t: TestApp;
  let admin: Session;
  let reviewer: Session;
  let secretary: Session;
  let member: Session;
  let orgs: Record<'root' | 'xingguang' | 'branchA' | 'siblingOfA' | 'shuangxin' | 'branchB', OrgRef>;
  let memberId: string;

  const req = (s: Session, method: string, url: string, payload?: unknown) =>
    t.request(s, {
      method: method as 'GET',
      url: `/api/v1${url}`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async (s: Session, method: string, url: string, payload?: unknown) => {
    const res = await req(s, method, url, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  /** Moves the session's and the day's clocks back, as if the last heartbeat was `seconds` ago. */
  const rewind = async (sessionId: string, seconds: number) => {
    await t.database.db.execute(sql`update learning_study_sessions set last_beat_at = last_beat_at - make_interval(secs => ${seconds})
      where id = ${sessionId}`);
    await t.database.db.execute(sql`update learning_study_days set last_credit_at = last_credit_at - make_interval(secs => ${seconds})
      where member_id = ${memberId}`);
  };
  const publish = async (body: Record<string, unknown>) => {
    const c = await ok(admin, 'POST', '/learning/contents', { orgId: orgs.root.id, ...body });
    await ok(admin, 'POST', `/learning/contents/${c.id}/submit`);
    return ok(reviewer, 'POST', `/learning/contents/${c.id}/approve`, {});
  };
  const upload = (s: Session, url: string, name: string, bytes: Buffer) =>
    t.request(s, {
      method: 'POST',
      url: `/api/v1${url}`,
      headers: { 'content-type': 'multipart/form-data; boundary=lrn' },
      payload: Buffer.concat([
        Buffer.from(`--lrn\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
        bytes,
        Buffer.from('\r\n--lrn--\r\n'),
      ]),
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    await createUser(t, admin, { username: 'lrn_reviewer', roles: [{ role: 'zone_admin', orgId: orgs.root.id }] });
    reviewer = await t.login('lrn_reviewer', 'Test-Passw0rd!');
    secretary = await t.login('secretary');
    member = await t.login('member');
    memberId = (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select m.id from members m join users u on u.id = m.user_id where u.username = 'member'`,
      )
    )[0]!.id;
  });
  afterAll(async () => t?.close());

  it('answers zone-wide statistics quickly', async () => {
    const started = Date.now();
    const stats = await ok(admin, 'GET', '/learning/stats');
    expect(stats.totals.members).toBeGreaterThan(100);
    expect(stats.totals.studied).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('seeds a library, courses and plans', async () => {
    const list = await ok(member, 'GET', '/me/learning/contents?pageSize=100');
    expect(list.total).toBeGreaterThanOrEqual(20);
    expect((await ok(member, 'GET', '/me/learning/contents?q=遵义会议')).data[0].title).toBe('遵义会议的历史意义');
    const courses = await ok(member, 'GET', '/me/learning/courses');
    expect(courses.map((c: { title: string }) => c.title)).toContain('新党员入门微课');
  });

  it('sanitizes article HTML on the server', async () => {
    const c = await ok(admin, 'POST', '/learning/contents', {
      kind: 'article',
      orgId: orgs.root.id,
      title: '注入测试',
      bodyHtml:
        '<h2>标题</h2><p onclick="steal()">正文</p><script>alert(1)</script><img src="x.png" onerror="alert(1)"><a href="javascript:alert(1)">链接</a><iframe src="https://evil"></iframe><table><tr><td>表</td></tr></table>',
    });
    expect(c.bodyHtml).toBe('<h2>标题</h2><p>正文</p><img><a>链接</a><table><tr><td>表</td></tr></table>');
    const patched = await ok(admin, 'PATCH', `/learning/contents/${c.id}`, {
      bodyHtml: '<p>改<svg onload=alert(1)>x</svg></p>',
    });
    expect(patched.bodyHtml).toBe('<p>改</p>');
  });

  it('publishes only after review by someone other than the author', async () => {
    const c = await ok(admin, 'POST', '/learning/contents', {
      kind: 'article',
      orgId: orgs.root.id,
      title: '审核流程',
      bodyHtml: '<p>内容</p>',
    });
    expectErrorShape(await req(admin, 'POST', `/learning/contents/${c.id}/approve`, {}), 409);
    await ok(admin, 'POST', `/learning/contents/${c.id}/submit`);
    expectErrorShape(await req(admin, 'POST', `/learning/contents/${c.id}/approve`, {}), 409);
    expectErrorShape(await req(admin, 'PATCH', `/learning/contents/${c.id}`, { title: '改' }), 409);
    const rejected = await ok(reviewer, 'POST', `/learning/contents/${c.id}/reject`, { note: '请补充' });
    expect(rejected.status).toBe('rejected');
    // Not yet published: members do not see it.
    expectErrorShape(await req(member, 'GET', `/me/learning/contents/${c.id}`), 404);
    await ok(admin, 'POST', `/learning/contents/${c.id}/submit`);
    const published = await ok(reviewer, 'POST', `/learning/contents/${c.id}/approve`, {});
    expect(published).toMatchObject({ status: 'published', reviewerName: 'lrn_reviewer' });
    expect((await ok(member, 'GET', `/me/learning/contents/${c.id}`)).title).toBe('审核流程');
  });

  it('shows members only contents meant for their organization subtree or the zone', async () => {
    const forB = await publish({
      kind: 'article',
      title: '仅双欣',
      bodyHtml: '<p>x</p>',
      audience: 'orgs',
      targetOrgIds: [orgs.shuangxin.id],
    });
    const forA = await publish({
      kind: 'article',
      title: '仅星光',
      bodyHtml: '<p>x</p>',
      audience: 'orgs',
      targetOrgIds: [orgs.xingguang.id],
    });
    expectErrorShape(await req(member, 'GET', `/me/learning/contents/${forB.id}`), 404);
    expectErrorShape(await req(member, 'GET', `/me/learning/contents/${forB.id}/file`), 404);
    expectErrorShape(await req(member, 'POST', '/me/learning/sessions', { contentId: forB.id }), 404);
    expect((await ok(member, 'GET', `/me/learning/contents/${forA.id}`)).title).toBe('仅星光');
    const titles = (await ok(member, 'GET', '/me/learning/contents?q=仅')).data.map((c: { title: string }) => c.title);
    expect(titles).toContain('仅星光');
    expect(titles).not.toContain('仅双欣');
    // A branch admin sees zone contents but manages none of them.
    expectErrorShape(await req(secretary, 'PATCH', `/learning/contents/${forA.id}`, { title: 'x' }), 404);
    expectErrorShape(await req(secretary, 'GET', `/learning/contents/${forB.id}`), 404);
  });

  it('credits heartbeats on the server: visible and active only, capped, no twin tabs, daily cap', async () => {
    const c = await publish({ kind: 'article', title: '心跳测试', bodyHtml: '<p>x</p>' });
    const s = await ok(member, 'POST', '/me/learning/sessions', { contentId: c.id });
    const beat = (id: string, body: object) => ok(member, 'POST', `/me/learning/sessions/${id}/heartbeat`, body);
    const base = { visible: true, active: true, position: 0.2 };
    await rewind(s.id, 15);
    expect(await beat(s.id, base)).toMatchObject({ credited: 15, refusal: null });
    await rewind(s.id, 15);
    expect(await beat(s.id, { ...base, visible: false })).toMatchObject({ credited: 0, refusal: 'hidden' });
    await rewind(s.id, 15);
    expect(await beat(s.id, { ...base, active: false })).toMatchObject({ credited: 0, refusal: 'idle' });
    await rewind(s.id, 600);
    expect(await beat(s.id, base)).toMatchObject({ credited: 30, refusal: null });
    expect(await beat(s.id, base)).toMatchObject({ credited: 0, refusal: 'too_soon' });
    // A second tab while the first is being credited earns nothing.
    const twin = await ok(member, 'POST', '/me/learning/sessions', { contentId: c.id });
    await rewind(twin.id, 15);
    expect(await beat(twin.id, base)).toMatchObject({ credited: 0, refusal: 'overlap' });
    const [row] = await queryRows<{ heartbeats: number; accepted_heartbeats: number; credited_seconds: number }>(
      t.database.db,
      sql`select heartbeats, accepted_heartbeats, credited_seconds from learning_study_sessions where id = ${s.id}`,
    );
    expect(row).toEqual({ heartbeats: 5, accepted_heartbeats: 2, credited_seconds: 45 });
    // The daily cap.
    await t.database.db.execute(
      sql`update learning_study_days set credited_seconds = 7195 where member_id = ${memberId} and day = ${shanghaiDate(new Date())}`,
    );
    await rewind(s.id, 60);
    expect(await beat(s.id, base)).toMatchObject({ credited: 5, todayCreditedSeconds: 7200 });
    await rewind(s.id, 60);
    expect(await beat(s.id, base)).toMatchObject({ credited: 0, refusal: 'daily_cap' });
    await t.database.db.execute(sql`update learning_study_days set credited_seconds = 0 where member_id = ${memberId}`);
  });

  it('needs the video to advance, and serves files with ranges', async () => {
    const c = await ok(admin, 'POST', '/learning/contents', { kind: 'video', orgId: orgs.root.id, title: '视频测试' });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(200, 7)]);
    expect((await upload(admin, `/learning/contents/${c.id}/file`, 'v.pdf', mp4)).statusCode).toBe(415);
    expect((await upload(admin, `/learning/contents/${c.id}/file`, 'v.mp4', mp4)).statusCode).toBe(200);
    await ok(admin, 'POST', `/learning/contents/${c.id}/submit`);
    await ok(reviewer, 'POST', `/learning/contents/${c.id}/approve`, {});
    const range = await t.request(member, {
      method: 'GET',
      url: `/api/v1/me/learning/contents/${c.id}/file`,
      headers: { range: 'bytes=4-11' },
    });
    expect(range.statusCode).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 4-11/${mp4.length}`);
    expect(range.body).toBe('ftypisom');
    const s = await ok(member, 'POST', '/me/learning/sessions', { contentId: c.id });
    await t.database.db.execute(
      sql`update learning_study_days set last_session_id = null where member_id = ${memberId}`,
    );
    await rewind(s.id, 15);
    const beat = (position: number) =>
      ok(member, 'POST', `/me/learning/sessions/${s.id}/heartbeat`, { visible: true, active: true, position });
    expect(await beat(0)).toMatchObject({ credited: 0, refusal: 'no_progress' });
    await rewind(s.id, 15);
    expect(await beat(15)).toMatchObject({ credited: 15 });
    await rewind(s.id, 15);
    expect(await beat(15)).toMatchObject({ credited: 0, refusal: 'no_progress' });
  });

  it('completes lessons and courses, books study points once, and keeps records in scope', async () => {
    const c = await publish({ kind: 'article', title: '课时测试', bodyHtml: '<p>x</p>' });
    const course = await ok(admin, 'POST', '/learning/courses', {
      title: '半分钟课程',
      orgId: orgs.root.id,
      lessons: [{ contentId: c.id, requiredMinutes: 0.5 }],
    });
    const plan = await ok(admin, 'POST', '/learning/plans', {
      title: '测试计划',
      courseId: course.id,
      orgId: orgs.root.id,
      startsOn: '2020-01-01',
      dueOn: '2099-12-31',
      targetOrgIds: [orgs.branchA.id],
    });
    expect(plan.assigned).toBeGreaterThan(0);
    expect(plan.completed).toBe(0);
    const [note] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications n join users u on u.id = n.recipient_user_id where u.username = 'member' and n.kind = 'study.plan'`,
    );
    expect(note!.n).toBe(1);
    const lessonId = course.lessons[0].id;
    await t.database.db.execute(
      sql`update learning_study_days set last_session_id = null where member_id = ${memberId}`,
    );
    const s = await ok(member, 'POST', '/me/learning/sessions', { contentId: c.id, lessonId });
    await rewind(s.id, 30);
    const done = await ok(member, 'POST', `/me/learning/sessions/${s.id}/heartbeat`, {
      visible: true,
      active: true,
      position: 0.9,
    });
    expect(done).toMatchObject({ credited: 30, lessonCompleted: true, lessonRequiredSeconds: 30 });
    const detail = await ok(admin, 'GET', `/learning/plans/${plan.id}`);
    expect(detail.completed).toBe(1);
    expect((await ok(admin, 'POST', `/learning/plans/${plan.id}/remind`)).reminded).toBe(detail.assigned - 1);

    const month = shanghaiDate(new Date()).slice(0, 7);
    await ok(admin, 'POST', '/points/run-grants', { period: month });
    await ok(admin, 'POST', '/points/run-grants', { period: month });
    const entries = await queryRows<{ n: number; p: number }>(
      t.database.db,
      sql`select count(*)::int as n, sum(points)::int as p from point_entries where source_type = 'study' and source_id = ${course.id}`,
    );
    expect(entries[0]).toEqual({ n: 1, p: 2 });

    const record = await ok(member, 'GET', '/me/learning/record');
    expect(record.onlineSeconds).toBeGreaterThanOrEqual(30);
    expect(record.lessonsCompleted).toBeGreaterThanOrEqual(1);
    expect((await ok(secretary, 'GET', `/members/${memberId}/study-record`)).memberId).toBe(memberId);
    const [other] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from members where org_path like ${`${orgs.branchB.path}%`} limit 1`,
    );
    expectErrorShape(await req(secretary, 'GET', `/members/${other!.id}/study-record`), 404);
    const stats = await ok(secretary, 'GET', '/learning/stats?pageSize=200');
    expect(stats.data.every((r: { orgName: string }) => r.orgName === orgs.branchA.name)).toBe(true);
    expectErrorShape(await req(secretary, 'GET', `/learning/stats?orgId=${orgs.branchB.id}`), 404);
    const xlsx = await t.request(secretary, { method: 'GET', url: '/api/v1/learning/stats/export' });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(stats.total + 1);
  });

  it('counts attended study meetings as offline study', async () => {
    const [m] = await queryRows<{ member_id: string; seconds: number }>(
      t.database.db,
      sql`select a.member_id, extract(epoch from (m.ends_at - m.starts_at))::int as seconds from meeting_attendance a
        join meetings m on m.id = a.meeting_id join meeting_types mt on mt.meeting_id = m.id
        where mt.type_code in ('party_lecture', 'study') and a.status in ('present', 'late', 'made_up') and m.ends_at < now()
          and m.status <> 'cancelled' and m.starts_at >= date_trunc('year', now())
        order by m.starts_at desc limit 1`,
    );
    if (!m) return; // the recent demo history holds no such meeting this year
    const record = await ok(admin, 'GET', `/members/${m.member_id}/study-record`);
    expect(record.offlineSeconds).toBeGreaterThanOrEqual(m.seconds);
    expect(record.offline.length).toBeGreaterThan(0);
  });
});
