/**
 * Scope: an administrator of branch A (secretary, 星光集团洗煤厂党支部) never sees or touches branch B
 * (双欣集团) — 404 on records, absent from every list and count — and can only grant roles inside A at a rank
 * held there. API tokens are cut down to a subtree and a subset of the owner's permissions.
 */
import type { Permission } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/rows.js';
import { createTestApp, type Session, type TestApp } from '../src/test-support/test-app.js';
import { createUser, detailPaths, expectErrorShape, loadOrgs, userIdOf } from './support/fixtures.js';

type Page<T> = { data: T[]; total: number; current: number; pageSize: number };
type OrgDto = { id: string; path: string; name: string; parentId: string | null };

describe('organization scope', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let xingguang: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let userA: string;
  let userB: string;
  let userBMixed: string;

  const get = (s: Session, url: string, query?: Record<string, string>) =>
    t.request(s, { method: 'GET', url, ...(query ? { query } : {}) });

  /** Every page of a list, to look for records of branch B anywhere in it. */
  async function allPages<T>(s: Session, url: string, query: Record<string, string> = {}): Promise<Page<T>> {
    const data: T[] = [];
    let total = 0;
    for (let current = 1; current < 50; current++) {
      const res = await get(s, url, { ...query, current: String(current), pageSize: '200' });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as Page<T>;
      total = page.total;
      data.push(...page.data);
      if (data.length >= page.total || page.data.length === 0) break;
    }
    return { data, total, current: 1, pageSize: 200 };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    xingguang = await t.login('xingguang');
    orgs = await loadOrgs(t, admin);
    userA = await createUser(t, admin, {
      username: 'scope_a',
      displayName: '甲支部党员',
      phone: '13900000001',
      roles: [{ role: 'member', orgId: orgs.branchA.id }],
    });
    userB = await createUser(t, admin, {
      username: 'scope_b',
      displayName: '乙支部党员',
      phone: '13900000002',
      roles: [{ role: 'member', orgId: orgs.branchB.id }],
    });
    // A member of A who is also an administrator in B: visible to A's admin, but not theirs to manage.
    userBMixed = await createUser(t, admin, {
      username: 'scope_mixed',
      displayName: '跨支部管理员',
      roles: [
        { role: 'member', orgId: orgs.branchA.id },
        { role: 'org_admin', orgId: orgs.shuangxin.id },
      ],
    });
    // Some activity in B so its audit events exist.
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${orgs.branchB.id}`,
      payload: { shortName: '电石支部' },
    });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('answers 404 for branch B records, and serves branch A records', async () => {
    for (const url of [`/api/v1/orgs/${orgs.branchB.id}`, `/api/v1/orgs/${orgs.shuangxin.id}`]) {
      expectErrorShape(await get(secretary, url), 404, 'NOT_FOUND');
    }
    // Even sibling branches under the same committee are outside a branch admin's scope.
    expectErrorShape(await get(secretary, `/api/v1/orgs/${orgs.siblingOfA.id}`), 404, 'NOT_FOUND');
    expectErrorShape(await get(secretary, `/api/v1/orgs/${orgs.xingguang.id}`), 404, 'NOT_FOUND');
    expect((await get(secretary, `/api/v1/orgs/${orgs.branchA.id}`)).statusCode).toBe(200);

    expectErrorShape(
      await t.request(secretary, {
        method: 'PATCH',
        url: `/api/v1/orgs/${orgs.branchB.id}`,
        payload: { name: '越权改名党支部' },
      }),
      404,
      'NOT_FOUND',
    );
    expectErrorShape(
      await t.request(secretary, {
        method: 'POST',
        url: '/api/v1/orgs',
        payload: { parentId: orgs.branchB.id, type: 'party_group', name: '越权党小组' },
      }),
      404,
      'NOT_FOUND',
    );

    for (const url of [`/api/v1/users/${userB}`, `/api/v1/users/${userB}/phone`]) {
      expectErrorShape(await get(secretary, url), 404, 'NOT_FOUND');
    }
    for (const [url, payload] of [
      [`/api/v1/users/${userB}`, { displayName: '越权' }],
      [`/api/v1/users/${userB}/reset-password`, { newPassword: 'Str0ng-Passw0rd!' }],
      [`/api/v1/users/${userB}/unlock`, undefined],
    ] as const) {
      const method = url.endsWith(userB) ? 'PATCH' : 'POST';
      expectErrorShape(await t.request(secretary, { method, url, ...(payload ? { payload } : {}) }), 404, 'NOT_FOUND');
    }
    expect((await get(secretary, `/api/v1/users/${userA}`)).statusCode).toBe(200);
    // The zone admin (admin) is out of the branch admin's scope as well.
    expectErrorShape(await get(secretary, `/api/v1/users/${await userIdOf(t, 'admin')}`), 404, 'NOT_FOUND');
  });

  it('never lists branch B in /orgs, whatever the filters', async () => {
    const bPath = orgs.branchB.path;
    const inB = (o: OrgDto) => o.path.startsWith(orgs.shuangxin.path);
    const filters: Record<string, string>[] = [
      {},
      { keyword: '双欣' },
      { keyword: orgs.branchB.name },
      { keyword: '党支部' },
      { keyword: '%' },
      { keyword: '_' },
      { withinId: orgs.branchB.id },
      { withinId: orgs.shuangxin.id },
      { withinId: orgs.root.id },
      { parentId: orgs.shuangxin.id },
      { parentId: orgs.branchB.id },
      { type: 'branch' },
      { type: 'party_group' },
      { domain: 'private_enterprise' },
      { sorter: 'name:descend' },
      { sorter: '{"createdAt":"ascend"}' },
    ];
    const sec = await allPages<OrgDto>(secretary, '/api/v1/orgs');
    expect(sec.total).toBeGreaterThan(1);
    for (const o of sec.data) expect(o.path.startsWith(orgs.branchA.path), o.name).toBe(true);
    for (const f of filters) {
      const page = await allPages<OrgDto>(secretary, '/api/v1/orgs', f);
      expect(page.data.filter(inB), JSON.stringify(f)).toEqual([]);
      expect(page.total, JSON.stringify(f)).toBeLessThanOrEqual(sec.total);
    }
    const within = await allPages<OrgDto>(secretary, '/api/v1/orgs', { withinId: orgs.branchB.id });
    expect(within).toMatchObject({ total: 0, data: [] });
    // The zone admin sees B with the same filter: the difference is the scope, not the filter.
    const adminWithin = await allPages<OrgDto>(admin, '/api/v1/orgs', { withinId: orgs.branchB.id });
    expect(adminWithin.total).toBeGreaterThan(0);
    expect(adminWithin.data.every((o) => o.path.startsWith(bPath))).toBe(true);
    const adminAll = await get(admin, '/api/v1/orgs', { pageSize: '1' });
    expect(adminAll.json().total).toBeGreaterThan(sec.total);
  });

  it('refuses the tree below branch B, and roots the tree at branch A', async () => {
    expectErrorShape(await get(secretary, '/api/v1/orgs/tree', { parentId: orgs.branchB.id }), 404, 'NOT_FOUND');
    expectErrorShape(await get(secretary, '/api/v1/orgs/tree', { parentId: orgs.shuangxin.id }), 404, 'NOT_FOUND');
    expectErrorShape(await get(secretary, '/api/v1/orgs/tree', { parentId: orgs.root.id }), 404, 'NOT_FOUND');
    const roots = await get(secretary, '/api/v1/orgs/tree');
    expect(roots.json().map((n: { id: string }) => n.id)).toEqual([orgs.branchA.id]);
    const below = await get(secretary, '/api/v1/orgs/tree', { parentId: orgs.branchA.id });
    expect(below.statusCode).toBe(200);
    expect(below.json().length).toBeGreaterThan(0);
    const adminRoots = await get(admin, '/api/v1/orgs/tree');
    expect(adminRoots.json().map((n: { id: string }) => n.id)).toEqual([orgs.root.id]);
  });

  it('never lists branch B users, and counts differ accordingly', async () => {
    type U = { id: string; username: string; roles: { orgId: string }[] };
    const sec = await allPages<U>(secretary, '/api/v1/users');
    const names = sec.data.map((u) => u.username).sort();
    expect(names).toEqual(expect.arrayContaining(['scope_a', 'scope_mixed', 'secretary', 'member', 'checkin']));
    expect(names).not.toContain('scope_b');
    expect(names).not.toContain('admin');
    expect(names).not.toContain('xingguang');
    const userQueries: Record<string, string>[] = [
      { keyword: 'scope_b' },
      { keyword: '乙支部' },
      { orgId: orgs.branchB.id },
      { orgId: orgs.shuangxin.id },
      { role: 'zone_admin' },
      { status: 'active', sorter: 'username:ascend' },
    ];
    for (const query of userQueries) {
      const page = await allPages<U>(secretary, '/api/v1/users', query);
      expect(
        page.data.map((u) => u.id),
        JSON.stringify(query),
      ).not.toContain(userB);
      expect(page.data.some((u) => u.username === 'admin')).toBe(false);
    }
    const adminAll = await allPages<U>(admin, '/api/v1/users');
    expect(adminAll.data.map((u) => u.id)).toContain(userB);
    expect(adminAll.total).toBeGreaterThan(sec.total);
    const xg = await allPages<U>(xingguang, '/api/v1/users');
    expect(xg.total).toBeGreaterThanOrEqual(sec.total);
    expect(xg.data.map((u) => u.id)).not.toContain(userB);
  });

  it('shows only events of its own subtree in /audit-events', async () => {
    type E = { seq: number; orgPath: string | null; entityId: string | null };
    const sec = await allPages<E>(secretary, '/api/v1/audit-events');
    expect(sec.total).toBeGreaterThan(0);
    for (const e of sec.data) expect(e.orgPath?.startsWith(orgs.branchA.path), JSON.stringify(e)).toBe(true);
    const auditQueries: Record<string, string>[] = [
      { entityId: orgs.branchB.id },
      { entityId: userB },
      { entity: 'organization', action: 'org.' },
      { action: 'user.create' },
    ];
    for (const query of auditQueries) {
      const page = await allPages<E>(secretary, '/api/v1/audit-events', query);
      for (const e of page.data) expect(e.orgPath?.startsWith(orgs.branchA.path), JSON.stringify(query)).toBe(true);
      expect(page.data.map((e) => e.entityId)).not.toContain(orgs.branchB.id);
      expect(page.data.map((e) => e.entityId)).not.toContain(userB);
    }
    const adminB = await get(admin, '/api/v1/audit-events', { entityId: orgs.branchB.id });
    expect(adminB.json().total).toBeGreaterThan(0);
    const adminAll = await get(admin, '/api/v1/audit-events', { pageSize: '1' });
    expect(adminAll.json().total).toBeGreaterThan(sec.total);
  });

  it('counts only its own subtree on the dashboard', async () => {
    const [rows] = [
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from organizations where path like ${`${orgs.branchA.path}%`} and status = 'active'`,
      ),
    ];
    const sec = (await get(secretary, '/api/v1/dashboard/summary')).json();
    const adm = (await get(admin, '/api/v1/dashboard/summary')).json();
    expect(sec.orgTotal).toBe(Number(rows![0]!.n));
    expect(adm.orgTotal).toBeGreaterThan(400);
    expect(sec.orgTotal).toBeLessThan(adm.orgTotal);
    expect(sec.userTotal).toBeLessThan(adm.userTotal);
    expect(sec.orgsByType.party_committee).toBe(0);
    expect(sec.orgsByType.work_committee).toBe(0);
    expect(adm.orgsByType.work_committee).toBe(1);
    expect(sec.auditEventsToday).toBeLessThan(adm.auditEventsToday);
  });

  it('lets an org admin grant roles only inside the subtree and not above its own rank', async () => {
    const create = (roles: { role: string; orgId: string }[], username: string) =>
      t.request(secretary, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { username, displayName: '新用户', password: 'Str0ng-Passw0rd!', roles },
      });
    let res = await create([{ role: 'zone_admin', orgId: orgs.branchA.id }], 'grant_zone');
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(detailPaths(res)).toEqual(['body.roles.0.role']);

    res = await create(
      [
        { role: 'member', orgId: orgs.branchA.id },
        { role: 'member', orgId: orgs.branchB.id },
      ],
      'grant_outside',
    );
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(detailPaths(res)).toEqual(['body.roles.1.orgId']);

    res = await create([{ role: 'viewer', orgId: orgs.xingguang.id }], 'grant_parent');
    expect(detailPaths(res)).toEqual(['body.roles.0.orgId']);

    res = await create([{ role: 'member', orgId: '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f' }], 'grant_nowhere');
    expect(detailPaths(res)).toEqual(['body.roles.0.orgId']);

    // xingguang (org_admin of the committee) cannot make a zone admin either, even inside the subtree.
    res = await t.request(xingguang, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'grant_zone2',
        displayName: '新用户',
        password: 'Str0ng-Passw0rd!',
        roles: [{ role: 'zone_admin', orgId: orgs.branchA.id }],
      },
    });
    expect(detailPaths(res)).toEqual(['body.roles.0.role']);

    // Same for changing the roles of an existing user.
    res = await t.request(secretary, {
      method: 'PATCH',
      url: `/api/v1/users/${userA}`,
      payload: { roles: [{ role: 'member', orgId: orgs.branchB.id }] },
    });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(detailPaths(res)).toEqual(['body.roles.0.orgId']);
    res = await t.request(secretary, {
      method: 'PATCH',
      url: `/api/v1/users/${userA}`,
      payload: { roles: [{ role: 'zone_admin', orgId: orgs.branchA.id }] },
    });
    expect(detailPaths(res)).toEqual(['body.roles.0.role']);

    // Inside the subtree at its own rank or below is fine, including a party group below the branch.
    const group = (await get(secretary, '/api/v1/orgs/tree', { parentId: orgs.branchA.id })).json()[0].id;
    res = await create(
      [
        { role: 'org_admin', orgId: orgs.branchA.id },
        { role: 'viewer', orgId: group },
      ],
      'grant_ok',
    );
    expect(res.statusCode, res.body).toBe(201);
    const none = await queryRows(
      t.database.db,
      sql`select 1 from users where username like 'grant\\_%' and username <> 'grant_ok'`,
    );
    expect(none).toEqual([]);
  });

  it('does not let an org admin manage a user who also holds a role it could not grant', async () => {
    // scope_mixed is visible (a member of A) but is also org_admin of 双欣集团.
    expect((await get(secretary, `/api/v1/users/${userBMixed}`)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['POST', `/api/v1/users/${userBMixed}/reset-password`, { newPassword: 'Str0ng-Passw0rd!' }],
      ['PATCH', `/api/v1/users/${userBMixed}`, { status: 'disabled' }],
      ['PATCH', `/api/v1/users/${userBMixed}`, { roles: [{ role: 'member', orgId: orgs.branchA.id }] }],
    ] as const) {
      const res = await t.request(secretary, { method, url, payload, headers: { 'accept-language': 'en-US' } });
      expect(expectErrorShape(res, 403, 'FORBIDDEN').message).toMatch(/holds roles you cannot manage/);
    }
    // The account is untouched: still active, same roles, and its password still works.
    const user = (await get(admin, `/api/v1/users/${userBMixed}`)).json();
    expect(user.status).toBe('active');
    expect(user.roles).toHaveLength(2);
    await t.login('scope_mixed', 'Test-Passw0rd!');
    // Its own branch's admin can still manage plain members of A.
    const ok = await t.request(secretary, {
      method: 'PATCH',
      url: `/api/v1/users/${userA}`,
      payload: { displayName: '甲支部党员（改）' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  describe('API tokens', () => {
    const createToken = (s: Session, permissions: string[], orgId: string, name = 'scope token') =>
      t.request(s, { method: 'POST', url: '/api/v1/account/tokens', payload: { name, permissions, orgId } });
    const bearer = (secret: string, url: string, query?: Record<string, string>) =>
      t.app.inject({ method: 'GET', url, ...(query ? { query } : {}), headers: { authorization: `Bearer ${secret}` } });

    it('refuses permissions the creator does not hold and organizations outside its scope', async () => {
      let res = await createToken(secretary, ['org:read', 'audit:verify'], orgs.branchA.id);
      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      expect(detailPaths(res)).toEqual(['body.permissions.1']);
      res = await createToken(secretary, ['org:read'], orgs.branchB.id);
      expect(detailPaths(res)).toEqual(['body.orgId']);
      res = await createToken(secretary, ['org:read'], orgs.xingguang.id);
      expect(detailPaths(res)).toEqual(['body.orgId']);
      res = await createToken(secretary, ['not:a-permission'], orgs.branchA.id);
      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      const member = await t.login('member');
      res = await createToken(member, ['org:read'], orgs.branchA.id);
      expect(detailPaths(res)).toEqual(['body.permissions.0']);
    });

    it('acts only inside its subtree and with its own permissions; revoked means 401', async () => {
      // The committee admin makes a token for branch A only, with read rights on organizations.
      const created = await createToken(xingguang, ['org:read', 'dashboard:read'], orgs.branchA.id);
      expect(created.statusCode, created.body).toBe(201);
      const { secret, token } = created.json() as { secret: string; token: { id: string; lastUsedAt: null } };
      expect(token.lastUsedAt).toBeNull();

      const viaSession = (await get(xingguang, '/api/v1/orgs', { pageSize: '1' })).json().total as number;
      const viaToken = await bearer(secret, '/api/v1/orgs', { pageSize: '200' });
      expect(viaToken.statusCode).toBe(200);
      const page = viaToken.json() as Page<OrgDto>;
      expect(page.total).toBeLessThan(viaSession);
      for (const o of page.data) expect(o.path.startsWith(orgs.branchA.path)).toBe(true);
      // The owner may read the sibling branch; the token may not.
      expect((await get(xingguang, `/api/v1/orgs/${orgs.siblingOfA.id}`)).statusCode).toBe(200);
      expectErrorShape(await bearer(secret, `/api/v1/orgs/${orgs.siblingOfA.id}`), 404, 'NOT_FOUND');
      expectErrorShape(await bearer(secret, `/api/v1/orgs/${orgs.branchB.id}`), 404, 'NOT_FOUND');
      const tree = await bearer(secret, '/api/v1/orgs/tree');
      expect(tree.json().map((n: { id: string }) => n.id)).toEqual([orgs.branchA.id]);
      // Permissions the owner holds but did not give the token are refused.
      expectErrorShape(await bearer(secret, '/api/v1/users'), 403, 'FORBIDDEN');
      expectErrorShape(await bearer(secret, '/api/v1/audit-events'), 403, 'FORBIDDEN');
      const dash = (await bearer(secret, '/api/v1/dashboard/summary')).json();
      const secDash = (await get(secretary, '/api/v1/dashboard/summary')).json();
      expect(dash.orgTotal).toBe(secDash.orgTotal);
      const me = (await bearer(secret, '/api/v1/auth/me')).json();
      expect(me.permissions.sort()).toEqual(['dashboard:read', 'org:read']);
      // A bearer write needs no CSRF header; it is still bound by scope.
      const write = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/orgs/${orgs.branchA.id}`,
        headers: { authorization: `Bearer ${secret}` },
        payload: { sortOrder: 3 },
      });
      expectErrorShape(write, 403, 'FORBIDDEN');

      // Last use is recorded.
      const listed = (await get(xingguang, '/api/v1/account/tokens')).json() as { id: string; lastUsedAt: string }[];
      const mine = listed.find((x) => x.id === token.id)!;
      expect(mine.lastUsedAt).not.toBeNull();
      expect(Date.now() - Date.parse(mine.lastUsedAt)).toBeLessThan(60_000);

      // Another user cannot revoke it; the owner can, and then it no longer works.
      expectErrorShape(
        await t.request(secretary, { method: 'DELETE', url: `/api/v1/account/tokens/${token.id}` }),
        404,
        'NOT_FOUND',
      );
      const revoke = await t.request(xingguang, { method: 'DELETE', url: `/api/v1/account/tokens/${token.id}` });
      expect(revoke.statusCode).toBe(204);
      expectErrorShape(await bearer(secret, '/api/v1/orgs'), 401, 'UNAUTHENTICATED');
      expectErrorShape(await bearer(`${secret}x`, '/api/v1/orgs'), 401, 'UNAUTHENTICATED');
      expectErrorShape(
        await t.request(xingguang, { method: 'DELETE', url: `/api/v1/account/tokens/${token.id}` }),
        404,
        'NOT_FOUND',
      );
      const after = (await get(xingguang, '/api/v1/account/tokens')).json() as { id: string; revokedAt: string }[];
      expect(after.find((x) => x.id === token.id)!.revokedAt).not.toBeNull();
    });

    it('narrows to the owner’s current rights: a token outlives no role', async () => {
      const created = await createToken(secretary, ['user:read'] as Permission[], orgs.branchA.id);
      const { secret } = created.json() as { secret: string };
      expect((await bearer(secret, '/api/v1/users')).statusCode).toBe(200);
      const secId = await userIdOf(t, 'secretary');
      const res = await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${secId}`,
        payload: { roles: [{ role: 'member', orgId: orgs.branchA.id }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectErrorShape(await bearer(secret, '/api/v1/users'), 403, 'FORBIDDEN');
      // Disabling the owner ends the token too.
      await t.request(admin, { method: 'PATCH', url: `/api/v1/users/${secId}`, payload: { status: 'disabled' } });
      expectErrorShape(await bearer(secret, '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    });
  });
});
