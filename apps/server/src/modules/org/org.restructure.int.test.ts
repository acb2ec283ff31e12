import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, expectErrorShape, findOrg, loadOrgs } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

type Org = { id: string; path: string; depth: number; name: string; parentId: string; status: string; type: string };

describe('restructuring: move, merge, dissolve', () => {
  let t: TestApp;
  let admin: Session;
  let xingguangAdmin: Session;
  let secretary: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;

  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
  const get = (url: string, s: Session = admin) => t.request(s, { method: 'GET', url });
  const post = (url: string, payload: object, s: Session = admin) => t.request(s, { method: 'POST', url, payload });
  const org = async (id: string): Promise<Org> => (await get(`/api/v1/orgs/${id}`)).json();
  /** Everything a restructuring could touch, to prove a preview changes nothing. */
  const snapshot = async () =>
    JSON.stringify([
      await rows(sql`select id, path, depth, parent_id, status from organizations order by id`),
      await rows(sql`select id, org_id, org_path from members order by id`),
      await rows(sql`select count(*)::int as n from member_events`),
      await auditCount(t),
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    xingguangAdmin = await t.login('xingguang');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  describe('move', () => {
    it('previews the path changes without changing anything', async () => {
      const plant = await findOrg(t, admin, '星光集团发电厂党支部');
      const before = await snapshot();
      const res = await post(`/api/v1/orgs/${plant.id}/move/preview`, { newParentId: orgs.shuangxin.id });
      expect(res.statusCode, res.body).toBe(200);
      const preview = res.json();
      const [counts] = await rows<{ orgs: number; members: number }>(
        sql`select (select count(*)::int from organizations where path like ${`${plant.path}%`}) as orgs,
                   (select count(*)::int from members where org_path like ${`${plant.path}%`}) as members`,
      );
      expect(preview).toMatchObject({
        action: 'move',
        org: { id: plant.id },
        target: { id: orgs.shuangxin.id },
        organizationsMoved: counts!.orgs,
        membersRepathed: counts!.members,
        membersMoved: 0,
      });
      expect(counts!.members).toBeGreaterThan(0);
      expect(preview.pathChanges[0]).toEqual({
        id: plant.id,
        name: plant.name,
        from: plant.path,
        to: `${orgs.shuangxin.path}${plant.id}/`,
      });
      expect(await snapshot()).toBe(before);
    });

    it('rewrites the subtree and member paths in one audited change; member events keep their paths', async () => {
      const plant = await findOrg(t, admin, '星光集团发电厂党支部');
      const eventsBefore = await rows(sql`select id, org_path from member_events order by id`);
      const membersBefore = await rows<{ n: number }>(
        sql`select count(*)::int as n from members where org_path like ${`${plant.path}%`}`,
      );
      const res = await post(`/api/v1/orgs/${plant.id}/move`, { newParentId: orgs.shuangxin.id });
      expect(res.statusCode, res.body).toBe(200);
      const moved = await org(plant.id);
      const newPath = `${orgs.shuangxin.path}${plant.id}/`;
      expect(moved).toMatchObject({ parentId: orgs.shuangxin.id, path: newPath, depth: 2 });
      const groups = (await get(`/api/v1/orgs?parentId=${plant.id}`)).json().data as Org[];
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) expect(g).toMatchObject({ path: `${newPath}${g.id}/`, depth: 3 });
      expect(await rows(sql`select id from organizations where path like ${`${plant.path}%`}`)).toEqual([]);
      const [after] = await rows<{ n: number }>(
        sql`select count(*)::int as n from members where org_path like ${`${newPath}%`}`,
      );
      expect(after!.n).toBe(membersBefore[0]!.n);
      expect(await rows(sql`select id, org_path from member_events order by id`)).toEqual(eventsBefore);

      const audit = (await get(`/api/v1/audit-events?entityId=${plant.id}&action=org.move`)).json().data;
      expect(audit).toHaveLength(1);
      expect(audit[0].before).toMatchObject({ parentId: orgs.xingguang.id, path: plant.path });
      expect(audit[0].after).toMatchObject({ parentId: orgs.shuangxin.id, path: newPath });
      // The organization's history shows the move.
      const history = (await get(`/api/v1/orgs/${plant.id}/history`)).json();
      expect(history.data.map((e: { action: string }) => e.action)).toContain('org.move');
      // The 双欣 side now sees it; the 星光 administrator no longer does.
      expect((await get(`/api/v1/orgs/${plant.id}`, xingguangAdmin)).statusCode).toBe(404);
    });

    it('refuses a move under the organization itself or its own descendant', async () => {
      const child = (await get(`/api/v1/orgs?parentId=${orgs.xingguang.id}&pageSize=1`)).json().data[0] as Org;
      for (const target of [orgs.xingguang.id, child.id]) {
        const res = await post(`/api/v1/orgs/${orgs.xingguang.id}/move`, { newParentId: target });
        expectErrorShape(res, 400, 'ORG_MOVE_INTO_SUBTREE');
      }
      expect((await org(orgs.xingguang.id)).parentId).not.toBe(child.id);
    });

    it('applies the allowed child types, and keeps the top organization fixed', async () => {
      const group = (await get(`/api/v1/orgs?parentId=${orgs.branchA.id}&pageSize=1`)).json().data[0] as Org;
      const underGroup = await post(`/api/v1/orgs/${orgs.siblingOfA.id}/move`, { newParentId: group.id });
      expectErrorShape(underGroup, 400, 'ORG_CHILD_TYPE_NOT_ALLOWED');
      const committeeUnderBranch = await post(`/api/v1/orgs/${orgs.shuangxin.id}/move`, {
        newParentId: orgs.branchA.id,
      });
      expectErrorShape(committeeUnderBranch, 400, 'ORG_CHILD_TYPE_NOT_ALLOWED');
      const root = await post(`/api/v1/orgs/${orgs.root.id}/move`, { newParentId: orgs.branchA.id });
      expectErrorShape(root, 400, 'VALIDATION_FAILED');
      const same = await post(`/api/v1/orgs/${orgs.branchA.id}/move`, { newParentId: orgs.xingguang.id });
      expectErrorShape(same, 400, 'VALIDATION_FAILED');
    });

    it('keeps an administrator inside the own subtree', async () => {
      // 星光 admin: moving a branch to 双欣 (outside the subtree) is not found; moving a group between own branches works.
      const out = await post(
        `/api/v1/orgs/${orgs.siblingOfA.id}/move`,
        { newParentId: orgs.shuangxin.id },
        xingguangAdmin,
      );
      expectErrorShape(out, 404, 'NOT_FOUND');
      const foreign = await post(
        `/api/v1/orgs/${orgs.branchB.id}/move`,
        { newParentId: orgs.xingguang.id },
        xingguangAdmin,
      );
      expectErrorShape(foreign, 404, 'NOT_FOUND');
      const group = (await get(`/api/v1/orgs?parentId=${orgs.siblingOfA.id}&pageSize=1`)).json().data[0] as Org;
      const inside = await post(`/api/v1/orgs/${group.id}/move`, { newParentId: orgs.branchA.id }, xingguangAdmin);
      expect(inside.statusCode, inside.body).toBe(200);
      expect((await org(group.id)).path).toBe(`${orgs.branchA.path}${group.id}/`);
      // A branch administrator cannot move the own branch out of the own subtree.
      const branchOut = await post(`/api/v1/orgs/${orgs.branchA.id}/move`, { newParentId: orgs.root.id }, secretary);
      expectErrorShape(branchOut, 404, 'NOT_FOUND');
    });
  });

  describe('merge', () => {
    it('previews, then moves children and members with a dated "moved" event each and dissolves the source', async () => {
      const source = await findOrg(t, admin, '星光集团运输公司党支部');
      const into = await findOrg(t, admin, '星光集团机关党支部');
      const members = await rows<{ id: string; seq: number }>(
        sql`select m.id, (select max(seq) from member_events e where e.member_id = m.id)::int as seq
            from members m where m.org_id = ${source.id} and m.status = 'active' order by m.id`,
      );
      expect(members.length).toBeGreaterThan(0);
      const children = (await get(`/api/v1/orgs?parentId=${source.id}`)).json().data as Org[];
      const before = await snapshot();
      const body = { intoId: into.id, reason: '机构调整，运输公司并入机关' };
      const preview = (await post(`/api/v1/orgs/${source.id}/merge/preview`, body)).json();
      expect(preview).toMatchObject({
        action: 'merge',
        membersMoved: members.length,
        organizationsMoved: children.length,
        dissolves: [{ id: source.id }],
      });
      expect(preview.memberSample.length).toBe(Math.min(50, members.length));
      expect(await snapshot()).toBe(before);

      const res = await post(`/api/v1/orgs/${source.id}/merge`, body);
      expect(res.statusCode, res.body).toBe(200);
      const after = await org(source.id);
      expect(after).toMatchObject({ status: 'dissolved', dissolvedReason: body.reason });
      expect(after.path).toBe(source.path);
      for (const c of children) expect((await org(c.id)).path).toBe(`${into.path}${c.id}/`);
      const moved = await rows<{ id: string; org_id: string; org_path: string }>(
        sql`select id, org_id, org_path from members where id in (${sql.join(
          members.map((m) => sql`${m.id}`),
          sql`, `,
        )}) order by id`,
      );
      expect(moved.every((m) => m.org_id === into.id && m.org_path === into.path)).toBe(true);
      const events = await rows<{ member_id: string; seq: number; type: string; from_org_id: string; org_id: string }>(
        sql`select member_id, seq::int as seq, type, from_org_id, org_id from member_events
            where from_org_id = ${source.id} and recorded_by = '王建华' order by member_id`,
      );
      expect(events).toHaveLength(members.length);
      for (const [i, e] of events.entries()) {
        expect(e).toMatchObject({
          member_id: members[i]!.id,
          seq: members[i]!.seq + 1,
          type: 'moved',
          org_id: into.id,
        });
      }
      const actions = (await get(`/api/v1/orgs/${source.id}/history?pageSize=200`))
        .json()
        .data.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['org.merge', 'org.dissolve', 'member.move']));
      const intoHistory = (await get(`/api/v1/orgs/${into.id}/history?pageSize=5`)).json().data;
      expect(intoHistory.some((e: { action: string }) => e.action === 'org.merge')).toBe(true);
      // The source's committee is no longer current.
      const committees = (await get(`/api/v1/orgs/${source.id}/committees`)).json();
      expect(committees.every((c: { isCurrent: boolean }) => !c.isCurrent)).toBe(true);
      // Acting on a dissolved organization is refused.
      expectErrorShape(await post(`/api/v1/orgs/${source.id}/merge`, body), 409, 'ORG_DISSOLVED');
    });

    it('refuses merging into itself, a descendant, or a type that cannot take the children', async () => {
      const group = (await get(`/api/v1/orgs?parentId=${orgs.branchA.id}&pageSize=1`)).json().data[0] as Org;
      expectErrorShape(
        await post(`/api/v1/orgs/${orgs.branchA.id}/merge`, { intoId: orgs.branchA.id }),
        400,
        'ORG_MOVE_INTO_SUBTREE',
      );
      expectErrorShape(
        await post(`/api/v1/orgs/${orgs.branchA.id}/merge`, { intoId: group.id }),
        400,
        'ORG_MOVE_INTO_SUBTREE',
      );
      expectErrorShape(
        await post(`/api/v1/orgs/${orgs.branchA.id}/merge`, { intoId: orgs.shuangxin.id }),
        400,
        'ORG_CHILD_TYPE_NOT_ALLOWED',
      );
      const future = await post(`/api/v1/orgs/${orgs.siblingOfA.id}/merge`, {
        intoId: orgs.branchA.id,
        effectiveDate: '2999-01-01',
      });
      expectErrorShape(future, 400, 'VALIDATION_FAILED');
    });
  });

  describe('dissolve', () => {
    it('refuses while active children or members remain, then dissolves with date and reason', async () => {
      const branch = await findOrg(t, admin, '星光集团洗煤厂党支部');
      const withChildren = await post(`/api/v1/orgs/${branch.id}/dissolve`, { date: '2025-01-02', reason: '测试' });
      expectErrorShape(withChildren, 409, 'ORG_HAS_ACTIVE_CHILDREN');

      const groups = (await get(`/api/v1/orgs?parentId=${branch.id}&status=active`)).json().data as Org[];
      const before = await snapshot();
      const preview = await post(`/api/v1/orgs/${groups[0]!.id}/dissolve/preview`, {
        date: '2025-01-02',
        reason: '调整',
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().dissolves).toEqual([{ id: groups[0]!.id, name: groups[0]!.name, type: 'party_group' }]);
      expect(await snapshot()).toBe(before);
      for (const g of groups) {
        const res = await post(`/api/v1/orgs/${g.id}/dissolve`, { date: '2025-01-02', reason: '党小组调整' });
        expect(res.statusCode, res.body).toBe(200);
        expect(await org(g.id)).toMatchObject({
          status: 'dissolved',
          dissolvedOn: '2025-01-02',
          dissolvedReason: '党小组调整',
        });
      }
      const withMembers = await post(`/api/v1/orgs/${branch.id}/dissolve`, { date: '2025-01-02', reason: '测试' });
      expectErrorShape(withMembers, 409, 'ORG_HAS_ACTIVE_MEMBERS');
      expect((await org(branch.id)).status).toBe('active');

      const again = await post(`/api/v1/orgs/${groups[0]!.id}/dissolve`, { date: '2025-01-02', reason: '再次' });
      expectErrorShape(again, 409, 'ORG_DISSOLVED');
      const audit = (await get(`/api/v1/audit-events?entityId=${groups[0]!.id}&action=org.dissolve`)).json().data;
      expect(audit[0].before.status).toBe('active');
      expect(audit[0].after).toMatchObject({ status: 'dissolved', dissolvedOn: '2025-01-02' });
    });

    it('dissolves an empty branch, not with a future date, and only inside the scope', async () => {
      const created = (
        await post('/api/v1/orgs', { parentId: orgs.xingguang.id, type: 'branch', name: '待撤销测试党支部' })
      ).json();
      expectErrorShape(
        await post(`/api/v1/orgs/${created.id}/dissolve`, { date: '2999-01-01', reason: '测试' }),
        400,
        'VALIDATION_FAILED',
      );
      expectErrorShape(
        await post(`/api/v1/orgs/${created.id}/dissolve`, { date: '2025-03-01', reason: '测试' }, secretary),
        404,
        'NOT_FOUND',
      );
      const res = await post(
        `/api/v1/orgs/${created.id}/dissolve`,
        { date: '2025-03-01', reason: '项目结束' },
        xingguangAdmin,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect((await org(created.id)).status).toBe('dissolved');
      // The history is scoped like the organization itself.
      expect((await get(`/api/v1/orgs/${created.id}/history`, secretary)).statusCode).toBe(404);
      const history = (await get(`/api/v1/orgs/${created.id}/history`, xingguangAdmin)).json();
      expect(history.data.map((e: { action: string }) => e.action)).toEqual(['org.dissolve', 'org.create']);
    });
  });
});
