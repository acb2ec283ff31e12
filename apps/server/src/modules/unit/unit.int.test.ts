import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, findOrg, loadOrgs } from '../../../test/support/fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

type Unit = { id: string; name: string; kind: string; partyOrgEstablished: boolean; aboveDesignatedSize: boolean };

describe('units (单位) and venues (阵地)', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let leader: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;

  const get = (url: string, s: Session = admin) => t.request(s, { method: 'GET', url });
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, s: Session = admin) =>
    t.request(s, { method, url, ...(payload ? { payload } : {}) });
  const total = async (query: string, s: Session = admin) =>
    (await get(`/api/v1/units?pageSize=1${query}`, s)).json().total as number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    leader = await t.login('leader');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  it('seeds 102 units, 52 above designated size, with filters and a coverage figure', async () => {
    expect(await total('')).toBe(102);
    expect(await total('&aboveSize=true')).toBe(52);
    expect(await total('&kind=agency')).toBe(12);
    expect(await total('&kind=community')).toBe(6);
    expect(await total('&kind=village')).toBe(4);
    const covered = await total('&covered=true');
    expect(covered + (await total('&covered=false'))).toBe(102);
    const coverage = (await get('/api/v1/units/coverage')).json();
    expect(coverage).toMatchObject({ total: 102, covered, rate: Math.round((covered / 102) * 10_000) / 10_000 });
    expect(coverage.byKind.agency).toEqual({ total: 12, covered: 12, rate: 1 });
    expect(coverage.aboveSize.total).toBe(52);
    const joint = await findOrg(t, admin, '开发区非公企业第三联合党支部');
    const linked = (await get(`/api/v1/orgs/${joint.id}/units`)).json() as Unit[];
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(linked.length).toBeLessThanOrEqual(5);
    expect(linked.every((u) => u.partyOrgEstablished && u.kind === 'enterprise')).toBe(true);
    expect((await get(`/api/v1/orgs/${joint.id}`)).json()).toMatchObject({
      unitSituation: 'joint',
      brandTheme: '连心党建',
    });
    // The read-only leader sees the same figures.
    expect((await get('/api/v1/units/coverage', leader)).json().total).toBe(102);
  });

  it('creates, updates and deletes a unit with audit events; validates the credit code', async () => {
    const bad = await send('POST', '/api/v1/units', {
      name: '测试企业有限公司',
      kind: 'enterprise',
      creditCode: '91350100M000100Y44',
      ownerOrgId: orgs.branchA.id,
    });
    expectErrorShape(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().error.details[0].path).toBe('body.creditCode');
    const created = await send('POST', '/api/v1/units', {
      name: '测试企业有限公司',
      kind: 'enterprise',
      creditCode: '91350100m000100y43',
      economicType: 'private',
      enterpriseScale: 'small',
      employees: 40,
      employeesUnder35: 12,
      ownerOrgId: orgs.branchA.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({
      creditCode: '91350100M000100Y43',
      partyOrgEstablished: false,
      ownerOrgName: orgs.branchA.name,
    });
    const dup = await send('POST', '/api/v1/units', {
      name: '另一企业',
      kind: 'enterprise',
      creditCode: '91350100M000100Y43',
      ownerOrgId: orgs.branchA.id,
    });
    expectErrorShape(dup, 409, 'CREDIT_CODE_TAKEN');
    const tooYoung = await send('PATCH', `/api/v1/units/${unit.id}`, { employeesUnder35: 41 });
    expectErrorShape(tooYoung, 400, 'VALIDATION_FAILED');
    const patched = await send(
      'PATCH',
      `/api/v1/units/${unit.id}`,
      { aboveDesignatedSize: true, industry: null },
      secretary,
    );
    expect(patched.statusCode, patched.body).toBe(200);
    const audit = (await get(`/api/v1/audit-events?entityId=${unit.id}`)).json().data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect(audit[0].before.aboveDesignatedSize).toBe(false);
    expect(audit[0].after.aboveDesignatedSize).toBe(true);

    // Linked to an active organization it cannot be deleted.
    const link = await send('PUT', `/api/v1/orgs/${orgs.branchA.id}/units`, { unitIds: [unit.id] }, secretary);
    expect(link.statusCode, link.body).toBe(200);
    expect((await get(`/api/v1/units/${unit.id}`)).json().partyOrgEstablished).toBe(true);
    expectErrorShape(await send('DELETE', `/api/v1/units/${unit.id}`), 409, 'UNIT_IN_USE');
    expect((await send('PUT', `/api/v1/orgs/${orgs.branchA.id}/units`, { unitIds: [] }, secretary)).statusCode).toBe(
      200,
    );
    expect((await send('DELETE', `/api/v1/units/${unit.id}`, undefined, secretary)).statusCode).toBe(204);
    expect((await get(`/api/v1/units/${unit.id}`)).statusCode).toBe(404);
    const history = (await get(`/api/v1/orgs/${orgs.branchA.id}/history`)).json().data;
    expect(history.filter((e: { action: string }) => e.action === 'org.units')).toHaveLength(2);
  });

  it('links a joint branch to at most 5 units, others to one', async () => {
    const joint = await findOrg(t, admin, '开发区非公企业第一联合党支部');
    const free = (await get('/api/v1/units?covered=false&kind=enterprise&pageSize=6')).json().data as Unit[];
    const current = ((await get(`/api/v1/orgs/${joint.id}/units`)).json() as Unit[]).map((u) => u.id);
    const six = [...current, ...free.map((u) => u.id)].slice(0, 6);
    const res = await send('PUT', `/api/v1/orgs/${joint.id}/units`, { unitIds: six });
    expectErrorShape(res, 400, 'UNIT_LIMIT_EXCEEDED');
    expect(res.json().error.details[0].path).toBe('body.unitIds');
    expect(((await get(`/api/v1/orgs/${joint.id}/units`)).json() as Unit[]).map((u) => u.id)).toEqual(
      expect.arrayContaining(current),
    );
    const five = await send('PUT', `/api/v1/orgs/${joint.id}/units`, { unitIds: six.slice(0, 5) });
    expect(five.statusCode, five.body).toBe(200);
    expect(five.json()).toHaveLength(5);
    const two = await send('PUT', `/api/v1/orgs/${orgs.branchB.id}/units`, {
      unitIds: free.slice(0, 2).map((u) => u.id),
    });
    expectErrorShape(two, 400, 'UNIT_LIMIT_EXCEEDED');
  });

  it('keeps units in scope: a branch administrator sees its own, and 404 for the others', async () => {
    const mine = (await get('/api/v1/units?pageSize=200', secretary)).json();
    const foreign = (await get(`/api/v1/orgs/${orgs.branchB.id}/units`)).json() as Unit[];
    const zoneUnit = (await get('/api/v1/units?covered=false&pageSize=1')).json().data[0] as Unit;
    for (const u of [...foreign, zoneUnit]) {
      expect(mine.data.map((x: Unit) => x.id)).not.toContain(u.id);
      expectErrorShape(await get(`/api/v1/units/${u.id}`, secretary), 404, 'NOT_FOUND');
      expectErrorShape(await send('PATCH', `/api/v1/units/${u.id}`, { address: 'x' }, secretary), 404, 'NOT_FOUND');
      expectErrorShape(await send('DELETE', `/api/v1/units/${u.id}`, undefined, secretary), 404, 'NOT_FOUND');
    }
    const linkForeign = await send(
      'PUT',
      `/api/v1/orgs/${orgs.branchA.id}/units`,
      { unitIds: [zoneUnit.id] },
      secretary,
    );
    expectErrorShape(linkForeign, 400, 'VALIDATION_FAILED');
    const ownerOut = await send(
      'POST',
      '/api/v1/units',
      { name: '越权单位', kind: 'enterprise', ownerOrgId: orgs.branchB.id },
      secretary,
    );
    expectErrorShape(ownerOut, 400, 'VALIDATION_FAILED');
    expect((await get('/api/v1/units/coverage', secretary)).json().total).toBe(mine.total);
  });

  it('manages venues: the regional centers serve every branch, a branch room stays with its branch', async () => {
    const centers = (await get('/api/v1/venues')).json();
    expect(centers.total).toBe(5);
    expect(centers.data[0]).toMatchObject({ ownerOrgName: orgs.root.name });
    expect((await get('/api/v1/venues', secretary)).json().total).toBe(5);
    const created = await send(
      'POST',
      '/api/v1/venues',
      { name: '洗煤厂党员活动室', ownerOrgId: orgs.branchA.id, capacity: 40, facilities: ['投影仪', '党建书架'] },
      secretary,
    );
    expect(created.statusCode, created.body).toBe(201);
    const room = created.json();
    const other = await send('POST', '/api/v1/venues', { name: '电石分公司活动室', ownerOrgId: orgs.branchB.id });
    expect(other.statusCode).toBe(201);
    expectErrorShape(await get(`/api/v1/venues/${other.json().id}`, secretary), 404, 'NOT_FOUND');
    expectErrorShape(
      await send('PATCH', `/api/v1/venues/${other.json().id}`, { capacity: 1 }, secretary),
      404,
      'NOT_FOUND',
    );
    // A regional center is visible to the branch but not its to change.
    expectErrorShape(
      await send('PATCH', `/api/v1/venues/${centers.data[0].id}`, { capacity: 1 }, secretary),
      404,
      'NOT_FOUND',
    );
    const patched = await send('PATCH', `/api/v1/venues/${room.id}`, { capacity: 45, openHours: null }, secretary);
    expect(patched.json()).toMatchObject({ capacity: 45, openHours: null });
    expect((await send('DELETE', `/api/v1/venues/${room.id}`, undefined, secretary)).statusCode).toBe(204);
    const audit = (await get(`/api/v1/audit-events?entityId=${room.id}`)).json().data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['venue.delete', 'venue.update', 'venue.create']);
    expect(audit[1].before.capacity).toBe(40);
    expect(audit[1].after.capacity).toBe(45);
  });
});
