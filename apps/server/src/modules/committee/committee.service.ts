import {
  addMonths,
  type Committee,
  type CreateCommitteeBody,
  daysBetween,
  deriveTermYears,
  type OrgDomain,
  type OrgType,
  type TermRule,
  type TermWarnings,
  type TermWarningsQuery,
  temporaryBranchRestrictions,
  termExpiry,
  termWarningLevel,
  todayInChina,
  type UpdateCommitteeBody,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { createOrgRepository, type OrgRow } from '../org/index.js';
import { committeeAuditView, toCommitteeDto } from './committee.mapper.js';
import { type CommitteeRow, createCommitteeRepository } from './committee.repository.js';

type SeatInput = CreateCommitteeBody['members'][number];

/** Why an organization cannot elect a committee, or null when it can. */
function noElectionReason(org: OrgRow) {
  if (!temporaryBranchRestrictions(org).elections) return MESSAGES.temporaryNoElections;
  if (org.type === 'party_group') return MESSAGES.partyGroupNoCommittee;
  return null;
}

export function createCommitteeService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createCommitteeRepository(db);
  const orgs = createOrgRepository(db);

  async function termYearsFor(org: OrgRow, electedOn: string, tx: DbOrTx): Promise<number> {
    const rules: TermRule[] = (await repo.rules(tx)).map((r) => ({
      orgType: r.orgType as OrgType | null,
      domain: r.domain as OrgDomain | null,
      termYears: r.termYears,
      effectiveFrom: r.effectiveFrom,
    }));
    const years = deriveTermYears(
      rules,
      { type: org.type as OrgType, domain: org.domain as OrgDomain | null },
      electedOn,
    );
    if (years === null) throw fieldError('body.electedOn', MESSAGES.noTermRule);
    return years;
  }

  /** Seats with names: a linked member must belong to the organization's subtree. */
  async function resolveSeats(org: OrgRow, seats: SeatInput[], tx: DbOrTx) {
    const out: { memberId: string | null; name: string; position: string }[] = [];
    for (const [i, s] of seats.entries()) {
      if (s.memberId) {
        const m = await repo.memberInSubtree(s.memberId, org.path, tx);
        if (!m) throw fieldError(`body.members.${i}.memberId`, MESSAGES.committeeMemberOutOfOrg);
        out.push({ memberId: m.id, name: m.name, position: s.position });
      } else {
        if (!s.name) throw fieldError(`body.members.${i}.name`, MESSAGES.committeeMemberNameRequired);
        out.push({ memberId: null, name: s.name, position: s.position });
      }
    }
    return out;
  }

  async function toDtos(rows: CommitteeRow[], orgName: string, tx: DbOrTx = db): Promise<Committee[]> {
    const seats = await repo.membersOf(
      rows.map((r) => r.id),
      tx,
    );
    const today = todayInChina();
    return rows.map((r) => toCommitteeDto(r, orgName, seats.get(r.id) ?? [], today));
  }

  return {
    async listOfOrg(actor: Actor, orgId: string): Promise<Committee[]> {
      const org = await orgs.findInScope(scopePaths(actor, 'org:read'), orgId);
      if (!org) throw notFound();
      return toDtos(await repo.listOfOrg(org.id), org.name);
    },

    async get(actor: Actor, id: string): Promise<Committee> {
      const found = await repo.findInScope(scopePaths(actor, 'org:read'), id);
      if (!found) throw notFound();
      return (await toDtos([found.committee], found.org.name))[0]!;
    },

    /** 换届: records a new term, which becomes current; the previous current term becomes history. */
    async elect(ctx: RequestContext, orgId: string, body: CreateCommitteeBody): Promise<Committee> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await orgs.findInScope(scopePaths(actor, 'committee:write'), orgId, tx);
        if (!org) throw notFound();
        const refusal = noElectionReason(org);
        if (refusal) throw new AppError('ORG_NO_ELECTIONS', refusal);
        if (org.status === 'dissolved') throw new AppError('ORG_DISSOLVED', MESSAGES.orgDissolved(org.name));
        if (body.electedOn > todayInChina()) throw fieldError('body.electedOn', MESSAGES.restructureDateFuture);
        const previous = await repo.currentOf(org.id, tx);
        if (previous && body.electedOn <= previous.electedOn)
          throw fieldError('body.electedOn', MESSAGES.electedBeforeCurrent(previous.electedOn));
        const termNumber = body.termNumber ?? (await repo.lastTermNumber(org.id, tx)) + 1;
        if ((await repo.listOfOrg(org.id, tx)).some((c) => c.termNumber === termNumber))
          throw fieldError('body.termNumber', MESSAGES.termNumberTaken(termNumber));
        const seats = await resolveSeats(org, body.members, tx);
        const termYears = await termYearsFor(org, body.electedOn, tx);
        if (previous) {
          const prevSeats = (await repo.membersOf([previous.id], tx)).get(previous.id) ?? [];
          const ended = await repo.update(previous.id, { isCurrent: false }, tx);
          audit.record({
            action: 'committee.update',
            entity: 'committee',
            entityId: previous.id,
            orgPath: org.path,
            before: committeeAuditView(previous, prevSeats),
            after: committeeAuditView(ended, prevSeats),
          });
        }
        const row = await repo.insert(
          {
            id: crypto.randomUUID(),
            orgId: org.id,
            termNumber,
            electedOn: body.electedOn,
            termYears,
            expiresOn: termExpiry(body.electedOn, termYears),
            isCurrent: true,
            notes: body.notes ?? null,
          },
          tx,
        );
        await repo.replaceMembers(row.id, seats, tx);
        audit.record({
          action: 'committee.elect',
          entity: 'committee',
          entityId: row.id,
          orgPath: org.path,
          after: committeeAuditView(row, seats),
        });
        return (await toDtos([row], org.name, tx))[0]!;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateCommitteeBody): Promise<Committee> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await repo.findInScope(scopePaths(actor, 'committee:write'), id, tx);
        if (!found) throw notFound();
        const { committee: before, org } = found;
        const beforeSeats = (await repo.membersOf([before.id], tx)).get(before.id) ?? [];
        const patch: Partial<CommitteeRow> = {};
        if (body.electedOn !== undefined && body.electedOn !== before.electedOn) {
          if (body.electedOn > todayInChina()) throw fieldError('body.electedOn', MESSAGES.restructureDateFuture);
          patch.electedOn = body.electedOn;
          patch.termYears = await termYearsFor(org, body.electedOn, tx);
          patch.expiresOn = termExpiry(body.electedOn, patch.termYears);
        }
        if (body.termNumber !== undefined && body.termNumber !== before.termNumber) {
          if ((await repo.listOfOrg(org.id, tx)).some((c) => c.termNumber === body.termNumber))
            throw fieldError('body.termNumber', MESSAGES.termNumberTaken(body.termNumber));
          patch.termNumber = body.termNumber;
        }
        if (body.notes !== undefined) patch.notes = body.notes;
        const seats = body.members ? await resolveSeats(org, body.members, tx) : beforeSeats;
        if (body.members) await repo.replaceMembers(before.id, seats, tx);
        const after = await repo.update(before.id, patch, tx);
        audit.record({
          action: 'committee.update',
          entity: 'committee',
          entityId: before.id,
          orgPath: org.path,
          before: committeeAuditView(before, beforeSeats),
          after: committeeAuditView(after, seats),
        });
        return (await toDtos([after], org.name, tx))[0]!;
      });
    },

    /** Current terms expiring within 6 months, and those already expired without a new election. */
    async warnings(actor: Actor, q: TermWarningsQuery): Promise<TermWarnings> {
      const today = todayInChina();
      const rows = await repo.expiringBy(scopePaths(actor, 'org:read'), addMonths(today, 6), q.orgId);
      const data = rows
        .map(({ committee: c, org }) => ({
          orgId: org.id,
          orgName: org.name,
          orgType: org.type as OrgType,
          orgDomain: (org.domain as OrgDomain | null) ?? null,
          committeeId: c.id,
          termNumber: c.termNumber,
          electedOn: c.electedOn,
          expiresOn: c.expiresOn,
          level: termWarningLevel(c.expiresOn, today)!,
          daysLeft: daysBetween(today, c.expiresOn),
        }))
        .filter((w) => w.level && (!q.level || w.level === q.level));
      const counts = { overdue: 0, '1m': 0, '3m': 0, '6m': 0 };
      for (const w of data) counts[w.level] += 1;
      return { today, counts, data };
    },

    async rules() {
      return (await repo.rules()).map((r) => ({
        id: r.id,
        orgType: r.orgType as OrgType | null,
        domain: r.domain as OrgDomain | null,
        termYears: r.termYears,
        effectiveFrom: r.effectiveFrom,
        note: r.note,
      }));
    },
  };
}
export type CommitteeService = ReturnType<typeof createCommitteeService>;
