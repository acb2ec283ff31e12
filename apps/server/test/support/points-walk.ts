import { DEFAULT_POINT_SCHEME, shanghaiDate } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { RoutePolicy } from '../../src/core/route-policy.js';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

type OrgRef = { id: string; path: string };

/**
 * Fixtures for the points routes in the permission walk: in branch A (in every org admin's scope) and in branch B (under
 * 双欣集团, outside theirs) a pending grant request, one with an evidence file, a booked entry, an exemption and a
 * member's objection; and a zone-wide publication of this month every caller's own member may object to.
 */
export async function setUpPointsWalk(
  t: TestApp,
  admin: Session,
  orgs: { root: OrgRef; branchA: OrgRef; branchB: OrgRef },
) {
  const today = shanghaiDate(new Date());
  const post = async (url: string, payload: object) => {
    const res = await t.request(admin, { method: 'POST', url: `/api/v1${url}`, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  // Members without accounts and under 60 (no exemption by age), a few down the list so other fixtures keep theirs.
  const membersOf = async (path: string) =>
    (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from members where org_path like ${`${path}%`} and user_id is null and status = 'active'
          and birth_date > current_date - interval '60 years' order by id desc limit 2`,
      )
    ).map((r) => r.id);
  const [a, a2] = await membersOf(orgs.branchA.path);
  const [b] = await membersOf(orgs.branchB.path);
  const publication = (await post('/points/publications', { orgId: orgs.root.id, period: today.slice(0, 7) }))
    .id as string;

  const side = async (memberId: string) => {
    const grant = (await post('/points/grants', { memberId, ruleCode: 'commended', occurredOn: today, reason: '探针' }))
      .id;
    const withFile = (
      await post('/points/grants', { memberId, ruleCode: 'commended', occurredOn: today, reason: '探针材料' })
    ).id as string;
    const boundary = 'pointswalk';
    const res = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/points/grants/${withFile}/evidence`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
        Buffer.from(`%PDF-1.4 points walk ${memberId}\n%%EOF\n`),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    if (res.statusCode !== 201) throw new Error(`evidence: ${res.statusCode} ${res.body}`);
    const entry = (await post('/points/grants', { memberId, ruleCode: 'dues_late', occurredOn: today, reason: '探针' }))
      .entryId as string;
    const exemption = (
      await post('/points/exemptions', { memberId, category: 'other', startsOn: today, reason: '探针' })
    ).id as string;
    const objection = crypto.randomUUID();
    await t.database.db.execute(
      sql`insert into point_objections (id, publication_id, member_id, text) values (${objection}, ${publication}, ${memberId}, '探针异议')`,
    );
    return { grant, evidence: res.json().evidence[0].id as string, entry, exemption, objection };
  };
  const inA = await side(a!);
  const inB = await side(b!);
  const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';

  return {
    /** In-scope and out-of-scope ids of the points record kinds (null for other kinds). */
    ids(resource: RoutePolicy['resource'], zoneWide: boolean): { inScope: string; outOfScope: string } | null {
      const pick = (key: keyof typeof inA) => ({ inScope: inA[key], outOfScope: zoneWide ? NOWHERE : inB[key] });
      switch (resource) {
        case 'point-grant':
          return pick('grant');
        case 'point-evidence':
          return pick('evidence');
        case 'point-entry':
          return pick('entry');
        case 'point-exemption':
          return pick('exemption');
        case 'point-objection':
          return pick('objection');
        default:
          return null;
      }
    },
    /** Bodies that pass validation, so the answer measures the policy and the scope. */
    body(key: string, seq: number): unknown {
      switch (key) {
        case 'POST /api/v1/points/rule-versions':
          return {
            effectiveFrom: new Date(Date.now() + (500 + seq) * 86_400_000).toISOString().slice(0, 10),
            scheme: DEFAULT_POINT_SCHEME,
            rules: [
              {
                code: 'base_score',
                category: 'basic',
                nameZh: '基础分',
                nameEn: 'Base score',
                points: 60,
                unit: 'year',
                source: 'base',
              },
            ],
          };
        // A period before any rules: the run answers at once with nothing booked (and leaves its audit event).
        case 'POST /api/v1/points/run-grants':
          return { period: '2020-01' };
        case 'POST /api/v1/points/grants':
          return { memberId: a2, ruleCode: 'mass_praise', occurredOn: today, reason: `探针${seq}` };
        case 'POST /api/v1/points/grants/:id/approve':
          return {};
        case 'POST /api/v1/points/grants/:id/reject':
          return { note: '探针' };
        case 'POST /api/v1/point-entries/:id/reverse':
          return { reason: '探针更正' };
        case 'POST /api/v1/points/exemptions':
          return { memberId: a2, category: 'long_ill', startsOn: today, reason: '探针' };
        case 'POST /api/v1/point-exemptions/:id/end':
          return { endsOn: today };
        case 'POST /api/v1/points/publications':
          return { orgId: orgs.branchA.id, period: today.slice(0, 7) };
        case 'POST /api/v1/point-objections/:id/answer':
          return { answer: '探针答复', upheld: false };
        case 'POST /api/v1/me/point-objections':
          return { publicationId: publication, text: `探针异议${seq}` };
        default:
          return undefined;
      }
    },
  };
}
export type PointsWalk = Awaited<ReturnType<typeof setUpPointsWalk>>;
