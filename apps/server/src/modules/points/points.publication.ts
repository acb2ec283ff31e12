import {
  type MyPointPublication,
  objectionDeadline,
  objectionOpen,
  type Page,
  type PointObjection,
  type PointPublication,
  parsePeriodKey,
  publishablePeriod,
  shanghaiDate,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { POINTS_MESSAGES as PM } from '../../core/messages-points.js';
import { isPathInScope } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { DbOrTx } from '../../db/client.js';
import { toEntryDto, toObjectionDto, toPublicationDto } from './points.mapper.js';
import { schemeForYear } from './points.policy.js';
import { createPointsRecordsRepository } from './points.records.repository.js';
import type { PointsCore } from './points.service.js';

const conflict = (text: AppError['text']) => new AppError('CONFLICT', text);
type Paged = { current: number; pageSize: number; orgId?: string | undefined };

/**
 * 积分公示: an organization publishes its subtree's points of a month or a quarter; members object from H5 until the
 * objection deadline (working days of the zone's calendar after the day of publication, from the scheme); admins
 * answer. Publishing again (after corrections) opens a new window; the latest publication is what members see first.
 */
export function createPointsPublicationService(core: PointsCore) {
  const { db, repo, today } = core;
  const records = createPointsRecordsRepository(db);

  async function rootOf(actor: Actor, permission: 'points:read' | 'points:manage', orgId: string | undefined | null) {
    if (!orgId) return null;
    const org = await repo.orgPath(orgId);
    if (!org || !isPathInScope(actor, permission, org.path)) throw notFound();
    return org.path;
  }

  /** Publishes in the caller's transaction; `at` lets the demo seed date it in the past. */
  async function publishIn(
    tx: DbOrTx,
    ctx: RequestContext,
    input: {
      orgId: string;
      orgPath: string;
      period: string;
      note?: string | null | undefined;
      at?: Date;
      by?: { id: string | null; name: string | null };
    },
  ) {
    const p = publishablePeriod(input.period);
    if (!p) throw fieldError('body.period', PM.periodInvalid);
    const publishedOn = input.at ? shanghaiDate(input.at) : today();
    if (p.start > publishedOn) throw fieldError('body.period', PM.publishPeriodInFuture);
    const versions = await repo.versions(tx);
    const calendar = await records.calendar(tx);
    const figures = await records.periodFigures(input.orgPath, p.start, p.end, tx);
    const scheme = schemeForYear(versions, Number(publishedOn.slice(0, 4)), publishedOn);
    const deadline = objectionDeadline(publishedOn, scheme.objectionWorkingDays, calendar);
    const id = crypto.randomUUID();
    await records.insertPublication(
      {
        id,
        orgId: input.orgId,
        periodKey: p.key,
        periodKind: p.kind,
        deadline,
        days: scheme.objectionWorkingDays,
        members: figures.members,
        points: figures.points,
        note: input.note ?? null,
        by: input.by ?? core.by(ctx),
        ...(input.at ? { at: input.at } : {}),
      },
      tx,
    );
    return { id, deadline, figures, period: p.key };
  }

  async function publish(
    ctx: RequestContext,
    body: { orgId: string; period: string; note?: string | null | undefined },
  ): Promise<PointPublication> {
    const orgPath = await rootOf(ctx.actor!, 'points:manage', body.orgId);
    return inTransaction(db, ctx, async (tx, audit) => {
      const done = await publishIn(tx, ctx, { ...body, orgPath: orgPath! });
      audit.record({
        action: 'points.publish',
        entity: 'point_publication',
        entityId: done.id,
        orgPath,
        after: {
          orgId: body.orgId,
          period: done.period,
          objectionDeadline: done.deadline,
          members: done.figures.members,
          points: done.figures.points,
        },
      });
      return toPublicationDto((await records.publication(done.id, tx))!, today());
    });
  }

  async function publications(actor: Actor, q: Paged): Promise<Page<PointPublication>> {
    const root = await rootOf(actor, 'points:read', q.orgId);
    const { rows, total } = await records.publications(core.roots(actor, 'points:read'), { ...q, root });
    const t = today();
    return { data: rows.map((r) => toPublicationDto(r, t)), total, current: q.current, pageSize: q.pageSize };
  }

  async function objections(actor: Actor, q: Paged & { status?: string | undefined }): Promise<Page<PointObjection>> {
    const root = await rootOf(actor, 'points:read', q.orgId);
    const { rows, total } = await records.objections(core.roots(actor, 'points:read'), { ...q, root });
    return { data: rows.map(toObjectionDto), total, current: q.current, pageSize: q.pageSize };
  }

  async function answer(
    ctx: RequestContext,
    id: string,
    body: { answer: string; upheld: boolean },
  ): Promise<PointObjection> {
    const roots = core.roots(ctx.actor!, 'points:manage');
    return inTransaction(db, ctx, async (tx, audit) => {
      const o = await records.objection(id, roots, tx, true);
      if (!o) throw notFound();
      if (o.status !== 'pending') throw conflict(PM.objectionAnswered);
      await records.answerObjection(id, { ...body, by: core.by(ctx) }, tx);
      audit.record({
        action: 'points.objection.answer',
        entity: 'point_objection',
        entityId: id,
        orgPath: o.org_path,
        before: { status: o.status },
        after: { status: 'answered', upheld: body.upheld, answer: body.answer },
      });
      return toObjectionDto((await records.objection(id, roots, tx))!);
    });
  }

  // --- H5 -------------------------------------------------------------------------------------------------------

  /** Publications covering my branch, with my own points of each period; open ones first by date. */
  async function myPublications(actor: Actor): Promise<MyPointPublication[]> {
    const me = await core.me(actor);
    if (!me.org_path) return [];
    const rows = await records.publicationsFor(me.org_path, 24);
    const t = today();
    const out: MyPointPublication[] = [];
    for (const r of rows) {
      const p = parsePeriodKey(r.period_key)!;
      const entries = (await repo.entriesInPeriod(me.id, p.start, p.end)).map(toEntryDto);
      out.push({
        id: r.id,
        periodKey: r.period_key,
        orgName: r.org_name,
        publishedAt: new Date(r.published_at).toISOString(),
        objectionDeadline: r.objection_deadline,
        open: objectionOpen(r.objection_deadline, t),
        myPoints: entries.reduce((s, e) => s + e.points, 0),
        myEntries: entries,
      });
    }
    return out;
  }

  async function myObjections(actor: Actor): Promise<PointObjection[]> {
    const me = await core.me(actor);
    return (await records.objectionsOf(me.id)).map(toObjectionDto);
  }

  /** 提出异议: within the window of a publication that covers my branch, about the period or one of my entries in it. */
  async function object(
    ctx: RequestContext,
    body: { publicationId: string; entryId?: string | null | undefined; text: string },
  ): Promise<PointObjection> {
    const actor = ctx.actor!;
    const me = await core.me(actor);
    return inTransaction(db, ctx, async (tx, audit) => {
      const pub = await records.publication(body.publicationId, tx);
      if (!pub || !me.org_path?.startsWith(pub.org_path)) throw notFound();
      if (!objectionOpen(pub.objection_deadline, today())) throw conflict(PM.objectionClosed(pub.objection_deadline));
      if (body.entryId) {
        const entry = await repo.entry(body.entryId, tx);
        const p = parsePeriodKey(pub.period_key)!;
        if (!entry || entry.member_id !== me.id) throw fieldError('body.entryId', PM.objectionEntryNotInPeriod);
        if (entry.occurred_on < p.start || entry.occurred_on >= p.end)
          throw fieldError('body.entryId', PM.objectionEntryNotInPeriod);
      }
      const id = crypto.randomUUID();
      await records.insertObjection(
        { id, publicationId: pub.id, memberId: me.id, entryId: body.entryId ?? null, text: body.text },
        tx,
      );
      audit.record({
        action: 'points.objection.create',
        entity: 'point_objection',
        entityId: id,
        orgPath: me.org_path,
        after: { publicationId: pub.id, period: pub.period_key, entryId: body.entryId ?? null, text: body.text },
      });
      return toObjectionDto((await records.objection(id, null, tx))!);
    });
  }

  return { publish, publishIn, publications, objections, answer, myPublications, myObjections, object };
}
export type PointsPublicationService = ReturnType<typeof createPointsPublicationService>;
