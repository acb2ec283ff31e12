import { randomUUID } from 'node:crypto';
import {
  type CreateRectificationBody,
  type ListRectificationsQuery,
  type Page,
  type Rectification,
  type RectificationStatus,
  type RectificationSummary,
  rectificationCanMove,
  type UpdateRectificationBody,
} from '@red-engine/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { escapeLike, pathsWhere, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { evaluationRectifications } from '../../db/schema/index.js';
import { readUpload } from '../file-store/index.js';
import type { EvaluationAccess } from './evaluation.access.js';
import { beijingToday, type RectificationListRow, toAttachmentDto, toRectificationDto } from './evaluation.mapper.js';
import { covers } from './evaluation.policy.js';
import type { SubjectService } from './evaluation.subjects.js';

const SELECT = sql`select r.id, r.campaign_id, c.title as campaign_title, c.year, r.subject_id, s.name as subject_name,
  r.org_id, o.name as org_name, r.problem, r.measure, r.owner_name, r.due_on::text as due_on, r.status, r.progress_note,
  r.closing_note, r.closed_at, r.closed_by_name, r.created_at, r.updated_at
  from evaluation_rectifications r join evaluation_campaigns c on c.id = r.campaign_id
  join evaluation_subjects s on s.id = r.subject_id join organizations o on o.id = r.org_id`;

/**
 * 整改清单 of 述职评议: listed by the organizing organization after the vote, worked on and closed with evidence by
 * the branch (or the organizer), reopened by the organizer when the evidence does not hold. Overdue = open past
 * the due date (Beijing calendar); due soon = within the configured warning days.
 */
