import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

type OrgRef = { id: string; path: string };

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart body with the fields first, then one file. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----rating${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A scheme with three manual indicators (one needing evidence) and a manual veto, so tests decide every point:
 * ★5 ≥ 90, ★4 ≥ 80, ★3 ≥ 70, ★2 ≥ 60, ★1 below; ★5 ≤ 20 %, ★4 ≤ 40 %; a veto means not rated.
 */
export const plainScheme = (code: string) => ({
  code,
  nameZh: '测试方案',
  nameEn: 'Test scheme',
  effectiveFrom: '2019-01-01',
  cycle: 'annual',
  orgTypes: ['branch', 'joint_branch', 'temporary_branch'],
  thresholds: [
    { stars: 5, minScore: 90 },
    { stars: 4, minScore: 80 },
    { stars: 3, minScore: 70 },
    { stars: 2, minScore: 60 },
    { stars: 1, minScore: 0 },
  ],
  quotas: [
    { stars: 5, maxPercent: 20 },
    { stars: 4, maxPercent: 40 },
  ],
  publicationDays: 3,
  requiresInnovationFor5Star: false,
  allowAboveBase: false,
  vetoStars: null,
  indicators: [
    { code: 'a', nameZh: '班子建设', nameEn: 'Team', maxPoints: 40, criteriaZh: '班子健全' },
    { code: 'b', nameZh: '阵地建设', nameEn: 'Venue', maxPoints: 30, criteriaZh: '阵地规范', evidenceRequired: true },
    { code: 'c', nameZh: '作用发挥', nameEn: 'Role', maxPoints: 30, criteriaZh: '作用明显' },
    { code: 'plus', nameZh: '加分', nameEn: 'Bonus', kind: 'bonus', maxPoints: 5, criteriaZh: '表彰' },
  ],
  vetoRules: [{ code: 'discipline', nameZh: '严重违纪', nameEn: 'Serious violation' }],
});

/** Puts published ratings past their publication period (the clock is not under test). */
export async function closeWindow(t: TestApp, ratingIds: string[]) {
  for (const id of ratingIds)
    await t.database.db.execute(
      sql`update org_ratings set objection_deadline = now() - interval '1 minute' where id = ${id}`,
    );
}

/**
 * Fixtures for the rating routes in the permission walk: the demo's campaign of this year (which rates branch A
 * and branch B) and one rooted under 双欣集团 in another year, so no 星光 caller sees it; evidence of branch A and B.
 */
export async function setUpOrgRatingWalk(
  t: TestApp,
  admin: Session,
  orgs: { branchA: OrgRef; shuangxin: OrgRef; branchB: OrgRef },
) {
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const ratingOf = async (org: OrgRef) =>
    (
      await queryRows<{ id: string; campaign_id: string }>(
        t.database.db,
        sql`select id, campaign_id from org_ratings where org_id = ${org.id} and year = ${year}`,
      )
    )[0]!;
  const a = await ratingOf(orgs.branchA);
  const b = await ratingOf(orgs.branchB);
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/rating-campaigns',
    payload: { year: year + 10, rootOrgId: orgs.shuangxin.id },
  });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  const evidence = async (ratingId: string) => {
    const up = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/org-ratings/${ratingId}/evidence`,
      ...multipart({}, { name: '佐证.pdf', bytes: PDF }),
    });
    if (up.statusCode !== 201) throw new Error(`evidence: ${up.statusCode} ${up.body}`);
    return up.json().id as string;
  };
  // Evidence goes in while branch B's rating of that other year is still in self-assessment.
  const otherB = (
    await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from org_ratings where campaign_id = ${res.json().id} and org_id = ${orgs.branchB.id}`,
    )
  )[0]!.id;
  return {
    ratingA: a.id,
    ratingB: b.id,
    campaignA: a.campaign_id,
    campaignB: res.json().id as string,
    evidenceA: await evidence(a.id),
    evidenceB: await evidence(otherB),
  };
}
