import { createHash } from 'node:crypto';
import {
  orgStarsFor,
  ratingObjectionDeadline,
  ratingTotalScore,
  starChange,
  starQuotaAllowance,
} from '@red-engine/shared';
import type { AuditRecorder } from '../../core/transaction.js';
import { reviewerStanding } from '../../modules/org-rating/org-rating.policy.js';
import { createOrgRatingRepository, type OrgFacts } from '../../modules/org-rating/org-rating.repository.js';
import { indicatorRules, starRules } from '../../modules/org-rating/org-rating.scoring.js';
import type { Tx } from '../client.js';
import {
  type orgRatingObjections,
  type orgRatingReviewers,
  type orgRatingScores,
  type orgRatings,
  type orgRatingVetoes,
  type orgStarHistory,
  ratingCampaigns,
  storedFiles,
} from '../schema/index.js';
import type { Random } from './random.js';
import { currentCampaign } from './seed-org-ratings-current.js';
import {
  type Account,
  at,
  type CampaignCtx,
  campaignRow,
  EVIDENCE,
  type Insert,
  insertAll,
  pdf,
  scoreRows,
  scoresFor,
  withSelfBias,
} from './seed-org-ratings-plan.js';

/**
 * 党组织星级评定 demo: the zone's final ratings for the two years before this one (五星创评, quotas kept, with up-
 * and down-grades, one veto, one answered objection and one dynamic down-grade) and this year's campaign in
 * progress — self-assessment, review, publication — with the indicators computed from the demo's own data.
 * Bulk inserts; one audit event per campaign (`rating.seeded`).
 */
