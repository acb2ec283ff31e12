/**
 * Walks every entry of ROUTE_POLICIES for every role (plus anonymous, an API token and a user who must still
 * change the password) and checks the answer the policy promises: 401 for anonymous callers, 403 for a role that
 * lacks the permission, and for holders an answer that is neither; routes naming a record by `:id` are called
 * once inside and once outside the caller's scope, where the answer must be 404.
 */

import { idNumberCheckChar, type Permission, ROLE_PERMISSIONS, type Role } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { policyKey, ROUTE_POLICIES, type RoutePolicy } from '../src/core/route-policy.js';
import { queryRows } from '../src/db/rows.js';
import { todayIso } from '../src/modules/member/index.js';
import { createTestApp, type Session, type TestApp } from '../src/test-support/test-app.js';
import { type CompetitionsWalk, setUpCompetitionsWalk } from './support/competitions-walk.js';
import { setUpEvaluationWalk } from './support/evaluation.js';
import { type ExamsWalk, setUpExamsWalk } from './support/exams-walk.js';
import { auditCount, createUser, expectErrorShape, loadOrgs } from './support/fixtures.js';
import { type LearningWalk, setUpLearningWalk } from './support/learning-walk.js';
import { setUpMeetingRecords } from './support/meeting-records.js';
import { setUpMeetingsWalk } from './support/meetings-walk.js';
import { setUpNotificationsWalk } from './support/notifications-walk.js';
import { setUpOrgRatingWalk } from './support/org-rating.js';
import { type PointsWalk, setUpPointsWalk } from './support/points-walk.js';

// Every route the app registers, seen through an onRoute hook added to each Fastify instance it creates.
const registered = vi.hoisted(() => [] as { method: string; url: string }[]);
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const real = mod.default;
  const wrapped = ((opts?: Parameters<typeof real>[0]) => {
    const app = real(opts);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.push({ method: String(method), url: route.url });
    });
    return app;
  }) as unknown as typeof real;
  return { ...mod, default: wrapped, fastify: wrapped };
});

const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const REFUSALS = new Set(['UNAUTHENTICATED', 'MFA_REQUIRED', 'FORBIDDEN', 'CSRF_FAILED']);
const AUDITED = (key: string) =>
  (!key.startsWith('GET ') && !key.endsWith('/preview')) ||
  key === 'GET /api/v1/users/:id/phone' ||
  key === 'GET /api/v1/members/:id/sensitive' ||
  key === 'GET /api/v1/transfers/:id/letter' ||
  key === 'GET /api/v1/transfers/:id/letter.html' ||
  key === 'GET /api/v1/recruitment-materials/:id' ||
  key === 'GET /api/v1/exports/members' ||
  key === 'GET /api/v1/exports/organizations' ||
  key === 'GET /api/v1/audit-events/export';
/** Query strings a route needs to pass validation, so the answer measures the policy and the scope. */
const QUERIES: Record<string, string> = {
  'GET /api/v1/members/:id/sensitive': 'field=phone',
  'GET /api/v1/venues/:id/bookings': 'from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z',
  'GET /api/v1/meetings/venue-availability': `venueId=${'7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f'}&startsAt=2026-01-01T00:00:00Z&endsAt=2026-01-01T01:00:00Z`,
};
/** Check-in paths record every refused attempt with its audit event (the refusal is the thing to trace). */
const RECORDS_REFUSALS = new Set([
  'POST /api/v1/me/checkins',
  'POST /api/v1/meetings/:id/scan',
  'POST /api/v1/checkin/staff-scan',
  'GET /api/v1/checkin/staff-session',
]);

