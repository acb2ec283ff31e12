import { orgStarsFor, ratingObjectionDeadline, ratingRound, ratingTotalScore } from '@red-engine/shared';
import type { AuditRecorder } from '../../core/transaction.js';
import { figuresFor, freshRows } from '../../modules/org-rating/org-rating.compute.js';
import { indicatorRules, starRules } from '../../modules/org-rating/org-rating.scoring.js';
import { ratingSources } from '../../rating-sources.js';
import type { Db, Tx } from '../client.js';
import {
  type orgRatingEvidence,
  type orgRatingObjections,
  type orgRatingReviewers,
  type orgRatingScores,
  type orgRatings,
  type orgRatingVetoes,
  ratingCampaigns,
} from '../schema/index.js';
import type { Random } from './random.js';
import {
  addDays,
  at,
  type CampaignCtx,
  campaignRow,
  type EVIDENCE,
  type Insert,
  insertAll,
  scoresFor,
  withSelfBias,
} from './seed-org-ratings-plan.js';

/**
 * This year's campaign, opened three weeks ago: about half still in self-assessment (the 洗煤厂 branch among them,
 * half-filled), a third under review, the rest published — a few past their publication period, ready to finalize.
 */
export async function currentCampaign(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  c: CampaignCtx & { files: Record<keyof typeof EVIDENCE, { name: string; sha256: string; bytes: Buffer }> },
) {
  const { scheme, orgs } = c;
  const created = addDays(c.today, -22);
  const campaign = campaignRow(c, created);
  const now = at(c.today, '09:00');
  const figures = await figuresFor(
    { db: tx as unknown as Db, sources: ratingSources, now },
    { ...campaign },
    scheme,
    orgs,
  );
  const ratings: Insert<typeof orgRatings>[] = [];
  const scores: Insert<typeof orgRatingScores>[] = [];
  const reviewerRows: Insert<typeof orgRatingReviewers>[] = [];
  const vetoes: Insert<typeof orgRatingVetoes>[] = [];
  const objections: Insert<typeof orgRatingObjections>[] = [];
  const evidence: Insert<typeof orgRatingEvidence>[] = [];
  const rules = starRules(scheme);
  let objected = false;
  for (const [n, o] of orgs.entries()) {
    const id = crypto.randomUUID();
    const fresh = freshRows(id, scheme, figures.get(o.id), at(created));
    const computed = new Map(fresh.scores.map((s) => [s.indicatorId, s.points ?? null]));
    const planned = scoresFor(rnd, scheme, c.quality.get(o.id)!);
    // Computed indicators score what the data says (now and then adjusted); the others come from the plan.
    const review = new Map(
      scheme.indicators.map((i) => [i.code, computed.get(i.id) ?? planned.points.get(i.code)!] as [string, number]),
    );
    const self = withSelfBias(rnd, scheme, review);
    const roll = rnd.next();
    const isBranchA = o.name === '星光集团洗煤厂党支部';
    const state = isBranchA || roll < 0.45 ? 'self_assessment' : roll < 0.75 ? 'under_review' : 'published';
    const reviewer = c.reviewers.get(o.id);
    const vetoed = fresh.vetoes.length > 0;
    const row: Insert<typeof orgRatings> = {
      id,
      campaignId: campaign.id,
      year: c.year,
      orgId: o.id,
      orgPath: o.path,
      orgName: o.name,
      state,
      hasInnovation: planned.hasInnovation,
      innovationNote: planned.hasInnovation ? `“${o.name.replace(/党支部$/, '')}先锋工作室”党建创新项目` : null,
      vetoed,
      computedAt: at(created),
      createdAt: at(created),
    };
    scores.push(...fresh.scores);
    vetoes.push(...fresh.vetoes);
    const selfRows = (subset: number) =>
      scheme.indicators.slice(0, subset).map(
        (i): Insert<typeof orgRatingScores> => ({
          id: crypto.randomUUID(),
          ratingId: id,
          indicatorId: i.id,
          scorer: 'self',
          scorerName: '支部书记',
          points: self.get(i.code)!,
          adjustment: computed.get(i.id) != null ? ratingRound(self.get(i.code)! - computed.get(i.id)!) : null,
          reason:
            computed.get(i.id) != null && self.get(i.code) !== computed.get(i.id)
              ? '部分活动记录尚未录入系统，已补充纸质记录'
              : null,
          updatedAt: at(addDays(created, 5)),
        }),
      );
    if (state === 'self_assessment') {
      if (isBranchA || n % 2 === 0) scores.push(...selfRows(isBranchA ? 4 : scheme.indicators.length));
      ratings.push(row);
      continue;
    }
    scores.push(...selfRows(scheme.indicators.length));
    row.submittedAt = at(addDays(created, 10));
    row.selfScore = ratingTotalScore(indicatorRules(scheme), self, scheme).total;
    for (const [code, file] of [
      ['venue', c.files.venue],
      ['support', c.files.support],
      ['bonus', c.files.bonus],
    ] as const) {
      const ind = scheme.indicators.find((i) => i.code === code)!;
      if ((self.get(code) ?? 0) <= 0) continue;
      evidence.push({
        id: crypto.randomUUID(),
        ratingId: id,
        indicatorId: ind.id,
        fileName: file.name,
        sha256: file.sha256,
        size: file.bytes.length,
        contentType: 'application/pdf',
        uploadedByName: '支部书记',
        createdAt: at(addDays(created, 8)),
      });
    }
    const reviewed = state === 'published' || rnd.next() < 0.6;
    if (reviewer && reviewed) {
      const submitted = state === 'published' || rnd.next() < 0.5;
      scores.push(
        ...scheme.indicators.map(
          (i): Insert<typeof orgRatingScores> => ({
            id: crypto.randomUUID(),
            ratingId: id,
            indicatorId: i.id,
            scorer: reviewer.id,
            scorerName: reviewer.displayName,
            points: review.get(i.code)!,
            adjustment: computed.get(i.id) != null ? 0 : null,
            updatedAt: at(addDays(created, 15)),
          }),
        ),
      );
      reviewerRows.push({
        id: crypto.randomUUID(),
        ratingId: id,
        userId: reviewer.id,
        userName: reviewer.displayName,
        assignedById: c.admin.id,
        assignedAt: at(addDays(created, 11)),
        submittedAt: submitted ? at(addDays(created, 15)) : null,
        comment: submitted ? '经实地查看、查阅台账，情况属实' : null,
      });
      row.reviewScore = ratingTotalScore(indicatorRules(scheme), review, scheme).total;
    }
    if (state === 'published' && reviewer) {
      const total = row.reviewScore!;
      const r = orgStarsFor(total, rules, { hasInnovation: planned.hasInnovation, vetoed });
      const published = at(addDays(c.today, -(rnd.int(0, 3) + (n % 7 === 0 ? 6 : 0))), '16:00');
      Object.assign(row, {
        score: total,
        ruleStars: r.stars,
        stars: r.stars,
        starsReasons: r.reasons,
        publishedAt: published,
        objectionDeadline: ratingObjectionDeadline(published, scheme.publicationDays),
      });
      if (!objected && row.objectionDeadline! > now) {
        objected = true;
        objections.push({
          id: crypto.randomUUID(),
          ratingId: id,
          text: '“工作制度”一项中，本支部10月的支委会与党小组会合并召开，系统只计入一次，请予核实。',
          raisedByName: '支部书记',
          createdAt: at(addDays(c.today, -1), '11:20'),
        });
      }
    } else if (state === 'published') row.state = 'under_review';
    ratings.push(row);
  }
  await tx.insert(ratingCampaigns).values(campaign);
  await insertAll(tx, { ratings, scores, reviewerRows, vetoes, objections, evidence });
  audit.record({
    action: 'rating.seeded',
    entity: 'rating_campaign',
    entityId: campaign.id,
    orgPath: c.root.path,
    after: {
      year: c.year,
      ratings: ratings.length,
      self_assessment: ratings.filter((r) => r.state === 'self_assessment').length,
      under_review: ratings.filter((r) => r.state === 'under_review').length,
      published: ratings.filter((r) => r.state === 'published').length,
    },
    actor: { id: null, name: 'seed' },
  });
}
