import {
  type OrgRatingDetail,
  type OrgStarHistory,
  type RatingBoard,
  type RatingCampaign,
  type RatingScheme,
  starQuotaAllowance,
  todayInChina,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, loadOrgs } from '../../../test/support/fixtures.js';
import { closeWindow, multipart, PDF, plainScheme } from '../../../test/support/org-rating.js';
import { queryRows } from '../../db/rows.js';
import { meetings, meetingTypes } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { createOrgRatingRepository } from './org-rating.repository.js';
import { computeOrgFigures, pointsOf } from './org-rating.sources.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const today = todayInChina();
const thisYear = Number(today.slice(0, 4));

describe('党组织星级评定: quotas, vetoes, computed indicators, history', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let scheme: RatingScheme;

  const req = (s: Session, method: Method, url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const ok = async <T>(s: Session, method: Method, url: string, payload?: object, status = 200) => {
    const res = await req(s, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
    return res.json() as T;
  };
  /** Ratings put straight into publication with given stars, past their window (the workflow is tested elsewhere). */
  const publishAs = async (ids: string[], stars: number | null) => {
    for (const id of ids)
      await t.database.db.execute(sql`update org_ratings set state = 'published', stars = ${stars}, rule_stars = ${stars},
        score = 85, published_at = now() - interval '10 days' where id = ${id}`);
    await closeWindow(t, ids);
  };
  const stateOf = async (id: string) =>
    (await queryRows<{ state: string }>(t.database.db, sql`select state from org_ratings where id = ${id}`))[0]!.state;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, xingguang] = await Promise.all([t.login('admin'), t.login('xingguang')]);
    orgs = await loadOrgs(t, admin);
    scheme = await ok<RatingScheme>(admin, 'POST', '/rating-schemes', plainScheme('test_quota'), 201);
  });
  afterAll(async () => t?.close());

  it('seeds last year final inside the quotas, with up- and down-grades, and this year in progress', async () => {
    const campaigns = await ok<{ data: RatingCampaign[] }>(admin, 'GET', '/rating-campaigns');
    const last = campaigns.data.find((c) => c.year === thisYear - 1)!;
    const current = campaigns.data.find((c) => c.year === thisYear)!;
    expect(last.counts.final).toBe(last.counts.total);
    expect(current.counts).toMatchObject({ final: 0 });
    expect(current.counts.self_assessment).toBeGreaterThan(0);
    expect(current.counts.under_review).toBeGreaterThan(0);
    expect(current.counts.published).toBeGreaterThan(0);
    const board = await ok<RatingBoard>(admin, 'GET', `/rating-campaigns/${last.id}`);
    for (const q of board.quotas) expect(q.used).toBeLessThanOrEqual(q.allowed);
    expect(board.distribution.find((d) => d.stars === 5)!.final).toBeGreaterThan(0);
    const changes = await queryRows<{ change: string; kind: string }>(
      t.database.db,
      sql`select distinct change, kind from org_star_history where year = ${thisYear - 1}`,
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        { change: 'up', kind: 'rating' },
        { change: 'down', kind: 'rating' },
        { change: 'down', kind: 'adjustment' },
      ]),
    );
  });

  it('computes indicators from the data and says why', async () => {
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from org_ratings where org_id = ${orgs.branchA.id} and year = ${thisYear}`,
    );
    const d = await ok<OrgRatingDetail>(admin, 'GET', `/org-ratings/${row!.id}`);
    const byCode = new Map(d.indicators.map((i) => [i.indicator.code, i]));
    // Attendance: present over expected for the branch's members at meetings held this year, checked independently.
    const [c] = await queryRows<{ expected: number; present: number }>(
      t.database.db,
      sql`select count(*)::int as expected, count(a.member_id)::int as present
        from meeting_participants p join meetings m on m.id = p.meeting_id
        left join meeting_attendance a on a.meeting_id = p.meeting_id and a.member_id = p.member_id
        where p.org_id = ${orgs.branchA.id} and m.status <> 'cancelled' and m.ends_at <= now()
          and m.starts_at >= ${`${thisYear}-01-01T00:00:00+08:00`}::timestamptz`,
    );
    const team = byCode.get('team')!.computed!;
    expect(c!.expected).toBeGreaterThan(0);
    expect(team.value).toBeCloseTo(c!.present / c!.expected, 6);
    expect(team.whyZh).toContain(`应到 ${c!.expected} 人次，实到 ${c!.present} 人次`);
    expect(team.points).toBe(Math.round(Math.min(1, Math.max(0, (team.value! - 0.6) / 0.35)) * 150) / 10);
    expect(byCode.get('systems')!.computed!.whyZh).toContain('三会一课完成率');
    expect(byCode.get('leadership')!.computed!.whyZh).toContain('在任期内');
    expect(byCode.get('performance')!.computed).toMatchObject({ value: null, points: null });
    expect(byCode.get('performance')!.computed!.whyZh).toContain('手工评分');
    expect(byCode.get('venue')!.computed).toBeNull();
  });

  it('takes average points and satisfaction through the pluggable sources', async () => {
    const repo = createOrgRatingRepository(t.database.db);
    const five = (await repo.schemes()).find((s) => s.code === 'five_star')!;
    const org = (await repo.org(orgs.branchA.id))!;
    const figures = await computeOrgFigures({
      db: t.database.db,
      sources: {
        averagePoints: async (_db, path, year) => (path === org.path && year === thisYear ? 84 : null),
        secretarySatisfaction: async () => 0.9,
      },
      orgs: [org],
      rootOrgId: org.id,
      rootPath: org.path,
      years: [thisYear],
      now: new Date(),
      needed: new Set(['member_points', 'secretary_satisfaction']),
      vetoSources: new Set(),
    });
    const m = figures.get(org.id)!.metrics;
    expect(m.get('member_points')!.value).toBe(84);
    const performance = pointsOf(five.indicators.find((i) => i.code === 'performance')!, m.get('member_points'));
    expect(performance!.points).toBe(12); // 60 → 0, 90 → 15: 84 is 80% of the way
    expect(performance!.whyZh).toContain('党员平均积分 84.0');
    const masses = pointsOf(five.indicators.find((i) => i.code === 'masses')!, m.get('secretary_satisfaction'));
    expect(masses!.points).toBe(13.3); // 50% → 0, 95% → 15
  });

  it('finalizes no more ★5 than the quota allows, even when asked at the same time', async () => {
    const campaign = await ok<RatingCampaign>(
      admin,
      'POST',
      '/rating-campaigns',
      { year: 2022, rootOrgId: orgs.xingguang.id, schemeId: scheme.id },
      201,
    );
    const board = await ok<RatingBoard>(admin, 'GET', `/rating-campaigns/${campaign.id}`);
    const ids = board.ratings.map((r) => r.id);
    const allowed5 = starQuotaAllowance(ids.length, 20);
    const allowed4 = starQuotaAllowance(ids.length, 40);
    const fives = ids.slice(0, allowed5 + 2);
    await publishAs(fives, 5);
    const results = await Promise.all(fives.map((id) => req(admin, 'POST', `/org-ratings/${id}/finalize`)));
    const passed = results.filter((r) => r.statusCode === 200);
    const refused = results.filter((r) => r.statusCode !== 200);
    expect(passed).toHaveLength(allowed5);
    for (const r of refused) {
      const e = expectErrorShape(r, 409, 'RATING_QUOTA_EXCEEDED');
      expect(e.message).toContain('5星不超过20%');
      expect(e.message).toContain(`最多 ${allowed5} 个`);
    }
    const [finals] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from org_ratings where campaign_id = ${campaign.id} and state = 'final' and stars = 5`,
    );
    expect(finals!.n).toBe(allowed5);
    // The refused ones go back to review; a batch that would break the ★4 quota finalizes nothing.
    const refusedIds = fives.filter((_, i) => results[i]!.statusCode !== 200);
    for (const id of refusedIds) await ok(admin, 'POST', `/org-ratings/${id}/reopen`, { reason: '超出五星名额' });
    const fours = ids.slice(fives.length, fives.length + allowed4 + 1);
    await publishAs(fours, 4);
    const batch = await req(admin, 'POST', `/rating-campaigns/${campaign.id}/finalize`);
    expect(expectErrorShape(batch, 409, 'RATING_QUOTA_EXCEEDED').message).toContain('4星不超过40%');
    for (const id of fours) expect(await stateOf(id)).toBe('published');
    await ok(admin, 'POST', `/org-ratings/${fours.at(-1)}/reopen`, { reason: '超出四星名额' });
    const done = await ok<{ finalized: number; waiting: unknown[] }>(
      admin,
      'POST',
      `/rating-campaigns/${campaign.id}/finalize`,
    );
    expect(done).toEqual({ finalized: allowed4, waiting: [] });
    const usage = (await ok<RatingBoard>(admin, 'GET', `/rating-campaigns/${campaign.id}`)).quotas;
    expect(usage).toEqual([
      { stars: 5, maxPercent: 20, allowed: allowed5, used: allowed5, pending: 0 },
      { stars: 4, maxPercent: 40, allowed: allowed4, used: allowed4, pending: 0 },
    ]);
    // Raising a final rating is held to the quota too; lowering is recorded as a down-grade.
    const adjustUp = await req(admin, 'POST', `/org-ratings/${fours[0]}/adjust`, { stars: 5, reason: '获市级表彰' });
    expectErrorShape(adjustUp, 409, 'RATING_QUOTA_EXCEEDED');
    const down = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${fours[0]}/adjust`, {
      stars: 3,
      reason: '组织生活不正常',
    });
    expect(down.stars).toBe(3);
    expect(down.history.find((h) => h.year === 2022 && h.kind === 'adjustment')).toMatchObject({
      kind: 'adjustment',
      stars: 3,
      previousStars: 4,
      change: 'down',
      reason: '组织生活不正常',
    });
  });

  it('records an up- or down-grade against the previous year, and keeps the history per branch', async () => {
    const history = await ok<OrgStarHistory>(xingguang, 'GET', `/orgs/${orgs.branchA.id}/star-history`);
    const lastYear = history.entries.find((e) => e.year === thisYear - 1)!;
    const prev = lastYear.stars ?? 0;
    const stars = prev <= 2 ? prev + 1 : 3;
    const campaign = await ok<RatingCampaign>(
      admin,
      'POST',
      '/rating-campaigns',
      { year: thisYear + 1, rootOrgId: orgs.branchA.id, schemeId: scheme.id },
      201,
    );
    const [r] = (await ok<RatingBoard>(admin, 'GET', `/rating-campaigns/${campaign.id}`)).ratings;
    await publishAs([r!.id], stars);
    const final = await ok<OrgRatingDetail>(xingguang, 'POST', `/org-ratings/${r!.id}/finalize`);
    const change = stars > prev ? 'up' : stars < prev ? 'down' : 'same';
    expect(final).toMatchObject({ previousStars: lastYear.stars, change });
    const after = await ok<OrgStarHistory>(xingguang, 'GET', `/orgs/${orgs.branchA.id}/star-history`);
    expect(after.entries[0]).toMatchObject({
      year: thisYear + 1,
      kind: 'rating',
      stars,
      previousStars: lastYear.stars,
      change,
    });
    expect(after.entries.map((e) => e.year)).toEqual(
      expect.arrayContaining([thisYear - 2, thisYear - 1, thisYear + 1]),
    );
  });

  it('detects a year without activity as a veto, caps the stars, and clears it when activity appears', async () => {
    const org = await ok<{ id: string; path: string }>(
      admin,
      'POST',
      '/orgs',
      {
        parentId: orgs.xingguang.id,
        type: 'branch',
        domain: 'private_enterprise',
        name: '星光集团测试党支部',
        foundedOn: '2020-03-01',
      },
      201,
    );
    await ok(admin, 'POST', '/rating-campaigns', { year: thisYear, rootOrgId: org.id }, 201);
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from org_ratings where org_id = ${org.id}`,
    );
    const id = row!.id;
    let d = await ok<OrgRatingDetail>(admin, 'GET', `/org-ratings/${id}`);
    expect(d.vetoed).toBe(true);
    expect(d.vetoes).toEqual([
      expect.objectContaining({
        code: 'no_activity',
        computed: true,
        reason: expect.stringContaining('一年以上没有组织活动记录'),
      }),
    ]);
    expect(d.indicators.find((i) => i.indicator.code === 'leadership')!.computed).toMatchObject({ value: null });
    // Full marks by hand, evidence where asked, an adjustment of a computed indicator with its reason.
    const scores = d.indicators.map((i) =>
      i.computed?.points != null
        ? { indicatorId: i.indicator.id, adjustment: 5, reason: '线下活动记录已补' }
        : { indicatorId: i.indicator.id, points: i.indicator.maxPoints },
    );
    const noReason = await req(xingguang, 'PUT', `/org-ratings/${id}/self-assessment`, {
      scores: scores.map((s) => ('adjustment' in s ? { ...s, reason: null } : s)),
    });
    expect(expectErrorShape(noReason, 400).details).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^body\.scores\.\d+\.reason$/) }),
    ]);
    await ok(xingguang, 'PUT', `/org-ratings/${id}/self-assessment`, {
      scores,
      hasInnovation: true,
      innovationNote: '“红色引擎”项目',
    });
    for (const i of d.indicators.filter((x) => x.indicator.evidenceRequired)) {
      const up = await t.request(xingguang, {
        method: 'POST',
        url: `/api/v1/org-ratings/${id}/evidence`,
        ...multipart({ indicatorId: i.indicator.id }, { name: `${i.indicator.nameZh}.pdf`, bytes: PDF }),
      });
      expect(up.statusCode, up.body).toBe(201);
    }
    await ok(xingguang, 'POST', `/org-ratings/${id}/submit`);
    await ok(admin, 'POST', `/org-ratings/${id}/review/submit`, { scores });
    d = await ok<OrgRatingDetail>(admin, 'GET', `/org-ratings/${id}`);
    expect(d.preview).toMatchObject({ stars: 1, reasons: ['veto'] });
    expect(d.preview!.score).toBeGreaterThanOrEqual(90);
    // A meeting held last month: recomputing clears the computed veto by itself.
    const start = new Date(Date.now() - 20 * 86_400_000);
    const mid = crypto.randomUUID();
    await t.database.db.insert(meetings).values({
      id: mid,
      orgId: org.id,
      orgPath: org.path,
      title: '支委会',
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      participantSpec: { orgIds: [], groupIds: [], memberIds: [] },
      checkinSecret: 'x',
      checkinOpensAt: start,
      checkinClosesAt: new Date(start.getTime() + 3_600_000),
      lateAfter: start,
    });
    await t.database.db.insert(meetingTypes).values({ meetingId: mid, typeCode: 'committee_meeting' });
    d = await ok<OrgRatingDetail>(xingguang, 'POST', `/org-ratings/${id}/recompute`);
    expect(d.vetoed).toBe(false);
    expect(d.vetoes[0]).toMatchObject({ code: 'no_activity', clearedReason: '重新计算后不再触发' });
    expect(d.preview).toMatchObject({ stars: 5, reasons: [] });
  });
});
