import { createHash } from 'node:crypto';
import {
  AVAILABLE_POINT_SOURCES,
  ageOn,
  DEFAULT_POINT_SCHEME,
  type ExemptionCategory,
  type PointCategory,
  type PointRuleDef,
  type PointScheme,
  type PointSourceType,
  type PointsGrade,
  type PointUnit,
  versionOn,
} from '@red-engine/shared';
import type { DbOrTx } from '../../db/client.js';

/**
 * Server-side rules of the points module around the pure ones in `@red-engine/shared` (points-rules.ts): how stored
 * rows become rule definitions, which version and scheme apply, and who is exempt on a date.
 */

/**
 * What the ledger stores of an idempotency key (rule version, rule, member, source, period): 132 bits of its SHA-256,
 * so the unique index stays small; the parts themselves are columns of the entry.
 */
export const keyDigest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

export type RuleRow = {
  version_id: string;
  code: string;
  category: string;
  name_zh: string;
  name_en: string;
  points: number;
  unit: string;
  cap_day: number | null;
  cap_month: number | null;
  cap_year: number | null;
  evidence_required: boolean;
  source: string;
  approval_required: boolean;
  veto: boolean;
  exempt_categories: ExemptionCategory[];
  sort_order: number;
};

export type LoadedVersion = {
  id: string;
  effectiveFrom: string;
  note: string | null;
  scheme: PointScheme;
  createdByName: string | null;
  createdAt: Date | string;
  rules: RuleRow[];
};

export type Rule = PointRuleDef & { sortOrder: number };

export const toRule = (r: RuleRow): Rule => ({
  code: r.code,
  category: r.category as PointCategory,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  points: r.points,
  unit: r.unit as PointUnit,
  capDay: r.cap_day,
  capMonth: r.cap_month,
  capYear: r.cap_year,
  evidenceRequired: r.evidence_required,
  source: r.source as PointSourceType,
  approvalRequired: r.approval_required,
  veto: r.veto,
  exemptCategories: r.exempt_categories ?? [],
  sortOrder: r.sort_order,
});

export const isSourceAvailable = (s: PointSourceType) => AVAILABLE_POINT_SOURCES.has(s);

/** The scheme in force for a year: the version in force on its last day, or today while the year runs. */
export function schemeForYear(versions: readonly LoadedVersion[], year: number, today: string): PointScheme {
  const end = `${year}-12-31`;
  const v = versionOn(versions, end < today ? end : today) ?? versionOn(versions, end);
  return { ...DEFAULT_POINT_SCHEME, ...(v?.scheme ?? {}) };
}

/** The rules of the version in force on a date that a source type feeds. */
export function rulesFor(
  versions: readonly LoadedVersion[],
  date: string,
  source: PointSourceType,
): { versionId: string; rule: Rule }[] {
  const v = versionOn(versions, date);
  if (!v) return [];
  return v.rules.filter((r) => r.source === source).map((r) => ({ versionId: v.id, rule: toRule(r) }));
}

/** One rule by code in the version in force on a date. */
export function ruleOn(versions: readonly LoadedVersion[], date: string, code: string) {
  const v = versionOn(versions, date);
  const row = v?.rules.find((r) => r.code === code);
  return v && row ? { version: v, rule: toRule(row) } : null;
}

export type ExemptionRecord = { category: ExemptionCategory; starts_on: string; ends_on: string | null };

/** A member's exemption categories on a date: by age (from the scheme then in force) and by record. */
export function exemptionsOn(
  date: string,
  facts: { birthDate: string | null; records: readonly ExemptionRecord[] },
  versions: readonly LoadedVersion[],
): ExemptionCategory[] {
  const out = new Set<ExemptionCategory>();
  const scheme = versionOn(versions, date)?.scheme ?? DEFAULT_POINT_SCHEME;
  if (facts.birthDate && ageOn(facts.birthDate, date) >= scheme.elderlyAge) out.add('elderly');
  for (const r of facts.records)
    if (r.starts_on <= date && (r.ends_on === null || r.ends_on >= date)) out.add(r.category);
  return [...out];
}

/**
 * 民主评议 grade of a member for a year, as published by the evaluation module (null: none, or not final). The
 * evaluation module provides it; the composition root wires it in (the default knows no grades).
 */
export type GradeLookup = (db: DbOrTx, memberId: string, year: number) => Promise<PointsGrade | null>;
/** The same for many members at once (defaults to asking one by one). */
export type BulkGradeLookup = (
  db: DbOrTx,
  memberIds: readonly string[],
  year: number,
) => Promise<Map<string, PointsGrade | null>>;

export const noGrades: GradeLookup = async () => null;

export function bulkFromSingle(single: GradeLookup): BulkGradeLookup {
  return async (db, ids, year) => {
    const out = new Map<string, PointsGrade | null>();
    for (let i = 0; i < ids.length; i += 20) {
      const part = ids.slice(i, i + 20);
      const grades = await Promise.all(part.map((id) => single(db, id, year)));
      part.forEach((id, k) => {
        out.set(id, grades[k] ?? null);
      });
    }
    return out;
  };
}

/** What the audit trail keeps of a rule version. */
export const versionAudit = (
  v: { effectiveFrom: string; note: string | null; scheme: PointScheme },
  rules: number,
) => ({
  effectiveFrom: v.effectiveFrom,
  note: v.note,
  scheme: v.scheme,
  rules,
});
