import { createHash, randomUUID } from 'node:crypto';
import { type ListBanksQuery, type ListQuestionsQuery, type QuestionBody, questionHashText } from '@red-engine/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError } from '../../core/errors.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { questionBanks, questions } from '../../db/schema/index.js';
import { bankUsableWhere, type ExamAccess, likeText } from './exam.access.js';
import type { QuestionRow } from './exam.draw.js';
import { type BankListRow, toBankDto, toQuestionDto } from './exam.mapper.js';
import { EXAM_MESSAGES } from './exam.messages.js';

export const contentHashOf = (q: Pick<QuestionBody, 'kind' | 'stem' | 'options' | 'answer'>) =>
  createHash('sha256').update(questionHashText(q)).digest('hex');

const BANK_SELECT = sql`select b.id, b.name, b.description, b.org_id, o.name as org_name, b.created_at, b.updated_at,
  (select count(*)::int from questions q where q.bank_id = b.id and q.retired_at is null) as question_count,
  (select coalesce(array_agg(distinct t order by t), '{}') from questions q, unnest(q.tags) t
    where q.bank_id = b.id and q.retired_at is null) as tags
  from question_banks b join organizations o on o.id = b.org_id`;

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === '23505' || (err as { cause?: { code?: string } })?.cause?.code === '23505';

