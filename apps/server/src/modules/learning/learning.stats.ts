import { type LearningStats, shanghaiDate, shanghaiMidnight } from '@red-engine/shared';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor, RequestContext } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { escapeLike, isPathInScope, pathsWhere, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { offlineStudySql } from './learning.study.js';

type Query = {
  year?: number | undefined;
  orgId?: string | undefined;
  q?: string | undefined;
  current: number;
  pageSize: number;
};
type Row = {
  member_id: string;
  member_name: string;
  org_name: string;
  online: number;
  offline: number;
  days: number;
  lessons: number;
};

/** 学习统计: per member of the caller's scope (or an organization in it), online and offline study of a year. */
export function createLearningStatsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function roots(actor: Actor, orgId: string | undefined, tx: DbOrTx): Promise<readonly string[]> {
    const mine = scopePaths(actor, 'learning:read');
    if (!orgId) return mine;
    const [o] = await queryRows<{ path: string }>(tx, sql`select path from organizations where id = ${orgId}`);
    if (!o || !isPathInScope(actor, 'learning:read', o.path)) throw notFound();
    return [o.path];
  }

  async function rows(actor: Actor, q: Query, page: { limit: number; offset: number } | null, tx: DbOrTx) {
    const year = q.year ?? Number(shanghaiDate(now()).slice(0, 4));
    const from = shanghaiMidnight(`${year}-01-01`);
    const to = shanghaiMidnight(`${year + 1}-01-01`);
    const r = await roots(actor, q.orgId, tx);
    const memberWhere: SQL = sql`mb.status = 'active' and ${pathsWhere(sql`mb.org_path`, r)} ${
      q.q ? sql`and mb.name like ${`%${escapeLike(q.q)}%`}` : sql``
    }`;
    // Read table by table and joined here: plans never depend on table statistics (the embedded database has none).
    const ms = await queryRows<{ id: string; name: string; org_name: string; org_path: string }>(
      tx,
      sql`select mb.id, mb.name, o.name as org_name, o.path as org_path from members mb join organizations o on o.id = mb.org_id
        where ${memberWhere}`,
    );
    const inScope = (alias: SQL) => sql`${alias} in (select mb.id from members mb where ${memberWhere})`;
    const onl = await queryRows<{ member_id: string; s: number; n: number }>(
      tx,
      sql`select d.member_id, sum(d.credited_seconds)::int as s, count(*) filter (where d.credited_seconds > 0)::int as n
        from learning_study_days d where d.day >= ${`${year}-01-01`} and d.day < ${`${year + 1}-01-01`}
          and ${inScope(sql`d.member_id`)} group by d.member_id`,
    );
    const off = await queryRows<{ member_id: string; s: number }>(
      tx,
      sql`select x.member_id, sum(x.seconds)::int as s from (${offlineStudySql(sql`true`, from, to)}) x group by x.member_id`,
    );
    const les = await queryRows<{ member_id: string; n: number }>(
      tx,
      sql`select lc.member_id, count(*)::int as n from learning_lesson_completions lc
        where lc.completed_at >= ${from.toISOString()}::timestamptz and lc.completed_at < ${to.toISOString()}::timestamptz
        group by lc.member_id`,
    );
    const onlBy = new Map(onl.map((r) => [r.member_id, r]));
    const offBy = new Map(off.map((r) => [r.member_id, r.s]));
    const lesBy = new Map(les.map((r) => [r.member_id, r.n]));
    const all: Row[] = ms.map((m) => ({
      member_id: m.id,
      member_name: m.name,
      org_name: m.org_name,
      online: onlBy.get(m.id)?.s ?? 0,
      offline: offBy.get(m.id) ?? 0,
      days: onlBy.get(m.id)?.n ?? 0,
      lessons: lesBy.get(m.id) ?? 0,
    }));
    const pathOf = new Map(ms.map((m) => [m.id, m.org_path]));
    all.sort(
      (a, b) =>
        b.online + b.offline - (a.online + a.offline) ||
        pathOf.get(a.member_id)!.localeCompare(pathOf.get(b.member_id)!) ||
        a.member_name.localeCompare(b.member_name, 'zh-CN'),
    );
    const data = page ? all.slice(page.offset, page.offset + page.limit) : all;
    const totals = {
      members: all.length,
      online: all.reduce((s, r) => s + r.online, 0),
      offline: all.reduce((s, r) => s + r.offline, 0),
      studied: all.filter((r) => r.online + r.offline > 0).length,
    };
    return { year, data, totals };
  }

  return {
    async stats(actor: Actor, q: Query): Promise<LearningStats> {
      const { year, data, totals } = await rows(
        actor,
        q,
        { limit: q.pageSize, offset: (q.current - 1) * q.pageSize },
        db,
      );
      return {
        year,
        data: data.map((r) => ({
          memberId: r.member_id,
          memberName: r.member_name,
          orgName: r.org_name,
          onlineSeconds: r.online,
          offlineSeconds: r.offline,
          studyDays: r.days,
          lessonsCompleted: r.lessons,
        })),
        total: totals.members,
        current: q.current,
        pageSize: q.pageSize,
        totals: {
          members: totals.members,
          onlineSeconds: totals.online,
          offlineSeconds: totals.offline,
          studied: totals.studied,
        },
      };
    },

    /** The whole list as .xlsx; the export is an audited read. */
    async export(ctx: RequestContext, q: Query) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const { year, data } = await rows(ctx.actor!, q, null, tx);
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(`${year}年学习统计`);
        ws.columns = [
          { header: '姓名', key: 'name', width: 12 },
          { header: '所在党组织', key: 'org', width: 36 },
          { header: '在线学习（小时）', key: 'online', width: 16 },
          { header: '线下学习（小时）', key: 'offline', width: 16 },
          { header: '合计（小时）', key: 'total', width: 14 },
          { header: '在线学习天数', key: 'days', width: 14 },
          { header: '完成课时', key: 'lessons', width: 10 },
        ];
        const h = (s: number) => Math.round((s / 3600) * 10) / 10;
        for (const r of data)
          ws.addRow({
            name: r.member_name,
            org: r.org_name,
            online: h(r.online),
            offline: h(r.offline),
            total: h(r.online + r.offline),
            days: r.days,
            lessons: r.lessons,
          });
        ws.getRow(1).font = { bold: true };
        audit.record({
          action: 'learning.stats_exported',
          entity: 'learning_stats',
          after: { year, orgId: q.orgId ?? null, rows: data.length },
        });
        return { year, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
      });
    },
  };
}
export type LearningStatsService = ReturnType<typeof createLearningStatsService>;
