import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailPaths, findOrg, ORG_NAMES, STRONG_PASSWORD } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

describe('users: an H5 account linked to a party member (党员账号)', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
  });
  afterAll(async () => t?.close());

  const create = (s: Session, payload: object) => t.request(s, { method: 'POST', url: '/api/v1/users', payload });
  const unlinked = async (orgId: string) =>
    (
      await queryRows<{ id: string; name: string }>(
        t.database.db,
        sql`select id, name from members where org_id = ${orgId} and status = 'active' and user_id is null
            order by id limit 2`,
      )
    )[0]!;

  it('links the new account to the member, once, inside the creator’s scope', async () => {
    const branchA = await findOrg(t, admin, ORG_NAMES.branchA);
    const branchB = await findOrg(t, admin, ORG_NAMES.branchB);
    const member = await unlinked(branchA.id);
    const body = (username: string, memberId: string, orgId = branchA.id) => ({
      username,
      displayName: member.name,
      password: STRONG_PASSWORD,
      roles: [{ role: 'member', orgId }],
      memberId,
    });
    const res = await create(secretary, body('dangyuan.a', member.id));
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await queryRows<{ user_id: string }>(
      t.database.db,
      sql`select user_id from members where id = ${member.id}`,
    );
    expect(row!.user_id).toBe(res.json().id);
    const again = await create(admin, body('dangyuan.b', member.id));
    expect(again.statusCode).toBe(400);
    expect(detailPaths(again)).toEqual(['body.memberId']);
    // A member of another branch is not found for the branch secretary, and nothing is created.
    const foreign = await unlinked(branchB.id);
    const out = await create(secretary, body('dangyuan.c', foreign.id));
    expect(detailPaths(out)).toEqual(['body.memberId']);
    const [made] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from users where username = 'dangyuan.c'`,
    );
    expect(made!.n).toBe(0);
    // The member logs in and reads the own record.
    const first = await t.login('dangyuan.a', STRONG_PASSWORD);
    const changed = await t.request(first, {
      method: 'POST',
      url: '/api/v1/account/password',
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'Another-Passw0rd!' },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    const session = await t.login('dangyuan.a', 'Another-Passw0rd!');
    const me = await t.request(session, { method: 'GET', url: '/api/v1/me/member' });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ id: member.id, name: member.name, orgId: branchA.id });
  });
});
