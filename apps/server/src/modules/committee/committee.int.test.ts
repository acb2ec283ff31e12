import { addMonths, todayInChina } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, findOrg, loadOrgs } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

type Committee = {
  id: string;
  orgId: string;
  termNumber: number;
  electedOn: string;
  termYears: number;
  expiresOn: string;
  isCurrent: boolean;
  warning: string | null;
  members: { memberId: string | null; name: string; position: string }[];
};

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('committees and terms (班子 · 换届)', () => {
  let t: TestApp;
  let admin: Session;
  let xingguangAdmin: Session;
  let secretary: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  const today = todayInChina();

  const get = (url: string, s: Session = admin) => t.request(s, { method: 'GET', url });
  const post = (url: string, payload: object, s: Session = admin) => t.request(s, { method: 'POST', url, payload });
  const current = async (orgId: string) =>
    ((await get(`/api/v1/orgs/${orgId}/committees`)).json() as Committee[]).find((c) => c.isCurrent);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    xingguangAdmin = await t.login('xingguang');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  it('seeds terms at every warning level, scoped to the caller', async () => {
    const res = await get('/api/v1/orgs/term-warnings');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.today).toBe(today);
    expect(body.counts).toEqual({ overdue: 2, '1m': 2, '3m': 3, '6m': 3 });
    const overdue = body.data.filter((w: { level: string }) => w.level === 'overdue');
    expect(overdue.every((w: { daysLeft: number }) => w.daysLeft < 0)).toBe(true);
    expect((await get('/api/v1/orgs/term-warnings?level=3m')).json().data).toHaveLength(3);
    const mine = (await get('/api/v1/orgs/term-warnings', xingguangAdmin)).json();
    expect(mine.counts).toEqual({ overdue: 0, '1m': 1, '3m': 0, '6m': 0 });
    expect(mine.data[0].orgName).toBe('星光集团焦化厂党支部');
    expect((await get('/api/v1/orgs/term-warnings', secretary)).json().data).toEqual([]);
    const [dup] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from (select org_id from committees where is_current group by org_id having count(*) > 1) x`,
    );
    expect(dup!.n).toBe(0);
    expect((await get('/api/v1/term-rules')).json()).toHaveLength(7);
  });

  it('derives the warning level from the election date, table-driven', async () => {
    const cases: [number, string | null][] = [
      [-5, 'overdue'],
      [0, '1m'],
      [20, '1m'],
      [60, '3m'],
      [150, '6m'],
      [250, null],
    ];
    for (const [days, level] of cases) {
      const org = (
        await post('/api/v1/orgs', { parentId: orgs.root.id, type: 'branch', name: `任期预警测试支部${days}` })
      ).json();
      const electedOn = addMonths(shiftDays(today, days), -36);
      const res = await post(`/api/v1/orgs/${org.id}/committees`, {
        electedOn,
        members: [{ name: '测试书记', position: 'secretary' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ termYears: 3, termNumber: 1, isCurrent: true, warning: level });
      const listed = (await get(`/api/v1/orgs/term-warnings?orgId=${org.id}`)).json().data;
      expect(listed.map((w: { level: string }) => w.level)).toEqual(level ? [level] : []);
    }
  });

  it('a new election becomes current and makes the previous term history', async () => {
    const overdueBefore = (await get('/api/v1/orgs/term-warnings?level=overdue')).json();
    const overdue = overdueBefore.data[0];
    const before = (await current(overdue.orgId))!;
    const member = (
      await queryRows<{ id: string; name: string; org_path: string }>(
        t.database.db,
        sql`select m.id, m.name, m.org_path from members m join organizations o on o.id = ${overdue.orgId}
            where m.org_path like o.path || '%' and m.status = 'active' order by m.id limit 1`,
      )
    )[0];
    const seats = [
      ...(member ? [{ memberId: member.id, position: 'secretary' }] : [{ name: '新书记', position: 'secretary' }]),
      { name: '组织委员甲', position: 'organization' },
      { name: '宣传委员乙', position: 'propaganda' },
    ];
    const res = await post(`/api/v1/orgs/${overdue.orgId}/committees`, { electedOn: today, members: seats });
    expect(res.statusCode, res.body).toBe(201);
    const elected = res.json() as Committee;
    const years = overdue.orgDomain === 'village' || overdue.orgDomain === 'community' ? 5 : 3;
    expect(elected).toMatchObject({
      termNumber: before.termNumber + 1,
      termYears: years,
      expiresOn: addMonths(today, years * 12),
      isCurrent: true,
      warning: null,
    });
    if (member) expect(elected.members[0]).toMatchObject({ memberId: member.id, name: member.name });
    const all = (await get(`/api/v1/orgs/${overdue.orgId}/committees`)).json() as Committee[];
    expect(all.filter((c) => c.isCurrent).map((c) => c.id)).toEqual([elected.id]);
    expect(all.find((c) => c.id === before.id)!.isCurrent).toBe(false);
    expect((await get('/api/v1/orgs/term-warnings')).json().counts.overdue).toBe(overdueBefore.counts.overdue - 1);

    const audit = (await get(`/api/v1/audit-events?entity=committee&entityId=${elected.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'committee.elect' });
    const ended = (await get(`/api/v1/audit-events?entity=committee&entityId=${before.id}`)).json().data;
    expect(ended[0].before.isCurrent).toBe(true);
    expect(ended[0].after.isCurrent).toBe(false);

    // Not on or before the current term's date, not in the future, not an existing term number.
    expectErrorShape(
      await post(`/api/v1/orgs/${overdue.orgId}/committees`, { electedOn: today }),
      400,
      'VALIDATION_FAILED',
    );
    expectErrorShape(
      await post(`/api/v1/orgs/${overdue.orgId}/committees`, { electedOn: shiftDays(today, 1) }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('uses 5-year terms for village and community organizations', async () => {
    const village = await findOrg(t, admin, '包日塔拉嘎查党支部');
    const c = (await current(village.id))!;
    expect(c.termYears).toBe(5);
    const branch = (await current(orgs.branchA.id))!;
    expect(branch.termYears).toBe(3);
    const committee = (await current(orgs.xingguang.id))!;
    expect(committee.termYears).toBe(5);
  });

  it('refuses elections for temporary branches and party groups with a clear error', async () => {
    const temp = (await get('/api/v1/orgs?type=temporary_branch&pageSize=1')).json().data[0];
    expect(temp.projectName).toBeTruthy();
    const res = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/orgs/${temp.id}/committees`,
      payload: { electedOn: today },
      headers: { 'accept-language': 'zh-CN' },
    });
    expectErrorShape(res, 409, 'ORG_NO_ELECTIONS');
    expect(res.json().error.message).toContain('临时党支部不进行换届选举');
    const group = (await get(`/api/v1/orgs?parentId=${orgs.branchA.id}&pageSize=1`)).json().data[0];
    expectErrorShape(await post(`/api/v1/orgs/${group.id}/committees`, { electedOn: today }), 409, 'ORG_NO_ELECTIONS');
    expect((await get(`/api/v1/orgs/${temp.id}/committees`)).json()).toEqual([]);
  });

  it('edits a term with before/after in the audit trail, and seats only members of the organization', async () => {
    const c = (await current(orgs.branchA.id))!;
    const res = await t.request(secretary, {
      method: 'PATCH',
      url: `/api/v1/committees/${c.id}`,
      payload: {
        notes: '补选宣传委员',
        members: [
          ...c.members.map(({ name, position }) => ({ name, position })),
          { name: '补选委员', position: 'member' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toHaveLength(c.members.length + 1);
    const audit = (await get(`/api/v1/audit-events?entityId=${c.id}&action=committee.update`)).json().data[0];
    expect(audit.before.members).toHaveLength(c.members.length);
    expect(audit.after.notes).toBe('补选宣传委员');

    const [foreign] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from members where org_id = ${orgs.branchB.id} limit 1`,
    );
    const bad = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/committees/${c.id}`,
      payload: { members: [{ memberId: foreign!.id, position: 'secretary' }] },
    });
    expectErrorShape(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details[0].path).toBe('body.members.0.memberId');
  });

  it('answers 404 for committees outside the scope', async () => {
    const foreign = (await current(orgs.branchB.id))!;
    expectErrorShape(await get(`/api/v1/committees/${foreign.id}`, secretary), 404, 'NOT_FOUND');
    const patch = await t.request(secretary, {
      method: 'PATCH',
      url: `/api/v1/committees/${foreign.id}`,
      payload: { notes: 'x' },
    });
    expectErrorShape(patch, 404, 'NOT_FOUND');
    expectErrorShape(await get(`/api/v1/orgs/${orgs.branchB.id}/committees`, secretary), 404, 'NOT_FOUND');
    expectErrorShape(
      await post(`/api/v1/orgs/${orgs.branchB.id}/committees`, { electedOn: today }, xingguangAdmin),
      404,
      'NOT_FOUND',
    );
    expect((await get(`/api/v1/committees/${foreign.id}`, xingguangAdmin)).statusCode).toBe(404);
  });
});
