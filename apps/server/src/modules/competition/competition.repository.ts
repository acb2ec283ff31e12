import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { competitions } from '../../db/schema/index.js';

export type CompetitionRow = typeof competitions.$inferSelect;

/** Drizzle reads of 知识竞赛 (scope is applied by the callers on the rows' organization paths). */
export const competitionRepository = {
  async byId(tx: DbOrTx, id: string, lock = false): Promise<CompetitionRow | undefined> {
    const q = tx.select().from(competitions).where(eq(competitions.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async questionCount(tx: DbOrTx, id: string): Promise<number> {
    const [r] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from competition_questions where competition_id = ${id}`,
    );
    return r?.n ?? 0;
  },

  async namesOf(tx: DbOrTx, table: 'organizations' | 'question_banks', ids: readonly string[]) {
    if (ids.length === 0) return [];
    const list = sql`(select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`;
    return queryRows<{ id: string; name: string; path: string }>(
      tx,
      table === 'organizations'
        ? sql`select id, name, path from organizations where id in ${list}`
        : sql`select id, name, org_path as path from question_banks where id in ${list}`,
    );
  },

  /** The caller's own member record (active), with the branch it counts for. */
  async memberOfUser(tx: DbOrTx, userId: string) {
    const [row] = await queryRows<{ id: string; name: string; org_id: string; org_path: string }>(
      tx,
      sql`select id, name, org_id, org_path from members where user_id = ${userId} and status = 'active'
        and org_id is not null limit 1`,
    );
    return row;
  },
};