export async function seedOrgRatings(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { accounts: Map<string, Account>; root: { id: string; path: string }; today: string },
) {
  const repo = createOrgRatingRepository(tx);
  const [first] = (await repo.schemes(tx)).filter((s) => s.code === 'five_star');
  if (!first) return;
  const scheme = first;
  const orgs = await repo.applicableOrgs(opts.root.path, scheme.orgTypes, scheme.domains ?? null, tx);
  const year = Number(opts.today.slice(0, 4));
  const reviewers = await reviewersFor(repo, tx, opts.accounts, orgs);
  // Each organization keeps a quality from year to year, drifting a little.
  const quality = new Map(orgs.map((o) => [o.id, 0.5 + 0.45 * ((rnd.next() + rnd.next() + rnd.next()) / 3) + 0.06]));
  const files = Object.fromEntries(
    Object.entries(EVIDENCE).map(([k, name]) => {
      const bytes = pdf(name);
      return [k, { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') }];
    }),
  ) as Record<keyof typeof EVIDENCE, { name: string; bytes: Buffer; sha256: string }>;
  await tx
    .insert(storedFiles)
    .values(
      Object.values(files).map((f) => ({
        sha256: f.sha256,
        size: f.bytes.length,
        contentType: 'application/pdf',
        bytes: f.bytes,
      })),
    )
    .onConflictDoNothing();

  const previous = new Map<string, number | null>();
  for (const y of [year - 2, year - 1]) {
    for (const o of orgs)
      quality.set(o.id, Math.min(0.99, Math.max(0.45, quality.get(o.id)! + (rnd.next() - 0.45) * 0.08)));
    await pastCampaign(tx, audit, rnd, {
      scheme,
      orgs,
      year: y,
      root: opts.root,
      admin: opts.accounts.get('admin')!,
      reviewers,
      quality,
      previous,
      today: opts.today,
    });
  }
  await currentCampaign(tx, audit, rnd, {
    scheme,
    orgs,
    year,
    root: opts.root,
    admin: opts.accounts.get('admin')!,
    reviewers,
    quality,
    files,
    today: opts.today,
  });
}

/** The demo reviewer of each organization: the 星光 committee admin for its branches, the zone admin elsewhere — never someone belonging to it. */
async function reviewersFor(
  repo: ReturnType<typeof createOrgRatingRepository>,
  tx: Tx,
  accounts: Map<string, Account>,
  orgs: readonly OrgFacts[],
) {
  const people = [];
  for (const username of ['xingguang', 'admin']) {
    const a = accounts.get(username);
    if (!a) continue;
    const [grants, member] = await Promise.all([repo.grantsOf(a.id, tx), repo.memberPathOf(a.id, tx)]);
    people.push({ account: a, grants, memberPath: member?.org_path ?? null });
  }
  const out = new Map<string, Account | null>();
  for (const o of orgs) {
    const p = people.find(
      (x) =>
        reviewerStanding(o.path, {
          manageRoots: x.grants.map((g) => g.org_path),
          grantPaths: x.grants.map((g) => g.org_path),
          memberPath: x.memberPath,
        }) === 'ok',
    );
    out.set(o.id, p?.account ?? null);
  }
  return out;
}

/** A past year: every rating final, stars inside the quotas (the lowest ★5 / ★4 scores moved down at publication). */
async function pastCampaign(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  c: CampaignCtx & { previous: Map<string, number | null> },
) {
  const { scheme, orgs, year } = c;
  const campaign = campaignRow(c, `${year}-11-05`);
  const publishedAt = at(`${year + 1}-03-10`);
  const finalizedAt = at(`${year + 1}-03-20`, '15:00');
  const vetoed = orgs[Math.floor(rnd.next() * orgs.length)]!.id;
  const rules = starRules(scheme);
  const plans = orgs.map((o) => {
    const s = scoresFor(rnd, scheme, c.quality.get(o.id)!);
    const total = ratingTotalScore(indicatorRules(scheme), s.points, scheme).total;
    const veto = year === Number(c.today.slice(0, 4)) - 1 && o.id === vetoed;
    const r = orgStarsFor(total, rules, { hasInnovation: s.hasInnovation, vetoed: veto });
    return {
      o,
      ...s,
      total,
      veto,
      ruleStars: r.stars,
      stars: r.stars,
      reasons: r.reasons as string[],
      override: null as string | null,
    };
  });
  for (const q of [...scheme.quotas].sort((a, b) => b.stars - a.stars)) {
    const allowed = starQuotaAllowance(orgs.length, q.maxPercent);
    const holders = plans.filter((p) => p.stars === q.stars).sort((a, b) => b.total - a.total);
    for (const p of holders.slice(allowed)) {
      p.stars = q.stars - 1;
      p.reasons = [...p.reasons, 'override'];
      p.override = `按名额调整：${q.stars}星不超过${q.maxPercent}%，本组织得分排名在名额之外`;
    }
  }
  const ratings: Insert<typeof orgRatings>[] = [];
  const scores: Insert<typeof orgRatingScores>[] = [];
  const reviewerRows: Insert<typeof orgRatingReviewers>[] = [];
  const history: Insert<typeof orgStarHistory>[] = [];
  const vetoes: Insert<typeof orgRatingVetoes>[] = [];
  const objections: Insert<typeof orgRatingObjections>[] = [];
  const objected = plans.find((p) => p.override)?.o.id ?? plans[0]!.o.id;
  for (const p of plans) {
    const id = crypto.randomUUID();
    const prevKnown = c.previous.has(p.o.id);
    const prev = c.previous.get(p.o.id) ?? null;
    const change = starChange(prevKnown ? { stars: prev } : null, p.stars);
    const reviewer = c.reviewers.get(p.o.id);
    ratings.push({
      id,
      campaignId: campaign.id,
      year,
      orgId: p.o.id,
      orgPath: p.o.path,
      orgName: p.o.name,
      state: 'final',
      hasInnovation: p.hasInnovation,
      innovationNote: p.hasInnovation ? `“${p.o.name.replace(/党支部$/, '')}红色引擎”党建品牌创建项目` : null,
      selfScore: ratingTotalScore(indicatorRules(scheme), withSelfBias(rnd, scheme, p.points), scheme).total,
      reviewScore: p.total,
      score: p.total,
      ruleStars: p.ruleStars,
      stars: p.stars,
      starsReasons: p.reasons,
      overrideReason: p.override,
      vetoed: p.veto,
      previousStars: prevKnown ? prev : null,
      previousYear: prevKnown ? year - 1 : null,
      change,
      submittedAt: at(`${year}-11-25`),
      publishedAt,
      objectionDeadline: ratingObjectionDeadline(publishedAt, scheme.publicationDays),
      finalizedAt,
      finalizedById: c.admin.id,
      computedAt: at(`${year}-11-25`),
      createdAt: at(`${year}-11-05`),
    });
    scores.push(...scoreRows(id, scheme, 'self', '支部书记', withSelfBias(rnd, scheme, p.points), at(`${year}-11-25`)));
    if (reviewer) {
      scores.push(...scoreRows(id, scheme, reviewer.id, reviewer.displayName, p.points, at(`${year + 1}-03-05`)));
      reviewerRows.push({
        id: crypto.randomUUID(),
        ratingId: id,
        userId: reviewer.id,
        userName: reviewer.displayName,
        assignedById: c.admin.id,
        assignedAt: at(`${year}-12-01`),
        submittedAt: at(`${year + 1}-03-05`),
        comment:
          p.stars !== null && p.stars >= 4 ? '组织生活规范，作用发挥明显' : '基础工作较扎实，组织生活记录有待规范',
      });
    }
    if (p.veto)
      vetoes.push({
        id: crypto.randomUUID(),
        ratingId: id,
        vetoRuleId: scheme.vetoRules.find((v) => v.code === 'discipline')!.id,
        computed: false,
        reason: '支部委员因违反中央八项规定精神受到党内警告处分',
        recordedById: c.admin.id,
        recordedByName: c.admin.displayName,
        createdAt: at(`${year + 1}-03-02`),
      });
    if (p.o.id === objected)
      objections.push({
        id: crypto.randomUUID(),
        ratingId: id,
        text: '本支部全年三会一课均按时召开，党员活动室经改造已达标，认为星级偏低，申请复核。',
        raisedByName: '支部书记',
        createdAt: at(`${year + 1}-03-12`),
        outcome: 'dismissed',
        answer: '经复核，评审得分无误；按名额规定本次确定为现星级，来年继续努力。',
        answeredById: c.admin.id,
        answeredByName: c.admin.displayName,
        answeredAt: at(`${year + 1}-03-14`),
      });
    history.push({
      id: crypto.randomUUID(),
      orgId: p.o.id,
      orgPath: p.o.path,
      year,
      ratingId: id,
      kind: 'rating',
      stars: p.stars,
      previousStars: prevKnown ? prev : null,
      change,
      score: p.total,
      byId: c.admin.id,
      byName: c.admin.displayName,
      at: finalizedAt,
    });
    c.previous.set(p.o.id, p.stars);
  }
  // Last year: one ★4 branch moved down in the summer (动态调整).
  if (year === Number(c.today.slice(0, 4)) - 1) {
    const down = ratings.find((r) => r.stars === 4 && !r.vetoed);
    if (down) {
      down.stars = 3;
      history.push({
        id: crypto.randomUUID(),
        orgId: down.orgId,
        orgPath: down.orgPath,
        year,
        ratingId: down.id!,
        kind: 'adjustment',
        stars: 3,
        previousStars: 4,
        change: 'down',
        score: down.score ?? null,
        reason: '上半年支委会两次未按期召开、整改不到位，按星级动态管理规定降为三星',
        byId: c.admin.id,
        byName: c.admin.displayName,
        at: at(`${year + 1}-07-15`),
      });
      c.previous.set(down.orgId, 3);
    }
  }
  await tx.insert(ratingCampaigns).values(campaign);
  await insertAll(tx, { ratings, scores, reviewerRows, history, vetoes, objections });
  audit.record({
    action: 'rating.seeded',
    entity: 'rating_campaign',
    entityId: campaign.id,
    orgPath: c.root.path,
    after: { year, ratings: ratings.length, state: 'final' },
    actor: { id: null, name: 'seed' },
  });
}
