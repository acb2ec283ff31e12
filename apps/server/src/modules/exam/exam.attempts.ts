import { randomUUID } from 'node:crypto';
import {
  type AnswerValue,
  type Attempt,
  type AttemptResult,
  answerToOriginalKeys,
  attemptDeadline,
  blanksOf,
  canChangeAnswer,
  canSubmit,
  gradeAnswer,
  type MyExam,
  percentOf,
  remainingSeconds,
  seededShuffle,
  shuffleOptions,
} from '@red-engine/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { examAnswers, examAttempts, exams } from '../../db/schema/index.js';
import type { AttemptRow, ExamAccess, ExamRow, MemberRef } from './exam.access.js';
import { drawQuestions, type QuestionRow, questionsByIds } from './exam.draw.js';
import { iso, paperSize } from './exam.mapper.js';
import { EXAM_MESSAGES as M } from './exam.messages.js';
import { audienceWhere, beijingDateTime } from './exam.service.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Results are shown at once, or only once the exam has closed (by time or by hand). */
export const resultsReleased = (e: ExamRow, at: Date) =>
  e.resultsRelease === 'immediate' || e.status === 'closed' || (e.closesAt !== null && at >= e.closesAt);

const windowOf = (e: ExamRow, at: Date): 'upcoming' | 'open' | 'closed' =>
  e.status === 'closed' || (e.closesAt !== null && at >= e.closesAt)
    ? 'closed'
    : e.opensAt !== null && at < e.opensAt
      ? 'upcoming'
      : 'open';

/** A question as this attempt shows it: its choices in the attempt's order, relabeled A, B, C… */
function presented(q: QuestionRow, order: readonly string[] | undefined) {
  if (!order || (q.kind !== 'single' && q.kind !== 'multiple'))
    return { ...q, optionOrder: q.options.map((o) => o.key) };
  const byKey = new Map(q.options.map((o) => [o.key, o]));
  const relabel = new Map(order.map((k, i) => [k, LETTERS[i]!]));
  return {
    ...q,
    options: order.map((k, i) => ({ key: LETTERS[i]!, text: byKey.get(k)?.text ?? '' })),
    answer: q.answer.map((k) => relabel.get(String(k)) ?? String(k)),
    optionOrder: [...order],
  };
}

/** Original keys → the keys this attempt displays. */
function toDisplay(kind: string, order: readonly string[], answer: AnswerValue | null): AnswerValue | null {
  if (answer === null || (kind !== 'single' && kind !== 'multiple')) return answer;
  const map = (k: string) => LETTERS[order.indexOf(k)] ?? k;
  return typeof answer === 'string' ? map(answer) : Array.isArray(answer) ? answer.map(map) : answer;
}

const timeUp = (a: AttemptRow, at: Date) =>
  new AppError('EXAM_TIME_UP', M.timeUp(beijingDateTime(a.deadline)), {
    details: { deadline: iso(a.deadline), serverNow: at.toISOString() },
  });

/** The answer fits the question: a shown key, shown keys, a boolean, or one text per blank. */
function checkShape(q: ReturnType<typeof presented>, answer: AnswerValue) {
  const keys = new Set(q.options.map((o) => o.key));
  const field = 'body.answer';
  switch (q.kind) {
    case 'single':
      if (typeof answer !== 'string') throw fieldError(field, M.answerShape);
      if (!keys.has(answer)) throw fieldError(field, M.answerNotAnOption);
      return;
    case 'multiple':
      if (!Array.isArray(answer)) throw fieldError(field, M.answerShape);
      if (answer.some((k) => !keys.has(k))) throw fieldError(field, M.answerNotAnOption);
      return;
    case 'true_false':
      if (typeof answer !== 'boolean') throw fieldError(field, M.answerShape);
      return;
    default:
      if (!Array.isArray(answer) || answer.length !== blanksOf(q).length) throw fieldError(field, M.answerShape);
  }
}

/**
 * The member's side of exams: my exams, start or resume an attempt, autosave each answer, submit, results. The clock
 * (`now`) is injectable so tests can move past a deadline; every time decision uses it, never the client's.
 */