/** A valid, unique ID number for a probe that creates a member. */
const probeIdNumber = (n: number) => {
  const first17 = `150624199001${String(1 + (n % 28)).padStart(2, '0')}${String(500 + n).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
};

type Caller = {
  name: string;
  /** Permissions the caller holds; null for anonymous. */
  permissions: ReadonlySet<Permission> | null;
  /** True when the caller's scope covers the whole zone, so no real record lies outside it. */
  zoneWide: boolean;
  /** Must change the password first: only `allowIncomplete` routes are open. */
  incomplete?: boolean;
  session: Session | null;
  bearer?: string;
  username?: string;
  /** A spare token of this caller's own, for the revoke route. */
  ownTokenId?: string;
  /** A spare unit and venue in branch A for this caller's delete probes. */
  ownUnitId?: string;
  ownVenueId?: string;
  /** A claim of this caller's own member (双报到), for the H5 complete/cancel probes. */
  ownClaimId?: string;
  /** A leave request of this caller's own member, for the withdraw probe. */
  ownLeaveId?: string;
  /** A message (站内消息) of this caller's own account, for the mark-read probe. */
  ownNotificationId?: string;
};

const perms = (...roles: Role[]) => new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));

describe('route policy walk', () => {
  let t: TestApp;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let targetA: string;
  let targetB: string;
  let memberA: string;
  let memberB: string;
  let foreignTokenId: string;
  /** Units, venues and committees of branch A (in scope) and branch B (out of scope for 星光 callers). */
  const records = {
    unitA: '',
    unitB: '',
    venueA: '',
    venueB: '',
    committeeA: '',
    committeeB: '',
    /** A closed transfer out of the zone from branch A (letter issued), and a pending one under 双欣集团. */
    transferA: '',
    transferB: '',
    /** Import jobs recorded for branch A (in scope) and branch B. */
    importA: '',
    importB: '',
    /** 双报到: registrations, needs and claims of branch A (in scope) and of 双欣集团 / a community nobody joined. */
    memberReportA: '',
    memberReportB: '',
    orgReportA: '',
    orgReportB: '',
    needA: '',
    needB: '',
    claimA: '',
    claimB: '',
    myNeed: '',
    /** 发展党员 cases in branch A and branch B, each with one uploaded material. */
    recruitmentA: '',
    recruitmentB: '',
    materialA: '',
    materialB: '',
    /** 三会一课: a rule version in force (zone-wide configuration: nothing lies outside anyone's scope). */
    complianceRule: '',
    /** 活动记录: an ended meeting with minutes and one photo in branch A and in branch B. */
    meetingA: '',
    meetingB: '',
    meetingFileA: '',
    meetingFileB: '',
    /** 组织生活: planned meetings in branch A and B with a pending leave and a staff token each; one with every caller. */
    plannedA: '',
    plannedB: '',
    leaveA: '',
    leaveB: '',
    staffTokenA: '',
    staffTokenB: '',
    myMeeting: '',
    /** 星级评定: this year's demo ratings of branch A and B, their campaign and one under 双欣集团, evidence of each. */
    ratingA: '',
    ratingB: '',
    campaignA: '',
    campaignB: '',
    evidenceA: '',
    evidenceB: '',
    ratingScheme: '',
    /** A message of an account no caller walks as. */
    foreignNotification: '',
    /** 述职评议 / 民主评议: see test/support/evaluation.ts. */
    evalCampaignA: '',
    evalCampaignB: '',
    evalSubjectA: '',
    evalSubjectB: '',
    rectificationA: '',
    rectificationB: '',
    evalAttachmentA: '',
    evalAttachmentB: '',
    myEvaluation: '',
    notMyEvaluation: '',
  };
  /** A secretary of the zone's 述职评议 in voting, on whom every caller's member may vote. */
  let evalBallotSubject = '';
  /** A live staff token of meeting plannedA, for the volunteer's routes (the token is their credential). */
  let staffSecret = '';
  /** 党员积分: records of branch A and B, bodies (test/support/points-walk.ts). */
  let pointsWalk: PointsWalk | undefined;
  /** 知识竞赛 (test/support/competitions-walk.ts). */
  let competitionsWalk: CompetitionsWalk | undefined;
  /** 题库 · 考试测验 (test/support/exams-walk.ts). */
  let examsWalk: ExamsWalk | undefined;
  /** 学习教育: contents, courses and plans of branch A and B, each caller's study session (test/support/learning-walk.ts). */
  let learningWalk: LearningWalk | undefined;
  const callers: Caller[] = [];
  let seq = 0;

  const tokenFor = async (s: Session, body: { permissions: Permission[]; orgId: string; name?: string }) => {
    const res = await t.request(s, {
      method: 'POST',
      url: '/api/v1/account/tokens',
      payload: { name: body.name ?? 'walk', permissions: body.permissions, orgId: body.orgId },
    });
    if (res.statusCode !== 201) throw new Error(`token: ${res.statusCode} ${res.body}`);
    return res.json() as { token: { id: string }; secret: string };
  };

  /** 双报到 fixtures: community X (棋盘井) where branch A and every caller's own member are registered, Y (new) where nobody is. */
  const community = { x: '', y: '', z: '' };
  const eligible = sql`m.user_id is null and m.status = 'active' and not m.lost_contact
    and o.domain not in ('community', 'village') and m.job_category not in ('retired', 'student', 'farmer')
    and m.id not in (select member_id from transfers where status = 'pending' and member_id is not null)`;
  const neverReported = async (path: string, n: number) => {
    // The demo registers most in-service members, a different few each seeding: free n of them for the probes.
    await t.database.db.execute(
      sql`delete from member_reports where member_id in (select m.id from members m join organizations o
        on o.id = m.org_id where m.org_path like ${`${path}%`} and ${eligible} order by m.id limit ${n})`,
    );
    return (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select m.id from members m join organizations o on o.id = m.org_id
          where m.org_path like ${`${path}%`} and ${eligible}
            and not exists (select 1 from member_reports r where r.member_id = m.id)
          order by m.id limit ${n}`,
      )
    ).map((r) => r.id);
  };
  async function setUpCommunityService(admin: Session) {
    const post = async (s: Session, url: string, payload: object) => {
      const res = await t.request(s, { method: 'POST', url: `/api/v1${url}`, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const byName = async (name: string) =>
      (await queryRows<{ id: string }>(t.database.db, sql`select id from organizations where name = ${name}`))[0]!.id;
    community.x = await byName('棋盘井社区党支部');
    community.z = await byName('新华社区党支部');
    community.y = await post(admin, '/orgs', {
      parentId: await byName('中共鄂托克经济开发区社区委员会'),
      type: 'branch',
      domain: 'community',
      name: '探针社区党支部',
    });
    const [anchor, a, spare] = await neverReported(orgs.branchA.path, 3);
    const [b, b2] = await neverReported(orgs.shuangxin.path, 2);
    const report = (memberId: string, communityOrgId: string) =>
      post(admin, '/community-service/member-reports', { memberId, communityOrgId });
    // The anchor keeps branch A registered with X whatever the probes withdraw.
    await report(anchor!, community.x);
    records.memberReportA = await report(a!, community.x);
    records.memberReportB = await report(b!, community.x);
    const orgReport = (orgId: string) =>
      post(admin, '/community-service/org-reports', {
        orgId,
        communityOrgId: community.x,
        contactPerson: '探针',
        commitments: '探针承诺',
      });
    records.orgReportA = await orgReport(orgs.branchA.id);
    records.orgReportB = await orgReport(orgs.branchB.id);
    const need = (communityOrgId: string, capacity = 50) =>
      post(admin, '/community-service/needs', {
        communityOrgId,
        title: '探针需求',
        category: 'care',
        description: '探针',
        place: '探针',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        hours: 1,
        capacity,
      });
    records.needA = await need(community.x);
    records.needB = await need(community.y);
    records.myNeed = await need(community.x);
    const claimsNeed = await need(community.x);
    const claim = async (needId: string, memberId: string) => {
      const id = crypto.randomUUID();
      await t.database.db.execute(sql`insert into need_claims (id, need_id, member_id, status, completed_at, reported_hours)
        values (${id}, ${needId}, ${memberId}, 'completed', now(), 2)`);
      return id;
    };
    records.claimA = await claim(records.needA, spare!);
    records.claimB = await claim(records.needB, b2!);
    spareMemberA = spare!;
    // Each caller's own member: registered with X, with one open claim of their own.
    for (const c of callers) {
      if (!c.session || c.incomplete || !c.permissions?.has('profile:read')) continue;
      await t.request(c.session, {
        method: 'POST',
        url: '/api/v1/me/community-report/withdraw',
        payload: { reason: 'moved' },
      });
      await post(c.session, '/me/community-report', { communityOrgId: community.x });
      c.ownClaimId = await post(c.session, `/me/community-needs/${claimsNeed}/claim`, {});
    }
  }
  let spareMemberA = '';

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    orgs = await loadOrgs(t, admin);
    targetA = await createUser(t, admin, {
      username: 'walk_target_a',
      phone: '13800000001',
      roles: [{ role: 'member', orgId: orgs.branchA.id }],
    });
    targetB = await createUser(t, admin, {
      username: 'walk_target_b',
      phone: '13800000002',
      roles: [{ role: 'member', orgId: orgs.branchB.id }],
    });
    // Members: one in branch A (洗煤厂), one under 双欣集团, both with no login of their own.
    const memberIn = async (path: string, offset = 0) => {
      const [row] = await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from members where org_path like ${`${path}%`} and user_id is null and status = 'active'
          and id not in (select member_id from transfers where status = 'pending' and member_id is not null)
          order by id limit 1 offset ${offset}`,
      );
      if (!row) throw new Error(`no demo member under ${path}`);
      return row.id;
    };
    memberA = await memberIn(orgs.branchA.path);
    memberB = await memberIn(orgs.shuangxin.path);
    await createUser(t, admin, {
      username: 'walk_incomplete',
      roles: [{ role: 'org_admin', orgId: orgs.branchA.id }],
      mustChangePassword: true,
    });

    const roleCallers: [string, Role, boolean][] = [
      ['admin', 'zone_admin', true],
      ['xingguang', 'org_admin', false],
      ['secretary', 'org_admin', false],
      ['member', 'member', false],
      ['leader', 'viewer', true],
      ['checkin', 'checkin_staff', false],
    ];
    callers.push({ name: 'anonymous', permissions: null, zoneWide: false, session: null });
    for (const [username, role, zoneWide] of roleCallers) {
      const session = await t.login(username);
      callers.push({ name: `${username} (${role})`, username, permissions: perms(role), zoneWide, session });
    }
    callers.push({
      name: 'walk_incomplete (org_admin, must change password)',
      username: 'walk_incomplete',
      permissions: perms('org_admin'),
      zoneWide: false,
      incomplete: true,
      session: await t.login('walk_incomplete', 'Test-Passw0rd!'),
    });

    // An API token of the zone admin, cut down to three permissions and the 星光集团 subtree.
    const tokenPerms: Permission[] = ['org:read', 'user:read', 'dashboard:read'];
    const token = await tokenFor(admin, { permissions: tokenPerms, orgId: orgs.xingguang.id, name: 'walk bearer' });
    callers.push({
      name: 'API token (admin, 星光集团, org:read user:read dashboard:read)',
      permissions: new Set(tokenPerms),
      zoneWide: false,
      session: null,
      bearer: token.secret,
    });

    // Each caller gets a spare token of its own to revoke; the incomplete user cannot create one (403).
    for (const c of callers) {
      const grant: Permission = c.permissions?.has('org:read')
        ? 'org:read'
        : c.permissions?.has('profile:read')
          ? 'profile:read'
          : 'checkin:scan';
      if (c.session && !c.incomplete) {
        c.ownTokenId = (await tokenFor(c.session, { permissions: [grant], orgId: orgs.branchA.id })).token.id;
      }
    }
    callers.find((c) => c.bearer)!.ownTokenId = (
      await tokenFor(admin, { permissions: ['org:read'], orgId: orgs.branchA.id, name: 'admin spare' })
    ).token.id;
    const make = async (url: string, payload: object) => {
      const res = await t.request(admin, { method: 'POST', url, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const unitIn = (orgId: string) =>
      make('/api/v1/units', { name: `探针单位 ${orgId}`, kind: 'enterprise', ownerOrgId: orgId });
    const venueIn = (orgId: string) => make('/api/v1/venues', { name: `探针阵地 ${orgId}`, ownerOrgId: orgId });
    const currentCommittee = async (orgId: string) =>
      (await t.request(admin, { method: 'GET', url: `/api/v1/orgs/${orgId}/committees` }))
        .json()
        .find((c: { isCurrent: boolean }) => c.isCurrent).id as string;
    records.unitA = await unitIn(orgs.branchA.id);
    records.unitB = await unitIn(orgs.branchB.id);
    records.venueA = await venueIn(orgs.branchA.id);
    records.venueB = await venueIn(orgs.branchB.id);
    records.committeeA = await currentCommittee(orgs.branchA.id);
    records.committeeB = await currentCommittee(orgs.branchB.id);
    const transfer = async (memberId: string, approvals: number) => {
      const id = await make('/api/v1/transfers', {
        kind: 'out_of_zone',
        memberId,
        destination: '探针去向',
        reason: '探针',
        duesPaidUntil: todayIso().slice(0, 7),
      });
      for (let i = 0; i < approvals; i++) {
        const res = await t.request(admin, { method: 'POST', url: `/api/v1/transfers/${id}/approve`, payload: {} });
        if (res.statusCode !== 200) throw new Error(`approve: ${res.statusCode} ${res.body}`);
      }
      return id;
    };
    records.transferA = await transfer(await memberIn(orgs.branchA.path, 1), 2);
    records.transferB = await transfer(memberB, 0);
    const importJob = async (path: string) => {
      const id = crypto.randomUUID();
      await t.database.db.execute(
        sql`insert into import_jobs (id, kind, mode, status, file_name, file_sha256, org_path)
          values (${id}, 'members', 'dry_run', 'done', 'walk.xlsx', ${'0'.repeat(64)}, ${path})`,
      );
      return id;
    };
    records.importA = await importJob(orgs.branchA.path);
    records.importB = await importJob(orgs.branchB.path);
    const recruitmentCase = async (orgId: string, n: number) => {
      const idNumber = probeIdNumber(900 + n);
      const id = await make('/api/v1/recruitment-cases', {
        name: `探针申请人${n}`,
        gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        idNumber,
        birthDate: `1990-01-${idNumber.slice(12, 14)}`,
        ethnicity: '01',
        education: '21',
        jobCategory: 'worker',
        orgId,
        appliedOn: todayIso(),
      });
      const boundary = 'walkboundary';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\napplication\r\n`),
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
        Buffer.from(`%PDF-1.4 walk ${n}\n%%EOF\n`),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.request(admin, {
        method: 'POST',
        url: `/api/v1/recruitment-cases/${id}/materials`,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      if (res.statusCode !== 201) throw new Error(`material: ${res.statusCode} ${res.body}`);
      return { id, material: res.json().id as string };
    };
    const rcA = await recruitmentCase(orgs.branchA.id, 1);
    const rcB = await recruitmentCase(orgs.branchB.id, 2);
    Object.assign(records, {
      recruitmentA: rcA.id,
      materialA: rcA.material,
      recruitmentB: rcB.id,
      materialB: rcB.material,
    });
    await setUpCommunityService(admin);
    records.complianceRule = (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from compliance_rules where type_code = 'heart_talk' and org_type = 'branch'`,
      )
    )[0]!.id;
    Object.assign(records, await setUpMeetingRecords(t, admin, orgs));
    const memberCallers = callers.filter(
      (c) => c.session && !c.bearer && !c.incomplete && c.permissions?.has('profile:read'),
    );
    const walk = await setUpMeetingsWalk(
      t,
      admin,
      orgs,
      memberCallers.map((c) => c.session!),
    );
    Object.assign(records, walk.records);
    staffSecret = walk.staffSecret;
    for (const c of memberCallers) c.ownLeaveId = walk.ownLeaves.get(c.session!);
    for (const c of callers) {
      c.ownUnitId = await unitIn(orgs.branchA.id);
      c.ownVenueId = await venueIn(orgs.branchA.id);
    }
    const messages = await setUpNotificationsWalk(
      t,
      callers.flatMap((c) => (c.username ? [c.username] : [])),
      targetA,
    );
    records.foreignNotification = messages.foreign;
    for (const c of callers) if (c.username) c.ownNotificationId = messages.own.get(c.username);
    Object.assign(records, await setUpOrgRatingWalk(t, admin, orgs));
    const evaluation = await setUpEvaluationWalk(
      t,
      admin,
      orgs,
      memberCallers.map((m) => m.session!),
    );
    Object.assign(records, evaluation.records);
    evalBallotSubject = evaluation.ballotSubject;
    records.ratingScheme = '5a7e0000-0000-4000-8000-000000000001';
    pointsWalk = await setUpPointsWalk(t, admin, orgs);
    competitionsWalk = await setUpCompetitionsWalk(t, admin, orgs);
    examsWalk = await setUpExamsWalk(t, admin, orgs);
    learningWalk = await setUpLearningWalk(
      t,
      admin,
      orgs,
      memberCallers.map((c) => c.session!),
    );
    const secretary = callers.find((c) => c.username === 'secretary')!.session!;
    foreignTokenId = (await tokenFor(secretary, { permissions: ['org:read'], orgId: orgs.branchA.id })).token.id;
  });
  afterAll(async () => t?.close());

  /** A request body that passes validation for holders, so the answer measures the policy and the scope. */
  function bodyFor(key: string, caller: Caller): unknown {
    seq += 1;
    switch (key) {
      case 'POST /api/v1/auth/login':
        return {
          username: caller.username ?? 'member',
          password: caller.incomplete ? 'Test-Passw0rd!' : 'RedEngine@2026',
        };
      case 'POST /api/v1/auth/mfa/verify':
        return { code: 'not-a-code' };
      case 'PATCH /api/v1/account/preferences':
        return {};
      case 'POST /api/v1/account/password':
        return { currentPassword: 'Wrong-Passw0rd!', newPassword: 'Another-Passw0rd!' };
      case 'POST /api/v1/account/mfa/activate':
        return { code: 'abc' };
      case 'POST /api/v1/account/mfa/disable':
        return { password: 'Wrong-Passw0rd!' };
      case 'POST /api/v1/account/tokens': {
        const p: Permission = caller.permissions?.has('org:read')
          ? 'org:read'
          : caller.permissions?.has('profile:read')
            ? 'profile:read'
            : 'checkin:scan';
        return { name: `probe ${seq}`, permissions: [p], orgId: orgs.branchA.id };
      }
      case 'POST /api/v1/orgs':
        return { parentId: orgs.branchA.id, type: 'party_group', name: `探针党小组${seq}` };
      case 'PATCH /api/v1/orgs/:id':
        return { sortOrder: 7 };
      case 'POST /api/v1/users':
        return {
          username: `walk_new_${seq}`,
          displayName: '探针用户',
          password: 'Test-Passw0rd!',
          roles: [{ role: 'member', orgId: orgs.branchA.id }],
        };
      case 'PATCH /api/v1/users/:id':
        return { displayName: '探针目标' };
      case 'POST /api/v1/members': {
        const idNumber = probeIdNumber(seq);
        return {
          name: `探针党员${seq}`,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
          idNumber,
          ethnicity: '01',
          birthDate: `1990-01-${idNumber.slice(12, 14)}`,
          education: '21',
          jobCategory: 'worker',
          orgId: orgs.branchA.id,
          category: 'full',
          joinDate: '2015-07-01',
          fullMemberDate: '2016-07-01',
        };
      }
      case 'PATCH /api/v1/members/:id':
        return { workPost: '探针岗位' };
      case 'POST /api/v1/members/:id/events':
        return { type: 'lost', effectiveDate: todayIso(), details: { reason: '探针' } };
      case 'POST /api/v1/users/:id/reset-password':
        return { newPassword: 'weak' };
      // Restructuring probes name branch A itself as the target: refused (400) in scope, 404 for a foreign :id.
      case 'POST /api/v1/orgs/:id/move':
      case 'POST /api/v1/orgs/:id/move/preview':
        return { newParentId: orgs.branchA.id };
      case 'POST /api/v1/orgs/:id/merge':
      case 'POST /api/v1/orgs/:id/merge/preview':
        return { intoId: orgs.branchA.id };
      case 'POST /api/v1/orgs/:id/dissolve':
      case 'POST /api/v1/orgs/:id/dissolve/preview':
        return { date: '2025-01-01', reason: '探针' };
      // A party group cannot sit beside branch A, and branch A is no temporary branch: both refused (400) in scope.
      case 'POST /api/v1/orgs/:id/split':
      case 'POST /api/v1/orgs/:id/split/preview':
        return { newOrgs: [{ name: '探针党小组', type: 'party_group' }] };
      case 'POST /api/v1/orgs/:id/project-end':
      case 'POST /api/v1/orgs/:id/project-end/preview':
        return { endedOn: '2025-01-01' };
      case 'PUT /api/v1/orgs/:id/units':
        return { unitIds: [] };
      case 'POST /api/v1/orgs/:id/committees':
        return { electedOn: '2000-01-01' };
      case 'PATCH /api/v1/committees/:id':
        return { notes: `探针 ${seq}` };
      case 'POST /api/v1/units':
        return { name: `探针单位${seq}`, kind: 'enterprise', ownerOrgId: orgs.branchA.id };
      case 'PATCH /api/v1/units/:id':
        return { address: `探针地址${seq}` };
      case 'POST /api/v1/venues':
        return { name: `探针阵地${seq}`, ownerOrgId: orgs.branchA.id };
      case 'PATCH /api/v1/venues/:id':
        return { capacity: 10 + (seq % 50) };
      // The first holder opens a transfer for member A; later ones are refused as already in progress (409).
      case 'POST /api/v1/transfers':
        return {
          kind: 'out_of_zone',
          memberId: memberA,
          destination: '探针去向',
          reason: '探针',
          duesPaidUntil: '2025-01',
        };
      // Probes on the closed transfer: refused as not pending (409); the receipt is recorded once, then 409.
      case 'POST /api/v1/transfers/:id/reject':
        return { reason: '探针' };
      case 'POST /api/v1/transfers/:id/receipt':
        return { date: todayIso() };
      case 'POST /api/v1/transfers/:id/approve':
      case 'POST /api/v1/transfers/:id/revoke':
        return {};
      case 'POST /api/v1/recruitment-cases': {
        const idNumber = probeIdNumber(seq);
        return {
          name: `探针申请人${seq}`,
          gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
          idNumber,
          birthDate: `1990-01-${idNumber.slice(12, 14)}`,
          ethnicity: '01',
          education: '21',
          jobCategory: 'worker',
          orgId: orgs.branchA.id,
          appliedOn: todayIso(),
        };
      }
      // A talk with nobody named: refused (400) in scope; the case is closed by the first cancel, then 409.
      case 'POST /api/v1/recruitment-cases/:id/steps':
        return { stepNo: 2, date: todayIso(), memberIds: [] };
      case 'POST /api/v1/recruitment-cases/:id/extend-probation':
        return { date: todayIso(), months: 6, reason: '探针' };
      case 'POST /api/v1/recruitment-cases/:id/cancel':
      case 'POST /api/v1/recruitment-cases/:id/reject':
        return { reason: '探针' };
      case 'POST /api/v1/community-service/member-reports':
        return { memberId: spareMemberA, communityOrgId: community.x };
      case 'POST /api/v1/community-service/member-reports/:id/withdraw':
      case 'POST /api/v1/me/community-report/withdraw':
        return { reason: 'moved' };
      case 'POST /api/v1/community-service/org-reports':
        return { orgId: orgs.branchA.id, communityOrgId: community.z, contactPerson: '探针', commitments: '探针' };
      case 'POST /api/v1/community-service/org-reports/:id/withdraw':
        return { reason: '探针' };
      case 'POST /api/v1/community-service/needs':
        return {
          communityOrgId: community.x,
          title: `探针需求${seq}`,
          category: 'patrol',
          description: '探针',
          place: '探针',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          hours: 1,
          capacity: 5,
        };
      case 'POST /api/v1/me/community-report':
        return { communityOrgId: community.x };
      case 'POST /api/v1/me/community-claims/:id/complete':
        return { hours: 1.5 };
      case 'POST /api/v1/community-service/member-reports/:id/renew':
      case 'POST /api/v1/community-service/needs/:id/close':
      case 'POST /api/v1/community-service/claims/:id/confirm':
      case 'POST /api/v1/community-service/claims/:id/cancel':
      case 'POST /api/v1/me/community-needs/:id/claim':
      case 'POST /api/v1/me/community-claims/:id/cancel':
        return {};
      // 活动记录: new minutes each time (an unchanged text is no change); a reason for when the meeting is archived.
      case 'PUT /api/v1/meetings/:id/minutes':
        return { minutes: `探针纪要 ${seq}`, reason: '探针更正' };
      case 'POST /api/v1/meetings':
        return {
          orgId: orgs.branchA.id,
          title: `探针活动 ${seq}`,
          typeCodes: ['other'],
          startsAt: new Date(Date.now() + (400 + seq) * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + (400 + seq) * 86_400_000 + 3_600_000).toISOString(),
          participants: { orgIds: [orgs.branchA.id] },
        };
      case 'PATCH /api/v1/meetings/:id':
        return { title: `探针活动 ${seq}` };
      case 'POST /api/v1/meetings/:id/cancel':
        return { reason: '探针' };
      case 'POST /api/v1/meetings/:id/makeup':
        return { memberIds: [NOWHERE], reason: '探针' };
      case 'POST /api/v1/meetings/:id/scan':
      case 'POST /api/v1/checkin/staff-scan':
      case 'POST /api/v1/me/checkins':
        return { code: 'walk-probe', nonce: `walkprobe${seq}` };
      case 'POST /api/v1/meetings/:id/staff-tokens':
        return { label: '探针' };
      case 'POST /api/v1/meetings/:id/leaves':
        return { memberId: NOWHERE, reason: '探针' };
      case 'POST /api/v1/meeting-leaves/:id/approve':
      case 'POST /api/v1/meeting-leaves/:id/reject':
        return {};
      case 'POST /api/v1/me/meetings/:id/leave':
        return { reason: '探针' };
      case 'POST /api/v1/meeting-files/:id/remove':
        return { reason: '探针' };
      // 三会一课: the first holder adds a rule from today, later ones clash with it (409); the first change to the rule
      // in force makes a new version, which supersedes it (409 afterwards).
      case 'POST /api/v1/compliance/rules':
        return { typeCode: 'volunteer', orgType: 'branch', cycle: 'quarter', expectedCount: 1 };
      case 'PATCH /api/v1/compliance/rules/:id':
        return { expectedCount: 2 + (seq % 5) };
      case 'POST /api/v1/activity-types':
        return { code: `walk_${seq}`, nameZh: '探针活动', nameEn: 'Probe activity', category: 'other' };
      case 'PATCH /api/v1/activity-types/:code':
        return { sortOrder: 100 + seq };
      // 星级评定: branch A's rating stays in self-assessment (only partly filled), so the steps after it answer
      // 409 RATING_STATE in scope; saving an empty self-assessment and recomputing succeed.
      case 'POST /api/v1/rating-schemes':
        return {
          code: 'walk_probe',
          nameZh: '探针方案',
          nameEn: 'Probe scheme',
          effectiveFrom: '2099-01-01',
          cycle: 'annual',
          orgTypes: ['branch'],
          thresholds: [{ stars: 1, minScore: 0 }],
          quotas: [],
          publicationDays: 5,
          requiresInnovationFor5Star: false,
          allowAboveBase: false,
          vetoStars: null,
          indicators: [{ code: 'a', nameZh: '探针', nameEn: 'Probe', maxPoints: 10, criteriaZh: '探针' }],
          vetoRules: [],
        };
      case 'PATCH /api/v1/rating-schemes/:id':
        return { publicationDays: 6 };
      case 'POST /api/v1/rating-campaigns':
        return { year: 2040, rootOrgId: orgs.branchA.id };
      case 'PUT /api/v1/org-ratings/:id/self-assessment':
      case 'PUT /api/v1/org-ratings/:id/review':
      case 'POST /api/v1/org-ratings/:id/review/submit':
        return { scores: [] };
      case 'POST /api/v1/org-ratings/:id/reviewers':
      case 'POST /api/v1/org-ratings/:id/reviewers/remove':
        return { userId: targetA };
      case 'POST /api/v1/rating-evidence/:id/remove':
      case 'POST /api/v1/org-ratings/:id/return':
      case 'POST /api/v1/org-ratings/:id/reopen':
        return { reason: '探针' };
      case 'POST /api/v1/org-ratings/:id/vetoes':
        return { ruleId: NOWHERE, reason: '探针' };
      case 'POST /api/v1/org-ratings/:id/vetoes/clear':
        return { vetoId: NOWHERE, reason: '探针' };
      case 'POST /api/v1/org-ratings/:id/publish':
        return {};
      case 'POST /api/v1/org-ratings/:id/objections':
        return { text: '探针' };
      case 'POST /api/v1/org-ratings/:id/objections/answer':
        return { objectionId: NOWHERE, outcome: 'dismissed', answer: '探针' };
      case 'POST /api/v1/org-ratings/:id/adjust':
        return { stars: 3, reason: '探针' };
      // 评议: branch A's 民主评议 goes preparing → voting → closed under the first holder; submitting stays refused
      // (proposals name no subject of it), so confirming and returning answer 409 in scope.
      case 'POST /api/v1/evaluation/campaigns':
        return { kind: 'member_evaluation', orgId: orgs.branchA.id, year: 2050 + (seq % 40) };
      case 'PATCH /api/v1/evaluation/campaigns/:id':
        return { title: `探针评议 ${seq}` };
      case 'POST /api/v1/evaluation/campaigns/:id/return':
      case 'POST /api/v1/evaluation/rectifications/:id/reopen':
        return { reason: '探针' };
      case 'PUT /api/v1/evaluation/campaigns/:id/proposals':
        return { proposals: [{ subjectId: NOWHERE, grade: 'qualified' }] };
      case 'PATCH /api/v1/evaluation/subjects/:id':
        return { peerSummary: `探针互评 ${seq}` };
      case 'POST /api/v1/evaluation/subjects/:id/comment':
        return { comment: '探针点评' };
      case 'POST /api/v1/evaluation/subjects/:id/rectifications':
        return { problem: '探针问题', ownerName: '探针', dueOn: '2041-06-30' };
      case 'PATCH /api/v1/evaluation/rectifications/:id':
        return { progressNote: `探针进展 ${seq}` };
      case 'POST /api/v1/evaluation/rectifications/:id/close':
        return { closingNote: '探针销号' };
      // Each caller's member casts once on the zone's 述职评议; the self-assessment and the report are not theirs (409).
      case 'POST /api/v1/me/evaluations/:id/ballot':
        return { ballotKey: crypto.randomUUID(), entries: [{ subjectId: evalBallotSubject, choice: 'good' }] };
      case 'PUT /api/v1/me/evaluations/:id/self-assessment':
        return { selfAssessment: '探针自评' };
      case 'PUT /api/v1/me/evaluations/:id/report':
        return { report: '探针述职' };
      default:
        return (
          pointsWalk?.body(key, seq) ??
          competitionsWalk?.body(key, seq) ??
          learningWalk?.body(key, seq) ??
          examsWalk?.body(key, seq)
        );
    }
  }

  function idsFor(policy: RoutePolicy, caller: Caller, key = ''): { inScope: string; outOfScope: string } | null {
    const deletes = key.startsWith('DELETE ');
    switch (policy.resource) {
      case 'unit':
        return {
          inScope: deletes ? (caller.ownUnitId ?? NOWHERE) : records.unitA,
          outOfScope: caller.zoneWide ? NOWHERE : records.unitB,
        };
      case 'venue':
        return {
          inScope: deletes ? (caller.ownVenueId ?? NOWHERE) : records.venueA,
          outOfScope: caller.zoneWide ? NOWHERE : records.venueB,
        };
      case 'committee':
        return { inScope: records.committeeA, outOfScope: caller.zoneWide ? NOWHERE : records.committeeB };
      case 'org':
        return { inScope: orgs.branchA.id, outOfScope: caller.zoneWide ? NOWHERE : orgs.branchB.id };
      case 'user':
        return { inScope: targetA, outOfScope: caller.zoneWide ? NOWHERE : targetB };
      case 'member':
        return { inScope: memberA, outOfScope: caller.zoneWide ? NOWHERE : memberB };
      case 'import':
        return { inScope: records.importA, outOfScope: caller.zoneWide ? NOWHERE : records.importB };
      case 'transfer':
        return { inScope: records.transferA, outOfScope: caller.zoneWide ? NOWHERE : records.transferB };
      case 'recruitment':
        return { inScope: records.recruitmentA, outOfScope: caller.zoneWide ? NOWHERE : records.recruitmentB };
      case 'recruitment-material':
        return { inScope: records.materialA, outOfScope: caller.zoneWide ? NOWHERE : records.materialB };
      case 'member-report':
        return { inScope: records.memberReportA, outOfScope: caller.zoneWide ? NOWHERE : records.memberReportB };
      case 'org-report':
        return { inScope: records.orgReportA, outOfScope: caller.zoneWide ? NOWHERE : records.orgReportB };
      case 'community-need':
        return { inScope: records.needA, outOfScope: caller.zoneWide ? NOWHERE : records.needB };
      case 'community-claim':
        return { inScope: records.claimA, outOfScope: caller.zoneWide ? NOWHERE : records.claimB };
      // A member acts only in the community they registered with, and only on their own claims.
      case 'my-need':
        return { inScope: records.myNeed, outOfScope: records.needB };
      case 'my-claim':
        return { inScope: caller.ownClaimId ?? NOWHERE, outOfScope: records.claimA };
      case 'meeting':
        return { inScope: records.meetingA, outOfScope: caller.zoneWide ? NOWHERE : records.meetingB };
      case 'meeting-leave':
        return { inScope: records.leaveA, outOfScope: caller.zoneWide ? NOWHERE : records.leaveB };
      case 'staff-token':
        return { inScope: records.staffTokenA, outOfScope: caller.zoneWide ? NOWHERE : records.staffTokenB };
      // A member sees only meetings they take part in, and withdraws only their own leave.
      case 'my-meeting':
        return { inScope: records.myMeeting, outOfScope: records.plannedB };
      case 'my-leave':
        return { inScope: caller.ownLeaveId ?? NOWHERE, outOfScope: records.leaveA };
      case 'meeting-file':
        return { inScope: records.meetingFileA, outOfScope: caller.zoneWide ? NOWHERE : records.meetingFileB };
      case 'compliance-rule':
        return { inScope: records.complianceRule, outOfScope: NOWHERE };
      case 'evaluation-campaign':
        return { inScope: records.evalCampaignA, outOfScope: caller.zoneWide ? NOWHERE : records.evalCampaignB };
      case 'evaluation-subject':
        return { inScope: records.evalSubjectA, outOfScope: caller.zoneWide ? NOWHERE : records.evalSubjectB };
      case 'evaluation-rectification':
        return { inScope: records.rectificationA, outOfScope: caller.zoneWide ? NOWHERE : records.rectificationB };
      case 'evaluation-attachment':
        return { inScope: records.evalAttachmentA, outOfScope: caller.zoneWide ? NOWHERE : records.evalAttachmentB };
      // A member sees only campaigns where they are on the roll or evaluated.
      case 'my-evaluation':
        return { inScope: records.myEvaluation, outOfScope: records.notMyEvaluation };
      // The rubric is zone-wide configuration: nothing lies outside anyone's scope.
      case 'rating-scheme':
        return { inScope: records.ratingScheme, outOfScope: NOWHERE };
      case 'rating-campaign':
        return { inScope: records.campaignA, outOfScope: caller.zoneWide ? NOWHERE : records.campaignB };
      case 'org-rating':
        return { inScope: records.ratingA, outOfScope: caller.zoneWide ? NOWHERE : records.ratingB };
      case 'rating-evidence':
        return { inScope: records.evidenceA, outOfScope: caller.zoneWide ? NOWHERE : records.evidenceB };
      // Everyone reads only their own messages.
      case 'my-notification':
        return { inScope: caller.ownNotificationId ?? NOWHERE, outOfScope: records.foreignNotification };
      case 'token':
        return {
          inScope: caller.ownTokenId ?? NOWHERE,
          outOfScope: caller.username === 'secretary' ? NOWHERE : foreignTokenId,
        };
      default:
        return (
          pointsWalk?.ids(policy.resource, caller.zoneWide) ??
          competitionsWalk?.ids(policy.resource, caller.zoneWide) ??
          examsWalk?.ids(policy.resource, caller.zoneWide) ??
          learningWalk?.ids(policy.resource, caller.zoneWide, caller.session) ??
          null
        );
    }
  }

  async function call(key: string, caller: Caller, id?: string) {
    const [method, url] = key.split(' ') as [InjectOptions['method'] & string, string];
    let session = caller.session;
    // Logging out ends the session, so that probe gets a session of its own.
    if (key === 'POST /api/v1/auth/logout' && session && caller.username) {
      session = await t.login(caller.username, caller.incomplete ? 'Test-Passw0rd!' : undefined);
    }
    const payload = bodyFor(key, caller);
    const query = QUERIES[key];
    return t.request(session, {
      method,
      // Activity types are named by their code; the probes work on a built-in one.
      url: `${(id ? url.replace(':id', id) : url).replace(':code', 'culture')}${query ? `?${query}` : ''}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(caller.bearer ? { authorization: `Bearer ${caller.bearer}` } : {}),
        // A door volunteer's credential is the check-in token, whoever holds the phone.
        ...(key.includes('/checkin/staff-') ? { 'x-checkin-token': staffSecret } : {}),
      },
    });
  }

  const holds = (policy: RoutePolicy, c: Caller) =>
    policy.access === 'public' ||
    (c.permissions !== null &&
      !(policy.sessionOnly && c.bearer) &&
      (!c.incomplete || policy.allowIncomplete === true) &&
      (policy.access === 'authenticated' || c.permissions.has(policy.access)));

  it('has a policy for every route the app registers, and no stale entries', () => {
    const api = registered.filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api/v1') || r.url === '/healthz'));
    expect(api.length).toBeGreaterThan(10);
    const keys = new Set(api.map((r) => policyKey(r.method, r.url)));
    const missing = [...keys].filter((k) => !ROUTE_POLICIES[k]);
    const stale = Object.keys(ROUTE_POLICIES).filter((k) => !keys.has(k));
    expect(missing, 'routes without a policy').toEqual([]);
    expect(stale, 'policy entries without a route').toEqual([]);
    for (const key of Object.keys(ROUTE_POLICIES)) {
      const [method, url] = key.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as 'GET', url }), key).toBe(true);
    }
  });

  it('marks every :id route with the kind of record it names', () => {
    for (const [key, policy] of Object.entries(ROUTE_POLICIES)) {
      if (key.includes(':id')) expect(policy.resource, key).toBeDefined();
    }
  });

  describe.each(Object.entries(ROUTE_POLICIES))('%s', (key, policy) => {
    it('answers every caller as the policy says', async () => {
      for (const caller of callers) {
        const ids = idsFor(policy, caller, key);
        const probe = async (id?: string) => {
          const before = await auditCount(t);
          const res = await call(key, caller, id);
          const events = (await auditCount(t)) - before;
          const label = `${key} as ${caller.name}${id ? ` on ${id}` : ''}: ${res.statusCode} ${res.body.slice(0, 200)}`;
          // Every change, and every read of personal data or of the audit trail as a file, leaves an event.
          if (
            res.statusCode < 300 &&
            AUDITED(key) &&
            !((caller.bearer || !caller.session) && key === 'POST /api/v1/auth/logout')
          )
            expect(events, `${label} left no audit event`).toBeGreaterThan(0);
          if (res.statusCode >= 400 && key !== 'POST /api/v1/auth/login' && !RECORDS_REFUSALS.has(key))
            expect(events, `${label} refused yet audited`).toBe(0);
          return { res, label };
        };
        if (policy.access !== 'public' && caller.permissions === null) {
          const { res, label } = await probe(ids?.inScope);
          expect(res.statusCode, label).toBe(401);
          expectErrorShape(res, 401, 'UNAUTHENTICATED');
          continue;
        }
        if (!holds(policy, caller)) {
          for (const id of ids ? [ids.inScope, ids.outOfScope] : [undefined]) {
            const { res, label } = await probe(id);
            expect(res.statusCode, label).toBe(403);
            expectErrorShape(res, 403, 'FORBIDDEN');
          }
          continue;
        }
        const { res, label } = await probe(ids?.inScope);
        expect(res.statusCode, label).toBeLessThan(500);
        expect([401, 403], label).not.toContain(res.statusCode);
        if (res.statusCode >= 400) {
          expect(REFUSALS.has(expectErrorShape(res).code), label).toBe(false);
          expect(res.statusCode, label).not.toBe(404);
        }
        if (ids) {
          const out = await probe(ids.outOfScope);
          expect(out.res.statusCode, out.label).toBe(404);
          expectErrorShape(out.res, 404, 'NOT_FOUND');
        }
      }
    });
  });
});
