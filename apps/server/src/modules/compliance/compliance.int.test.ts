import type {
  BranchCompliance,
  ComplianceOverview,
  ComplianceRule,
  ComplianceRules,
  ComplianceWarning,
  MeetingCalendar,
  Page,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, detailPaths, expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { meetingOrgs, meetings, meetingTypes } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { addDays, localDate } from './compliance.policy.js';
import { createComplianceService } from './compliance.service.js';

const today = localDate(new Date());
const thisYear = Number(today.slice(0, 4));
const lastYear = thisYear - 1;
const pad = (n: number) => String(n).padStart(2, '0');
/** A local (UTC+8) time. */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);
const EVERY_MONTH = ['committee_meeting', 'theme_day'];
const EVERY_QUARTER = ['general_meeting', 'party_lecture'];
const ONCE_A_YEAR = ['life_meeting', 'democratic_review', 'heart_talk'];

describe('三会一课 compliance', () => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let xingguangAdmin: Session;
  let leader: Session;
  let member: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  /** The party groups of branch A and of its sibling. */
  let groupsA: OrgRef[];
  let groupsSibling: OrgRef[];

  const req = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const ok = async <T>(s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, status = 200) => {
    const res = await req(s, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBe(status);
    return res.json() as T;
  };
  const groupsOf = (orgId: string) =>
    queryRows<OrgRef>(
      t.database.db,
      sql`select id, path, name from organizations where parent_id = ${orgId} and type = 'party_group'
        and status = 'active' order by sort_order`,
    );

  let seq = 0;
  /** A meeting written straight into the tables (the meetings module's own rules are not under test here). */
  async function meeting(p: {
    org: OrgRef;
    types: string[];
    start: Date;
    minutes?: number;
    status?: 'planned' | 'cancelled' | 'archived';
    groupIds?: string[];
    jointOrgIds?: string[];
    title?: string;
  }) {
    const id = crypto.randomUUID();
    const endsAt = new Date(p.start.getTime() + (p.minutes ?? 120) * 60_000);
    await t.database.db.insert(meetings).values({
      id,
      orgId: p.org.id,
      orgPath: p.org.path,
      title: p.title ?? `测试活动 ${++seq}`,
      startsAt: p.start,
      endsAt,
      participantSpec: { orgIds: [], groupIds: p.groupIds ?? [], memberIds: [] },
      status: p.status ?? 'planned',
      checkinSecret: 'x',
      checkinOpensAt: new Date(p.start.getTime() - 30 * 60_000),
      checkinClosesAt: endsAt,
      lateAfter: new Date(p.start.getTime() + 5 * 60_000),
    });
    await t.database.db.insert(meetingTypes).values(p.types.map((typeCode) => ({ meetingId: id, typeCode })));
    if (p.jointOrgIds?.length)
      await t.database.db.insert(meetingOrgs).values(p.jointOrgIds.map((orgId) => ({ meetingId: id, orgId })));
    return id;
  }

  /** Everything a branch owes in a year, as one meeting a month (one meeting may count for several types). */
  async function fullYear(org: OrgRef, year: number) {
    for (let m = 1; m <= 12; m++) {
      const types = [
        ...EVERY_MONTH,
        'group_meeting',
        ...(m % 3 === 0 ? EVERY_QUARTER : []),
        ...(m === 12 ? ONCE_A_YEAR : []),
      ];
      await meeting({ org, types, start: at(`${year}-${pad(m)}-10`) });
    }
  }

  const overview = (s: Session, query: string) => ok<ComplianceOverview>(s, 'GET', `/compliance/orgs?${query}`);
  const branchIn = (o: ComplianceOverview, orgId: string) => o.data.find((b) => b.orgId === orgId) as BranchCompliance;
  const cell = (b: BranchCompliance, typeCode: string) => b.cells.find((c) => c.typeCode === typeCode)!;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    xingguangAdmin = await t.login('xingguang');
    leader = await t.login('leader');
    member = await t.login('member');
    orgs = await loadOrgs(t, admin);
    // Counts below start from nothing, and every branch is old enough to be assessed all year.
    await t.database.db.execute(sql`delete from meetings`);
    await t.database.db.execute(sql`update organizations set founded_on = '2000-01-01'`);
    groupsA = await groupsOf(orgs.branchA.id);
    groupsSibling = await groupsOf(orgs.siblingOfA.id);
    expect(groupsA.length).toBeGreaterThan(1);

    await fullYear(orgs.siblingOfA, lastYear);
    // Branch A last year: committee meetings every month, one general meeting in Q1 only, group meetings of the
    // first group only, a cancelled party lecture, and a meeting at 23:30 on 31 March Beijing time.
    for (let m = 1; m <= 12; m++)
      await meeting({ org: orgs.branchA, types: ['committee_meeting'], start: at(`${lastYear}-${pad(m)}-05`) });
    await meeting({
      org: orgs.branchA,
      types: ['general_meeting'],
      start: at(`${lastYear}-03-31`, '23:30'),
      minutes: 20,
    });
    await meeting({ org: groupsA[0]!, types: ['group_meeting'], start: at(`${lastYear}-01-15`) });
    await meeting({
      org: orgs.branchA,
      types: ['group_meeting'],
      start: at(`${lastYear}-02-15`),
      groupIds: [groupsA[1]!.id],
    });
    await meeting({ org: orgs.branchA, types: ['party_lecture'], start: at(`${lastYear}-05-15`), status: 'cancelled' });
    // A joint theme day held by 双欣集团's branch B with branch A taking part.
    await meeting({
      org: orgs.branchB,
      types: ['theme_day'],
      start: at(`${lastYear}-06-20`),
      jointOrgIds: [orgs.branchA.id],
      status: 'archived',
    });
  });
  afterAll(async () => t?.close());

  describe('rules', () => {
    it('lists the defaults of DOMAIN-RULES §3.2 for every kind of branch, all in force', async () => {
      const r = await ok<ComplianceRules>(leader, 'GET', '/compliance/rules');
      expect(r.warnDays).toBe(10);
      expect(r.activityTypes.map((x) => x.code)).toContain('group_meeting');
      const branch = r.rules.filter((x) => x.orgType === 'branch');
      expect(branch).toHaveLength(8);
      expect(r.rules).toHaveLength(24);
      expect(branch.every((x) => x.state === 'current')).toBe(true);
      const byType = Object.fromEntries(
        branch.map((x) => [x.typeCode, `${x.expectedCount}/${x.cycle}${x.perGroup ? '/group' : ''}`]),
      );
      expect(byType).toEqual({
        committee_meeting: '1/month',
        group_meeting: '1/month/group',
        general_meeting: '1/quarter',
        party_lecture: '1/quarter',
        theme_day: '1/month',
        life_meeting: '1/year',
        democratic_review: '1/year',
        heart_talk: '1/year',
      });
    });

    it('is read by holders of compliance:read and refused to a member', async () => {
      await ok(secretary, 'GET', '/compliance/rules');
      expectErrorShape(await req(member, 'GET', '/compliance/rules'), 403, 'FORBIDDEN');
    });
  });

  describe('completion of branches', () => {
    it('judges branch A cell by cell for last year', async () => {
      const o = await overview(admin, `orgId=${orgs.branchA.id}&year=${lastYear}`);
      expect(o.total).toBe(1);
      expect(o.year).toBe(lastYear);
      const a = o.data[0]!;
      expect(a).toMatchObject({ orgId: orgs.branchA.id, groupCount: groupsA.length, compliant: false });
      expect(cell(a, 'committee_meeting')).toMatchObject({ expectedToDate: 12, doneToDate: 12, status: 'done' });
      // 23:30 on 31 March Beijing time is 15:30 UTC: still the first quarter.
      const general = cell(a, 'general_meeting');
      expect(general.cycles.map((c) => c.status)).toEqual(['done', 'overdue', 'overdue', 'overdue']);
      // The cancelled lecture counts for nothing.
      expect(cell(a, 'party_lecture')).toMatchObject({ doneToDate: 0, held: 0, status: 'overdue' });
      // Per group: each group owes one a month; group 1 met in January, group 2 was named by the branch in February.
      const groups = cell(a, 'group_meeting');
      expect(groups).toMatchObject({ perGroup: true, expectedToDate: 12 * groupsA.length, doneToDate: 2 });
      expect(groups.cycles[0]).toMatchObject({ key: `${lastYear}-01`, expected: groupsA.length, done: 1 });
      expect(groups.cycles[1]).toMatchObject({ key: `${lastYear}-02`, done: 1 });
      // The joint theme day held by branch B counts for branch A too.
      expect(cell(a, 'theme_day').cycles[5]).toMatchObject({ key: `${lastYear}-06`, done: 1, status: 'done' });
      expect(a.rate).toBeGreaterThan(0);
      expect(a.rate).toBeLessThan(1);
    });

    it('finds the sibling that did everything compliant, and shares it up the tree', async () => {
      const o = await overview(xingguangAdmin, `year=${lastYear}&pageSize=200`);
      const sibling = branchIn(o, orgs.siblingOfA.id);
      expect(sibling).toMatchObject({ compliant: true, rate: 1, overdue: 0 });
      expect(sibling.cells.every((c) => c.status === 'done')).toBe(true);
      expect(cell(sibling, 'group_meeting').doneToDate).toBe(12 * groupsSibling.length);
      expect(branchIn(o, orgs.branchA.id).compliant).toBe(false);
      // 星光集团's own committee is a parent; every branch under it is listed, nothing of 双欣集团.
      const xg = o.parents.find((p) => p.orgId === orgs.xingguang.id)!;
      expect(xg.branches).toBe(o.total);
      expect(xg.compliantBranches).toBe(1);
      expect(xg.share).toBeCloseTo(1 / o.total);
      expect(o.summary).toMatchObject({ branches: o.total, compliant: 1 });
      expect(o.data.some((b) => b.orgId === orgs.branchB.id)).toBe(false);
      expect(o.columns.map((c) => c.typeCode)).toEqual([
        'general_meeting',
        'committee_meeting',
        'group_meeting',
        'party_lecture',
        'theme_day',
        'life_meeting',
        'democratic_review',
        'heart_talk',
      ]);
    });

    it('filters compliant branches, sorts by rate and pages', async () => {
      const good = await overview(admin, `year=${lastYear}&compliant=true`);
      expect(good.data.map((b) => b.orgId)).toEqual([orgs.siblingOfA.id]);
      const zone = await overview(admin, `year=${lastYear}&sorter=rate:descend&pageSize=2`);
      expect(zone.data).toHaveLength(2);
      expect(zone.data[0]!.orgId).toBe(orgs.siblingOfA.id);
      expect(zone.total).toBeGreaterThan(5);
      const root = zone.parents.find((p) => p.orgId === orgs.root.id)!;
      expect(root).toMatchObject({ branches: zone.total, compliantBranches: 1 });
      expect(zone.summary.share).toBeCloseTo(1 / zone.total);
    });

    it('keeps a branch secretary inside the branch: no parents, 404 elsewhere', async () => {
      const o = await overview(secretary, `year=${lastYear}`);
      expect(o.data.map((b) => b.orgId)).toEqual([orgs.branchA.id]);
      expect(o.parents).toEqual([]);
      expectErrorShape(await req(secretary, 'GET', `/compliance/orgs?orgId=${orgs.branchB.id}`), 404, 'NOT_FOUND');
      expectErrorShape(await req(secretary, 'GET', `/compliance/orgs?orgId=${orgs.xingguang.id}`), 404, 'NOT_FOUND');
      expectErrorShape(await req(secretary, 'GET', `/compliance/warnings?orgId=${orgs.branchB.id}`), 404, 'NOT_FOUND');
      expectErrorShape(await req(member, 'GET', '/compliance/orgs'), 403, 'FORBIDDEN');
    });

    it('reads a future year as all future and refuses a nonsense year', async () => {
      const o = await overview(admin, `orgId=${orgs.branchA.id}&year=${thisYear + 2}`);
      expect(o.data[0]!.cells.every((c) => c.status === 'future')).toBe(true);
      expect(o.data[0]).toMatchObject({ compliant: true, rate: null });
      const bad = await req(admin, 'GET', '/compliance/orgs?year=1900');
      expect(detailPaths(bad)).toContain('querystring.year');
    });

    it('answers the whole zone in one page of up to 200 branches', async () => {
      const o = await overview(admin, `year=${lastYear}&pageSize=200`);
      expect(o.data.length).toBe(o.total);
      expect(new Set(o.data.map((b) => b.orgId)).size).toBe(o.total);
    });
  });

  describe('warnings', () => {
    it('lists last year’s overdue cycles within twelve months, newest first', async () => {
      const w = await ok<Page<ComplianceWarning>>(
        admin,
        'GET',
        `/compliance/warnings?orgId=${orgs.branchA.id}&status=overdue&pageSize=200`,
      );
      expect(w.total).toBeGreaterThan(0);
      const ends = w.data.map((x) => x.end);
      expect([...ends].sort().reverse()).toEqual(ends);
      const december = w.data.find((x) => x.typeCode === 'general_meeting' && x.cycleKey === `${lastYear}-Q4`);
      expect(december).toMatchObject({
        orgId: orgs.branchA.id,
        status: 'overdue',
        expected: 1,
        done: 0,
        daysLeft: null,
      });
      expect(december!.daysOverdue).toBeGreaterThan(0);
      const cutoff = `${lastYear}${today.slice(4)}`;
      expect(w.data.every((x) => x.status === 'overdue' && x.end >= cutoff)).toBe(true);
    });

    it('warns about the running cycle in its last days', async () => {
      // With 40 days of warning every running month is in its last days.
      await t.database.db.execute(
        sql`update rule_settings set value = 40 where key = 'compliance.warn_days_before_cycle_end'`,
      );
      try {
        const w = await ok<Page<ComplianceWarning>>(
          admin,
          'GET',
          `/compliance/warnings?orgId=${orgs.branchA.id}&status=warning`,
        );
        const month = today.slice(0, 7);
        expect(w.data.find((x) => x.typeCode === 'committee_meeting')).toMatchObject({
          cycleKey: month,
          status: 'warning',
        });
        expect(w.data.every((x) => x.daysLeft !== null && x.daysLeft < 40)).toBe(true);
      } finally {
        await t.database.db.execute(
          sql`update rule_settings set value = 10 where key = 'compliance.warn_days_before_cycle_end'`,
        );
      }
    });
  });

  describe('the clock', () => {
    it('counts a meeting once it has ended, in the cycle of its start, and warns in the last days', async () => {
      const service = createComplianceService({ db: t.database.db, now: () => new Date('2031-03-25T10:00:00+08:00') });
      await meeting({ org: orgs.branchB, types: ['committee_meeting'], start: at('2031-02-28', '23:00'), minutes: 90 });
      await meeting({ org: orgs.branchB, types: ['theme_day'], start: at('2031-03-25', '09:30'), minutes: 60 });
      await meeting({ org: orgs.branchB, types: ['general_meeting'], start: at('2031-03-25', '09:30'), minutes: 120 });
      // Only the scopes matter to the evaluation: the zone, for compliance:read.
      const fakeActor = { scopes: new Map([['compliance:read', [orgs.root.path]]]) } as never;
      const o = await service.overview(fakeActor, { orgId: orgs.branchB.id, year: 2031, current: 1, pageSize: 20 });
      const b = o.data[0]!;
      // The meeting that ran past midnight into 1 March counts for February, where it started.
      expect(
        cell(b, 'committee_meeting')
          .cycles.slice(0, 3)
          .map((c) => c.status),
      ).toEqual(['overdue', 'done', 'warning']);
      // Ended at 10:30 but it is 10:00: the theme day has not happened yet; the general meeting is still running.
      expect(cell(b, 'theme_day').cycles[2]).toMatchObject({ status: 'warning', done: 0 });
      expect(cell(b, 'general_meeting').cycles[0]).toMatchObject({ status: 'warning', done: 0 });
      const later = createComplianceService({ db: t.database.db, now: () => new Date('2031-03-25T11:30:00+08:00') });
      const o2 = await later.overview(fakeActor, { orgId: orgs.branchB.id, year: 2031, current: 1, pageSize: 20 });
      expect(cell(o2.data[0]!, 'theme_day').cycles[2]).toMatchObject({ status: 'done', done: 1 });
      expect(cell(o2.data[0]!, 'general_meeting').cycles[0]).toMatchObject({ status: 'done' });
      const w = await later.warnings(fakeActor, { orgId: orgs.branchB.id, current: 1, pageSize: 200 });
      expect(w.data[0]).toMatchObject({ status: 'warning', daysLeft: 6 });
    });
  });

  describe('calendar', () => {
    it('lists the meetings of a month with their types, organization and phase', async () => {
      const from = `${lastYear}-06-01`;
      const c = await ok<MeetingCalendar>(admin, 'GET', `/meetings/calendar?from=${from}&to=${lastYear}-06-30`);
      expect(c).toMatchObject({ from, to: `${lastYear}-06-30`, truncated: false });
      const joint = c.meetings.find((m) => m.typeCodes.includes('theme_day') && m.orgId === orgs.branchB.id)!;
      expect(joint).toMatchObject({ orgName: orgs.branchB.name, phase: 'archived', venueName: null });
      expect(c.meetings.some((m) => m.orgId === orgs.siblingOfA.id)).toBe(true);
    });

    it('defaults to this month, keeps to scope and to the organization asked for', async () => {
      const def = await ok<MeetingCalendar>(admin, 'GET', '/meetings/calendar');
      expect(def.from).toBe(`${today.slice(0, 7)}-01`);
      expect(def.to.slice(0, 7)).toBe(today.slice(0, 7));
      const june = `from=${lastYear}-06-01&to=${lastYear}-06-30`;
      const mine = await ok<MeetingCalendar>(secretary, 'GET', `/meetings/calendar?${june}`);
      expect(mine.meetings.length).toBeGreaterThan(0);
      expect(mine.meetings.every((m) => m.orgId === orgs.branchA.id)).toBe(true);
      const sibling = await ok<MeetingCalendar>(admin, 'GET', `/meetings/calendar?${june}&orgId=${orgs.siblingOfA.id}`);
      expect(sibling.meetings.map((m) => m.orgId)).toEqual([orgs.siblingOfA.id]);
      expectErrorShape(await req(secretary, 'GET', `/meetings/calendar?orgId=${orgs.branchB.id}`), 404, 'NOT_FOUND');
    });

    it('includes a meeting that starts the evening before the first day and runs past midnight', async () => {
      const id = await meeting({
        org: orgs.branchA,
        types: ['study'],
        start: at(`${lastYear}-08-31`, '23:00'),
        minutes: 120,
      });
      const c = await ok<MeetingCalendar>(
        admin,
        'GET',
        `/meetings/calendar?from=${lastYear}-09-01&to=${lastYear}-09-01`,
      );
      expect(c.meetings.map((m) => m.id)).toContain(id);
      const before = await ok<MeetingCalendar>(
        admin,
        'GET',
        `/meetings/calendar?from=${lastYear}-08-30&to=${lastYear}-08-30`,
      );
      expect(before.meetings.map((m) => m.id)).not.toContain(id);
    });

    it('refuses a range backwards or over 100 days', async () => {
      for (const q of [`from=${lastYear}-06-10&to=${lastYear}-06-01`, `from=${lastYear}-01-01&to=${lastYear}-06-01`]) {
        const res = await req(admin, 'GET', `/meetings/calendar?${q}`);
        expectErrorShape(res, 400, 'VALIDATION_FAILED');
        expect(detailPaths(res)).toEqual(['querystring.to']);
      }
      await ok(admin, 'GET', `/meetings/calendar?from=${lastYear}-01-01&to=${lastYear}-04-10`);
      expectErrorShape(await req(member, 'GET', '/meetings/calendar'), 403, 'FORBIDDEN');
    });
  });

  describe('rule administration', () => {
    const rules = async () => (await ok<ComplianceRules>(admin, 'GET', '/compliance/rules')).rules;

    it('adds a rule from today and refuses one dated in the past', async () => {
      const before = await auditCount(t);
      const created = await ok<ComplianceRule>(
        admin,
        'POST',
        '/compliance/rules',
        { typeCode: 'volunteer', orgType: 'branch', cycle: 'quarter', expectedCount: 1, note: '志愿服务每季度1次' },
        201,
      );
      expect(created).toMatchObject({ effectiveFrom: today, state: 'current', perGroup: false });
      expect(await auditCount(t)).toBe(before + 1);
      const again = await req(admin, 'POST', '/compliance/rules', {
        typeCode: 'volunteer',
        orgType: 'branch',
        cycle: 'month',
        expectedCount: 2,
      });
      expectErrorShape(again, 409, 'CONFLICT');
      const past = await req(admin, 'POST', '/compliance/rules', {
        typeCode: 'volunteer',
        orgType: 'joint_branch',
        cycle: 'quarter',
        expectedCount: 1,
        effectiveFrom: addDays(today, -1),
      });
      expect(detailPaths(past)).toEqual(['body.effectiveFrom']);
      const unknown = await req(admin, 'POST', '/compliance/rules', {
        typeCode: 'nope',
        orgType: 'branch',
        cycle: 'year',
        expectedCount: 1,
      });
      expect(detailPaths(unknown)).toEqual(['body.typeCode']);
      const party = await req(admin, 'POST', '/compliance/rules', {
        typeCode: 'study',
        orgType: 'party_committee',
        cycle: 'year',
        expectedCount: 1,
      });
      expect(detailPaths(party)).toEqual(['body.orgType']);
      expectErrorShape(
        await req(xingguangAdmin, 'POST', '/compliance/rules', {
          typeCode: 'study',
          orgType: 'branch',
          cycle: 'year',
          expectedCount: 1,
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('keeps history: a change to a rule in force is a new version, the old one is superseded', async () => {
      const heart = (await rules()).find((r) => r.typeCode === 'heart_talk' && r.orgType === 'joint_branch')!;
      const revised = await ok<ComplianceRule>(admin, 'PATCH', `/compliance/rules/${heart.id}`, { expectedCount: 2 });
      expect(revised.id).not.toBe(heart.id);
      expect(revised).toMatchObject({ expectedCount: 2, cycle: 'year', effectiveFrom: today, state: 'current' });
      const after = await rules();
      expect(after.find((r) => r.id === heart.id)).toMatchObject({ expectedCount: 1, state: 'superseded' });
      const [event] = await queryRows<{ action: string; before: { expectedCount: number } }>(
        t.database.db,
        sql`select action, before from audit_events where entity = 'compliance_rule' order by seq desc limit 1`,
      );
      expect(event).toMatchObject({ action: 'compliance.rule.revise', before: { expectedCount: 1 } });
      expectErrorShape(
        await req(admin, 'PATCH', `/compliance/rules/${heart.id}`, { expectedCount: 3 }),
        409,
        'CONFLICT',
      );
      // A version effective today has judged no cycle yet: it is changed in place.
      const inPlace = await ok<ComplianceRule>(admin, 'PATCH', `/compliance/rules/${revised.id}`, {
        note: '每年不少于2次',
      });
      expect(inPlace).toMatchObject({ id: revised.id, note: '每年不少于2次' });
    });

    it('edits a scheduled version in place, and refuses empty or dated-back changes', async () => {
      const lecture = (await rules()).find((r) => r.typeCode === 'party_lecture' && r.orgType === 'temporary_branch')!;
      const scheduled = await ok<ComplianceRule>(admin, 'PATCH', `/compliance/rules/${lecture.id}`, {
        cycle: 'month',
        effectiveFrom: `${thisYear + 1}-01-01`,
      });
      expect(scheduled).toMatchObject({ state: 'scheduled', cycle: 'month', effectiveFrom: `${thisYear + 1}-01-01` });
      const moved = await ok<ComplianceRule>(admin, 'PATCH', `/compliance/rules/${scheduled.id}`, {
        effectiveFrom: `${thisYear + 1}-04-01`,
        expectedCount: 2,
      });
      expect(moved).toMatchObject({ id: scheduled.id, effectiveFrom: `${thisYear + 1}-04-01`, expectedCount: 2 });
      expect((await rules()).find((r) => r.id === lecture.id)!.state).toBe('current');
      const nothing = await req(admin, 'PATCH', `/compliance/rules/${lecture.id}`, { cycle: 'quarter' });
      expect(detailPaths(nothing)).toEqual(['body']);
      const back = await req(admin, 'PATCH', `/compliance/rules/${lecture.id}`, {
        expectedCount: 3,
        effectiveFrom: `${lastYear}-01-01`,
      });
      expect(detailPaths(back)).toEqual(['body.effectiveFrom']);
      const clash = await req(admin, 'PATCH', `/compliance/rules/${lecture.id}`, {
        expectedCount: 3,
        effectiveFrom: `${thisYear + 1}-04-01`,
      });
      expectErrorShape(clash, 409, 'CONFLICT');
      expectErrorShape(
        await req(admin, 'PATCH', `/compliance/rules/${crypto.randomUUID()}`, { expectedCount: 1 }),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('activity types', () => {
    it('adds a type, refuses its code twice, renames and deactivates any type', async () => {
      const created = await ok(
        admin,
        'POST',
        '/activity-types',
        { code: 'dues_day', nameZh: '党费交纳日', nameEn: 'Dues day', category: 'other' },
        201,
      );
      expect(created).toMatchObject({ code: 'dues_day', builtin: false, active: true, sortOrder: 50 });
      expectErrorShape(
        await req(admin, 'POST', '/activity-types', {
          code: 'dues_day',
          nameZh: '重复',
          nameEn: 'Dup',
          category: 'other',
        }),
        409,
        'CONFLICT',
      );
      const unknownField = await req(admin, 'POST', '/activity-types', {
        code: 'x_y',
        nameZh: 'x',
        nameEn: 'x',
        category: 'other',
        builtin: true,
      });
      expectErrorShape(unknownField, 400, 'VALIDATION_FAILED');
      const renamed = await ok(admin, 'PATCH', '/activity-types/culture', { nameZh: '文体活动（演讲、竞赛）' });
      expect(renamed).toMatchObject({ code: 'culture', builtin: true, nameZh: '文体活动（演讲、竞赛）' });
      expectErrorShape(await req(admin, 'PATCH', '/activity-types/no_such', { active: false }), 404, 'NOT_FOUND');
      expect(detailPaths(await req(admin, 'PATCH', '/activity-types/culture', {}))).toEqual(['body']);
      expectErrorShape(await req(secretary, 'PATCH', '/activity-types/culture', { active: false }), 403, 'FORBIDDEN');
    });

    it('stops judging the rules of a deactivated type', async () => {
      await ok(admin, 'PATCH', '/activity-types/heart_talk', { active: false });
      try {
        const o = await overview(admin, `orgId=${orgs.branchA.id}&year=${lastYear}`);
        expect(o.columns.map((c) => c.typeCode)).not.toContain('heart_talk');
        expect(o.data[0]!.cells.map((c) => c.typeCode)).not.toContain('heart_talk');
        const refused = await req(admin, 'POST', '/compliance/rules', {
          typeCode: 'heart_talk',
          orgType: 'branch',
          cycle: 'year',
          expectedCount: 2,
          effectiveFrom: `${thisYear + 3}-01-01`,
        });
        expect(detailPaths(refused)).toEqual(['body.typeCode']);
      } finally {
        await ok(admin, 'PATCH', '/activity-types/heart_talk', { active: true });
      }
    });
  });
});
