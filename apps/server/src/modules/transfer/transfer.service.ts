import {
  type ApproveTransferBody,
  type CreateMemberBody,
  type CreateMemberEventBody,
  type CreateTransferBody,
  ETHNICITIES,
  type IncomingMember,
  type ListTransfersQuery,
  type Page,
  parseSorter,
  type RejectTransferBody,
  type RevokeTransferBody,
  type Transfer,
  type TransferLetter,
  type TransferReceiptBody,
  wholeYearsBetween,
} from '@red-engine/shared';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { decryptText, encryptText } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import {
  createMemberRepository,
  createMemberService,
  idNumberHash,
  isMemberOrgType,
  todayIso,
} from '../member/index.js';
import { createOrgRepository } from '../org/index.js';
import { renderLetterHtml, toTransferDto, transferAuditView } from './transfer.mapper.js';
import {
  addDays,
  approvalChain,
  formatLetterNo,
  LETTER_PREFIX,
  letterSerial,
  lowestCommonAncestor,
} from './transfer.policy.js';
import {
  createTransferRepository,
  type NewStepRow,
  type NewTransferRow,
  type StepRow,
  type TransferRow,
  type TransferSortField,
} from './transfer.repository.js';

const SORT_FIELDS: readonly TransferSortField[] = ['requestedOn', 'createdAt'];

const conflict = (code: ConstructorParameters<typeof AppError>[0], text: LocalizedText) => new AppError(code, text);

/** A member-event rule broken at completion names the approval date, the only date the caller gave. */
function onApprovalDate(err: unknown): never {
  if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const details = (err.details as { path: string; text: LocalizedText }[]).map((d) => ({
      ...d,
      path: d.path === 'body.effectiveDate' ? 'body.date' : d.path,
    }));
    throw new AppError(err.code, err.text, { details });
  }
  throw err;
}

