import { sql } from 'drizzle-orm';
import type { RoutePolicy } from '../../src/core/route-policy.js';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';
import { createUser, STRONG_PASSWORD } from './fixtures.js';

type OrgRef = { id: string; path: string };
const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';

/**
 * Fixtures for the learning routes in the permission walk: a published document (with a PDF) owned by branch A for
 * the console's content routes and one owned by and meant for branch B only; a course and a plan of each branch; a
 * zone-wide published content every caller's member may study; a study session of each caller's member, and one of a
 * member no caller walks as.
 */
export async function setUpLearningWalk(
  t: TestApp,
  admin: Session,
  orgs: { root: OrgRef; branchA: OrgRef; branchB: OrgRef },
  memberSessions: Session[],
) {
  const ok = async (s: Session, url: string, payload: object = {}) => {
    const res = await t.request(s, { method: 'POST', url: `/api/v1${url}`, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await createUser(t, admin, { username: 'walk_lrn_reviewer', roles: [{ role: 'zone_admin', orgId: orgs.root.id }] });
  const reviewer = await t.login('walk_lrn_reviewer', STRONG_PASSWORD);
  const document = async (org: OrgRef, audience: 'zone' | 'orgs') => {
    const c = await ok(admin, '/learning/contents', {
      kind: 'document',
      orgId: org.id,
      title: `探针资料 ${org.id.slice(0, 6)}`,
      audience,
      targetOrgIds: audience === 'orgs' ? [org.id] : [],
    });
    const res = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/learning/contents/${c.id}/file`,
      headers: { 'content-type': 'multipart/form-data; boundary=lrnwalk' },
      payload: Buffer.concat([
        Buffer.from('--lrnwalk\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n'),
        Buffer.from(`%PDF-1.4 learning walk ${org.id}\n%%EOF\n`),
        Buffer.from('\r\n--lrnwalk--\r\n'),
      ]),
    });
    if (res.statusCode !== 200) throw new Error(`file: ${res.statusCode} ${res.body}`);
    await ok(admin, `/learning/contents/${c.id}/submit`);
    await ok(reviewer, `/learning/contents/${c.id}/approve`);
    return c.id as string;
  };
  const contentA = await document(orgs.branchA, 'zone');
  const contentB = await document(orgs.branchB, 'orgs');
  const study = await document(orgs.root, 'zone');
  const course = async (org: OrgRef, contentId: string) =>
    (
      await ok(admin, '/learning/courses', {
        title: '探针课程',
        orgId: org.id,
        lessons: [{ contentId, requiredMinutes: 1 }],
      })
    ).id as string;
  const courseA = await course(orgs.branchA, contentA);
  const courseB = await course(orgs.branchB, contentB);
  const plan = async (org: OrgRef, courseId: string) =>
    (
      await ok(admin, '/learning/plans', {
        title: '探针计划',
        courseId,
        orgId: org.id,
        startsOn: '2040-01-01',
        dueOn: '2040-12-31',
        targetOrgIds: [org.id],
      })
    ).id as string;
  const planA = await plan(orgs.branchA, courseA);
  const planB = await plan(orgs.branchB, courseB);
  const sessions = new Map<Session, string>();
  for (const s of memberSessions) {
    const res = await t.request(s, {
      method: 'POST',
      url: '/api/v1/me/learning/sessions',
      payload: { contentId: study },
    });
    if (res.statusCode === 201) sessions.set(s, res.json().id);
  }
  const [other] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id from members where org_path like ${`${orgs.root.path}%`} and status = 'active' order by id limit 1`,
  );
  const foreignSession = crypto.randomUUID();
  await t.database.db.execute(sql`insert into learning_study_sessions (id, member_id, content_id, day, started_at, last_beat_at)
    values (${foreignSession}, ${other!.id}, ${study}, current_date, now(), now())`);

  return {
    ids(resource: RoutePolicy['resource'], zoneWide: boolean, session: Session | null) {
      switch (resource) {
        case 'learning-content':
          return { inScope: contentA, outOfScope: zoneWide ? NOWHERE : contentB };
        case 'learning-course':
          return { inScope: courseA, outOfScope: zoneWide ? NOWHERE : courseB };
        case 'learning-plan':
          return { inScope: planA, outOfScope: zoneWide ? NOWHERE : planB };
        case 'my-learning-content':
          return { inScope: study, outOfScope: contentB };
        case 'my-study-session':
          return { inScope: (session && sessions.get(session)) ?? NOWHERE, outOfScope: foreignSession };
        default:
          return null;
      }
    },
    body(key: string, seq: number): unknown {
      switch (key) {
        case 'POST /api/v1/learning/categories':
          return { name: `探针分类${seq}` };
        case 'POST /api/v1/learning/contents':
          return { kind: 'article', orgId: orgs.branchA.id, title: `探针文章${seq}`, bodyHtml: '<p>探针</p>' };
        case 'PATCH /api/v1/learning/contents/:id':
          return { title: `探针${seq}` };
        case 'POST /api/v1/learning/contents/:id/reject':
          return { note: '探针' };
        case 'POST /api/v1/learning/contents/:id/approve':
          return {};
        case 'POST /api/v1/learning/courses':
          return {
            title: `探针课程${seq}`,
            orgId: orgs.branchA.id,
            lessons: [{ contentId: study, requiredMinutes: 1 }],
          };
        case 'POST /api/v1/learning/plans':
          return {
            title: `探针计划${seq}`,
            courseId: courseA,
            orgId: orgs.branchA.id,
            startsOn: '2040-01-01',
            dueOn: '2040-12-31',
            targetOrgIds: [orgs.branchA.id],
          };
        case 'POST /api/v1/me/learning/sessions':
          return { contentId: study };
        case 'POST /api/v1/me/learning/sessions/:id/heartbeat':
          return { visible: true, active: true, position: 0.5 };
        default:
          return undefined;
      }
    },
  };
}
export type LearningWalk = Awaited<ReturnType<typeof setUpLearningWalk>>;
