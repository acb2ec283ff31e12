import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

// 联合活动: a partner organization's admin reads a joint activity (list and detail) but cannot run it.
let t: TestApp;
let admin: Session;
let partnerAdmin: Session;
let host: string;
let partner: string;

beforeAll(async () => {
  t = await createTestApp({ members: false });
  admin = await t.login('admin');
  partnerAdmin = await t.login('xingguang');
  const [p] = await queryRows<{ org_id: string; path: string }>(
    t.database.db,
    sql`select r.org_id, o.path from user_roles r join users u on u.id = r.user_id join organizations o on o.id = r.org_id
      where u.username = 'xingguang' and r.role = 'org_admin' limit 1`,
  );
  partner = p!.org_id;
  const [h] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from organizations where type = 'branch' and path not like ${`${p!.path}%`} order by name limit 1`,
  );
  host = h!.id;
}, 120_000);
afterAll(() => t?.close());

async function plan(title: string, jointOrgIds: string[]) {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/meetings',
    payload: {
      orgId: host,
      title,
      typeCodes: ['theme_day'],
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      participants: { orgIds: [host] },
      jointOrgIds,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('joint activities (联合活动)', () => {
  it('are listed and readable for the partner organization, but only the host side may change them', async () => {
    const joint = await plan('联合主题党日：共建共享', [partner]);
    const hostOnly = await plan('本支部主题党日', []);

    const list = await t.request(partnerAdmin, {
      method: 'GET',
      url: `/api/v1/meetings?keyword=${encodeURIComponent('主题党日')}&pageSize=100`,
    });
    expect(list.statusCode).toBe(200);
    const ids = (list.json().data as { id: string }[]).map((m) => m.id);
    expect(ids).toContain(joint);
    expect(ids).not.toContain(hostOnly);

    const byOrg = await t.request(partnerAdmin, {
      method: 'GET',
      url: `/api/v1/meetings?orgId=${partner}&pageSize=100`,
    });
    expect((byOrg.json().data as { id: string }[]).map((m) => m.id)).toContain(joint);

    expect((await t.request(partnerAdmin, { method: 'GET', url: `/api/v1/meetings/${joint}` })).statusCode).toBe(200);
    expect((await t.request(partnerAdmin, { method: 'GET', url: `/api/v1/meetings/${hostOnly}` })).statusCode).toBe(
      404,
    );
    const edit = await t.request(partnerAdmin, {
      method: 'PATCH',
      url: `/api/v1/meetings/${joint}`,
      payload: { title: '改名' },
    });
    expect(edit.statusCode).toBe(404);
    const cancel = await t.request(partnerAdmin, {
      method: 'POST',
      url: `/api/v1/meetings/${joint}/cancel`,
      payload: { reason: '不该能取消' },
    });
    expect(cancel.statusCode).toBe(404);
  });
});
