import type { ListAuditEventsQuery } from '@red-engine/shared';
import { and, asc, count, desc, eq, gt, gte, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/actor.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { auditChainHead, auditEvents } from '../../db/schema/index.js';
import { computeEventHash, type StoredEvent } from './audit.chain.js';

export type AuditInput = {
  action: string;
  entity: string;
  entityId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
  /** Overrides the acting user, e.g. for a failed login where nobody is logged in yet. */
  actor?: { id: string | null; name: string | null };
};

/** JSONB cannot hold \u0000 and drops undefined; normalise so the stored value hashes the same as the input. */
function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v)));
}

/** Appends events after locking the chain head row; callers run this last in their transaction. */
export async function appendAuditEvents(tx: Tx, ctx: RequestContext, inputs: AuditInput[]): Promise<void> {
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (!head) throw new Error('audit_chain_head is missing: run migrations');
  let { seq, hash } = head;
  const occurredAt = new Date();
  const rows = inputs.map((input) => {
    seq += 1;
    const fields = {
      seq,
      occurredAt,
      actorId: input.actor ? input.actor.id : (ctx.actor?.userId ?? null),
      actorName: input.actor ? input.actor.name : (ctx.actor?.displayName ?? null),
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      orgPath: input.orgPath ?? null,
      before: toJsonValue(input.before),
      after: toJsonValue(input.after),
      requestId: ctx.requestId,
      ip: ctx.ip,
    };
    const prevHash = hash;
    hash = computeEventHash(prevHash, fields);
    return { ...fields, prevHash, hash };
  });
  // 14 parameters a row: chunks keep one statement well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditEvents).values(rows.slice(i, i + 1000));
  await tx.update(auditChainHead).set({ seq, hash, updatedAt: occurredAt }).where(eq(auditChainHead.id, 1));
}

export type AuditScope = { roots: readonly string[]; includeUnscoped: boolean };

function filters(scope: AuditScope, q: Partial<ListAuditEventsQuery>): SQL | undefined {
  const scopeParts: SQL[] = scope.roots.map((r) =>
    like(auditEvents.orgPath, `${r.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  );
  if (scope.includeUnscoped) scopeParts.push(isNull(auditEvents.orgPath));
  const parts: (SQL | undefined)[] = [scopeParts.length ? or(...scopeParts) : sql`false`];
  if (q.action) {
    parts.push(
      q.action.endsWith('.')
        ? like(auditEvents.action, `${q.action.replace(/[\\%_]/g, '\\$&')}%`)
        : eq(auditEvents.action, q.action),
    );
  }
  if (q.entity) parts.push(eq(auditEvents.entity, q.entity));
  if (q.entityId) parts.push(eq(auditEvents.entityId, q.entityId));
  if (q.actorId) parts.push(eq(auditEvents.actorId, q.actorId));
  if (q.from) parts.push(gte(auditEvents.occurredAt, new Date(q.from)));
  if (q.to) parts.push(lte(auditEvents.occurredAt, new Date(q.to)));
  return and(...parts);
}

export function createAuditRepository(db: DbOrTx) {
  return {
    async list(scope: AuditScope, q: ListAuditEventsQuery, order: 'asc' | 'desc' = 'desc') {
      const where = filters(scope, q);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(order === 'desc' ? desc(auditEvents.seq) : asc(auditEvents.seq))
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    /** Yields matching events in sequence order, a page at a time, for exports. */
    async *iterate(scope: AuditScope, q: Partial<ListAuditEventsQuery>, batch = 1000) {
      let after = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(and(filters(scope, q), gt(auditEvents.seq, after)))
          .orderBy(asc(auditEvents.seq))
          .limit(batch);
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1]!.seq;
      }
    },

    /** Every event in sequence order, unfiltered, for chain verification. */
    async *iterateAll(batch = 2000): AsyncGenerator<StoredEvent[]> {
      let after = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(gt(auditEvents.seq, after))
          .orderBy(asc(auditEvents.seq))
          .limit(batch);
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1]!.seq;
      }
    },

    /** Events about one organization: its own, and those that name it as orgId or intoId (committees, links, moves). */
    async listForOrg(orgId: string, q: { current: number; pageSize: number }) {
      // Each branch of the OR has its index: (entity, entity_id) and the partial expression indexes of migration 0006.
      const where = or(
        and(eq(auditEvents.entity, 'organization'), eq(auditEvents.entityId, orgId)),
        sql`${auditEvents.before}->>'orgId' = ${orgId}`,
        sql`${auditEvents.after}->>'orgId' = ${orgId}`,
        sql`${auditEvents.after}->>'intoId' = ${orgId}`,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.seq))
          .limit(q.pageSize)
          .offset((q.current - 1) * q.pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async head() {
      const [row] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
      return row ? { seq: row.seq, hash: row.hash } : null;
    },

    async countSince(scope: AuditScope, since: Date) {
      const [row] = await db
        .select({ n: count() })
        .from(auditEvents)
        .where(filters(scope, { from: since.toISOString() }));
      return row?.n ?? 0;
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
