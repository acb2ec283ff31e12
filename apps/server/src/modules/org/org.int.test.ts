import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

describe('organizations', () => {
  let t: TestApp;
  let admin: Session;
  let root: { id: string; type: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    root = (await t.request(admin, { method: 'GET', url: '/api/v1/orgs/tree' })).json()[0];
  });
  afterAll(async () => t.close());

  const get = (url: string, s: Session = admin) => t.request(s, { method: 'GET', url });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.request(admin, { method: 'POST', url, payload: payload as object, headers });

  it('seeds the zone of the source document', async () => {
    const branches = (type: string) =>
      get(`/api/v1/orgs?type=${type}&pageSize=1`).then((r) => r.json().total as number);
    const total = (await branches('branch')) + (await branches('joint_branch')) + (await branches('temporary_branch'));
    expect(total).toBe(101);
    expect(await branches('party_committee')).toBe(7);
    expect(await branches('temporary_branch')).toBe(8);
    expect(await branches('work_committee')).toBe(1);
    expect(await branches('party_group')).toBeGreaterThan(200);
  });

  it('lists with the ProTable contract, sorter and keyword', async () => {
    const res = await get('/api/v1/orgs?current=2&pageSize=10&sorter=name:descend&keyword=星光');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ current: 2, pageSize: 10 });
    expect(body.total).toBeGreaterThan(10);
    const names = body.data.map((o: { name: string }) => o.name);
    expect([...names].sort().reverse()).toEqual(names);
    expect(names.every((n: string) => n.includes('星光'))).toBe(true);
    expect((await get('/api/v1/orgs?pageSize=201')).statusCode).toBe(400);
  });

  it('walks the tree lazily with child counts', async () => {
    const level1 = (await get(`/api/v1/orgs/tree?parentId=${root.id}`)).json();
    expect(level1.length).toBeGreaterThan(30);
    const xg = level1.find((o: { name: string }) => o.name.includes('星光'));
    expect(xg.childCount).toBe(10);
    const level2 = (await get(`/api/v1/orgs/tree?parentId=${xg.id}`)).json();
    expect(level2).toHaveLength(10);
    expect(level2.every((o: { type: string; childCount: number }) => o.type === 'branch' && o.childCount >= 2)).toBe(
      true,
    );
  });

  it('creates a branch with an audit event, and refuses a child type the parent cannot have', async () => {
    const created = await post('/api/v1/orgs', {
      parentId: root.id,
      type: 'branch',
      name: '新建测试党支部',
      code: 'T0001',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      parentId: root.id,
      depth: 1,
      type: 'branch',
      code: 'T0001',
      domain: 'government',
    });
    expect(created.json().path).toBe(`${(await get(`/api/v1/orgs/${root.id}`)).json().path}${created.json().id}/`);

    const groupUnderRoot = await post(
      '/api/v1/orgs',
      { parentId: root.id, type: 'party_group', name: '错误的党小组' },
      { 'accept-language': 'zh-CN' },
    );
    expect(groupUnderRoot.statusCode).toBe(400);
    expect(groupUnderRoot.json().error.code).toBe('ORG_CHILD_TYPE_NOT_ALLOWED');
    expect(groupUnderRoot.json().error.message).toContain('党工委');
    expect(groupUnderRoot.json().error.details[0].path).toBe('body.type');

    const dupCode = await post('/api/v1/orgs', {
      parentId: root.id,
      type: 'branch',
      name: '另一个党支部',
      code: 'T0001',
    });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.code).toBe('ORG_CODE_TAKEN');

    const audit = (await get(`/api/v1/audit-events?entityId=${created.json().id}`)).json();
    expect(audit.data[0]).toMatchObject({ action: 'org.create', actorName: '王建华' });
  });

  it('updates with before/after in the audit trail and names bad fields', async () => {
    const created = (await post('/api/v1/orgs', { parentId: root.id, type: 'branch', name: '待改名党支部' })).json();
    const res = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${created.id}`,
      payload: { name: '已改名党支部', shortName: '改名支部' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '已改名党支部', shortName: '改名支部' });
    const audit = (await get(`/api/v1/audit-events?entityId=${created.id}&action=org.rename`)).json();
    expect(audit.data[0].before.name).toBe('待改名党支部');
    expect(audit.data[0].after.name).toBe('已改名党支部');

    const bad = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${created.id}`,
      payload: { name: 'x', type: 'branch' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body']));
    expect(bad.json().error.details.find((d: { path: string }) => d.path === 'body.name').message).toBe(
      'At least 2 characters',
    );
  });

  it('keeps the national organization record: founding, address, contact, unit situation; null clears', async () => {
    const seeded = (await get(`/api/v1/orgs/${root.id}`)).json();
    expect(seeded).toMatchObject({
      code: '150624000001',
      foundingDocNo: '鄂托克旗委发〔2009〕21号',
      brandTheme: '活力党建',
    });
    const created = await post('/api/v1/orgs', {
      parentId: root.id,
      type: 'branch',
      domain: 'village',
      name: '字段测试党支部',
      foundedOn: '2019-05-04',
      foundingDocNo: '鄂开党工委发〔2019〕7号',
      address: '鄂托克经济开发区新华路1号',
      longitude: 106.99,
      latitude: 39.37,
      contactPerson: '张丽',
      contactPhone: '0477-6201234',
      unitSituation: 'legal_entity',
      secretaryName: '王书记',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      foundedOn: '2019-05-04',
      longitude: 106.99,
      unitSituation: 'legal_entity',
      brandTheme: '富民党建',
      status: 'active',
      dissolvedOn: null,
    });
    const cleared = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${created.json().id}`,
      payload: { address: null, contactPhone: null, shortName: null, longitude: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      address: null,
      contactPhone: null,
      longitude: null,
      foundedOn: '2019-05-04',
    });
    const badPhone = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${created.json().id}`,
      payload: { contactPhone: '12345', unitSituation: 'elsewhere' },
    });
    expect(badPhone.statusCode).toBe(400);
    const project = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${created.json().id}`,
      payload: { projectName: '某项目' },
    });
    expect(project.statusCode).toBe(400);
    expect(project.json().error.details[0].path).toBe('body.projectName');
    const temp = (await get('/api/v1/orgs?type=temporary_branch&pageSize=1')).json().data[0];
    expect(temp.projectName).toBeTruthy();
    expect(temp.temporaryUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers 404 for an unknown organization', async () => {
    const res = await get('/api/v1/orgs/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
