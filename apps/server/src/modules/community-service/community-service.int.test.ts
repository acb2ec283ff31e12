import type { Claim, MemberReport, MyCommunityService, Need, Transfer } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditCount,
  createUser,
  detailPaths,
  expectErrorShape,
  findOrg,
  loadOrgs,
  type OrgRef,
} from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { todayIso } from '../member/index.js';

const PW = 'Test-Passw0rd!';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('双报到 (community service)', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let member: Session;
  let leader: Session;
  let qpjAdmin: Session;
  let sxAdmin: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let qpj: OrgRef;
  let xinhua: OrgRef;
  let probeCommunity: OrgRef;

  const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const ok = async <T>(s: Session, method: 'GET' | 'POST', url: string, payload?: object, status?: number) => {
    const res = await req(s, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBe(
      status ?? (method === 'GET' ? 200 : 200),
    );
    return res.json() as T;
  };
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);

  /** In-service members of a subtree who never registered and have no login, lowest ids first. */
  const eligible = sql`m.user_id is null and m.status = 'active' and not m.lost_contact
    and o.domain not in ('community', 'village') and m.job_category not in ('retired', 'student', 'farmer')`;
  const unregistered = async (path: string, n: number) =>
    (
      await rows<{ id: string }>(
        sql`select m.id from members m join organizations o on o.id = m.org_id
          where m.org_path like ${`${path}%`} and ${eligible}
            and not exists (select 1 from member_reports r where r.member_id = m.id)
          order by m.id limit ${n}`,
      )
    ).map((r) => r.id);
  /** The demo registers most in-service members; these tests need some who never reported in each branch they use. */
  const freeMembers = async (path: string, n: number) =>
    t.database.db.execute(
      sql`delete from member_reports where member_id in (select m.id from members m join organizations o on o.id = m.org_id
        where m.org_path like ${`${path}%`} and ${eligible} order by m.id limit ${n})`,
    );

  /** Gives each member a login of their own (role member) and returns the sessions. */
  let userSeq = 0;
  const loginsFor = async (memberIds: string[], orgId: string) => {
    const out: Session[] = [];
    for (const id of memberIds) {
      const username = `cs_member_${++userSeq}`;
      const userId = await createUser(t, admin, { username, roles: [{ role: 'member', orgId }] });
      await t.database.db.execute(sql`update members set user_id = ${userId} where id = ${id}`);
      out.push(await t.login(username, PW));
    }
    return out;
  };
  const postNeed = (s: Session, body: Record<string, unknown> = {}) =>
    req(s, 'POST', '/community-service/needs', {
      communityOrgId: qpj.id,
      title: '楼道杂物清理',
      category: 'environment',
      description: '清理 3 号楼楼道杂物',
      place: '棋盘井社区 3 号楼',
      startsAt: inDays(3),
      hours: 2,
      capacity: 3,
      ...body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    secretary = await t.login('secretary');
    member = await t.login('member');
    leader = await t.login('leader');
    qpj = await findOrg(t, admin, '棋盘井社区党支部');
    xinhua = await findOrg(t, admin, '新华社区党支部');
    const community = await findOrg(t, admin, '中共鄂托克经济开发区社区委员会');
    const created = await req(admin, 'POST', '/orgs', {
      parentId: community.id,
      type: 'branch',
      domain: 'community',
      name: '探针社区党支部',
    });
    expect(created.statusCode, created.body).toBe(201);
    probeCommunity = created.json();
    await createUser(t, admin, { username: 'qpj_admin', roles: [{ role: 'org_admin', orgId: qpj.id }] });
    await createUser(t, admin, { username: 'sx_admin', roles: [{ role: 'org_admin', orgId: orgs.shuangxin.id }] });
    qpjAdmin = await t.login('qpj_admin', PW);
    sxAdmin = await t.login('sx_admin', PW);
    await freeMembers(orgs.branchA.path, 4);
    await freeMembers(orgs.shuangxin.path, 3);
    await freeMembers(orgs.xingguang.path, 12);
  });
  afterAll(async () => t?.close());

  it('seeds the demo member with a registration, hours and rules from rule_settings', async () => {
    const mine = await ok<MyCommunityService>(member, 'GET', '/me/community-service');
    expect(mine.report?.communityName).toBe('棋盘井社区党支部');
    expect(mine.report?.status).toBe('active');
    expect(mine.report?.reReportOverdue).toBe(false);
    expect(mine.hoursTarget).toBe(50);
    expect(mine.reReportMonths).toBe(6);
    expect(mine.openClaims).toBeGreaterThan(0);
    await t.database.db.execute(sql`update rule_settings set value = 40 where key = 'community.hours_target'`);
    expect((await ok<{ hoursTarget: number }>(leader, 'GET', '/community-service/rules')).hoursTarget).toBe(40);
    await t.database.db.execute(sql`update rule_settings set value = 50 where key = 'community.hours_target'`);
    const communities = await ok<{ name: string }[]>(member, 'GET', '/community-service/communities');
    expect(communities.map((c) => c.name)).toContain('新华社区党支部');
    expect(communities.map((c) => c.name)).not.toContain('中共鄂托克经济开发区社区委员会');
  });

  it('registers a member from the unit side, with dual visibility (双重管理) and audit', async () => {
    const [a] = await unregistered(orgs.branchA.path, 1);
    const before = await auditCount(t);
    const created = await ok<MemberReport>(
      secretary,
      'POST',
      '/community-service/member-reports',
      { memberId: a, communityOrgId: qpj.id, serviceCategories: ['patrol', 'patrol', 'care'] },
      201,
    );
    expect(created).toMatchObject({ status: 'active', communityName: '棋盘井社区党支部', reportedOn: todayIso() });
    expect(created.serviceCategories).toEqual(['patrol', 'care']);
    expect(await auditCount(t)).toBe(before + 1);
    const [event] = await rows<{ action: string; entity_id: string }>(
      sql`select action, entity_id from audit_events order by seq desc limit 1`,
    );
    expect(event).toEqual({ action: 'community.member_report.create', entity_id: created.id });

    // Again, or elsewhere: one active registration per member.
    const again = await req(secretary, 'POST', '/community-service/member-reports', {
      memberId: a,
      communityOrgId: xinhua.id,
    });
    expectErrorShape(again, 409, 'COMMUNITY_REPORT_EXISTS');

    // Both sides see it: the member's branch (secretary) and the community (qpj_admin); 双欣 does not.
    const list = async (s: Session) =>
      (
        await ok<{ data: MemberReport[] }>(
          s,
          'GET',
          `/community-service/member-reports?pageSize=200&status=active&keyword=`,
        )
      ).data;
    const seen = async (s: Session) =>
      (
        await ok<{ data: MemberReport[] }>(
          s,
          'GET',
          `/community-service/member-reports?pageSize=200&communityOrgId=${qpj.id}&orgId=${orgs.branchA.id}`,
        )
      ).data.some((r) => r.id === created.id);
    expect(await seen(secretary)).toBe(true);
    expect(await seen(qpjAdmin)).toBe(true);
    expect(await seen(sxAdmin)).toBe(false);
    expect((await list(sxAdmin)).every((r) => r.communityName !== '' && r.id !== created.id)).toBe(true);
    expectErrorShape(await req(sxAdmin, 'POST', `/community-service/member-reports/${created.id}/renew`, {}), 404);

    // The community side renews (每半年报到) and ends it (已返回).
    const renewed = await ok<MemberReport>(
      qpjAdmin,
      'POST',
      `/community-service/member-reports/${created.id}/renew`,
      {},
    );
    expect(renewed.lastReportedOn).toBe(todayIso());
    const future = await req(qpjAdmin, 'POST', `/community-service/member-reports/${created.id}/renew`, {
      date: '2999-01-01',
    });
    expect(detailPaths(future)).toEqual(['body.date']);
    const ended = await ok<MemberReport>(qpjAdmin, 'POST', `/community-service/member-reports/${created.id}/withdraw`, {
      reason: 'returned',
    });
    expect(ended).toMatchObject({ status: 'withdrawn', withdrawReason: 'returned', reReportDueOn: null });
    expectErrorShape(
      await req(secretary, 'POST', `/community-service/member-reports/${created.id}/withdraw`, { reason: 'moved' }),
      409,
      'COMMUNITY_CLAIM_STATE',
    );
  });

  it('refuses registrations outside the caller’s units, of community members, or with a non-community', async () => {
    const [b] = await unregistered(orgs.shuangxin.path, 1);
    const out = await req(secretary, 'POST', '/community-service/member-reports', {
      memberId: b,
      communityOrgId: qpj.id,
    });
    expect(detailPaths(out)).toEqual(['body.memberId']);
    const [communityMember] = await rows<{ id: string }>(
      sql`select id from members where org_id = ${qpj.id} and status = 'active' order by id limit 1`,
    );
    const own = await req(admin, 'POST', '/community-service/member-reports', {
      memberId: communityMember!.id,
      communityOrgId: xinhua.id,
    });
    expect(detailPaths(own)).toEqual(['body.memberId']);
    const [a] = await unregistered(orgs.branchA.path, 1);
    const notCommunity = await req(admin, 'POST', '/community-service/member-reports', {
      memberId: a,
      communityOrgId: orgs.branchB.id,
    });
    expect(detailPaths(notCommunity)).toEqual(['body.communityOrgId']);
    expectErrorShape(
      await req(leader, 'POST', '/community-service/member-reports', { memberId: a, communityOrgId: qpj.id }),
      403,
      'FORBIDDEN',
    );
  });

  it('registers a unit’s party organization (党组织报到) and lets either side withdraw it', async () => {
    const body = {
      orgId: orgs.branchA.id,
      communityOrgId: xinhua.id,
      contactPerson: '张丽',
      contactPhone: '13912345678',
      commitments: '每季度到社区开展一次主题党日活动',
    };
    const created = await ok<{ id: string; status: string }>(
      secretary,
      'POST',
      '/community-service/org-reports',
      body,
      201,
    );
    expectErrorShape(
      await req(secretary, 'POST', '/community-service/org-reports', body),
      409,
      'COMMUNITY_REPORT_EXISTS',
    );
    const community = await req(admin, 'POST', '/community-service/org-reports', { ...body, orgId: qpj.id });
    expect(detailPaths(community)).toEqual(['body.orgId']);
    const foreign = await req(sxAdmin, 'POST', '/community-service/org-reports', body);
    expect(detailPaths(foreign)).toEqual(['body.orgId']);
    const visible = async (s: Session) =>
      (await ok<{ data: { id: string }[] }>(s, 'GET', '/community-service/org-reports?pageSize=200')).data.some(
        (r) => r.id === created.id,
      );
    expect(await visible(secretary)).toBe(true);
    expect(await visible(sxAdmin)).toBe(false);
    expectErrorShape(
      await req(sxAdmin, 'POST', `/community-service/org-reports/${created.id}/withdraw`, { reason: '调整' }),
      404,
    );
    const ended = await ok<{ status: string; withdrawReason: string }>(
      admin,
      'POST',
      `/community-service/org-reports/${created.id}/withdraw`,
      { reason: '包联社区调整' },
    );
    expect(ended).toMatchObject({ status: 'withdrawn', withdrawReason: '包联社区调整' });
  });

  it('lets only the community post and close needs; the unit side sees needs where its people registered', async () => {
    expect(detailPaths(await postNeed(secretary))).toEqual(['body.communityOrgId']);
    expect(detailPaths(await postNeed(qpjAdmin, { communityOrgId: xinhua.id }))).toEqual(['body.communityOrgId']);
    expect(new Set(detailPaths(await postNeed(qpjAdmin, { hours: 0.3 })))).toEqual(new Set(['body.hours']));
    expect(detailPaths(await postNeed(qpjAdmin, { category: 'nonsense' }))).toEqual(['body.category']);

    const probe = await postNeed(admin, { communityOrgId: probeCommunity.id, title: '探针需求' });
    expect(probe.statusCode, probe.body).toBe(201);
    const need = probe.json() as Need;
    expect(need).toMatchObject({ status: 'open', claimedCount: 0, communityName: '探针社区党支部' });
    // 双欣 has nobody registered with the new community yet: not found, also in lists.
    expectErrorShape(await req(sxAdmin, 'GET', `/community-service/needs/${need.id}`), 404);
    const listed = async (s: Session) =>
      (await ok<{ data: Need[] }>(s, 'GET', `/community-service/needs?communityOrgId=${probeCommunity.id}`)).total;
    expect(await listed(sxAdmin)).toBe(0);
    const [b] = await unregistered(orgs.shuangxin.path, 1);
    await ok(
      sxAdmin,
      'POST',
      '/community-service/member-reports',
      { memberId: b, communityOrgId: probeCommunity.id },
      201,
    );
    expect((await ok<Need>(sxAdmin, 'GET', `/community-service/needs/${need.id}`)).title).toBe('探针需求');
    expect(await listed(sxAdmin)).toBe(1);
    // Seeing is not managing: closing is the community's.
    expectErrorShape(
      await req(sxAdmin, 'POST', `/community-service/needs/${need.id}/close`, {}),
      409,
      'COMMUNITY_SIDE_ONLY',
    );
    const closed = await ok<Need>(admin, 'POST', `/community-service/needs/${need.id}/close`, { note: '已完成' });
    expect(closed.status).toBe('closed');
    expectErrorShape(await req(admin, 'POST', `/community-service/needs/${need.id}/close`, {}), 409);
  });

  it('never lets parallel claims exceed the capacity', async () => {
    const ids = await unregistered(orgs.xingguang.path, 8);
    expect(ids).toHaveLength(8);
    for (const id of ids)
      await ok(admin, 'POST', '/community-service/member-reports', { memberId: id, communityOrgId: qpj.id }, 201);
    const sessions = await loginsFor(ids, orgs.branchA.id);
    const need = (await postNeed(qpjAdmin, { capacity: 3 })).json() as Need;
    const answers = await Promise.all(sessions.map((s) => req(s, 'POST', `/me/community-needs/${need.id}/claim`, {})));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    for (const r of answers.filter((x) => x.statusCode === 409)) expectErrorShape(r, 409, 'COMMUNITY_NEED_NOT_OPEN');
    const after = await ok<Need>(qpjAdmin, 'GET', `/community-service/needs/${need.id}`);
    expect(after).toMatchObject({ claimedCount: 3, status: 'full' });
    const [live] = await rows<{ n: number }>(
      sql`select count(*)::int as n from need_claims where need_id = ${need.id} and status <> 'cancelled'`,
    );
    expect(Number(live!.n)).toBe(3);

    // One member twice at once: one claim.
    const roomy = (await postNeed(qpjAdmin, { capacity: 10 })).json() as Need;
    const twice = await Promise.all(
      [0, 1, 2].map(() => req(sessions[0]!, 'POST', `/me/community-needs/${roomy.id}/claim`, {})),
    );
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);

    // Cancelling a claim of the full need reopens it.
    const winner = sessions[answers.findIndex((r) => r.statusCode === 201)]!;
    const claim = answers.find((r) => r.statusCode === 201)!.json() as Claim;
    const cancelled = await ok<Claim>(winner, 'POST', `/me/community-claims/${claim.id}/cancel`, {
      reason: '临时出差',
    });
    expect(cancelled.status).toBe('cancelled');
    expect(await ok<Need>(qpjAdmin, 'GET', `/community-service/needs/${need.id}`)).toMatchObject({
      claimedCount: 2,
      status: 'open',
    });
  });

  it('runs claim → complete → confirm and counts the hours of the year', async () => {
    const before = await ok<MyCommunityService>(member, 'GET', '/me/community-service');
    const need = (await postNeed(qpjAdmin, { title: '独居老人上门探访', category: 'care', hours: 3 })).json() as Need;
    const open = await ok<{ data: Need[] }>(member, 'GET', '/me/community-needs?pageSize=200');
    expect(open.data.map((n) => n.id)).toContain(need.id);
    expect(open.data.every((n) => n.communityOrgId === qpj.id && n.status !== 'closed')).toBe(true);

    const claim = await ok<Claim>(member, 'POST', `/me/community-needs/${need.id}/claim`, {}, 201);
    expect(claim).toMatchObject({ status: 'claimed', memberName: '巴特尔', needTitle: '独居老人上门探访' });
    expectErrorShape(await req(qpjAdmin, 'POST', `/community-service/claims/${claim.id}/confirm`, {}), 409);
    const bad = await req(member, 'POST', `/me/community-claims/${claim.id}/complete`, { hours: 0 });
    expect(detailPaths(bad)).toEqual(['body.hours']);
    const done = await ok<Claim>(member, 'POST', `/me/community-claims/${claim.id}/complete`, {
      hours: 2.5,
      note: '陪老人聊天，打扫卫生',
    });
    expect(done).toMatchObject({ status: 'completed', reportedHours: 2.5 });
    const pending = await ok<MyCommunityService>(member, 'GET', '/me/community-service');
    expect(pending.pendingHours).toBeCloseTo(before.pendingHours + 2.5);
    expect(pending.confirmedHours).toBeCloseTo(before.confirmedHours);

    // The member's branch sees the claim but cannot confirm it; 双欣 does not see it; the community confirms.
    const claims = await ok<{ data: Claim[] }>(
      secretary,
      'GET',
      '/community-service/claims?status=completed&pageSize=200',
    );
    expect(claims.data.map((c) => c.id)).toContain(claim.id);
    expectErrorShape(
      await req(secretary, 'POST', `/community-service/claims/${claim.id}/confirm`, {}),
      409,
      'COMMUNITY_SIDE_ONLY',
    );
    expectErrorShape(await req(sxAdmin, 'POST', `/community-service/claims/${claim.id}/confirm`, {}), 404);
    const confirmed = await ok<Claim>(qpjAdmin, 'POST', `/community-service/claims/${claim.id}/confirm`, { hours: 2 });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedHours: 2, confirmedBy: 'qpj_admin' });
    const after = await ok<MyCommunityService>(member, 'GET', '/me/community-service');
    expect(after.confirmedHours).toBeCloseTo(before.confirmedHours + 2);
    expect(after.pendingHours).toBeCloseTo(before.pendingHours);
    expectErrorShape(await req(member, 'POST', `/me/community-claims/${claim.id}/cancel`, {}), 409);

    // Per member and per organization, scoped to the caller's units.
    const stats = await ok<{ data: { memberName: string; confirmedHours: number; metTarget: boolean }[] }>(
      secretary,
      'GET',
      `/community-service/stats/members?pageSize=200&orgId=${orgs.branchA.id}`,
    );
    const bt = stats.data.find((r) => r.memberName === '巴特尔')!;
    expect(bt.confirmedHours).toBeCloseTo(after.confirmedHours);
    expect(bt.metTarget).toBe(after.confirmedHours >= 50);
    const byOrg = await ok<{ rows: { orgId: string; inService: number; reported: number; confirmedHours: number }[] }>(
      secretary,
      'GET',
      '/community-service/stats/orgs',
    );
    expect(byOrg.rows.map((r) => r.orgId)).toEqual([orgs.branchA.id]);
    expect(byOrg.rows[0]!.reported).toBeLessThanOrEqual(byOrg.rows[0]!.inService);
    expect(byOrg.rows[0]!.confirmedHours).toBeGreaterThanOrEqual(after.confirmedHours);
    const zone = await ok<{ rows: unknown[] }>(leader, 'GET', '/community-service/stats/orgs');
    expect(zone.rows.length).toBeGreaterThan(30);
  });

  it('keeps a member to their own registration, needs and claims (404 for anyone else’s)', async () => {
    const [other] = await unregistered(orgs.branchA.path, 1);
    await ok(secretary, 'POST', '/community-service/member-reports', { memberId: other, communityOrgId: qpj.id }, 201);
    const [otherSession] = await loginsFor([other!], orgs.branchA.id);
    const need = (await postNeed(qpjAdmin, { capacity: 5 })).json() as Need;
    const theirs = await ok<Claim>(otherSession!, 'POST', `/me/community-needs/${need.id}/claim`, {}, 201);
    expectErrorShape(await req(member, 'POST', `/me/community-claims/${theirs.id}/complete`, { hours: 1 }), 404);
    expectErrorShape(await req(member, 'POST', `/me/community-claims/${theirs.id}/cancel`, {}), 404);
    const mine = await ok<{ data: Claim[] }>(member, 'GET', '/me/community-claims?pageSize=200');
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((c) => c.memberName === '巴特尔')).toBe(true);

    // A need of another community cannot be claimed (nor seen).
    const elsewhere = (await postNeed(admin, { communityOrgId: xinhua.id })).json() as Need;
    expectErrorShape(await req(member, 'POST', `/me/community-needs/${elsewhere.id}/claim`, {}), 404);
    const listed = await ok<{ data: Need[] }>(member, 'GET', '/me/community-needs?pageSize=200');
    expect(listed.data.map((n) => n.id)).not.toContain(elsewhere.id);

    // An account with no member record has nothing to show.
    await createUser(t, admin, { username: 'cs_nobody', roles: [{ role: 'member', orgId: orgs.branchA.id }] });
    const nobody = await t.login('cs_nobody', PW);
    expectErrorShape(await req(nobody, 'GET', '/me/community-service'), 404);
    expectErrorShape(await req(nobody, 'GET', '/me/transfers'), 404);

    // Self-registration: withdraw, then register again elsewhere.
    const left = await ok<MemberReport>(otherSession!, 'POST', '/me/community-report/withdraw', { reason: 'moved' });
    expect(left.status).toBe('withdrawn');
    expectErrorShape(await req(otherSession!, 'POST', '/me/community-report/renew', {}), 409);
    const moved = await ok<MemberReport>(
      otherSession!,
      'POST',
      '/me/community-report',
      { communityOrgId: xinhua.id, serviceCategories: ['convenience'] },
      201,
    );
    expect(moved).toMatchObject({ communityName: '新华社区党支部', status: 'active' });
    const renewed = await ok<MemberReport>(otherSession!, 'POST', '/me/community-report/renew', {});
    expect(renewed.lastReportedOn).toBe(todayIso());
  });

  it('shows the member their own transfers with steps (我的组织关系转接)', async () => {
    const mine = await ok<Transfer[]>(member, 'GET', '/me/transfers');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.memberName === '巴特尔')).toBe(true);
    expect(mine[0]!.steps.length).toBeGreaterThan(0);
    expect(mine.some((x) => x.status === 'rejected' && x.rejectionReason)).toBe(true);
    const secretaryOwn = await ok<Transfer[]>(secretary, 'GET', '/me/transfers');
    expect(secretaryOwn.every((x) => x.memberName === '张丽')).toBe(true);
  });

  it('lists in-service members not reported or not re-reported within half a year, in scope', async () => {
    type Row = { memberId: string; orgId: string; reason: string };
    const list = async (s: Session, q = '') =>
      (await ok<{ data: Row[]; total: number }>(s, 'GET', `/community-service/not-reported?pageSize=200${q}`)).data;
    const rowsA = await list(secretary);
    expect(rowsA.length).toBeGreaterThan(0);
    expect(rowsA.every((r) => r.orgId === orgs.branchA.id)).toBe(true);
    const [a] = await unregistered(orgs.branchA.path, 1);
    expect(rowsA.find((r) => r.memberId === a)?.reason, JSON.stringify({ a, rowsA })).toBe('never');
    const report = await ok<MemberReport>(
      secretary,
      'POST',
      '/community-service/member-reports',
      { memberId: a, communityOrgId: qpj.id },
      201,
    );
    expect((await list(secretary)).some((r) => r.memberId === a)).toBe(false);
    await t.database.db.execute(
      sql`update member_reports set reported_on = current_date - 300, last_reported_on = current_date - 200 where id = ${report.id}`,
    );
    expect((await list(secretary, '&reason=overdue')).find((r) => r.memberId === a)?.reason).toBe('overdue');
    expect((await list(sxAdmin)).some((r) => r.memberId === a)).toBe(false);
  });
});
