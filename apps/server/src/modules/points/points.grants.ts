import type { CreatePointGrantBody, Page, PointEntry, PointExemption, PointGrant } from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { POINTS_MESSAGES as PM } from '../../core/messages-points.js';
import { isPathInScope } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { DbOrTx } from '../../db/client.js';
import { createFileStore, readUpload } from '../file-store/index.js';
import { bookCandidates, reverseEntries } from './points.ledger.js';
import { toEntryDto, toExemptionDto, toGrantDto } from './points.mapper.js';
import { ruleOn } from './points.policy.js';
import { createPointsRecordsRepository } from './points.records.repository.js';
import type { PointsCore } from './points.service.js';

const MAX_EVIDENCE = 10;
const conflict = (text: AppError['text']) => new AppError('CONFLICT', text);

export type GrantsQuery = { current: number; pageSize: number; status?: string; orgId?: string };

/** Manual grants with evidence and approval, corrections (reversing entries) and exemptions from deductions. */
export function createPointsGrantsService(core: PointsCore, opts: { uploadLimit?: number } = {}) {
  const { db, repo, today } = core;
  const records = createPointsRecordsRepository(db);
  const files = createFileStore({ db, maxBytes: opts.uploadLimit });

  /** The path of `orgId` when the actor may see it there; none: the whole scope. */
  async function rootOf(actor: Actor, permission: 'points:read' | 'points:manage', orgId: string | undefined | null) {
    if (!orgId) return null;
    const org = await repo.orgPath(orgId);
    if (!org || !isPathInScope(actor, permission, org.path)) throw notFound();
    return org.path;
  }

  async function grantDto(id: string, actor: Actor, tx: DbOrTx = db): Promise<PointGrant> {
    const row = await records.grant(id, core.roots(actor, 'points:read'), tx);
    if (!row) throw notFound();
    return toGrantDto(row);
  }

  /** Books an approved request: the rule's points on its date, cut by the caps, in the same transaction. */
  async function book(
    tx: DbOrTx,
    g: { id: string; member_id: string; occurred_on: string; rule_code: string; reason: string },
    ctx: RequestContext,
  ) {
    const versions = await repo.versions(tx);
    const found = ruleOn(versions, g.occurred_on, g.rule_code);
    if (!found) throw fieldError('body.ruleCode', PM.ruleUnknown(g.rule_code));
    const result = await bookCandidates(repo, tx, {
      candidates: [
        {
          memberId: g.member_id,
          occurredOn: g.occurred_on,
          sourceType: 'manual',
          sourceId: g.id,
          label: g.reason.length > 60 ? `${g.reason.slice(0, 59)}…` : g.reason,
          versionId: found.version.id,
          rule: found.rule,
        },
      ],
      versions,
      by: core.by(ctx),
      reason: g.reason,
    });
    return result.booked[0] ?? null;
  }

  /**
   * 加分/扣分申请. A rule needing neither approval nor evidence books at once; otherwise the request waits for evidence
   * and for an administrator other than the requester (when the rule needs approval).
   */
  async function create(ctx: RequestContext, body: CreatePointGrantBody): Promise<PointGrant> {
    const actor = ctx.actor!;
    if (body.occurredOn > today()) throw fieldError('body.occurredOn', PM.occurredInFuture);
    const member = await repo.member(body.memberId, core.roots(actor, 'points:manage'));
    if (!member) throw notFound();
    if (member.status !== 'active') throw fieldError('body.memberId', PM.memberInactive);
    const versions = await repo.versions();
    const found = ruleOn(versions, body.occurredOn, body.ruleCode);
    if (!found) throw fieldError('body.ruleCode', PM.ruleUnknown(body.ruleCode));
    if (found.rule.source !== 'manual') throw fieldError('body.ruleCode', PM.ruleNotManual);
    const id = crypto.randomUUID();
    const immediate = !found.rule.approvalRequired && !found.rule.evidenceRequired;
    return inTransaction(db, ctx, async (tx, audit) => {
      const who = core.by(ctx);
      await records.insertGrant(
        {
          id,
          memberId: member.id,
          versionId: found.version.id,
          ruleCode: found.rule.code,
          occurredOn: body.occurredOn,
          points: found.rule.points,
          reason: body.reason,
          by: who,
        },
        tx,
      );
      audit.record({
        action: 'points.grant.request',
        entity: 'point_grant',
        entityId: id,
        orgPath: member.org_path,
        after: {
          memberId: member.id,
          ruleCode: found.rule.code,
          points: found.rule.points,
          occurredOn: body.occurredOn,
        },
      });
      if (immediate) {
        const entry = await book(
          tx,
          { id, member_id: member.id, occurred_on: body.occurredOn, rule_code: found.rule.code, reason: body.reason },
          ctx,
        );
        await records.decideGrant(id, { status: 'approved', by: who, note: null, entryId: entry?.id ?? null }, tx);
        audit.record({
          action: 'points.grant.book',
          entity: 'point_grant',
          entityId: id,
          orgPath: member.org_path,
          after: { entryId: entry?.id ?? null, points: entry?.points ?? 0, adjustment: entry?.adjustment ?? null },
        });
      }
      return grantDto(id, actor, tx);
    });
  }

  async function approve(ctx: RequestContext, id: string, note: string | null | undefined): Promise<PointGrant> {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const g = await records.grant(id, core.roots(actor, 'points:manage'), tx, true);
      if (!g) throw notFound();
      if (g.status !== 'pending') throw conflict(PM.grantNotPending);
      if (g.approval_required && g.requested_by_id === actor.userId) throw conflict(PM.grantSelfApproval);
      if (g.evidence_required && (g.evidence ?? []).length === 0) throw conflict(PM.grantEvidenceMissing);
      const entry = await book(tx, g, ctx);
      await records.decideGrant(
        id,
        { status: 'approved', by: core.by(ctx), note: note ?? null, entryId: entry?.id ?? null },
        tx,
      );
      audit.record({
        action: 'points.grant.approve',
        entity: 'point_grant',
        entityId: id,
        orgPath: g.org_path,
        before: { status: g.status },
        after: { status: 'approved', entryId: entry?.id ?? null, points: entry?.points ?? 0, note: note ?? null },
      });
      return grantDto(id, actor, tx);
    });
  }

  async function reject(ctx: RequestContext, id: string, note: string): Promise<PointGrant> {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const g = await records.grant(id, core.roots(actor, 'points:manage'), tx, true);
      if (!g) throw notFound();
      if (g.status !== 'pending') throw conflict(PM.grantNotPending);
      await records.decideGrant(id, { status: 'rejected', by: core.by(ctx), note, entryId: null }, tx);
      audit.record({
        action: 'points.grant.reject',
        entity: 'point_grant',
        entityId: id,
        orgPath: g.org_path,
        before: { status: g.status },
        after: { status: 'rejected', note },
      });
      return grantDto(id, actor, tx);
    });
  }

  /** Adds one evidence file (type checked by content); the request must be in scope before the upload is read. */
  async function uploadEvidence(ctx: RequestContext, id: string, req: FastifyRequest): Promise<PointGrant> {
    const actor = ctx.actor!;
    if (!(await records.grant(id, core.roots(actor, 'points:manage')))) throw notFound();
    const upload = await readUpload(req, files.maxBytes);
    return inTransaction(db, ctx, async (tx, audit) => {
      const g = await records.grant(id, core.roots(actor, 'points:manage'), tx, true);
      if (!g) throw notFound();
      if (g.status !== 'pending') throw conflict(PM.grantNotPending);
      if ((g.evidence ?? []).length >= MAX_EVIDENCE) throw conflict(PM.grantEvidenceLimit);
      const stored = await files.put(tx, upload);
      const item = {
        id: crypto.randomUUID(),
        sha256: stored.sha256,
        fileName: stored.fileName,
        contentType: stored.contentType,
        size: stored.size,
        uploadedAt: new Date().toISOString(),
        uploadedById: actor.userId,
      };
      await records.addEvidence(id, item, tx);
      audit.record({
        action: 'points.grant.evidence',
        entity: 'point_grant',
        entityId: id,
        orgPath: g.org_path,
        after: { fileId: item.id, fileName: item.fileName, sha256: item.sha256, size: item.size },
      });
      return grantDto(id, actor, tx);
    });
  }

  /** An evidence file's bytes: documents about a person, so reading one is a sensitive read in the audit trail. */
  async function downloadEvidence(ctx: RequestContext, fileId: string) {
    return inTransaction(db, ctx, async (tx, audit) => {
      const g = await records.evidence(fileId, core.roots(ctx.actor!, 'points:read'), tx);
      const item = g?.evidence.find((f) => f.id === fileId);
      if (!g || !item) throw notFound();
      const file = await files.get(item.sha256, tx);
      if (!file) throw notFound();
      audit.record({
        action: 'sensitive.read',
        entity: 'point_grant',
        entityId: g.id,
        orgPath: g.org_path,
        after: { field: 'pointEvidence', fileId, fileName: item.fileName },
      });
      return { fileName: item.fileName, contentType: file.contentType, bytes: file.bytes };
    });
  }

  async function list(actor: Actor, q: GrantsQuery): Promise<Page<PointGrant>> {
    const root = await rootOf(actor, 'points:read', q.orgId);
    const { rows, total } = await records.grants(core.roots(actor, 'points:read'), { ...q, root });
    return { data: rows.map(toGrantDto), total, current: q.current, pageSize: q.pageSize };
  }

  /** 更正: a reversing entry with the reason (and the objection it answers, if any). */
  async function reverse(
    ctx: RequestContext,
    entryId: string,
    body: { reason: string; objectionId?: string | null | undefined },
  ): Promise<PointEntry> {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const entry = await repo.entry(entryId, tx);
      const member = entry && (await repo.member(entry.member_id, core.roots(actor, 'points:manage'), tx));
      if (!entry || !member) throw notFound();
      if (entry.reverses_entry_id) throw conflict(PM.entryIsReversal);
      if (entry.points === 0 && !entry.veto) throw conflict(PM.entryNothingToReverse);
      if (body.objectionId) {
        const objection = await records.objection(body.objectionId, core.roots(actor, 'points:manage'), tx);
        if (!objection || objection.member_id !== entry.member_id)
          throw fieldError('body.objectionId', PM.objectionNotOfMember);
      }
      const reason = body.objectionId ? `${body.reason}（异议 ${body.objectionId.slice(0, 8)}）` : body.reason;
      const [booked] = await reverseEntries(repo, tx, { entries: [entry], reason, by: core.by(ctx) });
      if (!booked) throw conflict(PM.entryAlreadyReversed);
      audit.record({
        action: 'points.entry.reverse',
        entity: 'point_entry',
        entityId: entry.id,
        orgPath: member.org_path,
        after: {
          reversalId: booked.id,
          memberId: entry.member_id,
          ruleCode: entry.rule_code,
          points: booked.points,
          reason: body.reason,
          objectionId: body.objectionId ?? null,
        },
      });
      const view = await repo.entry(booked.id, tx);
      return toEntryDto(view!);
    });
  }

  // --- exemptions --------------------------------------------------------------------------------------------------

  async function createExemption(
    ctx: RequestContext,
    body: {
      memberId: string;
      category: PointExemption['category'];
      startsOn: string;
      endsOn?: string | null | undefined;
      reason: string;
    },
  ): Promise<PointExemption> {
    const actor = ctx.actor!;
    if (body.endsOn && body.endsOn < body.startsOn) throw fieldError('body.endsOn', PM.exemptionEndBeforeStart);
    const member = await repo.member(body.memberId, core.roots(actor, 'points:manage'));
    if (!member) throw notFound();
    return inTransaction(db, ctx, async (tx, audit) => {
      const id = crypto.randomUUID();
      await records.insertExemption(
        {
          id,
          memberId: member.id,
          category: body.category,
          startsOn: body.startsOn,
          endsOn: body.endsOn ?? null,
          reason: body.reason,
          by: core.by(ctx),
        },
        tx,
      );
      audit.record({
        action: 'points.exemption.create',
        entity: 'point_exemption',
        entityId: id,
        orgPath: member.org_path,
        after: { memberId: member.id, category: body.category, startsOn: body.startsOn, endsOn: body.endsOn ?? null },
      });
      return toExemptionDto((await records.exemption(id, core.roots(actor, 'points:manage'), tx))!);
    });
  }

  async function endExemption(ctx: RequestContext, id: string, endsOn: string): Promise<PointExemption> {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const x = await records.exemption(id, core.roots(actor, 'points:manage'), tx, true);
      if (!x) throw notFound();
      if (endsOn < x.starts_on) throw fieldError('body.endsOn', PM.exemptionEndBeforeStart);
      await records.endExemption(id, endsOn, tx);
      audit.record({
        action: 'points.exemption.end',
        entity: 'point_exemption',
        entityId: id,
        orgPath: x.org_path,
        before: { endsOn: x.ends_on },
        after: { endsOn },
      });
      return toExemptionDto((await records.exemption(id, core.roots(actor, 'points:manage'), tx))!);
    });
  }

  async function exemptions(actor: Actor, q: { current: number; pageSize: number; orgId?: string }) {
    const root = await rootOf(actor, 'points:read', q.orgId);
    const { rows, total } = await records.exemptions(core.roots(actor, 'points:read'), { ...q, root });
    return { data: rows.map(toExemptionDto), total, current: q.current, pageSize: q.pageSize };
  }

  return {
    create,
    approve,
    reject,
    uploadEvidence,
    downloadEvidence,
    list,
    reverse,
    createExemption,
    endExemption,
    exemptions,
    rootOf,
  };
}
export type PointsGrantsService = ReturnType<typeof createPointsGrantsService>;
