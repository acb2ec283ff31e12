/**
 * Authentication end to end: login and logout, throttling and lockout (with the clock moved in the database
 * instead of waiting), CSRF, session expiry, TOTP two-factor login with replay and recovery codes, the
 * admins-must-enrol policy, password rules, admin resets, phone masking and the audit event of every write.
 */

import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { sha256Hex } from '../src/core/crypto.js';
import { queryRows } from '../src/db/rows.js';
import { LOGIN_POLICY } from '../src/modules/auth/login-policy.js';
import { totpCodeAt } from '../src/modules/auth/totp.js';
import { createTestApp, type Session, type TestApp, testConfig } from '../src/test-support/test-app.js';
import {
  auditCount,
  createUser,
  detailPaths,
  expectErrorShape,
  loadOrgs,
  STRONG_PASSWORD,
  userIdOf,
} from './support/fixtures.js';

type Res = Awaited<ReturnType<TestApp['request']>>;

describe('authentication', () => {
  let t: TestApp;
  let admin: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;

  /** Makes one call and reports how many audit events it appended. */
  async function counted(session: Session | null, opts: InjectOptions): Promise<{ res: Res; events: number }> {
    const before = await auditCount(t);
    const res = await t.request(session, opts);
    return { res, events: (await auditCount(t)) - before };
  }

  /** A mutating call that must succeed and leave at least one audit event. */
  async function write(session: Session | null, opts: InjectOptions, status = 200): Promise<Res> {
    const { res, events } = await counted(session, opts);
    expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(status);
    expect(events, `${opts.method} ${opts.url} left no audit event`).toBeGreaterThanOrEqual(1);
    return res;
  }

  /** A mutating call that must be refused and leave no trace. */
  async function refused(session: Session | null, opts: InjectOptions, status: number, code: string): Promise<Res> {
    const { res, events } = await counted(session, opts);
    expectErrorShape(res, status, code);
    expect(events, `${opts.method} ${opts.url} was refused yet audited`).toBe(0);
    return res;
  }

  const rawLogin = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

  const sessionFrom = (res: Res): Session => {
    const cookie = res.cookies.find((c) => c.name === 're_sid')!.value;
    const csrf = (res.json() as { me?: { csrfToken: string } }).me?.csrfToken ?? '';
    return { cookie, csrf, headers: { cookie: `re_sid=${cookie}`, 'x-csrf-token': csrf } };
  };

  const me = (s: Session) => t.request(s, { method: 'GET', url: '/api/v1/auth/me' });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  describe('login and logout', () => {
    it('logs in, reports the user, and logs out for good', async () => {
      const res = await write(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'Secretary', password: 'RedEngine@2026' },
      });
      expect(res.json()).toMatchObject({ status: 'ok', me: { username: 'secretary', mfaRequired: false } });
      const cookie = res.cookies.find((c) => c.name === 're_sid')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      const s = sessionFrom(res);
      const who = await me(s);
      expect(who.statusCode).toBe(200);
      expect(who.json().roles[0]).toMatchObject({ role: 'org_admin', orgId: orgs.branchA.id });

      const out = await write(s, { method: 'POST', url: '/api/v1/auth/logout' }, 204);
      expect(out.cookies.find((c) => c.name === 're_sid')?.value).toBe('');
      expectErrorShape(await me(s), 401, 'UNAUTHENTICATED');
      expectErrorShape(await t.request(null, { method: 'GET', url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    });

    it('answers a wrong password and an unknown user alike, and records the failure', async () => {
      const wrong = await counted(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'leader', password: 'wrong-password' },
      });
      expectErrorShape(wrong.res, 401, 'INVALID_CREDENTIALS');
      expect(wrong.events).toBe(1);
      const unknown = await rawLogin('no-such-user', 'wrong-password');
      expectErrorShape(unknown, 401, 'INVALID_CREDENTIALS');
      expect(unknown.json().error.message).toBe(wrong.res.json().error.message);
      await t.database.db.execute(sql`update users set failed_login_count = 0 where username = 'leader'`);
    });

    it('refuses a disabled account with the right password', async () => {
      const id = await createUser(t, admin, {
        username: 'auth_disabled',
        roles: [{ role: 'member', orgId: orgs.branchA.id }],
      });
      const s = await t.login('auth_disabled', STRONG_PASSWORD);
      await write(admin, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { status: 'disabled' } });
      expectErrorShape(await me(s), 401, 'UNAUTHENTICATED');
      expectErrorShape(await rawLogin('auth_disabled', STRONG_PASSWORD), 403, 'ACCOUNT_DISABLED');
    });
  });

  describe('throttling and lockout', () => {
    const backdate = (username: string) =>
      t.database.db.execute(
        sql`update users set last_failed_login_at = now() - interval '10 minutes' where username = ${username}`,
      );

    it('slows down after the free attempts, then locks, in both languages; an admin unlocks', async () => {
      const id = await createUser(t, admin, {
        username: 'auth_lock',
        roles: [{ role: 'member', orgId: orgs.branchA.id }],
      });
      const fail = async () => {
        const { res, events } = await counted(null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'auth_lock', password: 'Wrong-Passw0rd!' },
          headers: { 'accept-language': 'en-US' },
        });
        return { res, events };
      };
      for (let i = 1; i <= LOGIN_POLICY.freeAttempts; i++) {
        const { res, events } = await fail();
        expectErrorShape(res, 401, 'INVALID_CREDENTIALS');
        expect(events).toBe(1);
      }
      // One failure past the free attempts starts the delays: 1 s, 2 s, 4 s, …
      let attempts = LOGIN_POLICY.freeAttempts;
      for (; attempts < LOGIN_POLICY.lockAfter - 1; attempts++) {
        const { res } = await fail();
        expectErrorShape(res, 401, 'INVALID_CREDENTIALS');
        const expected = 2 ** (attempts + 1 - LOGIN_POLICY.freeAttempts - 1);
        // Restart the wait from now, so a slow machine cannot let it run out before the next attempt.
        await t.database.db.execute(sql`update users set last_failed_login_at = now() where username = 'auth_lock'`);
        const throttled = await counted(null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'auth_lock', password: 'RedEngine@2026' },
          headers: { 'accept-language': attempts % 2 ? 'zh-CN,zh;q=0.9' : 'en-US,en;q=0.8' },
        });
        expectErrorShape(throttled.res, 429, 'LOGIN_THROTTLED');
        expect(throttled.events).toBe(0);
        const retry = Number(throttled.res.headers['retry-after']);
        expect(retry).toBeGreaterThanOrEqual(1);
        expect(retry).toBeLessThanOrEqual(expected);
        expect(throttled.res.json().error.message).toMatch(
          attempts % 2 ? new RegExp(`请 ${retry} 秒后再试`) : new RegExp(`try again in ${retry} seconds`),
        );
        await backdate('auth_lock');
      }
      // The failure that reaches the threshold locks the account.
      const lock = await fail();
      expectErrorShape(lock.res, 423, 'ACCOUNT_LOCKED');
      expect(lock.events).toBe(1);
      expect(lock.res.json().error.message).toMatch(/account is locked.*15 minutes/);
      const actions = await queryRows<{ action: string }>(
        t.database.db,
        sql`select action from audit_events where entity_id = ${id} order by seq desc limit 2`,
      );
      expect(actions.map((a) => a.action)).toEqual(['auth.account_locked', 'auth.login_failed']);

      // Even the right password is refused while locked; the message is in the caller's language.
      const zh = await rawLogin('auth_lock', STRONG_PASSWORD, { 'accept-language': 'zh-CN' });
      expectErrorShape(zh, 423, 'ACCOUNT_LOCKED');
      expect(zh.json().error.message).toMatch(/账号已锁定.*分钟后再试或联系管理员解锁/);
      const en = await rawLogin('auth_lock', STRONG_PASSWORD, { 'accept-language': 'en-US' });
      expect(en.json().error.message).toMatch(/^Too many failed logins: the account is locked/);

      const listed = await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}` });
      expect(listed.json().lockedUntil).not.toBeNull();
      await write(admin, { method: 'POST', url: `/api/v1/users/${id}/unlock` }, 204);
      expect((await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}` })).json().lockedUntil).toBeNull();
      expect((await rawLogin('auth_lock', STRONG_PASSWORD)).statusCode).toBe(200);
    });

    it('lets the lock expire by itself', async () => {
      await createUser(t, admin, { username: 'auth_expire', roles: [{ role: 'member', orgId: orgs.branchA.id }] });
      await t.database.db.execute(
        sql`update users set locked_until = now() + interval '3 minutes' where username = 'auth_expire'`,
      );
      const locked = await rawLogin('auth_expire', STRONG_PASSWORD, { 'accept-language': 'en-US' });
      expectErrorShape(locked, 423, 'ACCOUNT_LOCKED');
      expect(locked.json().error.message).toMatch(/3 minutes/);
      await t.database.db.execute(
        sql`update users set locked_until = now() - interval '1 second' where username = 'auth_expire'`,
      );
      expect((await rawLogin('auth_expire', STRONG_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('CSRF and sessions', () => {
    it('refuses cookie writes without the right x-csrf-token; bearer writes need none', async () => {
      const s = await t.login('xingguang');
      const patch = { method: 'PATCH' as const, url: '/api/v1/account/preferences', payload: { locale: 'zh-CN' } };
      const bare = { cookie: s.headers.cookie! };
      await refused(null, { ...patch, headers: bare }, 403, 'CSRF_FAILED');
      await refused(null, { ...patch, headers: { ...bare, 'x-csrf-token': `${s.csrf}x` } }, 403, 'CSRF_FAILED');
      await refused(null, { ...patch, headers: { ...bare, 'x-csrf-token': '' } }, 403, 'CSRF_FAILED');
      const other = await t.login('xingguang');
      await refused(null, { ...patch, headers: { ...bare, 'x-csrf-token': other.csrf } }, 403, 'CSRF_FAILED');
      await refused(null, { method: 'POST', url: '/api/v1/auth/logout', headers: bare }, 403, 'CSRF_FAILED');
      expect((await t.request(null, { method: 'GET', url: '/api/v1/auth/me', headers: bare })).statusCode).toBe(200);
      await write(s, patch);

      const created = await write(
        s,
        {
          method: 'POST',
          url: '/api/v1/account/tokens',
          payload: { name: 'csrf', permissions: ['org:create', 'org:read'], orgId: orgs.branchA.id },
        },
        201,
      );
      const secret = created.json().secret as string;
      await write(
        null,
        {
          method: 'POST',
          url: '/api/v1/orgs',
          headers: { authorization: `Bearer ${secret}` },
          payload: { parentId: orgs.branchA.id, type: 'party_group', name: '令牌创建党小组' },
        },
        201,
      );
    });

    it('ends an expired session and slides a live one', async () => {
      const s = await t.login('leader');
      const id = sha256Hex(s.cookie);
      await t.database.db.execute(
        sql`update sessions set last_seen_at = now() - interval '5 minutes', expires_at = now() + interval '1 minute' where id = ${id}`,
      );
      expect((await me(s)).statusCode).toBe(200);
      const [row] = await queryRows<{ expires_at: Date | string }>(
        t.database.db,
        sql`select expires_at from sessions where id = ${id}`,
      );
      const hours = (new Date(row!.expires_at).getTime() - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(t.config.sessionTtlHours - 0.1);

      await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${id}`);
      expectErrorShape(await me(s), 401, 'UNAUTHENTICATED');
      expectErrorShape(await t.request(s, { method: 'GET', url: '/api/v1/orgs' }), 401, 'UNAUTHENTICATED');
    });

    it('answers 401 to a forged cookie and a malformed bearer header', async () => {
      const forged = { cookie: 'forged', csrf: 'x', headers: { cookie: 're_sid=forged', 'x-csrf-token': 'x' } };
      expectErrorShape(await me(forged), 401, 'UNAUTHENTICATED');
      for (const authorization of ['Bearer ', 'Bearer nope', 'Basic YWRtaW46eA==']) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/orgs', headers: { authorization } });
        expectErrorShape(res, 401, 'UNAUTHENTICATED');
      }
    });
  });

  describe('two-factor login (TOTP)', () => {
    let secret: string;
    let recoveryCodes: string[];

    const verify = (cookie: string, code: string) =>
      counted(null, {
        method: 'POST',
        url: '/api/v1/auth/mfa/verify',
        payload: { code },
        headers: { cookie: `re_sid=${cookie}` },
      });

    /** Password step only: the session waits for the second factor. */
    async function passwordStep(): Promise<string> {
      const res = await write(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'auth_mfa', password: STRONG_PASSWORD },
      });
      expect(res.json()).toEqual({ status: 'mfa_required' });
      return res.cookies.find((c) => c.name === 're_sid')!.value;
    }

    const wrongCode = () => {
      const near = new Set([-30_000, 0, 30_000].map((d) => totpCodeAt(secret, Date.now() + d)));
      return ['000000', '111111', '222222', '333333'].find((c) => !near.has(c))!;
    };

    beforeAll(async () => {
      await createUser(t, admin, { username: 'auth_mfa', roles: [{ role: 'org_admin', orgId: orgs.branchA.id }] });
    });

    it('enrols and activates with a code from the returned secret', async () => {
      const s = await t.login('auth_mfa', STRONG_PASSWORD);
      await refused(
        s,
        { method: 'POST', url: '/api/v1/account/mfa/activate', payload: { code: '123456' } },
        400,
        'VALIDATION_FAILED',
      );
      const enroll = await write(s, { method: 'POST', url: '/api/v1/account/mfa/enroll' });
      const body = enroll.json() as { secret: string; otpauthUri: string; qrDataUrl: string };
      expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(body.otpauthUri).toContain(`secret=${body.secret}`);
      expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
      secret = body.secret;
      const [stored] = await queryRows<{ mfa_secret_enc: string }>(
        t.database.db,
        sql`select mfa_secret_enc from users where username = 'auth_mfa'`,
      );
      expect(stored!.mfa_secret_enc).not.toContain(secret);

      const bad = await refused(
        s,
        { method: 'POST', url: '/api/v1/account/mfa/activate', payload: { code: wrongCode() } },
        401,
        'INVALID_MFA_CODE',
      );
      expect(detailPaths(bad)).toEqual(['body.code']);
      const ok = await write(s, {
        method: 'POST',
        url: '/api/v1/account/mfa/activate',
        payload: { code: totpCodeAt(secret, Date.now()) },
      });
      recoveryCodes = ok.json().recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      for (const c of recoveryCodes) expect(c).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
      expect((await me(s)).json().mfaEnabled).toBe(true);
      await refused(s, { method: 'POST', url: '/api/v1/account/mfa/enroll' }, 409, 'CONFLICT');
      await write(s, { method: 'POST', url: '/api/v1/auth/logout' }, 204);
    });

    it('asks for the second factor, refuses wrong and replayed codes, accepts the next one', async () => {
      const cookie = await passwordStep();
      const pending = { cookie, csrf: '', headers: { cookie: `re_sid=${cookie}` } };
      expectErrorShape(await me(pending), 401, 'MFA_REQUIRED');
      expectErrorShape(await t.request(pending, { method: 'GET', url: '/api/v1/orgs' }), 401, 'MFA_REQUIRED');

      const noSession = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/mfa/verify',
        payload: { code: '123456' },
      });
      expectErrorShape(noSession, 401, 'UNAUTHENTICATED');

      const wrong = await verify(cookie, wrongCode());
      expectErrorShape(wrong.res, 401, 'INVALID_MFA_CODE');
      expect(wrong.events).toBe(1);
      // The activation code's time step is used up: the same code cannot log in.
      const old = await verify(cookie, totpCodeAt(secret, Date.now() - 30_000));
      expectErrorShape(old.res, 401, 'INVALID_MFA_CODE');

      const next = totpCodeAt(secret, Date.now() + 30_000);
      const ok = await verify(cookie, next);
      expect(ok.res.statusCode, ok.res.body).toBe(200);
      expect(ok.events).toBe(1);
      expect(ok.res.json()).toMatchObject({ status: 'ok', me: { username: 'auth_mfa', mfaEnabled: true } });
      const full = {
        cookie,
        csrf: ok.res.json().me.csrfToken,
        headers: { cookie: `re_sid=${cookie}`, 'x-csrf-token': ok.res.json().me.csrfToken },
      };
      expect((await me(full)).statusCode).toBe(200);
      expect((await t.request(full, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
      await write(full, { method: 'POST', url: '/api/v1/auth/logout' }, 204);

      // A replayed code is refused on a new login.
      const again = await passwordStep();
      const replay = await verify(again, next);
      expectErrorShape(replay.res, 401, 'INVALID_MFA_CODE');
    });

    it('accepts a recovery code once', async () => {
      const code = recoveryCodes[0]!;
      const cookie = await passwordStep();
      const ok = await verify(cookie, code);
      expect(ok.res.statusCode, ok.res.body).toBe(200);
      const [event] = await queryRows<{ action: string }>(
        t.database.db,
        sql`select action from audit_events order by seq desc limit 1`,
      );
      expect(event!.action).toBe('auth.login_recovery_code');
      const second = await passwordStep();
      expectErrorShape((await verify(second, code)).res, 401, 'INVALID_MFA_CODE');
      // Another recovery code still works.
      expect((await verify(second, recoveryCodes[1]!)).res.statusCode).toBe(200);
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select jsonb_array_length(mfa_recovery_hashes)::int as n from users where username = 'auth_mfa'`,
      );
      expect(Number(row!.n)).toBe(8);
    });

    it('turns two-factor off with the password', async () => {
      const cookie = await passwordStep();
      const ok = await verify(cookie, recoveryCodes[2]!);
      const csrf = ok.res.json().me.csrfToken as string;
      const s = { cookie, csrf, headers: { cookie: `re_sid=${cookie}`, 'x-csrf-token': csrf } };
      const bad = await refused(
        s,
        { method: 'POST', url: '/api/v1/account/mfa/disable', payload: { password: 'Wrong-Passw0rd!' } },
        400,
        'VALIDATION_FAILED',
      );
      expect(detailPaths(bad)).toEqual(['body.password']);
      await write(
        s,
        { method: 'POST', url: '/api/v1/account/mfa/disable', payload: { password: STRONG_PASSWORD } },
        204,
      );
      const login = await rawLogin('auth_mfa', STRONG_PASSWORD);
      expect(login.json()).toMatchObject({ status: 'ok', me: { mfaEnabled: false } });
    });

    it('makes admins enrol first when the policy requires two-factor for admins', async () => {
      const strict = await buildApp({
        config: testConfig({ mfaRequiredForAdmins: true }),
        database: t.database,
        logger: false,
        rateLimits: { loginPerMinute: 100_000, writesPerMinute: 100_000 },
      });
      await strict.ready();
      try {
        await createUser(t, admin, {
          username: 'auth_mfa_admin',
          roles: [{ role: 'org_admin', orgId: orgs.branchA.id }],
        });
        const login = async (username: string, password: string) => {
          const res = await strict.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password },
          });
          expect(res.statusCode, res.body).toBe(200);
          const s = sessionFrom(res);
          return {
            res,
            s,
            call: (o: InjectOptions) => strict.inject({ ...o, headers: { ...s.headers, ...(o.headers ?? {}) } }),
          };
        };
        const a = await login('auth_mfa_admin', STRONG_PASSWORD);
        expect(a.res.json().me).toMatchObject({ mfaRequired: true, mfaEnabled: false });
        expect((await a.call({ method: 'GET', url: '/api/v1/auth/me' })).json().mfaRequired).toBe(true);
        expectErrorShape(await a.call({ method: 'GET', url: '/api/v1/orgs' }), 403, 'FORBIDDEN');
        expectErrorShape(await a.call({ method: 'GET', url: '/api/v1/account/tokens' }), 403, 'FORBIDDEN');

        // A viewer is not an admin: no enrolment needed.
        const leader = await login('leader', 'RedEngine@2026');
        expect(leader.res.json().me.mfaRequired).toBe(false);
        expect((await leader.call({ method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);

        const enroll = await a.call({ method: 'POST', url: '/api/v1/account/mfa/enroll' });
        expect(enroll.statusCode).toBe(200);
        const key = enroll.json().secret as string;
        const act = await a.call({
          method: 'POST',
          url: '/api/v1/account/mfa/activate',
          payload: { code: totpCodeAt(key, Date.now()) },
        });
        expect(act.statusCode, act.body).toBe(200);
        const after = await a.call({ method: 'GET', url: '/api/v1/auth/me' });
        expect(after.json()).toMatchObject({ mfaRequired: false, mfaEnabled: true });
        expect((await a.call({ method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
      } finally {
        await strict.close();
      }
    });
  });

  describe('passwords', () => {
    it('enforces the rules on a change and ends the other sessions', async () => {
      await createUser(t, admin, { username: 'auth_pw', roles: [{ role: 'member', orgId: orgs.branchA.id }] });
      const s1 = await t.login('auth_pw', STRONG_PASSWORD);
      const s2 = await t.login('auth_pw', STRONG_PASSWORD);
      const change = (currentPassword: string, newPassword: string) => ({
        method: 'POST' as const,
        url: '/api/v1/account/password',
        payload: { currentPassword, newPassword },
        headers: { 'accept-language': 'en-US' },
      });
      let res = await refused(s1, change('Wrong-Passw0rd!', 'Brand-New-Pass1'), 400, 'VALIDATION_FAILED');
      expect(res.json().error.details).toEqual([
        { path: 'body.currentPassword', message: 'The current password is wrong' },
      ]);
      for (const weak of [
        'short1!A',
        'alllowercaseletters',
        'NoDigitsOrSymbolsHere',
        'auth_pw-Passw0rd!',
        '1234567890',
      ]) {
        res = await refused(s1, change(STRONG_PASSWORD, weak), 400, 'WEAK_PASSWORD');
        expect(detailPaths(res)).toEqual(['body.newPassword']);
        expect(res.json().error.message).toMatch(/at least 10 characters/);
      }
      res = await refused(s1, change(STRONG_PASSWORD, STRONG_PASSWORD), 400, 'VALIDATION_FAILED');
      expect(detailPaths(res)).toEqual(['body.newPassword']);
      res = await refused(s1, change(STRONG_PASSWORD, ''), 400, 'VALIDATION_FAILED');
      expect(detailPaths(res)).toEqual(['body.newPassword']);

      await write(s1, change(STRONG_PASSWORD, 'Brand-New-Pass1'), 204);
      expect((await me(s1)).statusCode).toBe(200);
      expectErrorShape(await me(s2), 401, 'UNAUTHENTICATED');
      expectErrorShape(await rawLogin('auth_pw', STRONG_PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect((await rawLogin('auth_pw', 'Brand-New-Pass1')).statusCode).toBe(200);
    });

    it('an admin reset forces a change at next login and ends every session', async () => {
      const id = await createUser(t, admin, {
        username: 'auth_reset',
        roles: [{ role: 'org_admin', orgId: orgs.branchA.id }],
      });
      const old = await t.login('auth_reset', STRONG_PASSWORD);
      const weak = await refused(
        admin,
        { method: 'POST', url: `/api/v1/users/${id}/reset-password`, payload: { newPassword: 'weak' } },
        400,
        'WEAK_PASSWORD',
      );
      expect(detailPaths(weak)).toEqual(['body.newPassword']);
      await write(
        admin,
        { method: 'POST', url: `/api/v1/users/${id}/reset-password`, payload: { newPassword: 'Reset-Passw0rd!' } },
        204,
      );
      expectErrorShape(await me(old), 401, 'UNAUTHENTICATED');

      const s = await t.login('auth_reset', 'Reset-Passw0rd!');
      expect((await me(s)).json().mustChangePassword).toBe(true);
      expectErrorShape(await t.request(s, { method: 'GET', url: '/api/v1/orgs' }), 403, 'FORBIDDEN');
      expectErrorShape(
        await t.request(s, {
          method: 'POST',
          url: '/api/v1/account/tokens',
          payload: { name: 'x', permissions: ['org:read'], orgId: orgs.branchA.id },
        }),
        403,
        'FORBIDDEN',
      );
      await write(s, { method: 'PATCH', url: '/api/v1/account/preferences', payload: { locale: 'en-US' } });
      await write(
        s,
        {
          method: 'POST',
          url: '/api/v1/account/password',
          payload: { currentPassword: 'Reset-Passw0rd!', newPassword: 'Own-Choice-Passw0rd!' },
        },
        204,
      );
      const after = await me(s);
      expect(after.json()).toMatchObject({ mustChangePassword: false, locale: 'en-US' });
      expect((await t.request(s, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    });
  });

  describe('personal data', () => {
    it('masks phones in lists; revealing one is a recorded sensitive read', async () => {
      const phone = '13712345678';
      const created = await write(
        admin,
        {
          method: 'POST',
          url: '/api/v1/users',
          payload: {
            username: 'auth_phone',
            displayName: '电话用户',
            phone,
            password: STRONG_PASSWORD,
            roles: [{ role: 'member', orgId: orgs.branchA.id }],
          },
        },
        201,
      );
      const id = created.json().id as string;
      expect(created.json().phoneMasked).toBe('137****5678');
      expect(created.body).not.toContain(phone);
      const list = await t.request(admin, { method: 'GET', url: '/api/v1/users', query: { keyword: 'auth_phone' } });
      expect(list.json().data[0].phoneMasked).toBe('137****5678');
      expect(list.body).not.toContain(phone);
      expect((await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}` })).body).not.toContain(phone);

      const secretary = await t.login('secretary');
      const reveal = await write(secretary, { method: 'GET', url: `/api/v1/users/${id}/phone` });
      expect(reveal.json()).toEqual({ phone });
      const events = await t.request(admin, {
        method: 'GET',
        url: '/api/v1/audit-events',
        query: { entityId: id, action: 'sensitive.read' },
      });
      expect(events.json().data[0]).toMatchObject({
        action: 'sensitive.read',
        actorId: await userIdOf(t, 'secretary'),
        after: { field: 'phone' },
      });
      // The full number is stored encrypted and never lands in the audit trail.
      const leaks = await queryRows(
        t.database.db,
        sql`select 1 from audit_events where before::text like ${`%${phone}%`} or after::text like ${`%${phone}%`}`,
      );
      expect(leaks).toEqual([]);
      const [row] = await queryRows<{ phone_enc: string }>(
        t.database.db,
        sql`select phone_enc from users where id = ${id}`,
      );
      expect(row!.phone_enc).not.toContain(phone);

      // Changing the phone is audited too; clearing it works.
      await write(admin, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { phone: '13900001111' } });
      expect((await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}/phone` })).json()).toEqual({
        phone: '13900001111',
      });
      await write(admin, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { phone: null } });
      expect((await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}/phone` })).json()).toEqual({
        phone: null,
      });
      // A member may not reveal phones at all.
      const member = await t.login('member');
      await refused(member, { method: 'GET', url: `/api/v1/users/${id}/phone` }, 403, 'FORBIDDEN');
    });
  });
});