export function createTransferService(deps: { db: Db; config: Config; today?: () => string }) {
  const { db, config } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createTransferRepository(db);
  const memberRepo = createMemberRepository(db);
  const orgRepo = createOrgRepository(db);
  const members = createMemberService({ db, config, today });

  async function dtos(rows: TransferRow[], tx: DbOrTx = db): Promise<Transfer[]> {
    const steps = await repo.steps(
      rows.map((r) => r.id),
      tx,
    );
    const names = await memberRepo.orgsByIds(
      [...rows.flatMap((r) => [r.fromOrgId, r.toOrgId]), ...steps.map((s) => s.orgId)],
      tx,
    );
    const overdue = { today: today(), days: (await repo.rules(tx)).transferOverdueDays };
    return rows.map((r) =>
      toTransferDto(
        r,
        steps.filter((s) => s.transferId === r.id),
        names,
        overdue,
      ),
    );
  }
  const dto = async (row: TransferRow, tx: DbOrTx = db) => (await dtos([row], tx))[0]!;

  async function loadVisible(actor: Actor, id: string, tx?: DbOrTx) {
    const row = await repo.findVisible(scopePaths(actor, 'transfer:read'), id, tx ?? db, { lock: tx !== undefined });
    if (!row) throw notFound();
    return row;
  }

  /** An active branch of the zone (any subtree) that can hold members. */
  async function receivingBranch(id: string, tx: DbOrTx) {
    const org = await orgRepo.findById(id, tx);
    if (!org) throw fieldError('body.toOrgId', MESSAGES.transferTargetNotFound);
    if (!isMemberOrgType(org.type)) throw fieldError('body.toOrgId', MESSAGES.memberOrgNotBranch);
    if (org.status !== 'active') throw fieldError('body.toOrgId', MESSAGES.orgDissolved(org.name));
    return org;
  }

  /** The pending step of a pending transfer, which the actor must be able to approve (else: not found). */
  async function currentStep(actor: Actor, t: TransferRow, tx: DbOrTx) {
    if (t.status !== 'pending') throw conflict('TRANSFER_NOT_PENDING', MESSAGES.transferNotPending);
    const steps = await repo.steps([t.id], tx);
    const step = steps.find((s) => s.status === 'pending');
    if (!step) throw conflict('TRANSFER_NOT_PENDING', MESSAGES.transferNotPending);
    const org = await orgRepo.findById(step.orgId, tx);
    if (!isPathInScope(actor, 'transfer:approve', org?.path)) throw notFound();
    return { step, steps };
  }

  /** The last approval: the member event of the transfer, and the letter when the member leaves the zone. */
  async function complete(
    tx: Tx,
    audit: AuditRecorder,
    t: TransferRow,
    steps: StepRow[],
    date: string,
    actor: Actor,
  ): Promise<Partial<NewTransferRow>> {
    const record = (memberId: string, body: CreateMemberEventBody) =>
      members.recordEventInTx(tx, audit, memberId, body, actor.displayName).catch(onApprovalDate);
    switch (t.kind) {
      case 'within_zone': {
        await record(t.memberId!, {
          type: 'moved',
          effectiveDate: date,
          orgId: t.toOrgId!,
          details: { reason: t.reason },
        });
        const [from, to] = [await orgRepo.findById(t.fromOrgId!, tx), await orgRepo.findById(t.toOrgId!, tx)];
        const lca = from && to ? lowestCommonAncestor(from.path, to.path) : null;
        return { status: 'completed', completedOn: date, issuingOrgId: lca };
      }
      case 'out_of_zone': {
        const year = Number(date.slice(0, 4));
        await repo.lockLetterNumbering(tx);
        const last = await repo.lastLetterNo(`${LETTER_PREFIX}〔${year}〕`, tx);
        const letterNo = formatLetterNo(year, letterSerial(last, year) + 1);
        await record(t.memberId!, {
          type: 'transferred_out',
          effectiveDate: date,
          details: { destination: t.destination ?? '', documentNo: letterNo, reason: t.reason },
        });
        return {
          status: 'completed',
          completedOn: date,
          letterNo,
          letterIssuedOn: date,
          letterValidUntil: addDays(date, t.letterValidDays),
          issuingOrgId: steps.at(-1)!.orgId,
        };
      }
      default: {
        const details = {
          source: t.source ?? undefined,
          documentNo: t.sourceLetterNo ?? undefined,
          reason: t.reason,
        };
        if (t.memberId) {
          await record(t.memberId, { type: 'transferred_in', effectiveDate: date, orgId: t.toOrgId!, details });
          return { status: 'completed', completedOn: date };
        }
        const fields = JSON.parse(decryptText(config.dataKey, t.incomingMemberEnc!)) as IncomingMember;
        const created = await members
          .receiveNewInTx(tx, audit, { ...fields, orgId: t.toOrgId! } as CreateMemberBody, {
            date,
            details,
            recordedBy: actor.displayName,
          })
          .catch(onApprovalDate);
        return {
          status: 'completed',
          completedOn: date,
          memberId: created.id,
          incomingMemberEnc: null,
          incomingIdHash: null,
        };
      }
    }
  }

  async function letterData(t: TransferRow, tx: DbOrTx): Promise<TransferLetter> {
    if (t.kind !== 'out_of_zone' || !t.letterNo || !t.memberId)
      throw conflict('TRANSFER_NO_LETTER', MESSAGES.transferNoLetter);
    const [member] = await memberRepo.findByIds([t.memberId], tx);
    const names = await memberRepo.orgsByIds([t.fromOrgId, t.issuingOrgId], tx);
    const issuedOn = t.letterIssuedOn!;
    const category = (member?.category ?? null) as TransferLetter['category'];
    return {
      transferId: t.id,
      letterNo: t.letterNo,
      kind: 'out_of_zone',
      parts: ['存根', '主件', '回执'],
      memberName: member?.name ?? t.memberName,
      gender: member?.gender === 'female' ? 'female' : 'male',
      genderName: member?.gender === 'female' ? '女' : '男',
      age: member ? wholeYearsBetween(member.birthDate, issuedOn) : 0,
      ethnicity: ETHNICITIES.find((x) => x[0] === member?.ethnicity)?.[1] ?? member?.ethnicity ?? '',
      category,
      categoryName: category === 'full' ? '正式党员' : category === 'probationary' ? '预备党员' : null,
      idNumberMasked: member?.idNumberMasked ?? '',
      fromOrgName: names.get(t.fromOrgId ?? '')?.name ?? '',
      toOrgName: null,
      destination: t.destination,
      duesPaidUntil: t.duesPaidUntil,
      validDays: t.letterValidDays,
      validUntil: t.letterValidUntil!,
      issuingOrgName: names.get(t.issuingOrgId ?? '')?.name ?? '',
      issuedOn,
      receiptOn: t.receiptOn,
    };
  }

  return {
    async list(actor: Actor, q: ListTransfersQuery): Promise<Page<Transfer>> {
      const rules = await repo.rules();
      const { rows, total } = await repo.list(
        scopePaths(actor, 'transfer:read'),
        q,
        parseSorter(q.sorter, SORT_FIELDS),
        { today: today(), days: rules.transferOverdueDays },
      );
      return { data: await dtos(rows), total, current: q.current, pageSize: q.pageSize };
    },

    /** The member's own transfers (H5 我的组织关系转接): the member linked to the account, newest first. */
    async mine(actor: Actor): Promise<Transfer[]> {
      const member = await memberRepo.findByUser(actor.userId);
      if (!member) throw notFound();
      return dtos(await repo.ofMember(member.id));
    },

    async get(actor: Actor, id: string): Promise<Transfer> {
      return dto(await loadVisible(actor, id));
    },

    async create(ctx: RequestContext, body: CreateTransferBody): Promise<Transfer> {
      const actor = ctx.actor!;
      const now = today();
      const requestedOn = body.requestedOn ?? now;
      if (requestedOn > now) throw fieldError('body.requestedOn', MESSAGES.dateInFuture);
      return inTransaction(db, ctx, async (tx, audit) => {
        const rules = await repo.rules(tx);
        const validDays = body.letterValidDays ?? rules.letterValidDays;
        if (validDays > rules.letterMaxValidDays)
          throw fieldError('body.letterValidDays', MESSAGES.transferLetterTooLong(rules.letterMaxValidDays));
        const createRoots = scopePaths(actor, 'transfer:create');
        const row: NewTransferRow = {
          id: crypto.randomUUID(),
          kind: body.kind,
          memberName: '',
          reason: body.reason,
          requestedOn,
          requestedById: actor.userId,
          requestedByName: actor.displayName,
          letterValidDays: validDays,
        };
        let fromPath: string | null = null;
        let toPath: string | null = null;

        if (body.kind === 'within_zone' || body.kind === 'out_of_zone') {
          if (!body.memberId) throw fieldError('body.memberId', MESSAGES.transferMemberRequired);
          const member = await memberRepo.findInScope(createRoots, body.memberId, tx, { lock: true });
          if (!member) throw fieldError('body.memberId', MESSAGES.transferMemberNotFound);
          if (member.status !== 'active' || !member.orgId || !member.orgPath)
            throw fieldError('body.memberId', MESSAGES.memberNotActive);
          Object.assign(row, { memberId: member.id, memberName: member.name, fromOrgId: member.orgId });
          fromPath = member.orgPath;
          if (body.kind === 'within_zone') {
            if (!body.toOrgId) throw fieldError('body.toOrgId', MESSAGES.targetOrgRequired);
            const to = await receivingBranch(body.toOrgId, tx);
            if (to.id === member.orgId) throw fieldError('body.toOrgId', MESSAGES.sameOrg);
            if (to.path.split('/')[0] !== fromPath.split('/')[0])
              throw fieldError('body.toOrgId', MESSAGES.transferOtherZone);
            row.toOrgId = to.id;
            toPath = to.path;
          } else {
            if (!body.destination) throw fieldError('body.destination', MESSAGES.destinationRequired);
            if (!body.duesPaidUntil) throw fieldError('body.duesPaidUntil', MESSAGES.transferDuesRequired);
            Object.assign(row, { destination: body.destination, duesPaidUntil: body.duesPaidUntil });
          }
          if (await repo.pendingForMember(member.id, tx))
            throw conflict('TRANSFER_IN_PROGRESS', MESSAGES.transferInProgress);
        } else {
          if (!body.toOrgId) throw fieldError('body.toOrgId', MESSAGES.targetOrgRequired);
          const inScope = await memberRepo.findOrgInScope(createRoots, body.toOrgId, tx);
          if (!inScope) throw fieldError('body.toOrgId', MESSAGES.memberOrgOutOfScope);
          const to = await receivingBranch(body.toOrgId, tx);
          if (!body.source) throw fieldError('body.source', MESSAGES.transferSourceRequired);
          if (body.memberId && body.member) throw fieldError('body.member', MESSAGES.transferIncomingBoth);
          Object.assign(row, {
            toOrgId: to.id,
            source: body.source,
            sourceLetterNo: body.sourceLetterNo ?? null,
            duesPaidUntil: body.duesPaidUntil ?? null,
          });
          toPath = to.path;
          let existingId: string | null = null;
          if (body.memberId) {
            existingId = body.memberId;
          } else if (body.member) {
            const problem = members.checkNewMember({ ...body.member, orgId: to.id }, 'body.member');
            if (problem) throw fieldError(problem.path, problem.text);
            const hash = idNumberHash(config.dataKey, body.member.idNumber.trim().toUpperCase());
            const clash = await memberRepo.findByIdNumberHash(hash, tx);
            if (clash) {
              // Someone who once left the zone comes back: their record is re-activated, not duplicated.
              existingId = clash.id;
            } else {
              if (await repo.pendingIncoming(hash, tx))
                throw conflict('TRANSFER_IN_PROGRESS', MESSAGES.transferInProgress);
              Object.assign(row, {
                memberName: body.member.name,
                incomingMemberEnc: encryptText(config.dataKey, JSON.stringify(body.member)),
                incomingIdHash: hash,
              });
            }
          } else {
            throw fieldError('body.member', MESSAGES.transferIncomingRequired);
          }
          if (existingId) {
            const roots = body.memberId ? createRoots : [''];
            const member = await memberRepo.findInScope(roots, existingId, tx, { lock: true });
            if (!member) throw fieldError('body.memberId', MESSAGES.transferMemberNotFound);
            if (member.status !== 'transferred_out') {
              if (body.member)
                throw new AppError('MEMBER_ID_NUMBER_TAKEN', MESSAGES.memberIdNumberTaken, {
                  details: [{ path: 'body.member.idNumber', text: MESSAGES.memberIdNumberTaken }],
                });
              throw fieldError('body.memberId', MESSAGES.transferInNotOut);
            }
            if (await repo.pendingForMember(member.id, tx))
              throw conflict('TRANSFER_IN_PROGRESS', MESSAGES.transferInProgress);
            Object.assign(row, { memberId: member.id, memberName: member.name });
          }
        }

        const chain = approvalChain(body.kind, fromPath, toPath);
        if (!chain || chain.length === 0) throw fieldError('body.toOrgId', MESSAGES.transferNoChain);
        const steps: NewStepRow[] = chain.map((orgId, i) => ({
          id: crypto.randomUUID(),
          transferId: row.id!,
          stepNo: i + 1,
          orgId,
        }));
        const created = await repo.insert(row, steps, tx);
        audit.record({
          action: 'transfer.create',
          entity: 'transfer',
          entityId: created.id,
          orgPath: fromPath ?? toPath,
          after: { ...transferAuditView(created), steps: chain },
        });
        return dto(created, tx);
      });
    },

    async approve(ctx: RequestContext, id: string, body: ApproveTransferBody): Promise<Transfer> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const t = await loadVisible(actor, id, tx);
        const { step, steps } = await currentStep(actor, t, tx);
        const date = body.date ?? today();
        if (date > today()) throw fieldError('body.date', MESSAGES.dateInFuture);
        if (date < t.requestedOn) throw fieldError('body.date', MESSAGES.transferDateBeforeRequest);
        await repo.updateStep(
          step.id,
          {
            status: 'approved',
            actorId: actor.userId,
            actorName: actor.displayName,
            actedAt: new Date(),
            comment: body.comment ?? null,
          },
          tx,
        );
        const last = steps.every((s) => s.id === step.id || s.status === 'approved');
        const after = last ? await repo.update(t.id, await complete(tx, audit, t, steps, date, actor), tx) : t;
        const orgs = await memberRepo.orgsByIds([t.fromOrgId, t.toOrgId], tx);
        audit.record({
          action: last ? 'transfer.complete' : 'transfer.approve',
          entity: 'transfer',
          entityId: t.id,
          orgPath: orgs.get(t.fromOrgId ?? '')?.path ?? orgs.get(t.toOrgId ?? '')?.path ?? null,
          before: { status: t.status, stepNo: step.stepNo },
          after: { ...transferAuditView(after), stepNo: step.stepNo, stepOrgId: step.orgId, date },
        });
        return dto(after, tx);
      });
    },

    async reject(ctx: RequestContext, id: string, body: RejectTransferBody): Promise<Transfer> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const t = await loadVisible(actor, id, tx);
        const { step } = await currentStep(actor, t, tx);
        await repo.updateStep(
          step.id,
          {
            status: 'rejected',
            actorId: actor.userId,
            actorName: actor.displayName,
            actedAt: new Date(),
            comment: body.reason,
          },
          tx,
        );
        const after = await repo.update(t.id, { status: 'rejected', rejectionReason: body.reason }, tx);
        audit.record({
          action: 'transfer.reject',
          entity: 'transfer',
          entityId: t.id,
          orgPath: await orgPathOf(t, tx),
          before: { status: t.status },
          after: { ...transferAuditView(after), stepNo: step.stepNo, stepOrgId: step.orgId },
        });
        return dto(after, tx);
      });
    },

    async revoke(ctx: RequestContext, id: string, body: RevokeTransferBody): Promise<Transfer> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const t = await loadVisible(actor, id, tx);
        if (t.status !== 'pending') throw conflict('TRANSFER_NOT_PENDING', MESSAGES.transferNotPending);
        const steps = await repo.steps([t.id], tx);
        if (steps.some((s) => s.status !== 'pending'))
          throw conflict('TRANSFER_ALREADY_APPROVED', MESSAGES.transferAlreadyApproved);
        // The requester, or an administrator of the sending branch (the receiving one for transfers into the zone).
        const path = await orgPathOf(t, tx);
        if (t.requestedById !== actor.userId && !isPathInScope(actor, 'transfer:create', path)) throw notFound();
        const after = await repo.update(t.id, { status: 'revoked' }, tx);
        audit.record({
          action: 'transfer.revoke',
          entity: 'transfer',
          entityId: t.id,
          orgPath: path,
          before: { status: t.status },
          after: { ...transferAuditView(after), comment: body.comment ?? null },
        });
        return dto(after, tx);
      });
    },

    async receipt(ctx: RequestContext, id: string, body: TransferReceiptBody): Promise<Transfer> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const t = await loadVisible(actor, id, tx);
        if (t.kind !== 'out_of_zone' || !t.letterNo) throw conflict('TRANSFER_NO_LETTER', MESSAGES.transferNoLetter);
        if (t.receiptOn) throw conflict('TRANSFER_RECEIPT_RECORDED', MESSAGES.transferReceiptRecorded);
        const path = await orgPathOf(t, tx);
        if (!isPathInScope(actor, 'transfer:create', path)) throw notFound();
        if (body.date > today()) throw fieldError('body.date', MESSAGES.dateInFuture);
        if (body.date < t.letterIssuedOn!) throw fieldError('body.date', MESSAGES.transferReceiptBeforeLetter);
        const after = await repo.update(t.id, { receiptOn: body.date }, tx);
        audit.record({
          action: 'transfer.receipt',
          entity: 'transfer',
          entityId: t.id,
          orgPath: path,
          before: { receiptOn: null },
          after: { letterNo: t.letterNo, receiptOn: body.date },
        });
        return dto(after, tx);
      });
    },

    /** The letter's data; reading a member's personal data in it is recorded as a sensitive read. */
    async letter(ctx: RequestContext, id: string): Promise<TransferLetter> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const t = await loadVisible(ctx.actor!, id, tx);
        const letter = await letterData(t, tx);
        audit.record({
          action: 'sensitive.read',
          entity: 'member',
          entityId: t.memberId,
          orgPath: await orgPathOf(t, tx),
          after: { field: 'transferLetter', transferId: t.id, letterNo: t.letterNo },
        });
        return letter;
      });
    },

    async letterHtml(ctx: RequestContext, id: string): Promise<string> {
      return renderLetterHtml(await this.letter(ctx, id));
    },
  };

  async function orgPathOf(t: TransferRow, tx: DbOrTx): Promise<string | null> {
    const orgs = await memberRepo.orgsByIds([t.fromOrgId, t.toOrgId], tx);
    return orgs.get(t.fromOrgId ?? '')?.path ?? orgs.get(t.toOrgId ?? '')?.path ?? null;
  }
}
export type TransferService = ReturnType<typeof createTransferService>;
