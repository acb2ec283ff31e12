import { randomUUID } from 'node:crypto';
import type { EvaluationAttachment, ProposalsBody, Subject, UpdateSubjectBody } from '@red-engine/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, Tx } from '../../db/client.js';
import { evaluationAttachments, evaluationSubjects } from '../../db/schema/index.js';
import { createFileStore, readUpload, type Upload } from '../file-store/index.js';
import type { EvaluationAccess } from './evaluation.access.js';
import { toAttachmentDto, toSubjectDto } from './evaluation.mapper.js';
import { covers } from './evaluation.policy.js';
import type { CampaignRow, SubjectRow } from './evaluation.repository.js';

/** A report may change until voting closes; so may the attachments that go with it. */
export const reportOpen = (c: CampaignRow) => c.status === 'preparing' || c.status === 'voting';

/** Reports and attachments, 互评 summaries, 点评 and proposed grades: work on one subject at a time. */
export function createSubjectService(deps: { db: Db; access: EvaluationAccess }) {
  const { db, access } = deps;
  const { repo } = access;
  const files = createFileStore({ db });

  async function subjectDto(id: string, tx: Tx): Promise<Subject> {
    const s = await repo.subject(id, tx);
    const [row] = (await repo.subjects(s!.campaignId, tx)).filter((x) => x.id === id);
    const attachments = (await repo.attachmentsOf([id], tx)).map(toAttachmentDto);
    return toSubjectDto(row!, attachments);
  }

  /** Stores one uploaded file for a subject (or one of its rectification items) inside the caller's transaction. */
  async function attach(
    tx: Tx,
    audit: AuditRecorder,
    actor: Actor,
    target: { s: SubjectRow; rectificationId: string | null },
    upload: Upload,
  ): Promise<EvaluationAttachment> {
    const stored = await files.put(tx, upload);
    const [row] = await tx
      .insert(evaluationAttachments)
      .values({
        id: randomUUID(),
        campaignId: target.s.campaignId,
        subjectId: target.s.id,
        rectificationId: target.rectificationId,
        fileName: stored.fileName,
        sha256: stored.sha256,
        size: stored.size,
        contentType: stored.contentType,
        uploadedById: actor.userId,
        uploadedByName: actor.displayName,
      })
      .returning();
    audit.record({
      action: 'evaluation.attachment_added',
      entity: target.rectificationId ? 'evaluation_rectification' : 'evaluation_subject',
      entityId: target.rectificationId ?? target.s.id,
      orgPath: target.s.orgPath,
      after: { attachmentId: row!.id, fileName: row!.fileName, sha256: row!.sha256, size: row!.size },
    });
    return toAttachmentDto(row!);
  }

  return {
    attach,
    maxBytes: files.maxBytes,

    /** 代录 a secretary's report (述职评议) or record the branch's 互评 summary of a member (民主评议). */
    async update(ctx: RequestContext, id: string, body: UpdateSubjectBody): Promise<Subject> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { s, c } = await access.subjectFor(actor, id, 'subject', tx, true);
        if (body.report !== undefined) {
          if (c.kind !== 'secretary_review') throw access.wrongKind();
          if (!reportOpen(c)) throw new AppError('EVALUATION_STATE', MESSAGES.evaluationReportClosed);
        }
        if (body.peerSummary !== undefined) {
          if (c.kind !== 'member_evaluation') throw access.wrongKind();
          if (c.status === 'submitted' || c.status === 'confirmed')
            throw new AppError('EVALUATION_STATE', MESSAGES.evaluationPeerClosed);
        }
        const now = new Date();
        await tx
          .update(evaluationSubjects)
          .set({
            ...(body.report !== undefined && {
              report: body.report || null,
              reportSubmittedAt: body.report ? now : null,
              reportByName: body.report ? actor.displayName : null,
            }),
            ...(body.peerSummary !== undefined && { peerSummary: body.peerSummary || null }),
          })
          .where(eq(evaluationSubjects.id, id));
        audit.record({
          action: 'evaluation.subject_updated',
          entity: 'evaluation_subject',
          entityId: id,
          orgPath: s.orgPath,
          after: {
            changed: Object.keys(body),
            ...(body.report !== undefined ? { reportLength: body.report?.length ?? 0 } : {}),
            ...(body.peerSummary !== undefined ? { peerSummary: body.peerSummary } : {}),
          },
        });
        return subjectDto(id, tx);
      });
    },

    /** 点评: the organizing (superior) organization's comment on a secretary, once the vote is over. */
    async comment(ctx: RequestContext, id: string, comment: string): Promise<Subject> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { s, c } = await access.subjectFor(actor, id, 'campaign', tx, true);
        if (c.kind !== 'secretary_review') throw access.wrongKind();
        if (c.status !== 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.evaluationCommentNotYet);
        await tx
          .update(evaluationSubjects)
          .set({ comment, commentedAt: new Date(), commentedByName: actor.displayName })
          .where(eq(evaluationSubjects.id, id));
        audit.record({
          action: 'evaluation.commented',
          entity: 'evaluation_subject',
          entityId: id,
          orgPath: s.orgPath,
          before: { comment: s.comment },
          after: { comment },
        });
        return subjectDto(id, tx);
      });
    },

    /** The branch's proposed grades (one or many at once), after the count and before submission. */
    async propose(ctx: RequestContext, campaignId: string, body: ProposalsBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { c } = await access.campaignFor(actor, campaignId, 'manage', tx, 'update');
        if (c.kind !== 'member_evaluation') throw access.wrongKind();
        if (c.status !== 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.evaluationProposalsLocked);
        const subjects = new Map((await repo.subjects(c.id, tx)).map((s) => [s.id, s]));
        const changes: { subjectId: string; before: string | null; after: string | null }[] = [];
        for (const [i, p] of body.proposals.entries()) {
          const s = subjects.get(p.subjectId);
          if (!s) throw fieldError(`body.proposals.${i}.subjectId`, MESSAGES.evaluationSubjectNotInCampaign);
          if (!s.graded && p.grade !== null)
            throw fieldError(`body.proposals.${i}.grade`, MESSAGES.evaluationUngraded(s.name));
          await tx.execute(sql`update evaluation_subjects set proposed_grade = ${p.grade},
            proposal_note = ${p.note ?? null} where id = ${s.id}`);
          changes.push({ subjectId: s.id, before: s.proposedGrade, after: p.grade });
        }
        audit.record({
          action: 'evaluation.proposed',
          entity: 'evaluation_campaign',
          entityId: c.id,
          orgPath: c.orgPath,
          after: { proposals: changes },
        });
        return { updated: changes.length };
      });
    },

    async uploadReportFile(ctx: RequestContext, id: string, req: FastifyRequest): Promise<EvaluationAttachment> {
      const actor = ctx.actor!;
      // Scope first: a foreign id answers 404 before any body is read.
      await access.subjectFor(actor, id, 'subject');
      const upload = await readUpload(req, files.maxBytes);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { s, c } = await access.subjectFor(actor, id, 'subject', tx, true);
        if (c.kind !== 'secretary_review') throw access.wrongKind();
        if (!reportOpen(c)) throw new AppError('EVALUATION_STATE', MESSAGES.evaluationReportClosed);
        return attach(tx, audit, actor, { s, rectificationId: null }, upload);
      });
    },

    /** A report attachment or a piece of closing evidence, for whoever may read the subject it belongs to. */
    async download(actor: Actor, id: string) {
      const a = await repo.attachment(id);
      if (!a || !covers(scopePaths(actor, 'evaluation:read'), a.orgPath)) throw notFound();
      const file = await files.get(a.sha256);
      if (!file) throw notFound();
      return { fileName: a.fileName, contentType: file.contentType, bytes: file.bytes };
    },
  };
}

export type SubjectService = ReturnType<typeof createSubjectService>;
