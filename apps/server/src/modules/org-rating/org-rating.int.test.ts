import type { OrgRatingDetail, RatingBoard, RatingCampaign, RatingScheme } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createUser, expectErrorShape, loadOrgs } from '../../../test/support/fixtures.js';
import { closeWindow, multipart, PDF, plainScheme } from '../../../test/support/org-rating.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

describe('党组织星级评定 (org rating): workflow, reviewers, scope', () => {
  let t: TestApp;
  let admin: Session;
  let xingguang: Session;
  let secretary: Session;
  let leader: Session;
  let member: Session;
  let orgs: Awaited<ReturnType<typeof loadOrgs>>;
  let scheme: RatingScheme;
  let campaign: RatingCampaign;
  /** Ratings of the test campaign over 星光集团 by organization name. */
  let byName: Map<string, string>;

  const req = (s: Session, method: Method, url: string, payload?: object) =>
    t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  const ok = async <T>(s: Session, method: Method, url: string, payload?: object, status = 200) => {
    const res = await req(s, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
    return res.json() as T;
  };
  const rating = (id: string, s = admin) => ok<OrgRatingDetail>(s, 'GET', `/org-ratings/${id}`);
  const ind = (d: OrgRatingDetail, code: string) => d.indicators.find((i) => i.indicator.code === code)!.indicator.id;
  const fullScores = (d: OrgRatingDetail, p: Record<string, number>) =>
    Object.entries(p).map(([code, points]) => ({ indicatorId: ind(d, code), points }));

  /** Self-assessment with evidence and submission, as the given manager of the organization. */
  async function selfAssess(s: Session, id: string, points: Record<string, number>) {
    const d = await rating(id);
    await ok(s, 'PUT', `/org-ratings/${id}/self-assessment`, { scores: fullScores(d, points) });
    const up = await t.request(s, {
      method: 'POST',
      url: `/api/v1/org-ratings/${id}/evidence`,
      ...multipart({ indicatorId: ind(d, 'b') }, { name: '阵地照片.pdf', bytes: PDF }),
    });
    expect(up.statusCode, up.body).toBe(201);
    return ok<OrgRatingDetail>(s, 'POST', `/org-ratings/${id}/submit`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    [admin, xingguang, secretary, leader, member] = await Promise.all(
      ['admin', 'xingguang', 'secretary', 'leader', 'member'].map((u) => t.login(u)),
    );
    orgs = await loadOrgs(t, admin);
    scheme = await ok<RatingScheme>(admin, 'POST', '/rating-schemes', plainScheme('test_plain'), 201);
    campaign = await ok<RatingCampaign>(
      xingguang,
      'POST',
      '/rating-campaigns',
      { year: 2023, rootOrgId: orgs.xingguang.id, schemeId: scheme.id },
      201,
    );
    const board = await ok<RatingBoard>(xingguang, 'GET', `/rating-campaigns/${campaign.id}`);
    byName = new Map(board.ratings.map((r) => [r.orgName, r.id]));
  });
  afterAll(async () => t?.close());

  it('opens a campaign for every applicable branch of the subtree, once a year', async () => {
    expect(campaign.counts.total).toBe(byName.size);
    expect(byName.size).toBeGreaterThanOrEqual(10);
    expect(byName.has(orgs.branchA.name)).toBe(true);
    expect([...byName.keys()].every((n) => n.startsWith('星光集团'))).toBe(true);
    // The same organizations again in the same year: refused, naming them.
    const again = await req(admin, 'POST', '/rating-campaigns', {
      year: 2023,
      rootOrgId: orgs.branchA.id,
      schemeId: scheme.id,
    });
    expect(expectErrorShape(again, 409, 'CONFLICT').message).toContain(orgs.branchA.name);
    // A branch admin cannot open a campaign above their branch.
    expectErrorShape(
      await req(secretary, 'POST', '/rating-campaigns', { year: 2022, rootOrgId: orgs.xingguang.id }),
      404,
      'NOT_FOUND',
    );
  });

  it('keeps a branch admin to their own branch: other ratings are not found, in lists too', async () => {
    const board = await ok<RatingBoard>(secretary, 'GET', `/rating-campaigns/${campaign.id}`);
    expect(board.ratings.map((r) => r.orgName)).toEqual([orgs.branchA.name]);
    expect(board.canManage).toBe(false);
    expect(board.quotas).toEqual([]);
    const sibling = byName.get(orgs.siblingOfA.name)!;
    for (const [method, url, payload] of [
      ['GET', `/org-ratings/${sibling}`, undefined],
      ['PUT', `/org-ratings/${sibling}/self-assessment`, { scores: [] }],
      ['POST', `/org-ratings/${sibling}/submit`, undefined],
      ['GET', `/orgs/${orgs.siblingOfA.id}/star-history`, undefined],
    ] as const)
      expectErrorShape(await req(secretary, method, url, payload), 404, 'NOT_FOUND');
    // Another group's campaign is not there at all for the 星光 admin.
    const other = await ok<RatingCampaign>(
      admin,
      'POST',
      '/rating-campaigns',
      { year: 2023, rootOrgId: orgs.shuangxin.id, schemeId: scheme.id },
      201,
    );
    expectErrorShape(await req(xingguang, 'GET', `/rating-campaigns/${other.id}`), 404, 'NOT_FOUND');
    const list = await ok<{ data: RatingCampaign[] }>(xingguang, 'GET', '/rating-campaigns?year=2023');
    expect(list.data.map((c) => c.id)).toEqual([campaign.id]);
    const exported = await req(secretary, 'GET', `/rating-campaigns/${campaign.id}/export`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(String(ws.getRow(3).getCell(2).value)).toBe(orgs.branchA.name);
    expect((ws.getRow(2).values as unknown[]).join('|')).toContain('阵地建设（30）');
  });

  it('refuses each step in the wrong state with an error naming the state', async () => {
    const id = byName.get(orgs.branchA.name)!;
    for (const [url, payload] of [
      [`/org-ratings/${id}/publish`, {}],
      [`/org-ratings/${id}/finalize`, undefined],
      [`/org-ratings/${id}/reopen`, { reason: '探针' }],
      [`/org-ratings/${id}/objections`, { text: '探针' }],
      [`/org-ratings/${id}/adjust`, { stars: 3, reason: '探针' }],
    ] as const) {
      const res = await t.request(xingguang, {
        method: 'POST',
        url: `/api/v1${url}`,
        headers: { 'accept-language': 'zh-CN' },
        ...(payload ? { payload } : {}),
      });
      expect(expectErrorShape(res, 409, 'RATING_STATE').message).toContain('自评中');
    }
    const review = await req(xingguang, 'PUT', `/org-ratings/${id}/review`, { scores: [] });
    expectErrorShape(review, 409, 'RATING_STATE');
  });

  it('checks a self-assessment: missing points, computed indicators, evidence', async () => {
    const id = byName.get(orgs.branchA.name)!;
    const d = await rating(id, secretary);
    expect(d.can.selfAssess).toBe(true);
    expect(d.can.review).toBe(false);
    expect(d.can.reviewRefusal).toBe('belongs');
    const missing = await req(secretary, 'POST', `/org-ratings/${id}/submit`);
    expect(expectErrorShape(missing, 400, 'VALIDATION_FAILED').details).toEqual([
      expect.objectContaining({ path: 'body.scores', message: expect.stringContaining('班子建设') }),
    ]);
    const tooMuch = await req(secretary, 'PUT', `/org-ratings/${id}/self-assessment`, {
      scores: [{ indicatorId: ind(d, 'a'), points: 41 }],
    });
    expect(expectErrorShape(tooMuch, 400).details).toEqual([expect.objectContaining({ path: 'body.scores.0.points' })]);
    const adjusting = await req(secretary, 'PUT', `/org-ratings/${id}/self-assessment`, {
      scores: [{ indicatorId: ind(d, 'a'), adjustment: 2 }],
    });
    expect(expectErrorShape(adjusting, 400).details).toEqual([
      expect.objectContaining({ path: 'body.scores.0.adjustment' }),
    ]);
    await ok(secretary, 'PUT', `/org-ratings/${id}/self-assessment`, {
      scores: fullScores(d, { a: 38, b: 28, c: 27, plus: 3 }),
    });
    const unproven = await req(secretary, 'POST', `/org-ratings/${id}/submit`);
    expect(JSON.stringify(expectErrorShape(unproven, 400).details)).toContain('阵地建设');
    const submitted = await selfAssess(secretary, id, { a: 38, b: 28, c: 27, plus: 3 });
    expect(submitted.state).toBe('under_review');
    // The total stops at the base (100) because the scheme allows no bonus beyond it.
    expect(submitted.selfTotals).toEqual({ core: 93, bonus: 3, total: 96 });
    expect(submitted.selfScore).toBe(96);
  });

  it('excludes reviewers who belong to the rated organization, and non-superiors, server-side', async () => {
    const a = byName.get(orgs.branchA.name)!;
    // The branch's own admin (and member of it) may not review or decide.
    const own = await req(secretary, 'PUT', `/org-ratings/${a}/review`, { scores: [] });
    expect(expectErrorShape(own, 409, 'RATING_REVIEWER_EXCLUDED').message).toMatch(/回避|stand aside/);
    expectErrorShape(await req(secretary, 'POST', `/org-ratings/${a}/publish`, {}), 409, 'RATING_REVIEWER_EXCLUDED');
    // 星光 admin is a member of its 机关 branch: excluded there, even though they manage 星光.
    const jiguan = byName.get('星光集团机关党支部')!;
    await selfAssess(xingguang, jiguan, { a: 30, b: 20, c: 20, plus: 0 });
    const ownBranch = await req(xingguang, 'PUT', `/org-ratings/${jiguan}/review`, { scores: [] });
    expectErrorShape(ownBranch, 409, 'RATING_REVIEWER_EXCLUDED');
    // Assignments: someone granted on the branch is refused; someone with no superior role too.
    const grantedOnA = await createUser(t, admin, {
      username: 'rating_granted_a',
      roles: [
        { role: 'org_admin', orgId: orgs.xingguang.id },
        { role: 'member', orgId: orgs.branchA.id },
      ],
    });
    const assign = await req(xingguang, 'POST', `/org-ratings/${a}/reviewers`, { userId: grantedOnA });
    expect(expectErrorShape(assign, 409, 'RATING_REVIEWER_EXCLUDED').message).toContain('rating_granted_a');
    const secretaryId = (
      await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'secretary'`)
    )[0]!.id;
    const notSuperior = await req(xingguang, 'POST', `/org-ratings/${byName.get(orgs.siblingOfA.name)}/reviewers`, {
      userId: secretaryId,
    });
    expectErrorShape(notSuperior, 409, 'RATING_REVIEWER_EXCLUDED');
    // Candidates never list anyone belonging to the branch.
    const candidates = await ok<{ username: string }[]>(xingguang, 'GET', `/org-ratings/${a}/reviewer-candidates`);
    expect(candidates.map((c) => c.username)).toEqual(expect.arrayContaining(['admin', 'xingguang']));
    expect(candidates.map((c) => c.username)).not.toContain('rating_granted_a');
    const forJiguan = await ok<{ username: string }[]>(admin, 'GET', `/org-ratings/${jiguan}/reviewer-candidates`);
    expect(forJiguan.map((c) => c.username)).not.toContain('xingguang');
  });

  it('reviews, publishes with an objection window, and finalizes once objections are answered', async () => {
    const a = byName.get(orgs.branchA.name)!;
    let d = await rating(a);
    // The admin is assigned; the 星光 admin reviews without being assigned and becomes a reviewer.
    await ok(xingguang, 'POST', `/org-ratings/${a}/reviewers`, {
      userId: (await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = 'admin'`))[0]!
        .id,
    });
    await ok(xingguang, 'PUT', `/org-ratings/${a}/review`, { scores: fullScores(d, { a: 36, b: 26, c: 25, plus: 2 }) });
    // The rated side does not see the review before publication.
    const asBranch = await rating(a, secretary);
    expect(asBranch.reviewScore).toBeNull();
    expect(asBranch.indicators.every((i) => i.reviews.length === 0 && i.reviewMean === null)).toBe(true);
    await ok(xingguang, 'POST', `/org-ratings/${a}/review/submit`, { scores: [] });
    const pending = await req(xingguang, 'POST', `/org-ratings/${a}/publish`, {});
    expect(expectErrorShape(pending, 409, 'CONFLICT').message).toContain('王建华');
    await ok(admin, 'POST', `/org-ratings/${a}/review/submit`, {
      scores: fullScores(d, { a: 38, b: 28, c: 29, plus: 0 }),
    });
    // Means: a 37, b 27, c 27, bonus 1 → 92: ★5 by the rules; the quota asks for ★4, lowered with a reason.
    expectErrorShape(await req(xingguang, 'POST', `/org-ratings/${a}/publish`, { stars: 4 }), 400);
    const up = await req(xingguang, 'POST', `/org-ratings/${a}/publish`, { stars: 5 });
    expect(up.statusCode, up.body).toBe(200);
    d = up.json();
    expect(d).toMatchObject({ state: 'published', score: 92, stars: 5, ruleStars: 5 });
    expect(new Date(d.objectionDeadline!).getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    // Now the branch sees the result per indicator, and objects.
    const seen = await rating(a, secretary);
    expect(seen.indicators.find((i) => i.indicator.code === 'a')!.reviewMean).toBe(37);
    expect(seen.can.object).toBe(true);
    const objected = await ok<OrgRatingDetail>(secretary, 'POST', `/org-ratings/${a}/objections`, {
      text: '阵地建设得分偏低',
    });
    const objectionId = objected.objections[0]!.id;
    const early = await req(xingguang, 'POST', `/org-ratings/${a}/finalize`);
    expect(expectErrorShape(early, 409, 'RATING_STATE').message).toMatch(/公示期|Publication/);
    await closeWindow(t, [a]);
    expectErrorShape(
      await req(secretary, 'POST', `/org-ratings/${a}/objections`, { text: '再提' }),
      409,
      'RATING_STATE',
    );
    const open = await req(xingguang, 'POST', `/org-ratings/${a}/finalize`);
    expect(expectErrorShape(open, 409, 'RATING_STATE').message).toContain('异议');
    expectErrorShape(
      await req(secretary, 'POST', `/org-ratings/${a}/objections/answer`, {
        objectionId,
        outcome: 'dismissed',
        answer: 'x',
      }),
      409,
      'RATING_REVIEWER_EXCLUDED',
    );
    await ok(xingguang, 'POST', `/org-ratings/${a}/objections/answer`, {
      objectionId,
      outcome: 'dismissed',
      answer: '经复核，阵地建设得分无误',
    });
    const before = await auditCount(t);
    const final = await ok<OrgRatingDetail>(xingguang, 'POST', `/org-ratings/${a}/finalize`);
    expect(await auditCount(t)).toBeGreaterThan(before);
    expect(final).toMatchObject({ state: 'final', stars: 5 });
    expect(final.history.find((h) => h.year === 2023)).toMatchObject({ kind: 'rating', stars: 5, change: 'new' });
    expect(final.objections[0]).toMatchObject({ outcome: 'dismissed', answeredByName: '李志强' });
  });

  it('sends a rating back to review when an objection is upheld, and back to the branch when returned', async () => {
    const id = byName.get(orgs.siblingOfA.name)!;
    await selfAssess(xingguang, id, { a: 30, b: 25, c: 20, plus: 0 });
    const returned = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${id}/return`, { reason: '佐证材料不全' });
    expect(returned).toMatchObject({ state: 'self_assessment', returnedReason: '佐证材料不全' });
    await ok(xingguang, 'POST', `/org-ratings/${id}/submit`);
    const d = await rating(id);
    await ok(admin, 'POST', `/org-ratings/${id}/review/submit`, {
      scores: fullScores(d, { a: 30, b: 25, c: 20, plus: 0 }),
    });
    const published = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${id}/publish`, {});
    expect(published).toMatchObject({ state: 'published', score: 75, stars: 3 });
    const objected = await ok<OrgRatingDetail>(xingguang, 'POST', `/org-ratings/${id}/objections`, {
      text: '漏计表彰',
    });
    const back = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${id}/objections/answer`, {
      objectionId: objected.objections[0]!.id,
      outcome: 'upheld',
      answer: '情况属实，重新审核',
    });
    expect(back.state).toBe('under_review');
    expect(back.reviewerList[0]!.submittedAt).toBeNull();
    expect(back.objectionDeadline).toBeNull();
  });

  it('caps the stars of a vetoed organization at the veto result (here: not rated)', async () => {
    const id = byName.get('星光集团发电厂党支部')!;
    await selfAssess(xingguang, id, { a: 40, b: 30, c: 30, plus: 5 });
    const d = await rating(id);
    const veto = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${id}/vetoes`, {
      ruleId: d.scheme.vetoRules[0]!.id,
      reason: '支部书记受到党内严重警告处分',
    });
    expect(veto.vetoed).toBe(true);
    expect(veto.vetoes[0]).toMatchObject({ code: 'discipline', computed: false, recordedByName: '王建华' });
    await ok(admin, 'POST', `/org-ratings/${id}/review/submit`, {
      scores: fullScores(d, { a: 40, b: 30, c: 30, plus: 5 }),
    });
    expect((await rating(id)).preview).toEqual({ score: 100, stars: null, reasons: ['veto'] });
    const published = await ok<OrgRatingDetail>(admin, 'POST', `/org-ratings/${id}/publish`, {});
    expect(published).toMatchObject({ score: 100, stars: null, ruleStars: null, vetoed: true, starsReasons: ['veto'] });
  });

  it('versions schemes: one in use never changes, a new version does until used', async () => {
    const fiveStar = (await ok<RatingScheme[]>(leader, 'GET', '/rating-schemes')).find((s) => s.code === 'five_star')!;
    expect(fiveStar).toMatchObject({ version: 1, inUse: true, state: 'current', baseMax: 100, maxScore: 110 });
    expect(fiveStar.indicators).toHaveLength(8);
    expectErrorShape(
      await req(admin, 'PATCH', `/rating-schemes/${fiveStar.id}`, { publicationDays: 7 }),
      409,
      'CONFLICT',
    );
    expectErrorShape(
      await req(xingguang, 'PATCH', `/rating-schemes/${fiveStar.id}`, { publicationDays: 7 }),
      403,
      'FORBIDDEN',
    );
    const { id: _id, version: _v, state: _s, inUse: _u, baseMax: _b, maxScore: _m, updatedAt: _t, ...rest } = fiveStar;
    const next = await ok<RatingScheme>(
      admin,
      'POST',
      '/rating-schemes',
      {
        ...rest,
        effectiveFrom: '2099-01-01',
        indicators: rest.indicators.map(({ id: _i, sortOrder: _o, ...i }) => i),
        vetoRules: rest.vetoRules.map(({ id: _i, sortOrder: _o, ...v }) => v),
      },
      201,
    );
    expect(next).toMatchObject({ code: 'five_star', version: 2, state: 'scheduled', inUse: false });
    const changed = await ok<RatingScheme>(admin, 'PATCH', `/rating-schemes/${next.id}`, { publicationDays: 7 });
    expect(changed.publicationDays).toBe(7);
    const bad = await req(admin, 'PATCH', `/rating-schemes/${next.id}`, {
      thresholds: [
        { stars: 5, minScore: 70 },
        { stars: 4, minScore: 80 },
      ],
    });
    expect(expectErrorShape(bad, 400).details).toEqual([expect.objectContaining({ path: 'body.thresholds' })]);
  });

  it('shows the member their branch’s stars and history on H5, read-only', async () => {
    const mine = await ok<{
      orgName: string;
      current: { year: number; stars: number | null } | null;
      history: { year: number }[];
    }>(member, 'GET', '/me/org-rating');
    expect(mine.orgName).toBe(orgs.branchA.name);
    expect(mine.current?.year).toBeGreaterThanOrEqual(2023);
    expect(mine.history.map((h) => h.year)).toEqual(expect.arrayContaining([2023]));
    expectErrorShape(await req(member, 'GET', `/org-ratings/${byName.get(orgs.branchA.name)}`), 403, 'FORBIDDEN');
  });
});
