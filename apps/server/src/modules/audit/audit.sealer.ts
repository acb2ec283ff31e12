import { asc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/actor.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { auditChainHead, auditPending } from '../../db/schema/index.js';
import { type ChainedFields, computeEventHash } from './audit.chain.js';
import type { AuditInput } from './audit.repository.js';

/**
 * Deferred sealing (docs/decisions/0004). A high-volume path (a check-in burst) writes its audit event into
 * `audit_pending` in the transaction of its change, so the event exists exactly when the change does, but it does
 * not wait for the chain-head lock. The sealer then moves pending events into the hash chain in id order, in
 * batches, under that lock; several app instances may run it, the lock and SKIP LOCKED keep the chain linear.
 */

/** JSONB cannot hold \u0000 and drops undefined; normalise so the stored value hashes the same as the input. */
function jsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v)));
}

export function pendingAuditValues(ctx: RequestContext, input: AuditInput, occurredAt: Date) {
  return {
    occurredAt,
    actorId: input.actor ? input.actor.id : (ctx.actor?.userId ?? null),
    actorName: input.actor ? input.actor.name : (ctx.actor?.displayName ?? null),
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    orgPath: input.orgPath ?? null,
    before: jsonValue(input.before),
    after: jsonValue(input.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

export async function recordDeferred(tx: DbOrTx, ctx: RequestContext, inputs: AuditInput[], occurredAt = new Date()) {
  if (inputs.length === 0) return;
  await tx.insert(auditPending).values(inputs.map((i) => pendingAuditValues(ctx, i, occurredAt)));
}

type SealedEvent = ChainedFields & { prevHash: string; hash: string };

function eventRecord(e: SealedEvent) {
  return {
    seq: e.seq,
    occurred_at: e.occurredAt.toISOString(),
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    org_path: e.orgPath,
    before: e.before ?? null,
    after: e.after ?? null,
    request_id: e.requestId,
    ip: e.ip,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** Seals up to `limit` pending events; returns how many. */
export async function sealPendingAudit(db: Db, limit = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
    if (!head) throw new Error('audit_chain_head is missing: run migrations');
    const pending = await tx
      .select()
      .from(auditPending)
      .orderBy(asc(auditPending.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (pending.length === 0) return 0;
    let { seq, hash } = head;
    const rows = pending.map(({ id: _id, ...fields }) => {
      seq += 1;
      const event = { ...fields, seq };
      const prevHash = hash;
      hash = computeEventHash(prevHash, event);
      return { ...event, prevHash, hash };
    });
    // One statement with one JSON parameter: building thousands of bound values costs the server more than the rows.
    await tx.execute(sql`insert into audit_events (seq, occurred_at, actor_id, actor_name, action, entity, entity_id,
        org_path, before, after, request_id, ip, prev_hash, hash)
      select seq, occurred_at, actor_id, actor_name, action, entity, entity_id, org_path, before, after, request_id, ip,
        prev_hash, hash
      from jsonb_to_recordset(${JSON.stringify(rows.map(eventRecord))}::jsonb) as x(seq bigint, occurred_at timestamptz,
        actor_id text, actor_name text, action text, entity text, entity_id text, org_path text, before jsonb, after jsonb,
        request_id text, ip text, prev_hash text, hash text)`);
    // Exactly the rows sealed: an event committed meanwhile with a lower id waits for the next batch.
    const ids = pending.map((p) => p.id);
    await tx.execute(sql`delete from audit_pending where id = any(${`{${ids.join(',')}}`}::bigint[])`);
    await tx.update(auditChainHead).set({ seq, hash, updatedAt: new Date() }).where(eq(auditChainHead.id, 1));
    return rows.length;
  });
}

/** Seals everything pending now (before a verification, a listing or a backup). */
export async function sealAllPending(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.select({ id: auditPending.id }).from(auditPending).limit(1);
    if (!row) return total;
    total += await sealPendingAudit(db);
  }
}

const TICK_BATCH = 5000;

/**
 * One tick of the background sealer: one batch of what is pending, and more only while batches come back full. A
 * burst therefore seals a tick's worth of events in one transaction instead of chasing every few new rows with a
 * transaction of its own (measured: most of the burst's statements were the sealer's; bench/checkin.mjs).
 */
async function sealTick(db: Db): Promise<void> {
  const [row] = await db.select({ id: auditPending.id }).from(auditPending).limit(1);
  if (!row) return;
  while ((await sealPendingAudit(db, TICK_BATCH)) === TICK_BATCH) {
    // a backlog: keep going until a batch comes back short
  }
}

/** Runs the sealer every `intervalMs` until stopped; errors are logged and retried on the next tick. */
export function startAuditSealer(db: Db, log: { error: (o: object, msg: string) => void }, intervalMs = 500) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await sealTick(db);
    } catch (err) {
      if (!stopped) log.error({ err }, 'audit sealer failed; will retry');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