export function createAttemptService(deps: { db: Db; access: ExamAccess; now?: () => Date }) {
  const { db, access } = deps;
  const now = deps.now ?? (() => new Date());

  async function allowance(examId: string, memberId: string, tx: DbOrTx) {
    const [o] = await queryRows<{ extra_attempts: number; extra_minutes: number }>(
      tx,
      sql`select extra_attempts, extra_minutes from exam_overrides where exam_id = ${examId} and member_id = ${memberId}`,
    );
    return { extraAttempts: o?.extra_attempts ?? 0, extraMinutes: o?.extra_minutes ?? 0 };
  }

  /** A published or closed exam whose audience holds the member; otherwise 404. */
  async function examForMember(me: MemberRef, id: string, tx: DbOrTx, lock = false): Promise<ExamRow> {
    const [hit] = await queryRows<{ id: string }>(
      tx,
      sql`select e.id from exams e, members m where e.id = ${id} and m.id = ${me.id} and e.status <> 'draft' and ${audienceWhere}`,
    );
    if (!hit) throw notFound();
    const q = tx.select().from(exams).where(eq(exams.id, id));
    const [e] = lock ? await q.for('update') : await q;
    return e!;
  }

  /** The member's attempt in progress on an exam of their audience (settled first: an overdue one expires). */
  async function currentAttempt(actor: Actor, examId: string, tx: Tx, audit: AuditRecorder) {
    const me = await access.myMember(actor, tx);
    const e = await examForMember(me, examId, tx);
    const rows = await tx
      .select()
      .from(examAttempts)
      .where(
        and(eq(examAttempts.examId, examId), eq(examAttempts.memberId, me.id), eq(examAttempts.status, 'in_progress')),
      )
      .for('update');
    let expired: AttemptRow | null = null;
    for (const a of rows) {
      const s = await settle(tx, a, e, audit);
      if (s.status === 'in_progress') return { me, a: s, e, expired };
      expired = s;
    }
    return { me, a: null, e, expired };
  }

  /** Grades the saved answers and closes the attempt (submitted, or expired when the grace has passed). */
  async function finish(tx: Tx, a: AttemptRow, e: ExamRow, status: 'submitted' | 'expired', at: Date) {
    const qs = await questionsByIds(tx, a.questionIds);
    const saved = await tx.select().from(examAnswers).where(eq(examAnswers.attemptId, a.id));
    const byQ = new Map(saved.map((s) => [s.questionId, s]));
    let score = 0;
    for (const q of qs) {
      const s = byQ.get(q.id);
      if (!s) continue;
      const g = gradeAnswer(q, s.answer);
      score += g.score;
      await tx
        .update(examAnswers)
        .set({ correct: g.correct, score: g.score })
        .where(and(eq(examAnswers.attemptId, a.id), eq(examAnswers.questionId, q.id)));
    }
    const percent = percentOf(score, a.maxScore);
    const submittedAt = status === 'expired' && a.deadline ? a.deadline : at;
    const [row] = await tx
      .update(examAttempts)
      .set({ status, submittedAt, score, percent, passed: percent >= e.passPercent })
      .where(eq(examAttempts.id, a.id))
      .returning();
    return row!;
  }

  async function attemptDto(a: AttemptRow, e: ExamRow, tx: DbOrTx): Promise<Attempt> {
    const at = now();
    const qs = await questionsByIds(tx, a.questionIds);
    const saved = await tx.select().from(examAnswers).where(eq(examAnswers.attemptId, a.id));
    const byQ = new Map(saved.map((s) => [s.questionId, s.answer]));
    return {
      id: a.id,
      examId: e.id,
      examTitle: e.title,
      attemptNo: a.attemptNo,
      status: a.status as Attempt['status'],
      startedAt: iso(a.startedAt)!,
      deadline: iso(a.deadline),
      serverNow: at.toISOString(),
      remainingSeconds: remainingSeconds(a.deadline, at),
      graceSeconds: a.graceSeconds,
      questions: qs.map((q) => {
        const p = presented(q, a.optionOrders[q.id]);
        return {
          id: q.id,
          kind: q.kind as 'single',
          stem: q.stem,
          options: p.options,
          blanks: q.kind === 'fill' ? blanksOf(q).length : 0,
          points: q.points,
          answer: toDisplay(q.kind, p.optionOrder, byQ.get(q.id) ?? null) as Attempt['questions'][number]['answer'],
        };
      }),
    };
  }

  /** Expires an attempt whose grace has passed (the member never submitted). */
  async function settle(tx: Tx, a: AttemptRow, e: ExamRow, audit: AuditRecorder) {
    if (a.status !== 'in_progress' || canSubmit({ deadline: a.deadline, graceSeconds: a.graceSeconds }, now()))
      return a;
    const done = await finish(tx, a, e, 'expired', now());
    audit.record({
      action: 'exam.attempt_expire',
      entity: 'exam_attempt',
      entityId: a.id,
      orgPath: a.orgPath,
      after: { score: done.score },
    });
    return done;
  }

  async function resultOf(a: AttemptRow, e: ExamRow): Promise<AttemptResult> {
    const released = a.status !== 'in_progress' && resultsReleased(e, now());
    const base = {
      id: a.id,
      examId: e.id,
      examTitle: e.title,
      attemptNo: a.attemptNo,
      status: a.status as AttemptResult['status'],
      submittedAt: iso(a.submittedAt),
      released,
      maxScore: a.maxScore,
    };
    if (!released) return { ...base, score: null, percent: null, passed: null, questions: [] };
    const qs = await questionsByIds(db, a.questionIds);
    const saved = await db.select().from(examAnswers).where(eq(examAnswers.attemptId, a.id));
    const byQ = new Map(saved.map((s) => [s.questionId, s]));
    return {
      ...base,
      score: a.score,
      percent: a.percent,
      passed: a.passed,
      questions: qs.map((q) => {
        const p = presented(q, a.optionOrders[q.id]);
        const s = byQ.get(q.id);
        return {
          id: q.id,
          kind: q.kind as 'single',
          stem: q.stem,
          options: p.options,
          blanks: q.kind === 'fill' ? blanksOf(q).length : 0,
          points: q.points,
          answer: toDisplay(q.kind, p.optionOrder, s?.answer ?? null) as AttemptResult['questions'][number]['answer'],
          correctAnswer: p.answer,
          correct: s?.correct ?? false,
          explanation: q.explanation,
        };
      }),
    };
  }

  return {
    async myExams(ctx: RequestContext): Promise<MyExam[]> {
      const at = now();
      return inTransaction(db, ctx, async (tx, audit) => {
        const me = await access.myMember(ctx.actor!, tx);
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`select e.id from exams e, members m where m.id = ${me.id} and e.status <> 'draft' and ${audienceWhere}
            order by coalesce(e.opens_at, e.published_at) desc, e.id`,
        );
        const out: MyExam[] = [];
        for (const { id } of rows) {
          const [e] = await tx.select().from(exams).where(eq(exams.id, id));
          const attempts = await tx
            .select()
            .from(examAttempts)
            .where(and(eq(examAttempts.examId, id), eq(examAttempts.memberId, me.id)))
            .orderBy(examAttempts.attemptNo);
          const settled: AttemptRow[] = [];
          for (const a of attempts) settled.push(await settle(tx, a, e!, audit));
          const { extraAttempts } = await allowance(id, me.id, tx);
          const [org] = await queryRows<{ name: string }>(
            tx,
            sql`select name from organizations where id = ${e!.orgId}`,
          );
          const released = resultsReleased(e!, at);
          const done = settled.filter((a) => a.status !== 'in_progress');
          const best = done.reduce<number | null>(
            (m, a) => (a.percent === null ? m : Math.max(m ?? 0, a.percent)),
            null,
          );
          out.push({
            id,
            kind: e!.kind as MyExam['kind'],
            title: e!.title,
            description: e!.description,
            orgName: org?.name ?? '',
            opensAt: iso(e!.opensAt),
            closesAt: iso(e!.closesAt),
            timeLimitMinutes: e!.timeLimitMinutes,
            questionCount: paperSize(e!),
            passPercent: e!.passPercent,
            window: windowOf(e!, at),
            attemptsUsed: settled.length,
            attemptsAllowed: e!.maxAttempts + extraAttempts,
            inProgressAttemptId: settled.find((a) => a.status === 'in_progress')?.id ?? null,
            bestPercent: released ? best : null,
            passed: released ? (done.length ? done.some((a) => a.passed) : null) : null,
            resultsAvailable: released && done.length > 0,
            lastAttemptId: settled.at(-1)?.id ?? null,
          });
        }
        return out;
      });
    },

    /** Starts an attempt, or resumes the one in progress (same questions, same order, the server's remaining time). */
    async start(ctx: RequestContext, examId: string): Promise<Attempt> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const me = await access.myMember(ctx.actor!, tx);
        const e = await examForMember(me, examId, tx, true);
        const at = now();
        const attempts = await tx
          .select()
          .from(examAttempts)
          .where(and(eq(examAttempts.examId, examId), eq(examAttempts.memberId, me.id)));
        for (const a of attempts) {
          const s = await settle(tx, a, e, audit);
          if (s.status !== 'in_progress') continue;
          // A resume after a lost connection is part of the record an examiner may need.
          audit.record({
            action: 'exam.attempt_resume',
            entity: 'exam_attempt',
            entityId: s.id,
            orgPath: me.org_path,
            after: { examId },
          });
          return attemptDto(s, e, tx);
        }
        const w = windowOf(e, at);
        if (w === 'upcoming') throw new AppError('EXAM_STATE', M.notOpenYet);
        if (w === 'closed') throw new AppError('EXAM_STATE', M.closed);
        const { extraAttempts, extraMinutes } = await allowance(examId, me.id, tx);
        const allowed = e.maxAttempts + extraAttempts;
        if (attempts.length >= allowed) throw new AppError('EXAM_STATE', M.noAttemptsLeft(allowed));
        const id = randomUUID();
        let qs =
          e.paperMode === 'random'
            ? await drawQuestions(tx, { bankIds: e.bankIds, rules: e.drawRules, seed: id })
            : await questionsByIds(tx, e.fixedQuestionIds);
        if (e.paperMode === 'fixed' && e.shuffleQuestions) qs = seededShuffle(qs, id);
        const optionOrders: Record<string, string[]> = {};
        for (const q of qs) if (e.shuffleOptions) optionOrders[q.id] = shuffleOptions(q, `${id}:${q.id}`).optionOrder;
        const [row] = await tx
          .insert(examAttempts)
          .values({
            id,
            examId,
            memberId: me.id,
            orgPath: me.org_path ?? e.orgPath,
            attemptNo: attempts.length + 1,
            seed: id,
            questionIds: qs.map((q) => q.id),
            optionOrders,
            startedAt: at,
            deadline: attemptDeadline(at, e.timeLimitMinutes, extraMinutes, e.closesAt),
            graceSeconds: e.graceSeconds,
            maxScore: qs.reduce((n, q) => n + q.points, 0),
          })
          .returning();
        audit.record({
          action: 'exam.attempt_start',
          entity: 'exam_attempt',
          entityId: id,
          orgPath: me.org_path,
          after: { examId, attemptNo: row!.attemptNo },
        });
        return attemptDto(row!, e, tx);
      });
    },

    /** Autosave: the latest answer to one question. Refused once the deadline has passed (grace: submit only). */
    async saveAnswer(ctx: RequestContext, examId: string, questionId: string, answer: AnswerValue) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { me, a: current, expired } = await currentAttempt(ctx.actor!, examId, tx, audit);
        if (expired) throw timeUp(expired, now());
        if (!current) throw new AppError('EXAM_STATE', M.attemptFinished);
        const a = current;
        const id = a.id;
        const at = now();
        if (!canChangeAnswer({ deadline: a.deadline, graceSeconds: a.graceSeconds }, at)) throw timeUp(a, at);
        if (!a.questionIds.includes(questionId)) throw fieldError('params.questionId', M.notInAttempt);
        const [q] = await questionsByIds(tx, [questionId]);
        const p = presented(q!, a.optionOrders[questionId]);
        checkShape(p, answer);
        const original = answerToOriginalKeys(q!.kind, p.optionOrder, answer);
        await tx
          .insert(examAnswers)
          .values({ attemptId: id, questionId, answer: original as string, savedAt: at })
          .onConflictDoUpdate({
            target: [examAnswers.attemptId, examAnswers.questionId],
            set: { answer: original as string, savedAt: at },
          });
        audit.record({
          action: 'exam.answer_save',
          entity: 'exam_attempt',
          entityId: id,
          orgPath: me.org_path,
          after: { questionId },
        });
        return { savedAt: at.toISOString(), remainingSeconds: remainingSeconds(a.deadline, at) };
      });
    },

    /** Submits: allowed until deadline + grace. Later, the attempt is closed as expired with what was saved in time. */
    async submit(ctx: RequestContext, examId: string): Promise<AttemptResult> {
      const row = await inTransaction(db, ctx, async (tx, audit) => {
        const me = await access.myMember(ctx.actor!, tx);
        const e = await examForMember(me, examId, tx);
        const [a] = await tx
          .select()
          .from(examAttempts)
          .where(
            and(
              eq(examAttempts.examId, examId),
              eq(examAttempts.memberId, me.id),
              eq(examAttempts.status, 'in_progress'),
            ),
          )
          .for('update');
        if (!a) throw new AppError('EXAM_STATE', M.noAttemptInProgress);
        const id = a.id;
        const at = now();
        const status = canSubmit({ deadline: a.deadline, graceSeconds: a.graceSeconds }, at) ? 'submitted' : 'expired';
        const done = await finish(tx, a, e, status, at);
        audit.record({
          action: `exam.attempt_${status === 'submitted' ? 'submit' : 'expire'}`,
          entity: 'exam_attempt',
          entityId: id,
          orgPath: me.org_path,
          after: { score: done.score, percent: done.percent },
        });
        return done;
      });
      const [result] = await this.results(ctx, examId, row.id);
      return result!;
    },

    /** My attempts' results, latest first (or only `attemptId`): answers and explanations once released. */
    async results(ctx: RequestContext, examId: string, attemptId?: string): Promise<AttemptResult[]> {
      const me = await access.myMember(ctx.actor!, db);
      const e = await examForMember(me, examId, db);
      const attempts = await db
        .select()
        .from(examAttempts)
        .where(and(eq(examAttempts.examId, examId), eq(examAttempts.memberId, me.id)))
        .orderBy(desc(examAttempts.attemptNo));
      return Promise.all(
        attempts
          .filter((a) => a.status !== 'in_progress' && (!attemptId || a.id === attemptId))
          .map((a) => resultOf(a, e)),
      );
    },
  };
}
export type AttemptService = ReturnType<typeof createAttemptService>;
