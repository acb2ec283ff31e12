import { ratingRound } from '@red-engine/shared';
import type { OrgFacts, SchemeFull } from '../../modules/org-rating/org-rating.repository.js';
import type { Tx } from '../client.js';
import {
  orgRatingEvidence,
  orgRatingObjections,
  orgRatingReviewers,
  orgRatingScores,
  orgRatings,
  orgRatingVetoes,
  orgStarHistory,
  type ratingCampaigns,
} from '../schema/index.js';
import type { Random } from './random.js';

/** Shared pieces of the star rating demo (seed-org-ratings.ts, seed-org-ratings-current.ts). */

export type Account = { id: string; displayName: string };
export type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Three small evidence files (PDF), stored once and named by many ratings. */
export const EVIDENCE = {
  venue: '党员活动室建设情况（含照片）.pdf',
  support: '党建工作经费及党务工作者配备台账.pdf',
  bonus: '上级表彰文件及党建创新项目材料.pdf',
} as const;

export function pdf(title: string) {
  return Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** Points per indicator around an organization's quality; bonus points for the best, innovation for some of them. */
export function scoresFor(rnd: Random, scheme: SchemeFull, q: number) {
  const points = new Map<string, number>();
  for (const i of scheme.indicators) {
    if (i.kind === 'bonus') {
      points.set(i.code, q > 0.8 ? ratingRound(Math.min(i.maxPoints, (q - 0.78) * 40 * rnd.next() + 1)) : 0);
      continue;
    }
    const f = Math.min(1, Math.max(0.3, q + (rnd.next() - 0.5) * 0.14));
    points.set(i.code, Math.round(i.maxPoints * f * 2) / 2);
  }
  return { points, hasInnovation: q > 0.86 && rnd.next() < 0.75 };
}

export const withSelfBias = (rnd: Random, scheme: SchemeFull, review: Map<string, number>) =>
  new Map(
    scheme.indicators.map((i) => [i.code, Math.min(i.maxPoints, review.get(i.code)! + (rnd.next() < 0.4 ? 1 : 0))]),
  );

export type CampaignCtx = {
  scheme: SchemeFull;
  orgs: readonly OrgFacts[];
  year: number;
  root: { id: string; path: string };
  admin: Account;
  reviewers: Map<string, Account | null>;
  quality: Map<string, number>;
  today: string;
};

export function campaignRow(c: CampaignCtx, created: string) {
  return {
    id: crypto.randomUUID(),
    year: c.year,
    name: `${c.year}年度党组织星级评定（五星创评）`,
    schemeId: c.scheme.id,
    rootOrgId: c.root.id,
    rootPath: c.root.path,
    selfDueOn: addDays(created, 20),
    reviewDueOn: addDays(created, 45),
    createdById: c.admin.id,
    createdByName: c.admin.displayName,
    createdAt: at(created),
  } satisfies Insert<typeof ratingCampaigns>;
}

export function scoreRows(
  ratingId: string,
  scheme: SchemeFull,
  scorer: string,
  name: string | null,
  points: Map<string, number>,
  when: Date,
) {
  return scheme.indicators.map(
    (i): Insert<typeof orgRatingScores> => ({
      id: crypto.randomUUID(),
      ratingId,
      indicatorId: i.id,
      scorer,
      scorerName: name,
      points: points.get(i.code) ?? null,
      updatedAt: when,
    }),
  );
}

export async function insertAll(
  tx: Tx,
  rows: {
    ratings: Insert<typeof orgRatings>[];
    scores: Insert<typeof orgRatingScores>[];
    reviewerRows: Insert<typeof orgRatingReviewers>[];
    history?: Insert<typeof orgStarHistory>[];
    vetoes: Insert<typeof orgRatingVetoes>[];
    objections: Insert<typeof orgRatingObjections>[];
    evidence?: Insert<typeof orgRatingEvidence>[];
  },
) {
  const chunks = async <T>(values: T[], insert: (v: T[]) => Promise<unknown>) => {
    for (let i = 0; i < values.length; i += 500) await insert(values.slice(i, i + 500));
  };
  await chunks(rows.ratings, (v) => tx.insert(orgRatings).values(v));
  await chunks(rows.scores, (v) => tx.insert(orgRatingScores).values(v));
  await chunks(rows.reviewerRows, (v) => tx.insert(orgRatingReviewers).values(v));
  await chunks(rows.history ?? [], (v) => tx.insert(orgStarHistory).values(v));
  await chunks(rows.vetoes, (v) => tx.insert(orgRatingVetoes).values(v));
  await chunks(rows.objections, (v) => tx.insert(orgRatingObjections).values(v));
  await chunks(rows.evidence ?? [], (v) => tx.insert(orgRatingEvidence).values(v));
}
