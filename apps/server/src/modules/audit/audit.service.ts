import type { AuditEvent, AuditVerifyResult, ListAuditEventsQuery, Page } from '@red-engine/shared';
import ExcelJS from 'exceljs';
import type { Actor, RequestContext } from '../../core/actor.js';
import { isZoneWide, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { ChainVerifier } from './audit.chain.js';
import { type AuditScope, createAuditRepository } from './audit.repository.js';
import { sealAllPending } from './audit.sealer.js';

type Row = Awaited<ReturnType<ReturnType<typeof createAuditRepository>['list']>>['rows'][number];

export const toAuditDto = (r: Row): AuditEvent => ({
  seq: r.seq,
  occurredAt: r.occurredAt.toISOString(),
  actorId: r.actorId,
  actorName: r.actorName,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  orgPath: r.orgPath,
  before: r.before ?? null,
  after: r.after ?? null,
  requestId: r.requestId,
  ip: r.ip,
  prevHash: r.prevHash,
  hash: r.hash,
});

/** Events about organizations in the subtree; events with no organization only for zone-wide auditors. */
export function auditScopeOf(actor: Actor, permission: 'audit:read' | 'audit:export'): AuditScope {
  return { roots: scopePaths(actor, permission), includeUnscoped: isZoneWide(actor, permission) };
}

/** Recomputes the whole chain; used by the API, the CLI and tests. */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditVerifyResult> {
  const repo = createAuditRepository(db);
  const verifier = new ChainVerifier();
  for await (const batch of repo.iterateAll()) {
    for (const e of batch) if (!verifier.push(e)) return verifier.finish(null);
  }
  return verifier.finish(await repo.head());
}

export function createAuditService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createAuditRepository(db);

  return {
    async list(actor: Actor, q: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
      // Events waiting in audit_pending are sealed first, so a reader never misses a committed change.
      await sealAllPending(db);
      const { rows, total } = await repo.list(auditScopeOf(actor, 'audit:read'), q);
      return { data: rows.map(toAuditDto), total, current: q.current, pageSize: q.pageSize };
    },

    async verify() {
      await sealAllPending(db);
      return verifyAuditChain(db);
    },

    /** An xlsx of the events in scope, with the chain head so the copy can be checked against the chain later. */
    async exportXlsx(ctx: RequestContext, q: Partial<ListAuditEventsQuery>): Promise<Buffer> {
      const actor = ctx.actor!;
      await sealAllPending(db);
      const zh = ctx.locale === 'zh-CN';
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Red Engine';
      const ws = wb.addWorksheet(zh ? '审计日志' : 'Audit events');
      ws.columns = [
        { header: zh ? '序号' : 'Seq', key: 'seq', width: 8 },
        { header: zh ? '时间' : 'Time', key: 'occurredAt', width: 26 },
        { header: zh ? '操作人' : 'Actor', key: 'actorName', width: 14 },
        { header: zh ? '操作' : 'Action', key: 'action', width: 24 },
        { header: zh ? '对象' : 'Entity', key: 'entity', width: 14 },
        { header: zh ? '对象编号' : 'Entity id', key: 'entityId', width: 38 },
        { header: zh ? '变更前' : 'Before', key: 'before', width: 40 },
        { header: zh ? '变更后' : 'After', key: 'after', width: 40 },
        { header: zh ? '请求编号' : 'Request id', key: 'requestId', width: 38 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: zh ? '哈希' : 'Hash', key: 'hash', width: 66 },
      ];
      ws.getRow(1).font = { bold: true };
      let count = 0;
      for await (const batch of repo.iterate(auditScopeOf(actor, 'audit:export'), q)) {
        for (const r of batch) {
          count += 1;
          ws.addRow({
            ...r,
            occurredAt: r.occurredAt.toISOString(),
            before: r.before == null ? '' : JSON.stringify(r.before),
            after: r.after == null ? '' : JSON.stringify(r.after),
          });
        }
      }
      const head = await repo.head();
      const info = wb.addWorksheet(zh ? '链头' : 'Chain head');
      info.addRows([
        [zh ? '导出时间' : 'Exported at', new Date().toISOString()],
        [zh ? '导出人' : 'Exported by', actor.displayName],
        [zh ? '记录数' : 'Rows', count],
        [zh ? '链头序号' : 'Head sequence', head?.seq ?? 0],
        [zh ? '链头哈希' : 'Head hash', head?.hash ?? ''],
      ]);
      await inTransaction(db, ctx, async (_tx, audit) => {
        audit.record({
          action: 'audit.export',
          entity: 'audit_events',
          orgPath: actor.roles[0]?.orgPath ?? null,
          after: { filters: q, rows: count },
        });
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
