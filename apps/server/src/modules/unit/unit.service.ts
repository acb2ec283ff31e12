import {
  type CreateUnitBody,
  isValidCreditCode,
  type ListUnitsQuery,
  maxUnitsFor,
  type OrgType,
  type Page,
  parseSorter,
  type SetOrgUnitsBody,
  type Unit,
  type UnitCoverage,
  type UpdateUnitBody,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { createOrgRepository } from '../org/index.js';
import { ORG_TYPE_NAMES } from '../org/org.policy.js';
import { toUnitDto, unitAuditView } from './unit.mapper.js';
import { createUnitRepository, type NewUnitRow, type UnitRow } from './unit.repository.js';

const rate = (covered: number, total: number) => (total === 0 ? 0 : Math.round((covered / total) * 10_000) / 10_000);

export function createUnitService(deps: { db: Db }) {
  const { db } = deps;
  const units = createUnitRepository(db);
  const orgs = createOrgRepository(db);

  async function toDtos(rows: UnitRow[], tx: DbOrTx = db): Promise<Unit[]> {
    const { links, owners } = await units.detailsOf(rows, tx);
    return rows.map((r) => toUnitDto(r, owners.get(r.ownerOrgId) ?? '', links.get(r.id) ?? []));
  }

  /** Credit code checksum and uniqueness, headcounts consistent, owner inside the actor's write scope. */
  async function checkFields(
    actor: Actor,
    body: {
      creditCode?: string | null;
      employees?: number | null;
      employeesUnder35?: number | null;
      ownerOrgId?: string;
    },
    before: UnitRow | null,
    tx: DbOrTx,
  ) {
    if (body.creditCode && body.creditCode !== before?.creditCode) {
      if (!isValidCreditCode(body.creditCode)) throw fieldError('body.creditCode', MESSAGES.creditCodeChecksum);
      if (await units.findByCreditCode(body.creditCode, tx)) {
        const text = MESSAGES.creditCodeTaken(body.creditCode);
        throw new AppError('CREDIT_CODE_TAKEN', text, { details: [{ path: 'body.creditCode', text }] });
      }
    }
    const employees = body.employees !== undefined ? body.employees : (before?.employees ?? null);
    const young = body.employeesUnder35 !== undefined ? body.employeesUnder35 : (before?.employeesUnder35 ?? null);
    if (employees != null && young != null && young > employees)
      throw fieldError('body.employeesUnder35', MESSAGES.employeesUnder35TooMany);
    if (body.ownerOrgId && body.ownerOrgId !== before?.ownerOrgId) {
      if (!(await orgs.findInScope(scopePaths(actor, 'unit:write'), body.ownerOrgId, tx)))
        throw fieldError('body.ownerOrgId', MESSAGES.ownerOrgOutOfScope);
    }
  }

  return {
    async list(actor: Actor, q: ListUnitsQuery): Promise<Page<Unit>> {
      const sort = parseSorter(q.sorter, ['name', 'createdAt', 'employees'] as const);
      const { rows, total } = await units.list(scopePaths(actor, 'unit:read'), q, sort);
      return { data: await toDtos(rows), total, current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<Unit> {
      const row = await units.findVisible(scopePaths(actor, 'unit:read'), id);
      if (!row) throw notFound();
      return (await toDtos([row]))[0]!;
    },

    async coverage(actor: Actor): Promise<UnitCoverage> {
      const rows = await units.coverage(scopePaths(actor, 'unit:read'));
      const sum = (pick: (r: (typeof rows)[number]) => boolean) => {
        const sel = rows.filter(pick);
        const total = sel.reduce((s, r) => s + Number(r.n), 0);
        const covered = sel.filter((r) => r.covered).reduce((s, r) => s + Number(r.n), 0);
        return { total, covered, rate: rate(covered, total) };
      };
      const kinds = [...new Set(rows.map((r) => r.kind))].sort();
      return {
        ...sum(() => true),
        byKind: Object.fromEntries(kinds.map((k) => [k, sum((r) => r.kind === k)])),
        aboveSize: sum((r) => r.above),
      };
    },

    async create(ctx: RequestContext, body: CreateUnitBody): Promise<Unit> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        await checkFields(actor, body, null, tx);
        const owner = (await orgs.findById(body.ownerOrgId, tx))!;
        const row = await units.insert(
          {
            id: crypto.randomUUID(),
            name: body.name,
            creditCode: body.creditCode ?? null,
            kind: body.kind,
            industry: body.industry ?? null,
            economicType: body.economicType ?? null,
            enterpriseScale: body.enterpriseScale ?? null,
            aboveDesignatedSize: body.aboveDesignatedSize,
            employees: body.employees ?? null,
            employeesUnder35: body.employeesUnder35 ?? null,
            legalRepIsMember: body.legalRepIsMember,
            address: body.address ?? null,
            ownerOrgId: body.ownerOrgId,
          },
          tx,
        );
        audit.record({
          action: 'unit.create',
          entity: 'unit',
          entityId: row.id,
          orgPath: owner.path,
          after: unitAuditView(row),
        });
        return (await toDtos([row], tx))[0]!;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateUnitBody): Promise<Unit> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const before = await units.findOwned(scopePaths(actor, 'unit:write'), id, tx);
        if (!before) throw notFound();
        await checkFields(actor, body, before, tx);
        const patch: Partial<NewUnitRow> = {};
        for (const [k, v] of Object.entries(body)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
        const after = (await units.update(id, patch, tx))!;
        const owner = (await orgs.findById(after.ownerOrgId, tx))!;
        audit.record({
          action: 'unit.update',
          entity: 'unit',
          entityId: id,
          orgPath: owner.path,
          before: unitAuditView(before),
          after: unitAuditView(after),
        });
        return (await toDtos([after], tx))[0]!;
      });
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await inTransaction(db, ctx, async (tx, audit) => {
        const before = await units.findOwned(scopePaths(ctx.actor!, 'unit:write'), id, tx);
        if (!before) throw notFound();
        const linked = await units.activeLinkCount(id, tx);
        if (linked > 0) throw new AppError('UNIT_IN_USE', MESSAGES.unitInUse(linked));
        const { links } = await units.detailsOf([before], tx);
        await units.remove(id, tx);
        const owner = (await orgs.findById(before.ownerOrgId, tx))!;
        audit.record({
          action: 'unit.delete',
          entity: 'unit',
          entityId: id,
          orgPath: owner.path,
          before: { ...unitAuditView(before), orgIds: (links.get(id) ?? []).map((l) => l.id) },
        });
      });
    },

    async unitsOfOrg(actor: Actor, orgId: string): Promise<Unit[]> {
      const org = await orgs.findInScope(scopePaths(actor, 'org:read'), orgId);
      if (!org) throw notFound();
      return toDtos(await units.unitsOfOrg(org.id));
    },

    /** Replaces the units an organization sits in; a joint branch covers at most 5 (DOMAIN-RULES §3.1). */
    async setOrgUnits(ctx: RequestContext, orgId: string, body: SetOrgUnitsBody): Promise<Unit[]> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await orgs.findInScope(scopePaths(actor, 'org:update'), orgId, tx);
        if (!org) throw notFound();
        const unitIds = [...new Set(body.unitIds)];
        const max = maxUnitsFor(org.type as OrgType);
        if (unitIds.length > max) {
          const text = MESSAGES.unitLimitExceeded(max, ORG_TYPE_NAMES[org.type as OrgType][ctx.locale]);
          throw new AppError('UNIT_LIMIT_EXCEEDED', text, { details: [{ path: 'body.unitIds', text }] });
        }
        const readable = scopePaths(actor, 'unit:read');
        for (const unitId of unitIds) {
          if (!(await units.findVisible(readable, unitId, tx)))
            throw fieldError(`body.unitIds.${body.unitIds.indexOf(unitId)}`, MESSAGES.unitNotFound);
        }
        const before = await units.unitIdsOfOrg(org.id, tx);
        await units.replaceOrgUnits(org.id, unitIds, tx);
        audit.record({
          action: 'org.units',
          entity: 'organization',
          entityId: org.id,
          orgPath: org.path,
          before: { unitIds: before },
          after: { unitIds },
        });
        return toDtos(await units.unitsOfOrg(org.id, tx), tx);
      });
    },
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
