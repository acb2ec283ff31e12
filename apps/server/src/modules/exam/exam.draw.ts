import { seededShuffle } from '@red-engine/shared';
import { and, asc, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import { fieldError } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import { questions } from '../../db/schema/index.js';
import { EXAM_MESSAGES } from './exam.messages.js';

export type QuestionRow = typeof questions.$inferSelect;

/** One rule of a random paper: `count` live questions carrying any of `tags`, at one of the difficulties. */
export type DrawRule = { tags?: readonly string[]; difficulty?: number | readonly number[]; count: number };

export type DrawInput = { bankIds: readonly string[]; rules: readonly DrawRule[]; seed: string | number };

/**
 * Draws a paper: for each rule in turn, the live questions of the banks that match it (minus those already drawn),
 * ordered by id and shuffled with the seed, the first `count` taken. The same banks, rules and seed always give the
 * same questions in the same order; a question is never drawn twice. Too few matching questions is an error naming
 * the rule (1-based), so a paper is never silently short.
 */
export async function drawQuestions(tx: DbOrTx, input: DrawInput): Promise<QuestionRow[]> {
  if (input.bankIds.length === 0) return [];
  const drawn: QuestionRow[] = [];
  for (const [index, rule] of input.rules.entries()) {
    if (rule.count <= 0) continue;
    const where: SQL[] = [inArray(questions.bankId, [...input.bankIds]), isNull(questions.retiredAt)];
    if (rule.tags && rule.tags.length > 0) where.push(sql`${questions.tags} && ${toTextArray(rule.tags)}`);
    if (rule.difficulty !== undefined) {
      const levels = typeof rule.difficulty === 'number' ? [rule.difficulty] : [...rule.difficulty];
      if (levels.length > 0) where.push(inArray(questions.difficulty, levels));
    }
    if (drawn.length > 0)
      where.push(
        notInArray(
          questions.id,
          drawn.map((q) => q.id),
        ),
      );
    const pool = await tx
      .select()
      .from(questions)
      .where(and(...where))
      .orderBy(asc(questions.id));
    if (pool.length < rule.count) {
      throw fieldError(`rules.${index}.count`, EXAM_MESSAGES.drawTooFew(index + 1, rule.count, pool.length));
    }
    drawn.push(...seededShuffle(pool, `${input.seed}:${index}`).slice(0, rule.count));
  }
  return drawn;
}

/** Fixed papers: the questions by id, in the given order, live or not (a fixed paper keeps what it was set with). */
export async function questionsByIds(tx: DbOrTx, ids: readonly string[]): Promise<QuestionRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(questions)
    .where(inArray(questions.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is QuestionRow => r !== undefined);
}

const toTextArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
