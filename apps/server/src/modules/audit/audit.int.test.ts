import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { verifyAuditChain } from './audit.service.js';

describe('audit chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const _exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

  it('verifies the seeded chain and every write adds an event', async () => {
    const before = await verifyAuditChain(t.database.db);
    expect(before.ok).toBe(true);
    const admin = await t.login('admin');
    const tree = await t.request(admin, { method: 'GET', url: '/api/v1/orgs/tree' });
    const root = tree.json()[0];
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: root.id, type: 'branch', name: '测试党支部' },
    });
    expect(res.statusCode).toBe(201);
    const after = await verifyAuditChain(t.database.db);
    expect(after.ok).toBe(true);
    const events = await t.request(admin, { method: 'GET', url: `/api/v1/audit-events?entityId=${res.json().id}` });
    expect(events.json().data.map((e: { action: string }) => e.action)).toEqual(['org.create']);
  });
});

describe('audit chain tampering', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());
  const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
  const verify = () => verifyAuditChain(t.database.db);

  it('fails naming the entry when a row is edited', async () => {
    await exec(sql`update audit_events set after = '{"name":"改过"}'::jsonb where seq = 5`);
    const v = await verify();
    expect(v).toMatchObject({ ok: false, brokenAt: 5 });
    expect(v.reason).toMatch(/altered/);
  });

  it('fails naming the entry when a row is deleted', async () => {
    await exec(sql`delete from audit_events where seq = 7`);
    const v = await verify();
    expect(v).toMatchObject({ ok: false, brokenAt: 8 });
    expect(v.reason).toMatch(/missing/);
  });

  it('fails when two rows are swapped', async () => {
    await exec(sql`update audit_events set seq = -1 where seq = 10`);
    await exec(sql`update audit_events set seq = 10 where seq = 11`);
    await exec(sql`update audit_events set seq = 11 where seq = -1`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 10 });
  });

  it('fails when a row is re-hashed after an edit but its successor still links to the old hash', async () => {
    await exec(sql`update audit_events set actor_name = '伪造', hash = repeat('a', 64) where seq = 12`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 12 });
  });

  it('fails when the newest entries are cut off', async () => {
    await exec(sql`delete from audit_events where seq = (select max(seq) from audit_events)`);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/missing/);
  });
});
