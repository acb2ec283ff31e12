import type { Db, Tx } from '../db/client.js';
import { type AuditInput, appendAuditEvents } from '../modules/audit/audit.repository.js';
import type { RequestContext } from './actor.js';

export type AuditRecorder = { record(event: AuditInput): void };

/**
 * Runs a unit of work in one transaction and appends its audit events at the end of that same
 * transaction, so no change exists without its event. Appending last keeps the chain-head lock short
 * and always taken after the row locks of the change, which avoids lock-order deadlocks.
 */
export async function inTransaction<T>(
  db: Db,
  ctx: RequestContext,
  work: (tx: Tx, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const events: AuditInput[] = [];
    const result = await work(tx, { record: (e) => events.push(e) });
    if (events.length > 0) await appendAuditEvents(tx, ctx, events);
    return result;
  });
}
