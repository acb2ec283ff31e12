import {
  type CreatePointRuleVersionBody,
  type MemberPoints,
  type MyPointRules,
  type MyPoints,
  type Permission,
  type PointRules,
  type PointRuleVersion,
  ruleProblems,
  schemeProblems,
  shanghaiDate,
  standingOf,
  starsOf,
  versionOn,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { POINTS_MESSAGES as PM } from '../../core/messages-points.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { toEntryDto, toRuleDto, toStarsDto, toVersionDto } from './points.mapper.js';
import {
  type BulkGradeLookup,
  bulkFromSingle,
  exemptionsOn,
  type GradeLookup,
  type LoadedVersion,
  noGrades,
  schemeForYear,
  toRule,
  versionAudit,
} from './points.policy.js';
import { createPointsRepository, type MemberRef } from './points.repository.js';
import { DEFAULT_POINT_SOURCES, type PointSource } from './points.sources.js';

export type PointsDeps = {
  db: Db;
  now?: () => Date;
  /** 民主评议 grades (the evaluation module's `evaluationGradeOf`); none by default. */
  gradeOf?: GradeLookup;
  gradesOf?: BulkGradeLookup;
  sources?: readonly PointSource[];
};

/** What every part of the points module shares: the repository, the clock, the rule versions and the grades. */
export function createPointsCore(deps: PointsDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const repo = createPointsRepository(db);
  const gradeOf = deps.gradeOf ?? noGrades;
  const gradesOf = deps.gradesOf ?? bulkFromSingle(gradeOf);
  const today = () => shanghaiDate(now());
  const roots = (actor: Actor, permission: Permission) => scopePaths(actor, permission);
  const by = (ctx: RequestContext) => ({
    id: ctx.actor?.userId ?? null,
    // Work of the system itself (CLI, seed) is named by its context: 'cli', 'seed'.
    name: ctx.actor?.displayName ?? ctx.requestId,
  });
  const currentYear = () => Number(today().slice(0, 4));

  /** The member linked to the caller's account (H5), or 404. */
  async function me(actor: Actor, tx: DbOrTx = db): Promise<MemberRef> {
    const m = await repo.memberOfUser(actor.userId, tx);
    if (!m) throw new AppError('NOT_FOUND', PM.noMemberRecord);
    return m;
  }

  /** A member's total, stars, exemptions and every entry of the year with its rule and source. */
  async function pointsOf(member: MemberRef, year: number, tx: DbOrTx = db): Promise<MemberPoints> {
    const versions = await repo.versions(tx);
    const entries = await repo.entriesOf(member.id, year, tx);
    const total = await repo.balance(member.id, year, tx);
    const vetoed = await repo.vetoed([member.id], year, tx);
    const grade = await gradeOf(tx, member.id, year);
    const records = await repo.exemptionsOf([member.id], tx);
    const t = today();
    const scheme = schemeForYear(versions, year, t);
    const verdict = starsOf({ total, grade, vetoed: vetoed.has(member.id) }, scheme);
    const byAge = exemptionsOn(t, { birthDate: member.birth_date, records: [] }, versions).includes('elderly');
    return {
      member: { id: member.id, name: member.name, orgId: member.org_id, orgName: member.org_name },
      year,
      total,
      stars: toStarsDto(verdict, grade, vetoed.has(member.id), scheme.starThresholds),
      exemptions: [
        ...(byAge ? [{ category: 'elderly' as const, origin: 'age' as const, startsOn: null, endsOn: null }] : []),
        ...records
          .filter((r) => r.ends_on === null || r.ends_on >= t)
          .map((r) => ({ category: r.category, origin: 'record' as const, startsOn: r.starts_on, endsOn: r.ends_on })),
      ],
      entries: entries.map(toEntryDto),
    };
  }

  return {
    db,
    repo,
    now,
    today,
    roots,
    by,
    currentYear,
    me,
    pointsOf,
    gradeOf,
    gradesOf,
    sources: deps.sources ?? DEFAULT_POINT_SOURCES,
  };
}
export type PointsCore = ReturnType<typeof createPointsCore>;

/** Rule versions, and the "why" of any member's total. */
export function createPointsService(core: PointsCore) {
  const { db, repo, today } = core;

  async function rules(): Promise<PointRules> {
    const versions = await repo.versions();
    const t = today();
    return {
      versions: versions.map((v) => toVersionDto(v, versions, t)).reverse(),
      currentVersionId: versionOn(versions, t)?.id ?? null,
      today: t,
    };
  }

  function checkVersion(body: CreatePointRuleVersionBody) {
    for (const [field] of schemeProblems(body.scheme))
      throw fieldError(
        `body.scheme.${field}`,
        field.startsWith('starThresholds') ? PM.schemeThresholds : PM.schemeRange,
      );
    const seen = new Set<string>();
    body.rules.forEach((r, i) => {
      if (seen.has(r.code)) throw fieldError(`body.rules.${i}.code`, PM.ruleCodeRepeated(r.code));
      seen.add(r.code);
      for (const [field, problem] of ruleProblems(r)) {
        const text = {
          zero_points: PM.ruleZeroPoints,
          veto_points: PM.ruleVetoPoints,
          cap_order: PM.ruleCapOrder,
          manual_only: PM.ruleManualOnly,
          exempt_deduction_only: PM.ruleExemptDeductionOnly,
        }[problem];
        throw fieldError(`body.rules.${i}.${field}`, text);
      }
    });
  }

  /** A new rule set version from its effective date (today or later); versions are never changed once made. */
  async function createVersion(ctx: RequestContext, body: CreatePointRuleVersionBody): Promise<PointRuleVersion> {
    if (body.effectiveFrom < today()) throw fieldError('body.effectiveFrom', PM.versionEffectiveInPast);
    checkVersion(body);
    return inTransaction(db, ctx, async (tx, audit) => {
      await repo.lockVersions(tx);
      const existing = await repo.versions(tx);
      if (existing.some((v) => v.effectiveFrom === body.effectiveFrom))
        throw new AppError('CONFLICT', PM.versionDateTaken);
      const id = crypto.randomUUID();
      const who = core.by(ctx);
      await tx.execute(
        sql`insert into point_rule_versions (id, effective_from, note, scheme, created_by_id, created_by_name)
          values (${id}, ${body.effectiveFrom}::date, ${body.note ?? null}, ${JSON.stringify(body.scheme)}::jsonb,
            ${who.id}::uuid, ${who.name})`,
      );
      const rows = body.rules.map((r, i) => ({ ...r, version_id: id, sort_order: (i + 1) * 10 }));
      await tx.execute(
        sql`insert into point_rules (version_id, code, category, name_zh, name_en, points, unit, cap_day, cap_month,
            cap_year, evidence_required, source, approval_required, veto, exempt_categories, sort_order)
          select version_id, code, category, "nameZh", "nameEn", points, unit, "capDay", "capMonth", "capYear",
            "evidenceRequired", source, "approvalRequired", veto, "exemptCategories", sort_order
          from json_to_recordset(${JSON.stringify(rows)}::json) as x(version_id uuid, code text, category text,
            "nameZh" text, "nameEn" text, points int, unit text, "capDay" int, "capMonth" int, "capYear" int,
            "evidenceRequired" boolean, source text, "approvalRequired" boolean, veto boolean,
            "exemptCategories" jsonb, sort_order int)`,
      );
      audit.record({
        action: 'points.rules.version',
        entity: 'point_rule_version',
        entityId: id,
        orgPath: null,
        after: {
          ...versionAudit({ ...body, note: body.note ?? null }, body.rules.length),
          codes: body.rules.map((r) => r.code),
        },
      });
      const versions = await repo.versions(tx);
      return toVersionDto(versions.find((v) => v.id === id)!, versions, today());
    });
  }

  /** 积分规则 for members: the version in force today. */
  async function myRules(): Promise<MyPointRules> {
    const versions = await repo.versions();
    const v: LoadedVersion | undefined = versionOn(versions, today());
    if (!v) return { version: null, rules: [] };
    return {
      version: { id: v.id, effectiveFrom: v.effectiveFrom, scheme: v.scheme },
      rules: v.rules.map((r) => toRuleDto(toRule(r))),
    };
  }

  async function memberPoints(actor: Actor, memberId: string, year?: number): Promise<MemberPoints> {
    const member = await repo.member(memberId, core.roots(actor, 'points:read'));
    if (!member) throw notFound();
    return core.pointsOf(member, year ?? core.currentYear());
  }

  /** 我的积分: my total, stars and entries, and where I stand in my branch (a band, never anyone's name). */
  async function myPoints(actor: Actor, year?: number): Promise<MyPoints> {
    const member = await core.me(actor);
    const y = year ?? core.currentYear();
    const points = await core.pointsOf(member, y);
    let standing: MyPoints['standing'] = null;
    if (member.org_id) {
      const others = await queryRows<{ total: number }>(
        db,
        sql`select coalesce(b.total, 0)::int as total from members m
          left join member_point_balances b on b.member_id = m.id and b.year = ${y}
          where m.org_id = ${member.org_id} and m.status = 'active' and m.id <> ${member.id}`,
      );
      const s = standingOf(
        points.total,
        others.map((o) => o.total),
      );
      if (s) {
        const all = [...others.map((o) => o.total), points.total];
        standing = {
          ...s,
          branchAverage: Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 10) / 10,
          branchMembers: all.length,
        };
      }
    }
    return { ...points, standing };
  }

  return { rules, createVersion, myRules, memberPoints, myPoints };
}
export type PointsService = ReturnType<typeof createPointsService>;
