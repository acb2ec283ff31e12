import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
  ],
);

/** One row: the last sequence and hash. Locked FOR UPDATE to keep the chain linear across processes. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
