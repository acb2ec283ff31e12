import { indicatorPoints, type RatingCycle, ratingPeriodYears } from '@red-engine/shared';
import type { Db, DbOrTx } from '../../db/client.js';
import type { orgRatingScores, orgRatingVetoes } from '../../db/schema/index.js';
import type { OrgFacts, OrgRatingRepository, SchemeFull, ScoreRow, VetoRow } from './org-rating.repository.js';
import { COMPUTED } from './org-rating.scoring.js';
import { computeOrgFigures, type IndicatorSources, type OrgComputation, pointsOf } from './org-rating.sources.js';

const SYSTEM_CLEAR = '重新计算后不再触发';

/** The data-backed figures of a scheme's indicators and vetoes for some organizations of a campaign. */
export function figuresFor(
  deps: { db: Db; sources: IndicatorSources; now: Date },
  campaign: { year: number; rootOrgId: string; rootPath: string },
  scheme: SchemeFull,
  orgs: readonly OrgFacts[],
) {
  return computeOrgFigures({
    db: deps.db,
    sources: deps.sources,
    orgs,
    rootOrgId: campaign.rootOrgId,
    rootPath: campaign.rootPath,
    years: ratingPeriodYears(scheme.cycle as RatingCycle, campaign.year),
    now: deps.now,
    needed: new Set(scheme.indicators.map((i) => i.source).filter((s): s is string => !!s)),
    vetoSources: new Set(scheme.vetoRules.map((v) => v.source).filter((s): s is string => !!s)),
  });
}

/** Rows for a new rating: one computed score per data-backed indicator, one veto per hit. */
export function freshRows(ratingId: string, scheme: SchemeFull, comp: OrgComputation | undefined, now: Date) {
  const scores: (typeof orgRatingScores.$inferInsert)[] = [];
  const vetoes: (typeof orgRatingVetoes.$inferInsert)[] = [];
  if (!comp) return { scores, vetoes };
  for (const ind of scheme.indicators) {
    if (!ind.source) continue;
    const metric = comp.metrics.get(ind.source as never);
    const pts = pointsOf(ind, metric);
    scores.push({
      id: crypto.randomUUID(),
      ratingId,
      indicatorId: ind.id,
      scorer: COMPUTED,
      scorerName: null,
      value: metric?.value ?? null,
      points: pts?.points ?? null,
      detail: {
        whyZh: pts?.whyZh ?? metric?.whyZh ?? '',
        whyEn: pts?.whyEn ?? metric?.whyEn ?? '',
        facts: metric?.facts ?? {},
      },
      updatedAt: now,
    });
  }
  for (const rule of scheme.vetoRules) {
    const hit = rule.source ? comp.vetoes.find((v) => v.source === rule.source) : undefined;
    if (!hit) continue;
    vetoes.push({
      id: crypto.randomUUID(),
      ratingId,
      vetoRuleId: rule.id,
      computed: true,
      reason: hit.reason,
      detail: hit.detail,
      recordedByName: '系统计算',
      createdAt: now,
    });
  }
  return { scores, vetoes };
}

/**
 * Writes fresh figures over a rating's earlier ones, inside the caller's transaction: computed rows replaced,
 * the scorers' adjusted points recomputed from the new values, computed vetoes added or cleared (a veto a person
 * cleared is not raised again). Answers whether an active veto remains.
 */
export async function rewriteFigures(
  repo: OrgRatingRepository,
  tx: DbOrTx,
  ratingId: string,
  scheme: SchemeFull,
  comp: OrgComputation | undefined,
  existing: { scores: readonly ScoreRow[]; vetoes: readonly VetoRow[] },
  now: Date,
): Promise<boolean> {
  const fresh = freshRows(ratingId, scheme, comp, now);
  for (const row of fresh.scores) await repo.upsertScore(row, tx);
  const computed = new Map(fresh.scores.map((s) => [s.indicatorId, s.points ?? null]));
  for (const s of existing.scores) {
    if (s.scorer === COMPUTED) continue;
    const ind = scheme.indicators.find((i) => i.id === s.indicatorId);
    const c = computed.get(s.indicatorId);
    if (!ind || c === undefined || c === null || s.adjustment === null) continue;
    const points = indicatorPoints(ind.maxPoints, { computed: c, adjustment: s.adjustment, points: null });
    if (points !== s.points) await repo.setScorePoints(s.id, points, tx);
  }
  const active = existing.vetoes.filter((v) => !v.clearedAt);
  const add = fresh.vetoes.filter(
    (v) =>
      !active.some((a) => a.vetoRuleId === v.vetoRuleId) &&
      !existing.vetoes.some((e) => e.vetoRuleId === v.vetoRuleId && e.computed && e.clearedById),
  );
  await repo.insertVetoes(add, tx);
  let remaining = active.length + add.length;
  for (const a of active) {
    if (!a.computed || fresh.vetoes.some((v) => v.vetoRuleId === a.vetoRuleId)) continue;
    await repo.clearVeto(a.id, { clearedById: null, clearedByName: '系统计算', clearedReason: SYSTEM_CLEAR }, tx);
    remaining -= 1;
  }
  return remaining > 0;
}
