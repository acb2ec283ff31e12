import {
  type IndicatorSource,
  type OrgStarHistoryEntry,
  type RatingCampaign,
  type RatingCycle,
  type RatingEvidence,
  type RatingIndicator,
  type RatingObjection,
  type RatingRow as RatingRowDto,
  type RatingScheme,
  type RatingScoreEntry,
  type RatingState,
  type RatingVeto,
  type RatingVetoRule,
  ratingMaxScore,
  ratingSchemeMaxima,
  type StarChange,
  type VetoSource,
} from '@red-engine/shared';
import type {
  BoardRow,
  EvidenceRow,
  HistoryRow,
  IndicatorRow,
  ObjectionRow,
  ReviewerRow,
  SchemeFull,
  SchemeRow,
  ScoreRow,
  VetoRow,
  VetoRuleRow,
} from './org-rating.repository.js';

export const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
export const isoOrNull = (v: Date | string | null | undefined) => (v ? iso(v) : null);

export const toIndicatorDto = (i: IndicatorRow): RatingIndicator => ({
  id: i.id,
  code: i.code,
  sortOrder: i.sortOrder,
  nameZh: i.nameZh,
  nameEn: i.nameEn,
  kind: i.kind as 'core' | 'bonus',
  maxPoints: i.maxPoints,
  criteriaZh: i.criteriaZh,
  criteriaEn: i.criteriaEn,
  evidenceRequired: i.evidenceRequired,
  source: (i.source as IndicatorSource | null) ?? null,
  sourceMap: i.sourceMap ?? null,
});

export const toVetoRuleDto = (v: VetoRuleRow): RatingVetoRule => ({
  id: v.id,
  code: v.code,
  sortOrder: v.sortOrder,
  nameZh: v.nameZh,
  nameEn: v.nameEn,
  source: (v.source as VetoSource | null) ?? null,
});

/** current / scheduled / superseded among the versions of one code, judged on `today`. */
export function schemeState(s: SchemeRow, versions: readonly SchemeRow[], today: string): RatingScheme['state'] {
  if (s.effectiveFrom > today) return 'scheduled';
  const current = versions
    .filter((v) => v.code === s.code && v.effectiveFrom <= today)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
  return current?.id === s.id ? 'current' : 'superseded';
}

export function toSchemeDto(s: SchemeFull, versions: readonly SchemeRow[], today: string): RatingScheme {
  const rules = s.indicators.map((i) => ({ code: i.code, maxPoints: i.maxPoints, kind: i.kind as 'core' | 'bonus' }));
  return {
    id: s.id,
    code: s.code,
    version: s.version,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    effectiveFrom: s.effectiveFrom,
    cycle: s.cycle as RatingCycle,
    orgTypes: s.orgTypes,
    domains: s.domains ?? null,
    thresholds: [...s.thresholds].sort((a, b) => b.stars - a.stars),
    quotas: [...s.quotas].sort((a, b) => b.stars - a.stars),
    publicationDays: s.publicationDays,
    requiresInnovationFor5Star: s.requiresInnovationFor5Star,
    allowAboveBase: s.allowAboveBase,
    vetoStars: s.vetoStars,
    note: s.note,
    state: schemeState(s, versions, today),
    inUse: s.inUse,
    baseMax: ratingSchemeMaxima(rules).base,
    maxScore: ratingMaxScore(rules, s),
    indicators: s.indicators.map(toIndicatorDto),
    vetoRules: s.vetoRules.map(toVetoRuleDto),
    updatedAt: iso(s.updatedAt),
  };
}

export type CampaignListRow = {
  id: string;
  year: number;
  name: string;
  rootOrgId: string;
  root_org_name: string;
  schemeId: string;
  scheme_name: string;
  scheme_version: number;
  cycle: string;
  selfDueOn: string | null;
  reviewDueOn: string | null;
  createdAt: Date | string;
  createdByName: string | null;
  total: number;
  self_assessment: number;
  under_review: number;
  published: number;
  final: number;
};