export function createRectificationService(deps: { db: Db; access: EvaluationAccess; subjects: SubjectService }) {
  const { db, access } = deps;
  const { repo } = access;

  async function warnDays(tx: DbOrTx = db) {
    return (await repo.settings(tx))['evaluation.rectification.warn_days'];
  }

  async function dto(id: string, tx: DbOrTx = db): Promise<Rectification> {
    const [row] = await queryRows<RectificationListRow>(tx, sql`${SELECT} where r.id = ${id}`);
    const files = (await repo.attachmentsOf([id], tx, true)).map(toAttachmentDto);
    return toRectificationDto(row!, files, beijingToday(), await warnDays(tx));
  }

  /** The item, for whoever manages its branch (the organizer's subtree holds the branch too); else 404. */
  async function itemFor(actor: Actor, id: string, tx: DbOrTx) {
    const q = tx.select().from(evaluationRectifications).where(eq(evaluationRectifications.id, id));
    const [r] = tx === db ? await q : await q.for('update');
    const roots = scopePaths(actor, 'evaluation:manage');
    if (!r || !covers(roots, r.orgPath)) throw notFound();
    return { r };
  }

  function filters(actor: Actor, q: Partial<ListRectificationsQuery>, today: string, days: number): SQL {
    const parts: SQL[] = [pathsWhere(sql`r.org_path`, scopePaths(actor, 'evaluation:read'))];
    if (q.campaignId) parts.push(sql`r.campaign_id = ${q.campaignId}`);
    if (q.orgId)
      parts.push(sql`r.org_path like (select so.path from organizations so where so.id = ${q.orgId}) || '%'`);
    if (q.status) parts.push(sql`r.status = ${q.status}`);
    if (q.state === 'closed') parts.push(sql`r.status = 'closed'`);
    if (q.state === 'overdue') parts.push(sql`r.status <> 'closed' and r.due_on < ${today}::date`);
    if (q.state === 'due_soon')
      parts.push(
        sql`r.status <> 'closed' and r.due_on >= ${today}::date and r.due_on <= ${today}::date + ${days}::int`,
      );
    if (q.state === 'on_track') parts.push(sql`r.status <> 'closed' and r.due_on > ${today}::date + ${days}::int`);
    if (q.keyword) {
      const k = `%${escapeLike(q.keyword)}%`;
      parts.push(sql`(r.problem ilike ${k} or r.owner_name ilike ${k} or s.name ilike ${k} or o.name ilike ${k})`);
    }
    return and(...parts)!;
  }

  return {
    async list(actor: Actor, q: ListRectificationsQuery): Promise<Page<Rectification>> {
      const today = beijingToday();
      const days = await warnDays();
      const where = filters(actor, q, today, days);
      const [rows, total] = await Promise.all([
        queryRows<RectificationListRow>(
          db,
          sql`${SELECT} where ${where}
            order by (r.status = 'closed'), r.due_on, o.sort_order, r.id
            limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
        ),
        queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from evaluation_rectifications r join evaluation_subjects s on s.id = r.subject_id
            join organizations o on o.id = r.org_id where ${where}`,
        ),
      ]);
      const files = await repo.attachmentsOf(
        rows.map((r) => r.id),
        db,
        true,
      );
      return {
        data: rows.map((r) =>
          toRectificationDto(r, files.filter((f) => f.rectificationId === r.id).map(toAttachmentDto), today, days),
        ),
        total: total[0]?.n ?? 0,
        current: q.current,
        pageSize: q.pageSize,
      };
    },

    async summary(actor: Actor, campaignId?: string): Promise<RectificationSummary> {
      const today = beijingToday();
      const days = await warnDays();
      const where = filters(actor, { campaignId }, today, days);
      const [row] = await queryRows<RectificationSummary>(
        db,
        sql`select count(*)::int as total,
            count(*) filter (where r.status = 'open')::int as open,
            count(*) filter (where r.status = 'in_progress')::int as "inProgress",
            count(*) filter (where r.status = 'closed')::int as closed,
            count(*) filter (where r.status <> 'closed' and r.due_on < ${today}::date)::int as overdue,
            count(*) filter (where r.status <> 'closed' and r.due_on >= ${today}::date
              and r.due_on <= ${today}::date + ${days}::int)::int as "dueSoon"
          from evaluation_rectifications r join evaluation_subjects s on s.id = r.subject_id
          join organizations o on o.id = r.org_id where ${where}`,
      );
      return row!;
    },

    async create(ctx: RequestContext, subjectId: string, body: CreateRectificationBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { s, c } = await access.subjectFor(actor, subjectId, 'campaign', tx, true);
        if (c.kind !== 'secretary_review') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationNotReview);
        if (c.status !== 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationNotYet);
        const id = randomUUID();
        await tx.insert(evaluationRectifications).values({
          id,
          campaignId: c.id,
          subjectId: s.id,
          orgId: s.orgId,
          orgPath: s.orgPath,
          problem: body.problem,
          measure: body.measure ?? null,
          ownerName: body.ownerName,
          dueOn: body.dueOn,
          createdById: actor.userId,
        });
        audit.record({
          action: 'evaluation.rectification_created',
          entity: 'evaluation_rectification',
          entityId: id,
          orgPath: s.orgPath,
          after: { subjectId: s.id, problem: body.problem, ownerName: body.ownerName, dueOn: body.dueOn },
        });
        return dto(id, tx);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateRectificationBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { r } = await itemFor(actor, id, tx);
        if (r.status === 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationClosed);
        const status = body.status && body.status !== r.status ? body.status : undefined;
        if (status && !rectificationCanMove(r.status as RectificationStatus, status))
          throw new AppError('EVALUATION_STATE', MESSAGES.evaluationTransition);
        await tx
          .update(evaluationRectifications)
          .set({
            ...(body.problem !== undefined && { problem: body.problem }),
            ...(body.measure !== undefined && { measure: body.measure ?? null }),
            ...(body.ownerName !== undefined && { ownerName: body.ownerName }),
            ...(body.dueOn !== undefined && { dueOn: body.dueOn }),
            ...(status && { status }),
            ...(body.progressNote !== undefined && { progressNote: body.progressNote ?? null }),
            updatedAt: new Date(),
          })
          .where(eq(evaluationRectifications.id, id));
        audit.record({
          action: 'evaluation.rectification_updated',
          entity: 'evaluation_rectification',
          entityId: id,
          orgPath: r.orgPath,
          before: { status: r.status, dueOn: r.dueOn, ownerName: r.ownerName },
          after: { ...body },
        });
        return dto(id, tx);
      });
    },

    /** 销号: closed with a note on what was done; evidence files may be attached before. */
    async close(ctx: RequestContext, id: string, closingNote: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { r } = await itemFor(actor, id, tx);
        if (r.status === 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationClosed);
        await tx
          .update(evaluationRectifications)
          .set({
            status: 'closed',
            closingNote,
            closedAt: new Date(),
            closedByName: actor.displayName,
            updatedAt: new Date(),
          })
          .where(eq(evaluationRectifications.id, id));
        audit.record({
          action: 'evaluation.rectification_closed',
          entity: 'evaluation_rectification',
          entityId: id,
          orgPath: r.orgPath,
          before: { status: r.status },
          after: { status: 'closed', closingNote },
        });
        return dto(id, tx);
      });
    },

    /**
     * Back to in progress, the reason kept in the progress note: the organizer does not accept the evidence, or the
     * branch closed it by mistake.
     */
    async reopen(ctx: RequestContext, id: string, reason: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const { r } = await itemFor(actor, id, tx);
        if (r.status !== 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationNotClosed);
        await tx
          .update(evaluationRectifications)
          .set({
            status: 'in_progress',
            closedAt: null,
            closedByName: null,
            progressNote: reason,
            updatedAt: new Date(),
          })
          .where(eq(evaluationRectifications.id, id));
        audit.record({
          action: 'evaluation.rectification_reopened',
          entity: 'evaluation_rectification',
          entityId: id,
          orgPath: r.orgPath,
          before: { status: 'closed', closingNote: r.closingNote },
          after: { status: 'in_progress', reason },
        });
        return dto(id, tx);
      });
    },

    async uploadEvidence(ctx: RequestContext, id: string, req: FastifyRequest) {
      const actor = ctx.actor!;
      // Scope first: a foreign id answers 404 before any body is read.
      await itemFor(actor, id, db);
      const upload = await readUpload(req, deps.subjects.maxBytes);
      return inTransaction(db, ctx, async (tx, audit) => {
        const { r } = await itemFor(actor, id, tx);
        if (r.status === 'closed') throw new AppError('EVALUATION_STATE', MESSAGES.rectificationClosed);
        const s = (await repo.subject(r.subjectId, tx))!;
        return deps.subjects.attach(tx, audit, actor, { s, rectificationId: r.id }, upload);
      });
    },
  };
}

export type RectificationService = ReturnType<typeof createRectificationService>;
