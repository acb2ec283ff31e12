import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

describe('users', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: { id: string };
  let branch: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    xingguang = (
      await t.request(admin, { method: 'GET', url: '/api/v1/orgs?keyword=星光集团党委&type=party_committee' })
    ).json().data[0];
    branch = (await t.request(admin, { method: 'GET', url: `/api/v1/orgs?parentId=${xingguang.id}&pageSize=1` })).json()
      .data[0];
  });
  afterAll(async () => t.close());

  const create = (s: Session, payload: object) =>
    t.request(s, { method: 'POST', url: '/api/v1/users', payload, headers: { 'accept-language': 'zh-CN' } });
  const userCount = async () => (await t.database.db.select({ n: count() }).from(users))[0]!.n;

  it('creates a user who must change the password at first login', async () => {
    const res = await create(admin, {
      username: 'Wang.Fang',
      displayName: '王芳',
      phone: '13912345678',
      password: 'Party#Build2026',
      roles: [{ role: 'org_admin', orgId: branch.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.fang',
      phoneMasked: '139****5678',
      roles: [{ role: 'org_admin', orgId: branch.id }],
    });
    const session = await t.login('wang.fang', 'Party#Build2026');
    const me = await t.request(session, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.request(session, { method: 'GET', url: '/api/v1/orgs' });
    expect(blocked.statusCode).toBe(403);
    const changed = await t.request(session, {
      method: 'POST',
      url: '/api/v1/account/password',
      payload: { currentPassword: 'Party#Build2026', newPassword: 'Another#Pass2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.request(session, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.username, 'wang.fang'));
    expect(row!.phoneEnc).not.toContain('13912345678');
  });

  it('names the field for a duplicate username, a weak password and a bad phone, saving nothing', async () => {
    const before = await userCount();
    const dup = await create(admin, {
      username: 'admin',
      displayName: '重复',
      password: 'Party#Build2026',
      roles: [{ role: 'member', orgId: branch.id }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'USERNAME_TAKEN', details: [{ path: 'body.username' }] });
    const weak = await create(admin, {
      username: 'weakling',
      displayName: '弱密码',
      password: 'password',
      roles: [{ role: 'member', orgId: branch.id }],
    });
    expect(weak.json().error).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'body.password' }] });
    expect(weak.json().error.message).toMatch(/密码至少 10 位/);
    const phone = await create(admin, {
      username: 'phoney',
      displayName: '号码',
      phone: '12345',
      password: 'Party#Build2026',
      roles: [{ role: 'member', orgId: branch.id }],
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.details[0].path).toBe('body.phone');
    expect(await userCount()).toBe(before);
  });

  it('refuses a grant outside the scope of an organization admin, saving nothing', async () => {
    const secretary = await t.login('secretary');
    const root = (await t.request(admin, { method: 'GET', url: '/api/v1/orgs/tree' })).json()[0];
    const before = await userCount();
    const res = await create(secretary, {
      username: 'outsider',
      displayName: '越权',
      password: 'Party#Build2026',
      roles: [
        { role: 'member', orgId: branch.id },
        { role: 'viewer', orgId: root.id },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.roles.1.orgId');
    const tooHigh = await create(secretary, {
      username: 'climber',
      displayName: '越级',
      password: 'Party#Build2026',
      roles: [{ role: 'zone_admin', orgId: branch.id }],
    });
    expect(tooHigh.json().error.details[0].path).toBe('body.roles.0.role');
    expect(await userCount()).toBe(before);
  });

  it('updates roles and status with before/after audit, and cannot disable itself', async () => {
    const created = (
      await create(admin, {
        username: 'liuyang',
        displayName: '刘洋',
        password: 'Party#Build2026',
        roles: [{ role: 'member', orgId: branch.id }],
      })
    ).json();
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      payload: { roles: [{ role: 'viewer', orgId: xingguang.id }], status: 'disabled' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', roles: [{ role: 'viewer', orgId: xingguang.id }] });
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit-events?entityId=${created.id}&action=user.update` })
    ).json().data[0];
    expect(audit.before.roles[0].role).toBe('member');
    expect(audit.after.roles[0].role).toBe('viewer');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'liuyang', password: 'Party#Build2026' },
    });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
    const me = (await t.request(admin, { method: 'GET', url: '/api/v1/auth/me' })).json();
    const self = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${me.userId}`,
      payload: { status: 'disabled' },
    });
    expect(self.json().error.details[0].path).toBe('body.status');
  });

  it('filters the list by role, organization and keyword', async () => {
    const byRole = (await t.request(admin, { method: 'GET', url: '/api/v1/users?role=zone_admin' })).json();
    expect(byRole.data.map((u: { username: string }) => u.username)).toEqual(['admin']);
    const inXg = (
      await t.request(admin, { method: 'GET', url: `/api/v1/users?orgId=${xingguang.id}&pageSize=100` })
    ).json();
    expect(inXg.data.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['xingguang', 'secretary', 'member', 'checkin']),
    );
    expect(inXg.data.map((u: { username: string }) => u.username)).not.toContain('admin');
    const byName = (
      await t.request(admin, { method: 'GET', url: `/api/v1/users?keyword=${encodeURIComponent('巴特')}` })
    ).json();
    expect(byName.data.map((u: { username: string }) => u.username)).toEqual(['member']);
  });
});
