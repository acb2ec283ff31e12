import { randomBytes, randomUUID } from 'node:crypto';
import type {
  CompetitionDetail,
  CreateCompetitionBody,
  ListCompetitionsQuery,
  Page,
  UpdateCompetitionBody,
} from '@red-engine/shared';
import { eq, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { COMPETITION_MESSAGES as CM } from '../../core/messages-competition.js';
import { escapeLike, pathsWhere, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { competitionQuestions, competitions } from '../../db/schema/index.js';
import { drawQuestions } from '../exam/index.js';
import { type ListRow, toCompetitionDto } from './competition.mapper.js';
import { effectiveStatus, minutesNeeded } from './competition.policy.js';
import { type CompetitionRow, competitionRepository as repo } from './competition.repository.js';

export const covers = (roots: readonly string[], path: string) => roots.some((r) => path.startsWith(r));

/** Who reaches a competition from the console: its organization in the caller's learning subtrees, else 404. */
export async function competitionFor(
  actor: Actor,
  id: string,
  mode: 'read' | 'manage',
  tx: DbOrTx,
  lock = false,
): Promise<CompetitionRow> {
  const c = await repo.byId(tx, id, lock);
  if (!c || !covers(scopePaths(actor, mode === 'read' ? 'learning:read' : 'learning:manage'), c.orgPath))
    throw notFound();
  return c;
}

const LIST_SQL = sql`select c.id, c.org_id, o.name as org_name, c.title, c.status, c.starts_at, c.ends_at,
  c.question_seconds, c.standings, c.team_aggregate, c.publish_top_list,
  (select count(*)::int from competition_questions q where q.competition_id = c.id) as question_count,
  (select count(*)::int from competition_entries e where e.competition_id = c.id and e.started_at is not null) as participants
  from competitions c join organizations o on o.id = c.org_id`;

/** Setting competitions up: create (draft), edit before the start, schedule (draws the questions), cancel. */
export function createCompetitionService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function listRow(tx: DbOrTx, id: string) {
    const [row] = await queryRows<ListRow>(tx, sql`${LIST_SQL} where c.id = ${id}`);
    return row!;
  }

  async function detail(actor: Actor, c: CompetitionRow, tx: DbOrTx = db): Promise<CompetitionDetail> {
    const banks = await repo.namesOf(tx, 'question_banks', c.bankIds);
    const audience = await repo.namesOf(tx, 'organizations', c.audienceOrgIds);
    const t = now();
    return {
      ...toCompetitionDto(await listRow(tx, c.id), t),
      description: c.description,
      lobbyMinutes: c.lobbyMinutes,
      bankIds: c.bankIds,
      banks: banks.map(({ id, name }) => ({ id, name })),
      drawRules: c.drawRules,
      topListSize: c.topListSize,
      audienceOrgIds: c.audienceOrgIds,
      audience: c.audienceOrgIds.map((id) => ({ id, name: audience.find((a) => a.id === id)?.name ?? '' })),
      waveSize: c.waveSize,
      waveMs: c.waveMs,
      anomalyFloorMs: c.anomalyFloorMs,
      anomalyMinCount: c.anomalyMinCount,
      canManage: covers(scopePaths(actor, 'learning:manage'), c.orgPath),
      serverNow: t.toISOString(),
    };
  }

  /** Checks banks, audience and times; answers the audience's paths. */
  async function checked(
    actor: Actor,
    orgPath: string,
    v: Pick<
      CompetitionRow,
      'bankIds' | 'audienceOrgIds' | 'startsAt' | 'endsAt' | 'questionSeconds' | 'drawRules' | 'status'
    >,
    tx: DbOrTx,
  ): Promise<string[]> {
    if (v.endsAt <= v.startsAt) throw fieldError('body.endsAt', CM.endsBeforeStart);
    const count = v.drawRules.reduce((n, r) => n + r.count, 0);
    const needed = minutesNeeded(count, v.questionSeconds);
    if (v.endsAt.getTime() - v.startsAt.getTime() < needed * 60_000)
      throw fieldError('body.endsAt', CM.tooShort(needed));
    const manage = scopePaths(actor, 'learning:manage');
    const banks = await repo.namesOf(tx, 'question_banks', v.bankIds);
    for (const [i, id] of v.bankIds.entries()) {
      const b = banks.find((x) => x.id === id);
      // A bank of the host, of one of its ancestors (the zone's banks), or anywhere the caller manages.
      if (!b || !(orgPath.startsWith(b.path) || covers(manage, b.path)))
        throw fieldError(`body.bankIds.${i}`, CM.bankUnknown);
    }
    const orgs = await repo.namesOf(tx, 'organizations', v.audienceOrgIds);
    return v.audienceOrgIds.map((id, i) => {
      const o = orgs.find((x) => x.id === id);
      if (!o?.path.startsWith(orgPath)) throw fieldError(`body.audienceOrgIds.${i}`, CM.audienceUnknown);
      return o.path;
    });
  }

  /** Draws the questions once, with the competition's seed: the same paper for every participant. */
  async function draw(tx: Tx, c: CompetitionRow) {
    let rows: Awaited<ReturnType<typeof drawQuestions>>;
    try {
      rows = await drawQuestions(tx, { bankIds: c.bankIds, rules: c.drawRules, seed: c.drawSeed });
    } catch (e) {
      const d = e instanceof AppError ? (e.details as { path: string; text: unknown }[] | undefined) : undefined;
      const path = d?.[0]?.path;
      if (e instanceof AppError && path?.startsWith('rules.'))
        throw new AppError('VALIDATION_FAILED', e.text, {
          details: [{ ...d![0], path: `body.drawRules.${path.slice(6)}` }],
        });
      throw e;
    }
    await tx.delete(competitionQuestions).where(eq(competitionQuestions.competitionId, c.id));
    if (rows.length > 0)
      await tx.insert(competitionQuestions).values(
        rows.map((q, position) => ({
          competitionId: c.id,
          position,
          questionId: q.id,
          snapshot: { kind: q.kind, stem: q.stem, options: q.options, answer: q.answer, points: q.points },
        })),
      );
    return rows.length;
  }

  return {
    detail,

    async list(actor: Actor, q: ListCompetitionsQuery): Promise<Page<ReturnType<typeof toCompetitionDto>>> {
      const roots = scopePaths(actor, 'learning:read');
      const t = now();
      const ts = sql`${t.toISOString()}::timestamptz`;
      const status =
        q.status === 'draft' || q.status === 'cancelled'
          ? sql`c.status = ${q.status}`
          : q.status === 'scheduled'
            ? sql`c.status = 'scheduled' and c.starts_at > ${ts}`
            : q.status === 'running'
              ? sql`c.status = 'scheduled' and c.starts_at <= ${ts} and c.ends_at > ${ts}`
              : q.status === 'finished'
                ? sql`c.status = 'scheduled' and c.ends_at <= ${ts}`
                : sql`true`;
      const kw = q.keyword ? sql`c.title like ${`%${escapeLike(q.keyword)}%`}` : sql`true`;
      const where = sql`where ${pathsWhere(sql`c.org_path`, roots)} and ${status} and ${kw}`;
      const [{ n }] = (await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from competitions c ${where}`,
      )) as [{ n: number }];
      const rows = await queryRows<ListRow>(
        db,
        sql`${LIST_SQL} ${where} order by c.starts_at desc, c.id limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
      );
      return { data: rows.map((r) => toCompetitionDto(r, t)), total: n, current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await competitionFor(actor, id, 'read', db));
    },

    async create(ctx: RequestContext, body: CreateCompetitionBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const [org] = await repo.namesOf(tx, 'organizations', [body.orgId]);
        if (!org || !covers(scopePaths(actor, 'learning:manage'), org.path)) throw notFound();
        const startsAt = new Date(body.startsAt);
        if (Number.isNaN(startsAt.getTime()) || startsAt <= now()) throw fieldError('body.startsAt', CM.startInPast);
        const values = {
          ...body,
          description: body.description ?? null,
          startsAt,
          endsAt: new Date(body.endsAt),
          status: 'draft',
        };
        const audiencePaths = await checked(actor, org.path, values, tx);
        const id = randomUUID();
        await tx.insert(competitions).values({
          id,
          ...values,
          orgPath: org.path,
          audiencePaths,
          drawSeed: randomBytes(12).toString('base64url'),
          createdById: actor.userId,
        });
        audit.record({
          action: 'competition.created',
          entity: 'competition',
          entityId: id,
          orgPath: org.path,
          after: { title: body.title, startsAt: body.startsAt, endsAt: body.endsAt },
        });
        return detail(actor, (await repo.byId(tx, id))!, tx);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateCompetitionBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const c = await competitionFor(actor, id, 'manage', tx, true);
        const st = effectiveStatus(c, now());
        if (st !== 'draft' && st !== 'scheduled') throw new AppError('COMPETITION_STATE', CM.notEditable);
        const next = {
          ...c,
          ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
          startsAt: body.startsAt ? new Date(body.startsAt) : c.startsAt,
          endsAt: body.endsAt ? new Date(body.endsAt) : c.endsAt,
        } as CompetitionRow;
        if (body.startsAt && next.startsAt <= now()) throw fieldError('body.startsAt', CM.startInPast);
        next.audiencePaths = await checked(actor, c.orgPath, next, tx);
        const { id: _id, createdAt: _c, createdById: _b, joinedCount: _j, ...rest } = next;
        await tx
          .update(competitions)
          .set({ ...rest, updatedAt: new Date() })
          .where(eq(competitions.id, id));
        if (c.status === 'scheduled' && (body.bankIds || body.drawRules)) await draw(tx, next);
        // Members already in the lobby keep their place in the waves, relative to the new start.
        if (next.startsAt.getTime() !== c.startsAt.getTime())
          await queryRows(
            tx,
            sql`update competition_entries set admit_at = admit_at + make_interval(secs => ${(next.startsAt.getTime() - c.startsAt.getTime()) / 1000})
              where competition_id = ${id}`,
          );
        audit.record({
          action: 'competition.updated',
          entity: 'competition',
          entityId: id,
          orgPath: c.orgPath,
          before: Object.fromEntries(Object.keys(body).map((k) => [k, c[k as keyof CompetitionRow]])),
          after: body,
        });
        return detail(actor, (await repo.byId(tx, id))!, tx);
      });
    },

    async schedule(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const c = await competitionFor(actor, id, 'manage', tx, true);
        if (c.status !== 'draft') throw new AppError('COMPETITION_STATE', CM.notDraft);
        if (c.startsAt <= now()) throw fieldError('body.startsAt', CM.startInPast);
        const count = await draw(tx, c);
        await tx
          .update(competitions)
          .set({ status: 'scheduled', updatedAt: new Date() })
          .where(eq(competitions.id, id));
        audit.record({
          action: 'competition.scheduled',
          entity: 'competition',
          entityId: id,
          orgPath: c.orgPath,
          before: { status: c.status },
          after: { status: 'scheduled', questions: count },
        });
        return detail(actor, (await repo.byId(tx, id))!, tx);
      });
    },

    async cancel(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const c = await competitionFor(actor, id, 'manage', tx, true);
        const st = effectiveStatus(c, now());
        if (st === 'finished' || st === 'cancelled') throw new AppError('COMPETITION_STATE', CM.notCancellable);
        await tx
          .update(competitions)
          .set({ status: 'cancelled', updatedAt: new Date() })
          .where(eq(competitions.id, id));
        audit.record({
          action: 'competition.cancelled',
          entity: 'competition',
          entityId: id,
          orgPath: c.orgPath,
          before: { status: c.status },
          after: { status: 'cancelled' },
        });
        return detail(actor, (await repo.byId(tx, id))!, tx);
      });
    },
  };
}

export type CompetitionService = ReturnType<typeof createCompetitionService>;
