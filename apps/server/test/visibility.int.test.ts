/**
 * What a caller may learn about records that straddle its scope: a user with roles in two subtrees shows only
 * the grants the caller can see, and the role filter only looks at those grants. A session still waiting for its
 * second factor can end itself; API tokens cannot manage their owner's account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/modules/auth/totp.js';
import { createTestApp, type Session, type TestApp } from '../src/test-support/test-app.js';
import { createUser, expectErrorShape, loadOrgs } from './support/fixtures.js';

describe('visibility across scopes', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let mixed: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
    mixed = await createUser(t, admin, {
      username: 'two_hats',
      displayName: '两处任职',
      roles: [
        { role: 'member', orgId: orgs.branchA.id },
        { role: 'org_admin', orgId: orgs.shuangxin.id },
      ],
    });
  });
  afterAll(async () => t.close());

  it('shows a user only with the grants inside the caller’s subtree', async () => {
    const seen = (await t.request(secretary, { method: 'GET', url: `/api/v1/users/${mixed}` })).json();
    expect(seen.roles).toEqual([{ role: 'member', orgId: orgs.branchA.id, orgName: orgs.branchA.name }]);
    const listed = (
      await t.request(secretary, { method: 'GET', url: '/api/v1/users', query: { keyword: 'two_hats' } })
    ).json();
    expect(JSON.stringify(listed)).not.toContain(orgs.shuangxin.id);
    const full = (await t.request(admin, { method: 'GET', url: `/api/v1/users/${mixed}` })).json();
    expect(full.roles).toHaveLength(2);
  });

  it('filters by role only among grants the caller can see', async () => {
    const res = await t.request(secretary, {
      method: 'GET',
      url: '/api/v1/users',
      query: { role: 'org_admin', pageSize: '200' },
    });
    const names = res.json().data.map((u: { username: string }) => u.username);
    expect(names).not.toContain('two_hats');
    expect(names).toContain('secretary');
  });

  it('refuses account management to API tokens', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/account/tokens',
      payload: { name: 'integration', permissions: ['org:read'], orgId: orgs.xingguang.id },
    });
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    for (const [method, url] of [
      ['POST', '/api/v1/account/tokens'],
      ['GET', '/api/v1/account/tokens'],
      ['POST', '/api/v1/account/mfa/enroll'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: bearer,
        ...(method === 'POST' && url.endsWith('tokens')
          ? { payload: { name: 'x', permissions: ['org:read'], orgId: orgs.xingguang.id } }
          : {}),
      });
      expectErrorShape(res, 403, 'FORBIDDEN');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: bearer })).statusCode).toBe(200);
  });

  it('lets a session that still waits for its second factor log out', async () => {
    const session = await t.login('xingguang');
    const enrol = (await t.request(session, { method: 'POST', url: '/api/v1/account/mfa/enroll' })).json();
    const code = totpCodeAt(enrol.secret, Date.now());
    expect(
      (await t.request(session, { method: 'POST', url: '/api/v1/account/mfa/activate', payload: { code } })).statusCode,
    ).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'xingguang', password: 'RedEngine@2026' },
    });
    expect(login.json().status).toBe('mfa_required');
    const cookie = `re_sid=${login.cookies.find((c) => c.name === 're_sid')!.value}`;
    expectErrorShape(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }),
      401,
      'MFA_REQUIRED',
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      204,
    );
    expectErrorShape(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/mfa/verify',
        headers: { cookie },
        payload: { code: '123456' },
      }),
      401,
      'UNAUTHENTICATED',
    );
  });
});
