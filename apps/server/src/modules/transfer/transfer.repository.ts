import type { ListTransfersQuery, RuleSettings } from '@red-engine/shared';
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { ruleSettings, transferSteps, transfers } from '../../db/schema/index.js';

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransferRow = typeof transfers.$inferInsert;
export type StepRow = typeof transferSteps.$inferSelect;
export type NewStepRow = typeof transferSteps.$inferInsert;
export type TransferSortField = 'requestedOn' | 'createdAt';

/** Rule keys in `rule_settings` and the defaults used when a row is missing. */
const RULE_KEYS: Record<keyof RuleSettings, [string, number]> = {
  letterValidDays: ['transfer.letter_valid_days', 30],
  letterMaxValidDays: ['transfer.letter_max_valid_days', 90],
  transferOverdueDays: ['transfer.overdue_days', 30],
  lostSuspendMonths: ['warning.lost_suspend_months', 6],
  lostRemoveMonths: ['warning.lost_remove_months', 24],
  flowTransferMonths: ['warning.flow_transfer_months', 6],
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function within(column: SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${column} like ${`${escapeLike(r)}%`}`))!;
}

// Qualified by hand: inside a one-table select drizzle renders a column without its table name.
const T = {
  id: sql.raw('"transfers"."id"'),
  from: sql.raw('"transfers"."from_org_id"'),
  to: sql.raw('"transfers"."to_org_id"'),
};

/** Visible when the sending or receiving organization, or any approving organization, lies in one of the roots. */
export function visibleWhere(roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(exists (select 1 from organizations vo where vo.id in (${T.from}, ${T.to}) and (${within(sql`vo.path`, roots)}))
    or exists (select 1 from transfer_steps vs join organizations vo on vo.id = vs.org_id
      where vs.transfer_id = ${T.id} and (${within(sql`vo.path`, roots)})))`;
}

/** Pending longer than `overdueDays`, or a letter past its validity with no receipt. */
function overdueWhere(today: string, overdueDays: number): SQL {
  return sql`((${transfers.status} = 'pending' and ${transfers.requestedOn} + ${overdueDays}::int < ${today}::date)
    or (${transfers.status} = 'completed' and ${transfers.letterValidUntil} is not null
      and ${transfers.receiptOn} is null and ${transfers.letterValidUntil} < ${today}::date))`;
}

export function createTransferRepository(db: DbOrTx) {
  return {
    async rules(tx: DbOrTx = db): Promise<RuleSettings> {
      const rows = await tx.select().from(ruleSettings);
      const byKey = new Map(rows.map((r) => [r.key, r.value]));
      return Object.fromEntries(
        Object.entries(RULE_KEYS).map(([name, [key, fallback]]) => [name, byKey.get(key) ?? fallback]),
      ) as RuleSettings;
    },

    async findVisible(roots: readonly string[], id: string, tx: DbOrTx = db, opts: { lock?: boolean } = {}) {
      const query = tx
        .select()
        .from(transfers)
        .where(and(eq(transfers.id, id), visibleWhere(roots)));
      const [row] = opts.lock ? await query.for('update') : await query;
      return row;
    },

    async list(
      roots: readonly string[],
      q: ListTransfersQuery,
      sort: { field: TransferSortField; order: 'ascend' | 'descend' } | undefined,
      overdue: { today: string; days: number },
    ) {
      const parts: (SQL | undefined)[] = [visibleWhere(roots)];
      if (q.status) parts.push(eq(transfers.status, q.status));
      if (q.kind) parts.push(eq(transfers.kind, q.kind));
      if (q.memberId) parts.push(eq(transfers.memberId, q.memberId));
      if (q.orgId)
        parts.push(sql`exists (select 1 from organizations fo where fo.id in (${T.from}, ${T.to})
          and fo.path like (select o2.path from organizations o2 where o2.id = ${q.orgId}) || '%')`);
      if (q.overdue === 'true') parts.push(overdueWhere(overdue.today, overdue.days));
      if (q.overdue === 'false') parts.push(sql`not ${overdueWhere(overdue.today, overdue.days)}`);
      const where = and(...parts);
      const dir = sort?.order === 'ascend' ? asc : desc;
      const orderBy = sort
        ? [dir(transfers[sort.field]), desc(transfers.id)]
        : [desc(transfers.requestedOn), desc(transfers.createdAt), desc(transfers.id)];
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(transfers)
          .where(where)
          .orderBy(...orderBy)
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(transfers).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    async ofMember(memberId: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(transfers)
        .where(eq(transfers.memberId, memberId))
        .orderBy(desc(transfers.requestedOn), desc(transfers.createdAt), desc(transfers.id));
    },

    async steps(transferIds: readonly string[], tx: DbOrTx = db) {
      if (transferIds.length === 0) return [];
      return tx
        .select()
        .from(transferSteps)
        .where(inArray(transferSteps.transferId, [...transferIds]))
        .orderBy(asc(transferSteps.transferId), asc(transferSteps.stepNo));
    },

    async pendingForMember(memberId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: transfers.id })
        .from(transfers)
        .where(and(eq(transfers.memberId, memberId), eq(transfers.status, 'pending')));
      return row;
    },

    async pendingIncoming(idHash: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: transfers.id })
        .from(transfers)
        .where(and(eq(transfers.incomingIdHash, idHash), eq(transfers.status, 'pending')));
      return row;
    },

    /** The highest letter number of a year; callers hold the numbering lock. */
    async lastLetterNo(prefix: string, tx: DbOrTx) {
      const [row] = await tx
        .select({ letterNo: transfers.letterNo })
        .from(transfers)
        .where(sql`${transfers.letterNo} like ${`${escapeLike(prefix)}%`}`)
        .orderBy(desc(transfers.letterNo))
        .limit(1);
      return row?.letterNo ?? null;
    },

    /** Serialises letter numbering across processes until the transaction ends. */
    async lockLetterNumbering(tx: DbOrTx) {
      await tx.execute(sql`select pg_advisory_xact_lock(7265646503)`);
    },

    async insert(row: NewTransferRow, steps: NewStepRow[], tx: DbOrTx) {
      const [created] = await tx.insert(transfers).values(row).returning();
      if (steps.length) await tx.insert(transferSteps).values(steps);
      return created!;
    },

    async update(id: string, patch: Partial<NewTransferRow>, tx: DbOrTx) {
      const [row] = await tx
        .update(transfers)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(transfers.id, id))
        .returning();
      return row!;
    },

    async updateStep(id: string, patch: Partial<NewStepRow>, tx: DbOrTx) {
      await tx.update(transferSteps).set(patch).where(eq(transferSteps.id, id));
    },
  };
}
export type TransferRepository = ReturnType<typeof createTransferRepository>;

/**
 * Pending transfers whose current step (the lowest pending one) belongs to an organization in the roots: what the
 * holder of transfer:approve there has to decide (待办). The total and the oldest few.
 */
export async function awaitingApproval(db: DbOrTx, roots: readonly string[], limit: number) {
  const where = sql`t.status = 'pending' and exists (select 1 from transfer_steps s join organizations o on o.id = s.org_id
    where s.transfer_id = t.id and s.status = 'pending' and (${within(sql`o.path`, roots)})
      and s.step_no = (select min(s2.step_no) from transfer_steps s2 where s2.transfer_id = t.id and s2.status = 'pending'))`;
  const [rows, total] = await Promise.all([
    queryRows<{ id: string; member_name: string; requested_on: string }>(
      db,
      sql`select t.id, t.member_name, t.requested_on::text as requested_on from transfers t where ${where}
        order by t.requested_on, t.id limit ${limit}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from transfers t where ${where}`),
  ]);
  return { total: Number(total[0]?.n ?? 0), rows };
}
