import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { fieldError, notFound } from '../../core/errors.js';
import { escapeLike, pathsWhere, scopePaths } from '../../core/scope.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { type examAttempts, exams, organizations, questionBanks, questions } from '../../db/schema/index.js';
import { EXAM_MESSAGES } from './exam.messages.js';

export type BankRow = typeof questionBanks.$inferSelect;
export type ExamRow = typeof exams.$inferSelect;
export type AttemptRow = typeof examAttempts.$inferSelect;
export type MemberRef = { id: string; name: string; org_id: string | null; org_path: string | null; status: string };

/** True when one of the roots covers the path. */
export const covers = (roots: readonly string[], path: string) => roots.some((r) => path.startsWith(r));
/** A bank is usable (read, drawn from) in its own subtree and below: a branch uses the zone's banks. */
export const bankUsable = (roots: readonly string[], bankPath: string) =>
  roots.some((r) => r.startsWith(bankPath) || bankPath.startsWith(r));

/** SQL form of `bankUsable` over `b.org_path`. */
export const bankUsableWhere = (roots: readonly string[]) =>
  roots.length === 0
    ? sql`false`
    : sql`(${pathsWhere(sql`b.org_path`, roots)} or ${sql.join(
        roots.map((r) => sql`left(${r}, length(b.org_path)) = b.org_path`),
        sql` or `,
      )})`;

/**
 * Who reaches what. Banks: read/used where `bankUsable` with learning:read, managed inside learning:manage subtrees.
 * Exams: read and managed where their organization lies in the caller's subtrees. Out of scope is 404.
 */
export function createExamAccess(db: Db) {
  async function bankFor(actor: Actor, id: string, mode: 'read' | 'manage', tx: DbOrTx = db): Promise<BankRow> {
    const [b] = await tx.select().from(questionBanks).where(eq(questionBanks.id, id));
    if (!b) throw notFound();
    if (
      mode === 'read'
        ? !bankUsable(scopePaths(actor, 'learning:read'), b.orgPath)
        : !covers(scopePaths(actor, 'learning:manage'), b.orgPath)
    )
      throw notFound();
    return b;
  }

  async function questionFor(actor: Actor, id: string, mode: 'read' | 'manage', tx: DbOrTx = db) {
    const [q] = await tx.select().from(questions).where(eq(questions.id, id));
    if (!q) throw notFound();
    const bank = await bankFor(actor, q.bankId, mode, tx);
    return { q, bank };
  }

  async function examFor(
    actor: Actor,
    id: string,
    mode: 'read' | 'manage',
    tx: DbOrTx = db,
    lock = false,
  ): Promise<ExamRow> {
    const query = tx.select().from(exams).where(eq(exams.id, id));
    const [e] = lock ? await query.for('update') : await query;
    if (!e) throw notFound();
    if (!covers(scopePaths(actor, mode === 'read' ? 'learning:read' : 'learning:manage'), e.orgPath)) throw notFound();
    return e;
  }

  /** An active organization inside the caller's manage subtrees, or a field error on `field`. */
  async function managedOrg(actor: Actor, orgId: string, field: string, tx: DbOrTx = db) {
    const [org] = await tx
      .select({
        id: organizations.id,
        path: organizations.path,
        name: organizations.name,
        status: organizations.status,
      })
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (org?.status !== 'active' || !covers(scopePaths(actor, 'learning:manage'), org.path))
      throw fieldError(field, EXAM_MESSAGES.orgOutOfScope);
    return org;
  }

  /** The caller's own member record (H5 routes act for it); none → 404. */
  async function myMember(actor: Actor, tx: DbOrTx = db): Promise<MemberRef> {
    const [m] = await queryRows<MemberRef>(
      tx,
      sql`select id, name, org_id, org_path, status from members where user_id = ${actor.userId}
        order by (status = 'active') desc limit 1`,
    );
    if (!m) throw notFound();
    return m;
  }

  return { bankFor, questionFor, examFor, managedOrg, myMember };
}
export type ExamAccess = ReturnType<typeof createExamAccess>;

export const likeText = (q: string) => `%${escapeLike(q)}%`;
