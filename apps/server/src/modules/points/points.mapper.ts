import type {
  ExemptionCategory,
  PointCategory,
  PointEntry,
  PointExemption,
  PointGrant,
  PointObjection,
  PointPublication,
  PointRule,
  PointRuleVersion,
  PointSourceType,
  PointsGrade,
  StarVerdict,
  StarVerdictDto,
} from '@red-engine/shared';
import { versionState } from '@red-engine/shared';
import type { PointEvidenceItem } from '../../db/schema/index.js';
import { isSourceAvailable, type LoadedVersion, type Rule, toRule } from './points.policy.js';
import type { EntryView } from './points.repository.js';

export const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

export const toRuleDto = (r: Rule): PointRule => ({ ...r, available: isSourceAvailable(r.source) });

export function toVersionDto(v: LoadedVersion, all: readonly LoadedVersion[], today: string): PointRuleVersion {
  return {
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    state: versionState(v, all, today),
    scheme: v.scheme,
    rules: v.rules.map((r) => toRuleDto(toRule(r))),
    createdByName: v.createdByName,
    createdAt: iso(v.createdAt),
  };
}

export const toEntryDto = (e: EntryView): PointEntry => ({
  id: e.id,
  occurredOn: e.occurred_on,
  periodKey: e.period_key,
  year: e.year,
  points: e.points,
  nominalPoints: e.nominal_points,
  adjustment: e.adjustment,
  rule: {
    code: e.rule_code,
    nameZh: e.name_zh,
    nameEn: e.name_en,
    category: e.category as PointCategory,
    veto: e.veto,
    versionId: e.rule_version_id,
    versionEffectiveFrom: e.effective_from,
  },
  source: { type: e.source_type as PointSourceType, id: e.source_id, label: e.source_label },
  reversesEntryId: e.reverses_entry_id,
  reversedByEntryId: e.reversed_by,
  reason: e.reason,
  createdByName: e.created_by_name,
  createdAt: iso(e.created_at),
});

export const toStarsDto = (
  v: StarVerdict,
  grade: PointsGrade | null,
  vetoed: boolean,
  thresholds: readonly number[],
): StarVerdictDto => ({ ...v, grade, vetoed, thresholds: [...thresholds] });

export type GrantRow = {
  id: string;
  member_id: string;
  member_name: string;
  org_name: string | null;
  rule_version_id: string;
  rule_code: string;
  name_zh: string;
  name_en: string;
  veto: boolean;
  evidence_required: boolean;
  approval_required: boolean;
  occurred_on: string;
  points: number;
  reason: string;
  evidence: PointEvidenceItem[];
  status: string;
  requested_by_id: string | null;
  requested_by_name: string | null;
  created_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  entry_id: string | null;
  booked_points: number | null;
  org_path: string | null;
};

export const toGrantDto = (g: GrantRow): PointGrant => ({
  id: g.id,
  member: { id: g.member_id, name: g.member_name, orgName: g.org_name },
  ruleCode: g.rule_code,
  ruleNameZh: g.name_zh,
  ruleNameEn: g.name_en,
  versionId: g.rule_version_id,
  occurredOn: g.occurred_on,
  points: g.points,
  veto: g.veto,
  reason: g.reason,
  evidence: (g.evidence ?? []).map((f) => ({
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    uploadedAt: f.uploadedAt,
  })),
  evidenceRequired: g.evidence_required,
  approvalRequired: g.approval_required,
  status: g.status as PointGrant['status'],
  requestedByName: g.requested_by_name,
  createdAt: iso(g.created_at),
  decidedByName: g.decided_by_name,
  decidedAt: isoOrNull(g.decided_at),
  decisionNote: g.decision_note,
  entryId: g.entry_id,
  bookedPoints: g.booked_points,
});

export type ExemptionRow = {
  id: string;
  member_id: string;
  member_name: string;
  org_name: string | null;
  org_path: string | null;
  category: string;
  starts_on: string;
  ends_on: string | null;
  reason: string;
  created_by_name: string | null;
  created_at: Date | string;
};

export const toExemptionDto = (r: ExemptionRow): PointExemption => ({
  id: r.id,
  member: { id: r.member_id, name: r.member_name, orgName: r.org_name },
  category: r.category as ExemptionCategory,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  reason: r.reason,
  createdByName: r.created_by_name,
  createdAt: iso(r.created_at),
});

export type PublicationRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  period_key: string;
  period_kind: string;
  published_at: Date | string;
  published_by_name: string | null;
  objection_deadline: string;
  objection_days: number;
  member_count: number;
  total_points: number;
  note: string | null;
  pending: number;
  answered: number;
};

export const toPublicationDto = (r: PublicationRow, today: string): PointPublication => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  periodKey: r.period_key,
  periodKind: r.period_kind as PointPublication['periodKind'],
  publishedAt: iso(r.published_at),
  publishedByName: r.published_by_name,
  objectionDeadline: r.objection_deadline,
  objectionDays: r.objection_days,
  open: today <= r.objection_deadline,
  memberCount: r.member_count,
  totalPoints: r.total_points,
  note: r.note,
  objections: { pending: r.pending, answered: r.answered },
});

export type ObjectionRow = {
  id: string;
  publication_id: string;
  period_key: string;
  publication_org_name: string;
  objection_deadline: string;
  member_id: string;
  member_name: string;
  org_name: string | null;
  org_path: string | null;
  entry_id: string | null;
  entry_label: string | null;
  entry_points: number | null;
  entry_occurred_on: string | null;
  entry_rule_zh: string | null;
  entry_rule_en: string | null;
  text: string;
  status: string;
  upheld: boolean | null;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | string | null;
  created_at: Date | string;
};

export const toObjectionDto = (r: ObjectionRow): PointObjection => ({
  id: r.id,
  publicationId: r.publication_id,
  periodKey: r.period_key,
  publicationOrgName: r.publication_org_name,
  objectionDeadline: r.objection_deadline,
  member: { id: r.member_id, name: r.member_name, orgName: r.org_name },
  entry:
    r.entry_id === null
      ? null
      : {
          id: r.entry_id,
          label: r.entry_label ?? '',
          points: r.entry_points ?? 0,
          occurredOn: r.entry_occurred_on ?? '',
          ruleNameZh: r.entry_rule_zh ?? '',
          ruleNameEn: r.entry_rule_en ?? '',
        },
  text: r.text,
  status: r.status as PointObjection['status'],
  upheld: r.upheld,
  answer: r.answer,
  answeredByName: r.answered_by_name,
  answeredAt: isoOrNull(r.answered_at),
  createdAt: iso(r.created_at),
});
