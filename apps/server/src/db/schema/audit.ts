import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorId: text(),
    actorName: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    orgPath: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_events_occurred_at_idx').on(t.occurredAt),
    index('audit_events_entity_idx').on(t.entity, t.entityId),
    index('audit_events_actor_id_idx').on(t.actorId),
    index('audit_events_org_path_idx').on(t.orgPath.op('text_pattern_ops')),
    // An organization's history (历史沿革) also lists events that name it in before/after: these keep it off a scan.
    index('audit_events_after_org_id_idx')
      .on(sql`(${t.after}->>'orgId')`)
      .where(sql`(${t.after}->>'orgId') is not null`),
    index('audit_events_before_org_id_idx')
      .on(sql`(${t.before}->>'orgId')`)
      .where(sql`(${t.before}->>'orgId') is not null`),
    index('audit_events_after_into_id_idx')
      .on(sql`(${t.after}->>'intoId')`)
      .where(sql`(${t.after}->>'intoId') is not null`),
  ],
);

/** One row: the last sequence and hash. Locked FOR UPDATE to keep the chain linear across processes. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Audit events written by high-volume paths (check-in) in the transaction of their change, without taking the
 * chain-head lock; the sealer moves them into audit_events in order and hashes them (decision 0004).
 */
export const auditPending = pgTable('audit_pending', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  occurredAt: timestamp({ withTimezone: true }).notNull(),
  actorId: text(),
  actorName: text(),
  action: text().notNull(),
  entity: text().notNull(),
  entityId: text(),
  orgPath: text(),
  before: jsonb(),
  after: jsonb(),
  requestId: text(),
  ip: text(),
});