/** 题库: banks and their questions. A question in use by an attempt is retired and replaced, never edited in place. */
export function createBankService(deps: { db: Db; access: ExamAccess }) {
  const { db, access } = deps;

  async function bankDto(id: string, tx: DbOrTx = db) {
    const [row] = await queryRows<BankListRow>(tx, sql`${BANK_SELECT} where b.id = ${id}`);
    return toBankDto(row!);
  }

  /** In use: answered in an attempt, drawn into one, or set on a fixed paper. */
  async function inUse(id: string, tx: DbOrTx) {
    const [hit] = await queryRows(
      tx,
      sql`select 1 from exam_attempts a where ${id}::uuid = any(a.question_ids)
        union all select 1 from exams e where ${id}::uuid = any(e.fixed_question_ids) limit 1`,
    );
    return hit !== undefined;
  }

  return {
    async list(actor: Actor, q: ListBanksQuery) {
      const roots = scopePaths(actor, 'learning:read');
      const where = sql`where ${bankUsableWhere(roots)} ${q.q ? sql`and b.name ilike ${likeText(q.q)}` : sql``}`;
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from question_banks b ${where}`,
      );
      const rows = await queryRows<BankListRow>(
        db,
        sql`${BANK_SELECT} ${where} order by b.org_path, b.name limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
      );
      return { data: rows.map(toBankDto), total: Number(n), current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      await access.bankFor(actor, id, 'read');
      return bankDto(id);
    },

    async create(ctx: RequestContext, body: { name: string; description?: string | null; orgId: string }) {
      const actor = ctx.actor!;
      try {
        return await inTransaction(db, ctx, async (tx, audit) => {
          const org = await access.managedOrg(actor, body.orgId, 'body.orgId', tx);
          const id = randomUUID();
          await tx.insert(questionBanks).values({
            id,
            name: body.name,
            description: body.description ?? null,
            orgId: org.id,
            orgPath: org.path,
            createdById: actor.userId,
          });
          audit.record({
            action: 'question_bank.create',
            entity: 'question_bank',
            entityId: id,
            orgPath: org.path,
            after: body,
          });
          return bankDto(id, tx);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw fieldError('body.name', EXAM_MESSAGES.bankNameTaken);
        throw err;
      }
    },

    async update(ctx: RequestContext, id: string, body: { name?: string; description?: string | null }) {
      try {
        return await inTransaction(db, ctx, async (tx, audit) => {
          const b = await access.bankFor(ctx.actor!, id, 'manage', tx);
          await tx
            .update(questionBanks)
            .set({
              ...(body.name !== undefined ? { name: body.name } : {}),
              ...(body.description !== undefined ? { description: body.description } : {}),
              updatedAt: new Date(),
            })
            .where(eq(questionBanks.id, id));
          audit.record({
            action: 'question_bank.update',
            entity: 'question_bank',
            entityId: id,
            orgPath: b.orgPath,
            before: { name: b.name, description: b.description },
            after: body,
          });
          return bankDto(id, tx);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw fieldError('body.name', EXAM_MESSAGES.bankNameTaken);
        throw err;
      }
    },

    /** Live questions of one bank, or of every bank the caller may use. */
    async questions(actor: Actor, q: ListQuestionsQuery) {
      if (q.bankId) await access.bankFor(actor, q.bankId, 'read');
      const banks = q.bankId
        ? sql`q.bank_id = ${q.bankId}`
        : sql`q.bank_id in (select b.id from question_banks b where ${bankUsableWhere(scopePaths(actor, 'learning:read'))})`;
      const where = sql`where ${banks} and q.retired_at is null
        ${q.kind ? sql`and q.kind = ${q.kind}` : sql``}
        ${q.tag ? sql`and ${q.tag} = any(q.tags)` : sql``}
        ${q.difficulty ? sql`and q.difficulty = ${q.difficulty}` : sql``}
        ${q.q ? sql`and q.stem ilike ${likeText(q.q)}` : sql``}`;
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from questions q ${where}`,
      );
      const ids = await queryRows<{ id: string }>(
        db,
        sql`select q.id from questions q ${where} order by q.created_at, q.id limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
      );
      const rows = ids.length
        ? await db
            .select()
            .from(questions)
            .where(
              inArray(
                questions.id,
                ids.map((r) => r.id),
              ),
            )
        : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const data = ids.map((r) => toQuestionDto(byId.get(r.id)!));
      return { data, total: Number(n), current: q.current, pageSize: q.pageSize };
    },

    async getQuestion(actor: Actor, id: string) {
      const { q } = await access.questionFor(actor, id, 'read');
      return toQuestionDto(q);
    },

    async createQuestion(ctx: RequestContext, bankId: string, body: QuestionBody) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const bank = await access.bankFor(ctx.actor!, bankId, 'manage', tx);
        const row = await insertQuestion(tx, bankId, body, ctx.actor!.userId, null);
        audit.record({
          action: 'question.create',
          entity: 'question',
          entityId: row.id,
          orgPath: bank.orgPath,
          after: body,
        });
        return toQuestionDto(row);
      });
    },

    /** Edits a question: in place while unused; once used, the old one is retired and a successor inserted. */
    async updateQuestion(ctx: RequestContext, id: string, body: QuestionBody) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { q, bank } = await access.questionFor(ctx.actor!, id, 'manage', tx);
        if (q.retiredAt) throw new AppError('EXAM_STATE', EXAM_MESSAGES.examState);
        const before = toQuestionDto(q);
        let row: QuestionRow;
        if (await inUse(id, tx)) {
          await tx.update(questions).set({ retiredAt: new Date() }).where(eq(questions.id, id));
          row = await insertQuestion(tx, q.bankId, body, ctx.actor!.userId, id);
        } else {
          await assertNoTwin(tx, q.bankId, contentHashOf(body), id);
          [row] = (await tx
            .update(questions)
            .set({ ...fields(body), contentHash: contentHashOf(body) })
            .where(eq(questions.id, id))
            .returning()) as [QuestionRow];
        }
        audit.record({
          action: 'question.update',
          entity: 'question',
          entityId: row.id,
          orgPath: bank.orgPath,
          before,
          after: body,
        });
        return toQuestionDto(row);
      });
    },

    async retireQuestion(ctx: RequestContext, id: string) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { q, bank } = await access.questionFor(ctx.actor!, id, 'manage', tx);
        if (!q.retiredAt) await tx.update(questions).set({ retiredAt: new Date() }).where(eq(questions.id, id));
        audit.record({ action: 'question.retire', entity: 'question', entityId: id, orgPath: bank.orgPath });
      });
    },
  };
}
export type BankService = ReturnType<typeof createBankService>;

const fields = (body: QuestionBody) => ({
  kind: body.kind,
  stem: body.stem,
  options: body.kind === 'single' || body.kind === 'multiple' ? body.options : [],
  answer: body.answer,
  explanation: body.explanation ?? null,
  tags: [...new Set(body.tags)],
  difficulty: body.difficulty,
  points: body.points,
});

async function assertNoTwin(tx: DbOrTx, bankId: string, hash: string, except: string | null) {
  const [twin] = await tx
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.bankId, bankId), eq(questions.contentHash, hash), isNull(questions.retiredAt)));
  if (twin && twin.id !== except) throw new AppError('CONFLICT', EXAM_MESSAGES.questionDuplicate);
}

export async function insertQuestion(
  tx: DbOrTx,
  bankId: string,
  body: QuestionBody,
  createdById: string | null,
  replacesId: string | null,
): Promise<QuestionRow> {
  const hash = contentHashOf(body);
  await assertNoTwin(tx, bankId, hash, null);
  const [row] = await tx
    .insert(questions)
    .values({ id: randomUUID(), bankId, ...fields(body), contentHash: hash, replacesId, createdById })
    .returning();
  return row!;
}