export const toCampaignDto = (c: CampaignListRow): RatingCampaign => ({
  id: c.id,
  year: c.year,
  name: c.name,
  rootOrgId: c.rootOrgId,
  rootOrgName: c.root_org_name,
  schemeId: c.schemeId,
  schemeName: c.scheme_name,
  schemeVersion: c.scheme_version,
  cycle: c.cycle as RatingCycle,
  selfDueOn: c.selfDueOn,
  reviewDueOn: c.reviewDueOn,
  createdAt: iso(c.createdAt),
  createdByName: c.createdByName,
  counts: {
    total: c.total,
    self_assessment: c.self_assessment,
    under_review: c.under_review,
    published: c.published,
    final: c.final,
  },
});

/** Published and final ratings show their score and stars; earlier ones show none. */
const shown = (state: string) => state === 'published' || state === 'final';

export function toRatingRowDto(r: BoardRow, reviewScoreVisible: boolean): RatingRowDto {
  const state = r.state as RatingState;
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    parentName: r.parentName,
    orgType: r.orgType,
    state,
    selfScore: r.selfScore,
    reviewScore: reviewScoreVisible || shown(state) ? r.reviewScore : null,
    score: shown(state) ? r.score : null,
    stars: shown(state) ? r.stars : null,
    previousStars: state === 'final' ? r.previousStars : r.historyStars,
    change: (r.change as StarChange | null) ?? null,
    vetoed: reviewScoreVisible || shown(state) ? r.vetoed : false,
    hasInnovation: r.hasInnovation,
    reviewers: r.reviewers,
    reviewsSubmitted: r.reviewsSubmitted,
    openObjections: r.openObjections,
    publishedAt: isoOrNull(r.publishedAt),
    objectionDeadline: isoOrNull(r.objectionDeadline),
    finalizedAt: isoOrNull(r.finalizedAt),
    myReviewPending: r.mine,
  };
}

export const toScoreEntry = (s: ScoreRow): RatingScoreEntry => ({
  points: s.points,
  adjustment: s.adjustment,
  reason: s.reason,
  byName: s.scorerName,
  updatedAt: iso(s.updatedAt),
});

export const toEvidenceDto = (e: EvidenceRow): RatingEvidence => ({
  id: e.id,
  indicatorId: e.indicatorId,
  fileName: e.fileName,
  size: e.size,
  contentType: e.contentType,
  uploadedByName: e.uploadedByName,
  createdAt: iso(e.createdAt),
});

export const toVetoDto = (v: VetoRow, rule: VetoRuleRow | undefined): RatingVeto => ({
  id: v.id,
  ruleId: v.vetoRuleId,
  code: rule?.code ?? '',
  nameZh: rule?.nameZh ?? '',
  nameEn: rule?.nameEn ?? '',
  computed: v.computed,
  reason: v.reason,
  recordedByName: v.recordedByName,
  createdAt: iso(v.createdAt),
  clearedAt: isoOrNull(v.clearedAt),
  clearedByName: v.clearedByName,
  clearedReason: v.clearedReason,
});

export const toObjectionDto = (o: ObjectionRow): RatingObjection => ({
  id: o.id,
  text: o.text,
  raisedByName: o.raisedByName,
  createdAt: iso(o.createdAt),
  outcome: (o.outcome as RatingObjection['outcome']) ?? null,
  answer: o.answer,
  answeredByName: o.answeredByName,
  answeredAt: isoOrNull(o.answeredAt),
});

export const toHistoryDto = (h: HistoryRow): OrgStarHistoryEntry => ({
  id: h.id,
  year: h.year,
  kind: h.kind as 'rating' | 'adjustment',
  stars: h.stars,
  previousStars: h.previousStars,
  change: h.change as StarChange,
  score: h.score,
  reason: h.reason,
  byName: h.byName,
  at: iso(h.at),
  ratingId: h.ratingId,
});

export const toReviewerDto = (r: ReviewerRow) => ({
  userId: r.userId,
  name: r.userName,
  assignedAt: iso(r.assignedAt),
  submittedAt: isoOrNull(r.submittedAt),
  comment: r.comment,
});
