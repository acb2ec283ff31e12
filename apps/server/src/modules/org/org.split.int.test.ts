import { idNumberCheckChar } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, detailPaths, expectErrorShape, findOrg, loadOrgs } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { todayIso } from '../member/member.service.js';
import { createRestructureService } from './org.restructure.js';

type Org = {
  id: string;
  path: string;
  depth: number;
  name: string;
  parentId: string;
  status: string;
  type: string;
  temporaryUntil: string | null;
  projectEndedOn: string | null;
  parentApprovedBy: string | null;
  dissolvedOn: string | null;
};
type AuditEvent = {
  action: string;
  actorName: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

const today = todayIso();
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('restructuring: split, rename, temporary branches ending with their project', () => {
  let t: TestApp;
  let admin: Session;
  let xingguangAdmin: Session;
  let secretary: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;

  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
  const get = (url: string, s: Session = admin) => t.request(s, { method: 'GET', url });
  const post = (url: string, payload: object, s: Session = admin) => t.request(s, { method: 'POST', url, payload });
  const patch = (url: string, payload: object, s: Session = admin) => t.request(s, { method: 'PATCH', url, payload });
  const org = async (id: string): Promise<Org> => (await get(`/api/v1/orgs/${id}`)).json();
  const history = async (id: string): Promise<AuditEvent[]> =>
    (await get(`/api/v1/orgs/${id}/history?pageSize=200`)).json().data;
  const total = async (orgId: string, asOf?: string) =>
    (await get(`/api/v1/members/stats?orgId=${orgId}${asOf ? `&asOf=${asOf}` : ''}`)).json().total as number;
  const snapshot = async () =>
    JSON.stringify([
      await rows(sql`select id, path, depth, parent_id, status from organizations order by id`),
      await rows(sql`select id, org_id, org_path from members order by id`),
      await rows(sql`select count(*)::int as n from member_events`),
      await auditCount(t),
    ]);
  /** Active members of a branch whose latest event is at least `days` old, so a move can be dated after it. */
  const settledMembers = (orgId: string, days: number) =>
    rows<{ id: string; name: string }>(
      sql`select m.id, m.name from members m where m.org_id = ${orgId} and m.status = 'active'
          and (select max(e.effective_date) from member_events e where e.member_id = m.id) <= ${addDays(today, -days)}
          order by m.id`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    xingguangAdmin = await t.login('xingguang');
    secretary = await t.login('secretary');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => t?.close());

  describe('split (拆分)', () => {
    it('previews, then sets up sibling branches with the chosen members and groups; history and as-of counts stay right', async () => {
      const source = await findOrg(t, admin, '星光集团焦化厂党支部');
      const members = await settledMembers(source.id, 20);
      expect(members.length).toBeGreaterThanOrEqual(3);
      const groups = (await get(`/api/v1/orgs?parentId=${source.id}`)).json().data as Org[];
      expect(groups.length).toBeGreaterThan(0);
      const D = addDays(today, -10);
      const body = {
        newOrgs: [
          { name: '星光集团焦化厂第一党支部', type: 'branch' },
          { name: '星光集团焦化厂第二党支部', type: 'branch', shortName: '焦化二支部' },
        ],
        members: [
          { memberId: members[0]!.id, to: 0 },
          { memberId: members[1]!.id, to: 0 },
          { memberId: members[2]!.id, to: 1 },
        ],
        children: [{ orgId: groups[0]!.id, to: 0 }],
        effectiveDate: D,
        reason: '焦化厂扩产，按车间拆分支部',
      };
      const D1 = addDays(D, -1);
      const sourceBefore = await total(source.id);
      const zoneBefore = await total(orgs.root.id);
      const sourceBeforeD1 = await total(source.id, D1);
      const sourceBeforeD = await total(source.id, D);
      const zoneBeforeD = await total(orgs.root.id, D);

      const before = await snapshot();
      const previewRes = await post(`/api/v1/orgs/${source.id}/split/preview`, body);
      expect(previewRes.statusCode, previewRes.body).toBe(200);
      const preview = previewRes.json();
      expect(preview).toMatchObject({
        action: 'split',
        org: { id: source.id },
        target: { id: orgs.xingguang.id },
        membersMoved: 3,
        organizationsMoved: 1,
        creates: [
          { name: body.newOrgs[0]!.name, type: 'branch', members: 2, children: 1 },
          { name: body.newOrgs[1]!.name, type: 'branch', members: 1, children: 0 },
        ],
        dissolves: [],
      });
      expect(preview.memberSample.map((m: { toName: string }) => m.toName)).toEqual([
        body.newOrgs[0]!.name,
        body.newOrgs[0]!.name,
        body.newOrgs[1]!.name,
      ]);
      expect(await snapshot()).toBe(before);

      const res = await post(`/api/v1/orgs/${source.id}/split`, body);
      expect(res.statusCode, res.body).toBe(200);
      const [first, second] = res.json().creates as { id: string }[];
      const a = await org(first!.id);
      const b = await org(second!.id);
      for (const n of [a, b]) {
        expect(n).toMatchObject({
          parentId: orgs.xingguang.id,
          path: `${orgs.xingguang.path}${n.id}/`,
          status: 'active',
        });
      }
      expect(await org(source.id)).toMatchObject({ status: 'active' });
      expect((await org(groups[0]!.id)).path).toBe(`${a.path}${groups[0]!.id}/`);
      const moved = await rows<{ id: string; org_id: string; org_path: string }>(
        sql`select id, org_id, org_path from members where id in (${sql.join(
          members.slice(0, 3).map((m) => sql`${m.id}`),
          sql`, `,
        )})`,
      );
      const expected = new Map([
        [members[0]!.id, a],
        [members[1]!.id, a],
        [members[2]!.id, b],
      ]);
      for (const m of moved) expect([m.org_id, m.org_path]).toEqual([expected.get(m.id)!.id, expected.get(m.id)!.path]);
      const events = await rows<{ type: string; effective_date: string; from_org_id: string }>(
        sql`select type, effective_date::text, from_org_id from member_events where from_org_id = ${source.id}
            and effective_date = ${D}`,
      );
      expect(events).toHaveLength(3);
      expect(events.every((e) => e.type === 'moved')).toBe(true);

      // History on every organization involved.
      const sourceActions = (await history(source.id)).map((e) => e.action);
      expect(sourceActions).toEqual(expect.arrayContaining(['org.split', 'member.move']));
      const split = (await history(source.id)).find((e) => e.action === 'org.split')!;
      expect(split.after).toMatchObject({ effectiveDate: D, reason: body.reason });
      const aHistory = await history(a.id);
      expect(aHistory.find((e) => e.action === 'org.create')!.after).toMatchObject({
        splitFromId: source.id,
        splitFromName: source.name,
      });
      expect(aHistory.filter((e) => e.action === 'member.move')).toHaveLength(2);
      expect((await history(groups[0]!.id)).map((e) => e.action)).toContain('org.move');

      // As-of counts across the split: the day before, everyone was still in the source.
      expect(await total(source.id, D1)).toBe(sourceBeforeD1);
      expect(await total(a.id, D1)).toBe(0);
      expect(await total(source.id, D)).toBe(sourceBeforeD - 3);
      expect(await total(a.id, D)).toBe(2);
      expect(await total(b.id, D)).toBe(1);
      expect(await total(source.id)).toBe(sourceBefore - 3);
      expect(await total(orgs.root.id)).toBe(zoneBefore);
      expect(await total(orgs.root.id, D)).toBe(zoneBeforeD);
    });

    it('splits an organization completely and dissolves it when asked (一分为二)', async () => {
      const source = await findOrg(t, admin, '星光集团发电厂党支部');
      const members = await rows<{ id: string }>(
        sql`select id from members where org_id = ${source.id} and status = 'active' order by id`,
      );
      const groups = (await get(`/api/v1/orgs?parentId=${source.id}&status=active`)).json().data as Org[];
      const body = {
        newOrgs: [
          { name: '星光集团发电一厂党支部', type: 'branch' },
          { name: '星光集团发电二厂党支部', type: 'branch' },
        ],
        members: members.map((m, i) => ({ memberId: m.id, to: i % 2 })),
        children: groups.map((g, i) => ({ orgId: g.id, to: i % 2 })),
        dissolveSource: true,
      };
      const short = { ...body, members: body.members.slice(1) };
      expectErrorShape(await post(`/api/v1/orgs/${source.id}/split/preview`, short), 409, 'ORG_HAS_ACTIVE_MEMBERS');
      const res = await post(`/api/v1/orgs/${source.id}/split`, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().dissolves).toEqual([expect.objectContaining({ id: source.id })]);
      expect(await org(source.id)).toMatchObject({ status: 'dissolved', dissolvedOn: today });
      const [left] = await rows<{ n: number }>(
        sql`select count(*)::int as n from members where org_id = ${source.id} and status = 'active'`,
      );
      expect(left!.n).toBe(0);
    });

    it('refuses types the parent cannot hold, members into a committee, strangers, and keeps to the scope', async () => {
      const source = await findOrg(t, admin, '星光集团机关党支部');
      const [member] = await settledMembers(source.id, 1);
      const stranger = (
        await rows<{ id: string }>(
          sql`select id from members where org_id <> ${source.id} and status = 'active' limit 1`,
        )
      )[0]!;
      const url = `/api/v1/orgs/${source.id}/split/preview`;
      const one = (over: object) => ({
        newOrgs: [{ name: '新设党支部甲', type: 'branch' }],
        members: [{ memberId: member!.id, to: 0 }],
        ...over,
      });
      const group = await post(url, one({ newOrgs: [{ name: '新设党小组', type: 'party_group' }] }));
      expectErrorShape(group, 400, 'ORG_CHILD_TYPE_NOT_ALLOWED');
      expect(detailPaths(group)[0]).toBe('body.newOrgs.0.type');
      const committee = await post(url, one({ newOrgs: [{ name: '新设党总支', type: 'general_branch' }] }));
      expectErrorShape(committee, 400, 'VALIDATION_FAILED');
      expect(detailPaths(committee)[0]).toBe('body.members.0.to');
      const foreign = await post(url, one({ members: [{ memberId: stranger.id, to: 0 }] }));
      expect(detailPaths(foreign)[0]).toBe('body.members.0.memberId');
      const badIndex = await post(url, one({ members: [{ memberId: member!.id, to: 3 }] }));
      expect(detailPaths(badIndex)[0]).toBe('body.members.0.to');
      const nothing = await post(url, one({ members: [] }));
      expect(detailPaths(nothing)[0]).toBe('body.members');
      const future = await post(url, one({ effectiveDate: addDays(today, 3) }));
      expect(detailPaths(future)[0]).toBe('body.effectiveDate');
      // A branch secretary cannot set up organizations beside the own branch; others' branches are not found.
      const secretaryBranch = orgs.branchA;
      const [own] = await settledMembers(secretaryBranch.id, 1);
      const bySecretary = await post(
        `/api/v1/orgs/${secretaryBranch.id}/split/preview`,
        one({ members: [{ memberId: own!.id, to: 0 }] }),
        secretary,
      );
      expectErrorShape(bySecretary, 400, 'VALIDATION_FAILED');
      expect(detailPaths(bySecretary)[0]).toBe('params.id');
      expectErrorShape(await post(`/api/v1/orgs/${orgs.branchB.id}/split/preview`, one({}), xingguangAdmin), 404);
    });
  });

  describe('rename (更名)', () => {
    it('records a rename with the old and new names; other edits stay plain updates', async () => {
      const branch = await findOrg(t, admin, '星光集团机关党支部');
      const res = await patch(`/api/v1/orgs/${branch.id}`, { name: '星光集团公司机关党支部' });
      expect(res.statusCode, res.body).toBe(200);
      await patch(`/api/v1/orgs/${branch.id}`, { contactPerson: '王芳' });
      const events = await history(branch.id);
      const rename = events.find((e) => e.action === 'org.rename')!;
      expect(rename.before.name).toBe('星光集团机关党支部');
      expect(rename.after.name).toBe('星光集团公司机关党支部');
      expect(events[0]!.action).toBe('org.update');
    });
  });

  describe('temporary branches (临时党支部) end with their project', () => {
    const temporaryBranches = async () =>
      (await get('/api/v1/orgs?type=temporary_branch&status=active&pageSize=50')).json().data as Org[];
    /** Active temporary branches whose members all have an active home branch to return to. */
    const placeable = async () => {
      const ok = await rows<{ id: string }>(
        sql`select o.id from organizations o where o.type = 'temporary_branch' and o.status = 'active'
            and not exists (select 1 from members m where m.org_id = o.id and m.status = 'active'
              and not exists (select 1 from member_events e join organizations h on h.id = e.from_org_id
                where e.member_id = m.id and e.type = 'moved' and e.org_id = o.id and h.status = 'active'))
            and exists (select 1 from members m where m.org_id = o.id and m.status = 'active')
            order by o.id`,
      );
      const all = await temporaryBranches();
      return ok.map((r) => all.find((o) => o.id === r.id)!).filter(Boolean);
    };

    it('records the approving organization, a superior only', async () => {
      const [temp] = await temporaryBranches();
      expect(temp!.parentApprovedBy).toBe(temp!.parentId);
      const bad = await patch(`/api/v1/orgs/${temp!.id}`, { parentApprovedBy: orgs.xingguang.id });
      expectErrorShape(bad, 400, 'VALIDATION_FAILED');
      expect(detailPaths(bad)[0]).toBe('body.parentApprovedBy');
      const created = await post('/api/v1/orgs', {
        parentId: orgs.xingguang.id,
        type: 'temporary_branch',
        name: '星光集团技改工程临时党支部',
        projectName: '星光集团技改工程',
        temporaryUntil: addDays(today, 200),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().parentApprovedBy).toBe(orgs.xingguang.id);
      const onBranch = await patch(`/api/v1/orgs/${orgs.branchA.id}`, { parentApprovedBy: orgs.root.id });
      expect(detailPaths(onBranch)[0]).toBe('body.parentApprovedBy');
    });

    it('项目结束: members return to their home branches with a dated move; the branch and its groups dissolve', async () => {
      const [temp] = await placeable();
      const members = await rows<{ id: string; home: string }>(
        sql`select m.id, (select e.from_org_id from member_events e where e.member_id = m.id and e.type = 'moved'
              and e.org_id = m.org_id order by e.effective_date desc, e.seq desc limit 1) as home
            from members m where m.org_id = ${temp!.id} and m.status = 'active' order by m.id`,
      );
      expect(members.length).toBeGreaterThan(0);
      expect(members.every((m) => m.home)).toBe(true);
      expectErrorShape(
        await post(`/api/v1/orgs/${orgs.branchA.id}/project-end/preview`, { endedOn: today }),
        400,
        'VALIDATION_FAILED',
      );
      const before = await snapshot();
      const preview = (await post(`/api/v1/orgs/${temp!.id}/project-end/preview`, { endedOn: today })).json();
      expect(preview).toMatchObject({ action: 'project_end', membersMoved: members.length, unplaced: 0 });
      expect(preview.dissolves[0].id).toBe(temp!.id);
      expect(preview.dissolves.length).toBeGreaterThan(1);
      expect(await snapshot()).toBe(before);

      const res = await post(`/api/v1/orgs/${temp!.id}/project-end`, { endedOn: today, reason: '项目竣工验收' });
      expect(res.statusCode, res.body).toBe(200);
      expect(await org(temp!.id)).toMatchObject({ status: 'dissolved', projectEndedOn: today, dissolvedOn: today });
      const groups = (await get(`/api/v1/orgs?parentId=${temp!.id}`)).json().data as Org[];
      expect(groups.every((g) => g.status === 'dissolved')).toBe(true);
      for (const m of members) {
        const [now] = await rows<{ org_id: string }>(sql`select org_id from members where id = ${m.id}`);
        expect(now!.org_id).toBe(m.home);
      }
      const actions = (await history(temp!.id)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['org.project_end', 'org.dissolve', 'member.move']));
      expectErrorShape(await post(`/api/v1/orgs/${temp!.id}/project-end`, { endedOn: today }), 409, 'ORG_DISSOLVED');
    });

    it('the sweep dissolves branches whose project end has passed, as the system, and a rerun does nothing', async () => {
      const [temp] = await placeable();
      const other = (await temporaryBranches()).find((o) => o.id !== temp!.id && o.parentId === orgs.root.id);
      const ended = addDays(today, -3);
      expect((await patch(`/api/v1/orgs/${temp!.id}`, { temporaryUntil: ended })).statusCode).toBe(200);
      // A member registered straight into the other branch has no home to return to: that one waits for a person.
      expect((await patch(`/api/v1/orgs/${other!.id}`, { temporaryUntil: ended })).statusCode).toBe(200);
      const first17 = `150624${'19900101'}${'777'}`;
      const direct = await post('/api/v1/members', {
        name: '直接登记党员',
        gender: 'male',
        idNumber: first17 + idNumberCheckChar(first17),
        ethnicity: '01',
        birthDate: '1990-01-01',
        education: '21',
        jobCategory: 'worker',
        orgId: other!.id,
        category: 'full',
        joinDate: '2015-07-01',
        fullMemberDate: '2016-07-01',
      });
      expect(direct.statusCode, direct.body).toBe(201);
      const homes = await rows<{ n: number }>(
        sql`select count(*)::int as n from members where org_id = ${temp!.id} and status = 'active'`,
      );

      const service = createRestructureService({ db: t.database.db });
      const run = await service.sweepEndedProjects(today);
      expect(run.dissolved).toEqual([temp!.id]);
      // Its seeded members go home; only the one registered straight into it has none (or a dissolved one).
      expect(run.skipped).toEqual([expect.objectContaining({ id: other!.id })]);
      expect(run.skipped[0]!.unplaced).toBeGreaterThanOrEqual(1);
      expect(await org(temp!.id)).toMatchObject({ status: 'dissolved', projectEndedOn: ended, dissolvedOn: ended });
      const [left] = await rows<{ n: number }>(
        sql`select count(*)::int as n from members where org_id = ${temp!.id} and status = 'active'`,
      );
      expect(left!.n).toBe(0);
      const events = await history(temp!.id);
      const end = events.find((e) => e.action === 'org.project_end')!;
      expect(end.actorName).toBe('system');
      expect((end.after.membersReturned as unknown[]).length).toBe(homes[0]!.n);

      const audits = await auditCount(t);
      const again = await service.sweepEndedProjects(today);
      expect(again.dissolved).toEqual([]);
      expect(await auditCount(t)).toBe(audits);

      // A person ends the other project and names the branch for the member without a home branch.
      const needs = await post(`/api/v1/orgs/${other!.id}/project-end`, { endedOn: ended });
      expectErrorShape(needs, 400, 'VALIDATION_FAILED');
      expect(detailPaths(needs)[0]).toBe('body.returnToId');
      const ok = await post(`/api/v1/orgs/${other!.id}/project-end`, { endedOn: ended, returnToId: orgs.branchB.id });
      expect(ok.statusCode, ok.body).toBe(200);
      const [placed] = await rows<{ org_id: string }>(
        sql`select org_id from members where id = ${direct.json().id as string}`,
      );
      expect(placed!.org_id).toBe(orgs.branchB.id);
      expect((await service.sweepEndedProjects(today)).skipped).toEqual([]);
    });
  });
});
