import { randomUUID } from 'node:crypto';
import {
  type AnswerBody,
  type AnswerResult,
  answerToOriginalKeys,
  type MyCompetition,
  type PlayState,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { COMPETITION_MESSAGES as CM } from '../../core/messages-competition.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { CompetitionQuestionSnapshot } from '../../db/schema/index.js';
import { recordDeferred } from '../audit/index.js';
import { gradeAnswer, shuffleOptions } from '../exam/index.js';
import {
  acceptsAnswerAt,
  admitAtFor,
  answerPoints,
  answerValueOf,
  effectiveStatus,
  lobbyOpensAt,
  questionDeadline,
} from './competition.policy.js';
import { type CompetitionRow, competitionRepository as repo } from './competition.repository.js';

type Member = { id: string; name: string; org_id: string; org_path: string };
type Entry = { id: string; admit_at: Date | string; started_at: Date | string | null; score: number; answered: number };
type Opened = { position: number; opened_at: Date | string; answered_at: Date | string | null };

const iso = (d: Date | string) => new Date(d).toISOString();
const inAudience = (c: CompetitionRow, path: string) => c.audiencePaths.some((p) => path.startsWith(p));

/**
 * The member's side of a competition: the lobby, the staggered start, one question at a time on the server's clock,
 * one answer per question. High-volume writes keep their audit events in `audit_pending` (sealed into the chain by
 * the sealer), written in the same transaction as the change.
 */
export function createCompetitionPlay(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  /** The paper of a competition that has started never changes (editing is refused from then on): keep it. */
  const papers = new Map<string, CompetitionQuestionSnapshot[]>();

  async function paperOf(c: CompetitionRow, tx: DbOrTx): Promise<CompetitionQuestionSnapshot[]> {
    const cached = papers.get(c.id);
    if (cached) return cached;
    const rows = await queryRows<{ snapshot: CompetitionQuestionSnapshot }>(
      tx,
      sql`select snapshot from competition_questions where competition_id = ${c.id} order by position`,
    );
    const paper = rows.map((r) => r.snapshot);
    if (now() >= c.startsAt) papers.set(c.id, paper);
    return paper;
  }

  /**
   * Hot-path reads cached for a moment: a member's own record (10 s) and the competition (1 s). A thousand members
   * asking at once then cost one read each, not two; an edit or a cancellation is seen within a second.
   */
  const memberCache = new Map<string, { at: number; m: Member }>();
  const competitionCache = new Map<string, { at: number; c: CompetitionRow }>();

  async function cachedMember(userId: string, tx: DbOrTx): Promise<Member | undefined> {
    const hit = memberCache.get(userId);
    if (hit && Date.now() - hit.at < 10_000) return hit.m;
    const m = (await repo.memberOfUser(tx, userId)) as Member | undefined;
    if (m) memberCache.set(userId, { at: Date.now(), m });
    if (memberCache.size > 50_000) memberCache.clear();
    return m;
  }

  async function cachedCompetition(id: string, tx: DbOrTx): Promise<CompetitionRow | undefined> {
    const hit = competitionCache.get(id);
    if (hit && Date.now() - hit.at < 1_000) return hit.c;
    const c = await repo.byId(tx, id);
    if (c) competitionCache.set(id, { at: Date.now(), c });
    if (competitionCache.size > 1000) competitionCache.clear();
    return c;
  }

  /** The member and the competition they may take part in (published, in the audience); anything else is 404. */
  async function reach(actor: Actor, id: string, tx: DbOrTx = db) {
    const member = await cachedMember(actor.userId, tx);
    if (!member) throw notFound();
    const c = await cachedCompetition(id, tx);
    if (!c || c.status === 'draft' || !inAudience(c, member.org_path)) throw notFound();
    return { member, c };
  }

  const entryOf = async (tx: DbOrTx, c: CompetitionRow, memberId: string) =>
    (
      await queryRows<Entry>(
        tx,
        sql`select id, admit_at, started_at, score, answered from competition_entries
          where competition_id = ${c.id} and member_id = ${memberId}`,
      )
    )[0];

  /** The member's entry with the last question they were given (one read). */
  const current = async (c: CompetitionRow, memberId: string) =>
    (
      await queryRows<
        Entry & { position: number | null; opened_at: Date | string | null; answered_at: Date | string | null }
      >(
        db,
        sql`select e.id, e.admit_at, e.started_at, e.score, e.answered, l.position, l.opened_at, l.answered_at
          from competition_entries e left join lateral (select a.position, a.opened_at, a.answered_at
            from competition_answers a where a.entry_id = e.id order by a.position desc limit 1) l on true
          where e.competition_id = ${c.id} and e.member_id = ${memberId}`,
      )
    )[0];

  /** An audit_pending insert for every row of the CTE `from`, for statements that write and audit at once. */
  const auditFrom = (
    ctx: RequestContext,
    from: 'ins' | 'upd',
    at: Date,
    action: string,
    entityId: string,
    orgPath: string,
    after: Record<string, unknown>,
  ) => sql`insert into audit_pending (occurred_at, actor_id, actor_name, action, entity, entity_id, org_path, after,
      request_id, ip)
    select ${at.toISOString()}::timestamptz, ${ctx.actor?.userId ?? null}, ${ctx.actor?.displayName ?? null}, ${action},
      'competition', ${entityId}, ${orgPath}, ${JSON.stringify(after)}::jsonb, ${ctx.requestId}, ${ctx.ip} from ${sql.raw(from)}`;

  /** Joins the lobby (idempotent): the member's place in the admission waves is fixed here. */
  async function join(ctx: RequestContext, tx: Tx, c: CompetitionRow, member: Member): Promise<Entry> {
    const existing = await entryOf(tx, c, member.id);
    if (existing) return existing;
    const t = now();
    if (t < lobbyOpensAt(c)) throw new AppError('COMPETITION_STATE', CM.lobbyNotOpen(lobbyOpensAt(c)));
    const [{ seq }] = (await queryRows<{ seq: number }>(
      tx,
      sql`update competitions set joined_count = joined_count + 1 where id = ${c.id} returning joined_count - 1 as seq`,
    )) as [{ seq: number }];
    const admitAt = new Date(Math.max(admitAtFor(c, seq).getTime(), t.getTime()));
    const id = randomUUID();
    await queryRows(
      tx,
      sql`insert into competition_entries (id, competition_id, member_id, org_id, org_path, joined_at, admit_at)
        values (${id}, ${c.id}, ${member.id}, ${member.org_id}, ${member.org_path}, ${t.toISOString()}::timestamptz,
          ${admitAt.toISOString()}::timestamptz)`,
    );
    await recordDeferred(tx, ctx, [
      {
        action: 'competition.joined',
        entity: 'competition',
        entityId: c.id,
        orgPath: member.org_path,
        after: { memberId: member.id, admitAt: admitAt.toISOString() },
      },
    ]);
    return { id, admit_at: admitAt, started_at: null, score: 0, answered: 0 };
  }

  function state(
    c: CompetitionRow,
    s: PlayState['state'],
    entry: Entry | null,
    extra: Partial<PlayState> = {},
  ): PlayState {
    return {
      state: s,
      serverNow: now().toISOString(),
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      retryAfterMs: null,
      question: null,
      score: entry?.score ?? 0,
      answered: entry?.answered ?? 0,
      ...extra,
    };
  }

  /** Before the lobby opens: the countdown only, nobody joins yet (the client asks again when it opens). */
  function beforeLobby(c: CompetitionRow): PlayState | null {
    const t = now();
    const opens = lobbyOpensAt(c);
    return t < opens ? state(c, 'lobby', null, { retryAfterMs: opens.getTime() - t.getTime() }) : null;
  }

  function present(c: CompetitionRow, member: Member, paper: CompetitionQuestionSnapshot[], o: Opened) {
    const q = paper[o.position]!;
    const shown = shuffleOptions(q, `${c.drawSeed}:${member.id}:${o.position}`);
    return {
      position: o.position,
      total: paper.length,
      kind: q.kind,
      stem: q.stem,
      options: shown.options.map((x) => ({ key: x.key, text: x.text })),
      blanks: q.kind === 'fill' ? q.answer.length : 0,
      openedAt: iso(o.opened_at),
      deadline: questionDeadline(new Date(o.opened_at), c).toISOString(),
    };
  }

  return {
    async mine(actor: Actor): Promise<MyCompetition[]> {
      const member = (await repo.memberOfUser(db, actor.userId)) as Member | undefined;
      if (!member) return [];
      const t = now();
      const rows = await queryRows<{
        id: string;
        title: string;
        org_name: string;
        status: string;
        starts_at: Date | string;
        ends_at: Date | string;
        question_seconds: number;
        question_count: number;
        entry_id: string | null;
        answered: number | null;
        score: number | null;
      }>(
        db,
        sql`select c.id, c.title, o.name as org_name, c.status, c.starts_at, c.ends_at, c.question_seconds,
          (select count(*)::int from competition_questions q where q.competition_id = c.id) as question_count,
          e.id as entry_id, e.answered, e.score
        from competitions c join organizations o on o.id = c.org_id
        left join competition_entries e on e.competition_id = c.id and e.member_id = ${member.id}
        where c.status <> 'draft' and c.ends_at > ${t.toISOString()}::timestamptz - interval '180 days'
          and exists (select 1 from unnest(c.audience_paths) p where ${member.org_path} like p || '%')
        order by c.starts_at desc limit 100`,
      );
      return rows.map((r) => ({
        id: r.id,
        title: r.title,
        orgName: r.org_name,
        status: effectiveStatus({ status: r.status, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }, t),
        startsAt: iso(r.starts_at),
        endsAt: iso(r.ends_at),
        questionCount: r.question_count,
        questionSeconds: r.question_seconds,
        joined: r.entry_id !== null,
        answered: r.answered ?? 0,
        score: r.entry_id ? r.score : null,
      }));
    },

    /** `POST /me/competitions/:id/join`: into the lobby; answers the state with the server's clock. */
    async join(ctx: RequestContext, id: string): Promise<PlayState> {
      const { member, c } = await reach(ctx.actor!, id);
      const st = effectiveStatus(c, now());
      if (st === 'cancelled' || st === 'finished') return state(c, 'closed', (await entryOf(db, c, member.id)) ?? null);
      const early = beforeLobby(c);
      if (early) return early;
      const entry = await inTransaction(db, ctx, (tx) => join(ctx, tx, c, member));
      const t = now();
      if (t < c.startsAt) return state(c, 'lobby', entry, { retryAfterMs: c.startsAt.getTime() - t.getTime() });
      return state(c, 'waiting', entry, {
        retryAfterMs: Math.max(0, new Date(entry.admit_at).getTime() - t.getTime()),
      });
    },

    /**
     * `POST /me/competitions/:id/play`: the member's current question, opening the next one when the last was answered
     * or timed out. Before the start: the lobby; before the member's wave: "wait N ms" (the client retries then).
     * Opening a question is one statement with its audit row (the hot path of a burst, like check-ins).
     */
    async play(ctx: RequestContext, id: string): Promise<PlayState> {
      const { member, c } = await reach(ctx.actor!, id);
      const st = effectiveStatus(c, now());
      if (st === 'cancelled') return state(c, 'closed', null);
      let cur = await current(c, member.id);
      if (!cur) {
        if (st === 'finished') return state(c, 'closed', null);
        const early = beforeLobby(c);
        if (early) return early;
        await inTransaction(db, ctx, (tx) => join(ctx, tx, c, member));
        cur = (await current(c, member.id))!;
      }
      const entry = cur;
      const t = now();
      if (t < c.startsAt) return state(c, 'lobby', entry, { retryAfterMs: c.startsAt.getTime() - t.getTime() });
      const admitAt = new Date(entry.admit_at);
      if (t < admitAt && st !== 'finished')
        return state(c, 'waiting', entry, { retryAfterMs: admitAt.getTime() - t.getTime() });
      const paper = await paperOf(c, db);
      const last: Opened | null =
        entry.position === null
          ? null
          : { position: entry.position, opened_at: entry.opened_at!, answered_at: entry.answered_at };
      if (last && !last.answered_at && acceptsAnswerAt(questionDeadline(new Date(last.opened_at), c), t))
        return state(c, 'question', entry, { question: present(c, member, paper, last) });
      const next = last ? last.position + 1 : 0;
      if (next >= paper.length || t >= c.endsAt) return state(c, 'finished', entry);
      const at = sql`${t.toISOString()}::timestamptz`;
      const opened = await queryRows<Opened>(
        db,
        sql`with ins as (insert into competition_answers (entry_id, position, opened_at)
            values (${entry.id}, ${next}, ${at}) on conflict do nothing returning position, opened_at, answered_at),
          started as (update competition_entries set started_at = ${at}
            where id = ${entry.id} and started_at is null and exists (select 1 from ins)),
          audited as (${auditFrom(ctx, 'ins', t, 'competition.question_opened', c.id, member.org_path, { memberId: member.id, position: next })})
          select position, opened_at, answered_at from ins`,
      );
      if (opened.length === 0) return state(c, 'waiting', entry, { retryAfterMs: 200 });
      return state(c, 'question', entry, { question: present(c, member, paper, opened[0]!) });
    },

    /**
     * `POST /me/competitions/:id/answers`: one answer per question. A retried POST finds the question answered and gets
     * the first result back (`replayed`), never counted twice; after the deadline (server clock) it is refused. The
     * answer, the member's totals and the audit row are written by one statement that only acts on an unanswered row.
     */
    async answer(ctx: RequestContext, id: string, body: AnswerBody): Promise<AnswerResult> {
      const { member, c } = await reach(ctx.actor!, id);
      type Row = {
        entry_id: string;
        opened_at: Date | string;
        answered_at: Date | string | null;
        correct: boolean | null;
        points: number;
        elapsed_ms: number | null;
        score: number;
      };
      const read = async () =>
        (
          await queryRows<Row>(
            db,
            sql`select a.entry_id, a.opened_at, a.answered_at, a.correct, a.points, a.elapsed_ms, e.score
              from competition_entries e join competition_answers a on a.entry_id = e.id and a.position = ${body.position}
              where e.competition_id = ${c.id} and e.member_id = ${member.id}`,
          )
        )[0];
      const replay = (r: Row): AnswerResult => ({
        position: body.position,
        correct: r.correct ?? false,
        points: r.points,
        elapsedMs: r.elapsed_ms ?? 0,
        replayed: true,
        score: r.score,
      });
      const row = await read();
      if (!row) throw new AppError('COMPETITION_STATE', CM.notOpened);
      if (row.answered_at) return replay(row);
      const t = now();
      const openedAt = new Date(row.opened_at);
      const deadline = questionDeadline(openedAt, c);
      if (c.status === 'cancelled' || !acceptsAnswerAt(deadline, t))
        throw new AppError('COMPETITION_ANSWER_LATE', CM.answerLate(deadline, t), {
          details: { deadline: deadline.toISOString(), receivedAt: t.toISOString() },
        });
      const q = (await paperOf(c, db))[body.position]!;
      const shown = shuffleOptions(q, `${c.drawSeed}:${member.id}:${body.position}`);
      const value = answerValueOf(q.kind, body.answer);
      const { correct } = gradeAnswer(shown, value);
      const elapsedMs = Math.max(0, t.getTime() - openedAt.getTime());
      const points = answerPoints(correct, elapsedMs, c.questionSeconds * 1000);
      const original = value === null ? null : answerToOriginalKeys(q.kind, shown.optionOrder, value);
      const [written] = await queryRows<{ score: number }>(
        db,
        sql`with upd as (update competition_answers set answered_at = ${t.toISOString()}::timestamptz,
              answer = ${JSON.stringify(original)}::jsonb, correct = ${correct}, points = ${points}, elapsed_ms = ${elapsedMs}
            where entry_id = ${row.entry_id} and position = ${body.position} and answered_at is null returning entry_id),
          ent as (update competition_entries e set score = e.score + ${points}, correct = e.correct + ${correct ? 1 : 0},
              answered = e.answered + 1, total_ms = e.total_ms + ${elapsedMs}
            from upd where e.id = upd.entry_id returning e.score),
          audited as (${auditFrom(ctx, 'upd', t, 'competition.answered', c.id, member.org_path, {
            memberId: member.id,
            position: body.position,
            answer: original,
            correct,
            points,
            elapsedMs,
          })})
          select score from ent`,
      );
      // Another request for the same answer won the race: it counts, this one replays it.
      if (!written) return replay((await read())!);
      return { position: body.position, correct, points, elapsedMs, replayed: false, score: written.score };
    },

    reach,
  };
}

export type CompetitionPlay = ReturnType<typeof createCompetitionPlay>;
