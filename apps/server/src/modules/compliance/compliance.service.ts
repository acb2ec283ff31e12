import {
  type ActivityType,
  type BranchCompliance,
  COMPLIANCE_ORG_TYPES,
  type ComplianceOrgsQuery,
  type ComplianceOverview,
  type ComplianceRule,
  type ComplianceRules,
  type ComplianceWarning,
  type ComplianceWarningsQuery,
  type CreateActivityTypeBody,
  type CreateComplianceRuleBody,
  type MeetingCalendar,
  type MeetingCalendarQuery,
  type Page,
  type Permission,
  parseSorter,
  type UpdateActivityTypeBody,
  type UpdateComplianceRuleBody,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { COMPLIANCE_MESSAGES as CM } from '../../core/messages-compliance.js';
import { isPathInScope, scopeWhere } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { toActivityTypeDto, toCalendarDto, toRuleDto, toVersion } from './compliance.mapper.js';
import {
  addDays,
  attributable,
  type CycleResult,
  cycleOf,
  daysBetween,
  editableInPlace,
  evaluateCells,
  groupVersions,
  indexCounts,
  localDate,
  type PreparedCycle,
  parentShares,
  prepareCycles,
  type RuleCellResult,
  ruleKey,
  ruleState,
  startOfLocalDay,
  summarizeBranch,
  treeOrderKeys,
} from './compliance.policy.js';
import { type ComplianceRuleRow, createComplianceRepository, type OrgRow } from './compliance.repository.js';

const BRANCH_TYPES: ReadonlySet<string> = new Set(COMPLIANCE_ORG_TYPES);
const PARENT_TYPES: ReadonlySet<string> = new Set(['work_committee', 'party_committee', 'general_branch']);
const CALENDAR_MAX_DAYS = 100;
const CALENDAR_MAX_MEETINGS = 2000;

const conflict = (text: AppError['text']) => new AppError('CONFLICT', text);

const inPage = <T>(rows: T[], q: { current: number; pageSize: number }): Page<T> => ({
  data: rows.slice((q.current - 1) * q.pageSize, q.current * q.pageSize),
  total: rows.length,
  current: q.current,
  pageSize: q.pageSize,
});

/** What the audit trail keeps of a rule version. */
const ruleAudit = (r: ComplianceRuleRow) => ({
  typeCode: r.typeCode,
  orgType: r.orgType,
  cycle: r.cycle,
  expectedCount: r.expectedCount,
  perGroup: r.perGroup,
  effectiveFrom: r.effectiveFrom,
  note: r.note,
});

type EvaluatedBranch = {
  org: OrgRow;
  parentName: string | null;
  groupCount: number;
  cells: RuleCellResult[];
  summary: ReturnType<typeof summarizeBranch>;
  order: string;
};

export function createComplianceService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const repo = createComplianceRepository(db);

  /** The path of `orgId` when the actor may see it; no orgId means the actor's whole scope. */
  async function rootOf(actor: Actor, permission: Permission, orgId: string | undefined) {
    if (!orgId) return null;
    const path = await repo.orgPath(orgId);
    if (!isPathInScope(actor, permission, path)) throw notFound();
    return path;
  }

  async function ruleDto(row: ComplianceRuleRow, tx: DbOrTx): Promise<ComplianceRule> {
    const versions = (await repo.versionsOf(row.typeCode, row.orgType, tx)).map(toVersion);
    return toRuleDto(row, versions, localDate(now()));
  }

  // --- rules -----------------------------------------------------------------------------------------------

  async function rules(): Promise<ComplianceRules> {
    const [rows, types, warnDays] = await Promise.all([repo.rules(), repo.activityTypes(), repo.warnDays()]);
    const today = localDate(now());
    const byKey = groupVersions(rows.map(toVersion));
    return {
      rules: rows.map((r) => toRuleDto(r, byKey.get(ruleKey(r)) ?? [], today)),
      activityTypes: types.map(toActivityTypeDto),
      warnDays,
      today,
    };
  }

  function checkEffectiveFrom(date: string, today: string) {
    if (date < today) throw fieldError('body.effectiveFrom', CM.ruleEffectiveInPast);
  }

  async function createRule(ctx: RequestContext, body: CreateComplianceRuleBody): Promise<ComplianceRule> {
    const today = localDate(now());
    const effectiveFrom = body.effectiveFrom ?? today;
    checkEffectiveFrom(effectiveFrom, today);
    return inTransaction(db, ctx, async (tx, audit) => {
      const type = await repo.activityType(body.typeCode, tx);
      if (!type?.active) throw fieldError('body.typeCode', CM.ruleTypeUnknown(body.typeCode));
      const versions = await repo.versionsOf(body.typeCode, body.orgType, tx);
      if (versions.some((v) => v.effectiveFrom === effectiveFrom)) throw conflict(CM.ruleDateTaken);
      const created = await repo.insertRule(
        {
          id: crypto.randomUUID(),
          typeCode: body.typeCode,
          orgType: body.orgType,
          cycle: body.cycle,
          expectedCount: body.expectedCount,
          perGroup: body.perGroup,
          effectiveFrom,
          note: body.note ?? null,
        },
        tx,
      );
      audit.record({
        action: 'compliance.rule.create',
        entity: 'compliance_rule',
        entityId: created.id,
        orgPath: null,
        after: ruleAudit(created),
      });
      return ruleDto(created, tx);
    });
  }

  /**
   * A version nobody has been judged by yet (effective today or later) is changed in place; a version in force
   * since before today stays as it is for the cycles already begun, and the change becomes a new version from
   * `effectiveFrom` (today by default). Replaced versions are history and cannot be changed.
   */
  async function updateRule(ctx: RequestContext, id: string, body: UpdateComplianceRuleBody): Promise<ComplianceRule> {
    return inTransaction(db, ctx, async (tx, audit) => {
      const row = await repo.rule(id, tx, true);
      if (!row) throw notFound();
      const today = localDate(now());
      const versions = await repo.versionsOf(row.typeCode, row.orgType, tx);
      if (ruleState(toVersion(row), versions.map(toVersion), today) === 'superseded') throw conflict(CM.ruleSuperseded);
      const inPlace = editableInPlace(toVersion(row), today);
      const effectiveFrom = body.effectiveFrom ?? (inPlace ? row.effectiveFrom : today);
      checkEffectiveFrom(effectiveFrom, today);
      if (versions.some((v) => v.id !== row.id && v.effectiveFrom === effectiveFrom)) throw conflict(CM.ruleDateTaken);
      const next = {
        cycle: body.cycle ?? row.cycle,
        expectedCount: body.expectedCount ?? row.expectedCount,
        perGroup: body.perGroup ?? row.perGroup,
        note: body.note === undefined ? row.note : body.note,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
      if (changed.length === 0 && (!inPlace || effectiveFrom === row.effectiveFrom))
        throw fieldError('body', CM.ruleNothingToChange);
      if (inPlace) {
        const updated = await repo.updateRule(row.id, { ...next, effectiveFrom }, tx);
        audit.record({
          action: 'compliance.rule.update',
          entity: 'compliance_rule',
          entityId: row.id,
          orgPath: null,
          before: ruleAudit(row),
          after: ruleAudit(updated),
        });
        return ruleDto(updated, tx);
      }
      const created = await repo.insertRule(
        { id: crypto.randomUUID(), typeCode: row.typeCode, orgType: row.orgType, ...next, effectiveFrom },
        tx,
      );
      audit.record({
        action: 'compliance.rule.revise',
        entity: 'compliance_rule',
        entityId: created.id,
        orgPath: null,
        before: { id: row.id, ...ruleAudit(row) },
        after: ruleAudit(created),
      });
      return ruleDto(created, tx);
    });
  }

  // --- activity types --------------------------------------------------------------------------------------

  async function createActivityType(ctx: RequestContext, body: CreateActivityTypeBody): Promise<ActivityType> {
    return inTransaction(db, ctx, async (tx, audit) => {
      const created = await repo.insertActivityType({ ...body, builtin: false, active: true }, tx);
      if (!created) throw conflict(CM.activityTypeCodeTaken(body.code));
      audit.record({
        action: 'activity_type.create',
        entity: 'activity_type',
        entityId: created.code,
        orgPath: null,
        after: toActivityTypeDto(created),
      });
      return toActivityTypeDto(created);
    });
  }

  /** Built-in types keep their code and cannot be deleted; any type can be renamed or deactivated. */
  async function updateActivityType(
    ctx: RequestContext,
    code: string,
    body: UpdateActivityTypeBody,
  ): Promise<ActivityType> {
    return inTransaction(db, ctx, async (tx, audit) => {
      const row = await repo.activityType(code, tx, true);
      if (!row) throw notFound();
      const patch = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => v !== undefined && v !== row[k as keyof typeof row]),
      ) as Partial<typeof row>;
      if (Object.keys(patch).length === 0) throw fieldError('body', CM.ruleNothingToChange);
      const updated = await repo.updateActivityType(code, patch, tx);
      audit.record({
        action: 'activity_type.update',
        entity: 'activity_type',
        entityId: code,
        orgPath: null,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]])),
        after: patch,
      });
      return toActivityTypeDto(updated);
    });
  }

  // --- evaluation ------------------------------------------------------------------------------------------

  /**
   * Every branch in scope (under `orgId`) judged for the given years: four reads and one counting query,
   * whatever the number of branches.
   */
  async function evaluate(actor: Actor, orgId: string | undefined, years: number[]) {
    const root = await rootOf(actor, 'compliance:read', orgId);
    const scope = scopeWhere(actor, 'compliance:read', sql`o.path`);
    const at = now();
    const today = localDate(at);
    const from = startOfLocalDay(`${Math.min(...years)}-01-01`);
    const to = startOfLocalDay(`${Math.max(...years) + 1}-01-01`);
    const meetingScope = scopeWhere(actor, 'compliance:read', sql`m.org_path`);
    const [orgs, ruleRows, types, warnDays, counts] = await Promise.all([
      repo.orgs(scope, root),
      repo.rules(),
      repo.activityTypes(),
      repo.warnDays(),
      repo.meetingCounts({ from, to, now: at, scope: meetingScope, root }),
    ]);
    // A deactivated type can no longer be planned, so its rules are not held against anyone.
    const active = new Set(types.filter((t) => t.active).map((t) => t.code));
    const versionsByKey = groupVersions(ruleRows.filter((r) => active.has(r.typeCode)).map(toVersion));
    // The cycles of each rule are the same for every branch of a type: worked out once, in activity type order.
    const typeOrder = new Map(types.map((t, i) => [t.code, i]));
    const keys = [...versionsByKey.keys()].sort(
      (a, b) => (typeOrder.get(a.split('|')[0]!) ?? 0) - (typeOrder.get(b.split('|')[0]!) ?? 0),
    );
    const preparedByOrgType = new Map<string, PreparedCycle[][]>();
    for (const year of years)
      for (const key of keys) {
        const versions = versionsByKey.get(key)!;
        const orgType = versions[0]!.orgType;
        preparedByOrgType.set(orgType, [
          ...(preparedByOrgType.get(orgType) ?? []),
          prepareCycles(versions, year, today),
        ]);
      }
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const groups = new Map<string, string[]>();
    const groupParents = new Map<string, string>();
    for (const o of orgs)
      if (o.type === 'party_group' && o.parent_id) {
        groups.set(o.parent_id, [...(groups.get(o.parent_id) ?? []), o.id]);
        groupParents.set(o.id, o.parent_id);
      }
    const index = indexCounts(attributable(counts, groupParents).filter((r) => byId.has(r.orgId)));
    const order = treeOrderKeys(
      orgs.map((o) => ({ id: o.id, parentId: o.parent_id, sortOrder: o.sort_order, name: o.name })),
    );
    const branches: EvaluatedBranch[] = orgs
      .filter((o) => BRANCH_TYPES.has(o.type))
      .map((org) => {
        const facts = { id: org.id, foundedOn: org.founded_on, groupIds: groups.get(org.id) ?? [] };
        const cells = (preparedByOrgType.get(org.type) ?? [])
          .map((prepared) => evaluateCells(prepared, facts, index, warnDays))
          .filter((c): c is RuleCellResult => c !== null);
        return {
          org,
          parentName: (org.parent_id && byId.get(org.parent_id)?.name) || null,
          groupCount: facts.groupIds.length,
          cells,
          summary: summarizeBranch(cells),
          order: order.get(org.id) ?? '',
        };
      })
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const parents = orgs
      .filter((o) => PARENT_TYPES.has(o.type))
      .sort((a, b) => ((order.get(a.id) ?? '') < (order.get(b.id) ?? '') ? -1 : 1));
    return { today, warnDays, types, branches, parents };
  }

  const branchDto = (b: EvaluatedBranch): BranchCompliance => ({
    orgId: b.org.id,
    orgName: b.org.name,
    orgType: b.org.type,
    parentId: b.org.parent_id,
    parentName: b.parentName,
    groupCount: b.groupCount,
    rate: b.summary.rate,
    compliant: b.summary.compliant,
    overdue: b.summary.overdue,
    warnings: b.summary.warnings,
    cells: b.cells.map(({ cycles, ...cell }) => ({
      ...cell,
      cycles: cycles.map(({ timing: _timing, ...c }) => c),
    })),
  });

  async function overview(actor: Actor, q: ComplianceOrgsQuery): Promise<ComplianceOverview> {
    const year = q.year ?? Number(localDate(now()).slice(0, 4));
    const { today, warnDays, types, branches, parents } = await evaluate(actor, q.orgId, [year]);
    const shares = parentShares(
      parents,
      branches.map((b) => ({ path: b.org.path, compliant: b.summary.compliant })),
    );
    let rows = q.compliant ? branches.filter((b) => b.summary.compliant === (q.compliant === 'true')) : branches;
    const sorter = parseSorter(q.sorter, ['rate', 'overdue', 'orgName'] as const);
    if (sorter) {
      const value = (b: EvaluatedBranch) =>
        sorter.field === 'rate' ? (b.summary.rate ?? -1) : sorter.field === 'overdue' ? b.summary.overdue : b.org.name;
      const sign = sorter.order === 'descend' ? -1 : 1;
      rows = [...rows].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        return (typeof x === 'string' ? x.localeCompare(y as string, 'zh-CN') : x - (y as number)) * sign;
      });
    }
    const used = new Set(branches.flatMap((b) => b.cells.map((c) => c.typeCode)));
    const compliant = branches.filter((b) => b.summary.compliant).length;
    return {
      ...inPage(rows, q),
      data: inPage(rows, q).data.map(branchDto),
      year,
      today,
      warnDays,
      columns: types
        .filter((t) => used.has(t.code))
        .map((t) => ({
          typeCode: t.code,
          nameZh: t.nameZh,
          nameEn: t.nameEn,
          category: toActivityTypeDto(t).category,
        })),
      parents: parents.map((p, i) => ({
        orgId: p.id,
        orgName: p.name,
        orgType: p.type,
        parentId: p.parent_id,
        depth: p.depth,
        branches: shares[i]!.branches,
        compliantBranches: shares[i]!.compliantBranches,
        share: shares[i]!.share,
      })),
      summary: {
        branches: branches.length,
        compliant,
        share: branches.length > 0 ? compliant / branches.length : null,
      },
    };
  }

  /** This cycle's warnings and the overdue cycles of the last twelve months, newest first. */
  async function warnings(actor: Actor, q: ComplianceWarningsQuery): Promise<Page<ComplianceWarning>> {
    const thisYear = Number(localDate(now()).slice(0, 4));
    const { today, branches } = await evaluate(actor, q.orgId, [thisYear - 1, thisYear]);
    const cutoff = `${thisYear - 1}${today.slice(4)}`;
    const items: (ComplianceWarning & { order: string })[] = [];
    for (const b of branches)
      for (const cell of b.cells)
        for (const c of cell.cycles) {
          if (c.status !== 'warning' && c.status !== 'overdue') continue;
          if (q.status && c.status !== q.status) continue;
          if (c.status === 'overdue' && c.end < cutoff) continue;
          items.push(warningItem(b, cell, c, today));
        }
    items.sort((a, b) => b.end.localeCompare(a.end) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const page = inPage(items, q);
    return { ...page, data: page.data.map(({ order: _order, ...w }) => w) };
  }

  function warningItem(b: EvaluatedBranch, cell: RuleCellResult, c: CycleResult, today: string) {
    return {
      orgId: b.org.id,
      orgName: b.org.name,
      parentName: b.parentName,
      typeCode: cell.typeCode,
      ruleId: cell.ruleId,
      cycle: cell.cycle,
      cycleKey: c.key,
      start: c.start,
      end: c.end,
      expected: c.expected,
      done: c.done,
      status: c.status as 'warning' | 'overdue',
      daysLeft: c.status === 'warning' ? daysBetween(today, c.end) : null,
      daysOverdue: c.status === 'overdue' ? daysBetween(c.end, today) : null,
      order: b.order,
    };
  }

  // --- calendar --------------------------------------------------------------------------------------------

  async function calendar(actor: Actor, q: MeetingCalendarQuery): Promise<MeetingCalendar> {
    const at = now();
    const today = localDate(at);
    const from = q.from ?? `${today.slice(0, 7)}-01`;
    const to = q.to ?? cycleOf('month', from).end;
    if (to < from || daysBetween(from, to) >= CALENDAR_MAX_DAYS)
      throw fieldError('querystring.to', CM.calendarRange(CALENDAR_MAX_DAYS));
    const root = await rootOf(actor, 'meeting:read', q.orgId);
    const rows = await repo.calendar({
      scope: scopeWhere(actor, 'meeting:read', sql`m.org_path`),
      root,
      from: startOfLocalDay(from),
      to: startOfLocalDay(addDays(to, 1)),
      limit: CALENDAR_MAX_MEETINGS,
    });
    return {
      from,
      to,
      meetings: rows.slice(0, CALENDAR_MAX_MEETINGS).map((r) => toCalendarDto(r, at)),
      truncated: rows.length > CALENDAR_MAX_MEETINGS,
    };
  }

  return {
    rules,
    createRule,
    updateRule,
    createActivityType,
    updateActivityType,
    overview,
    warnings,
    calendar,
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
