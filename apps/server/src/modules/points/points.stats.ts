import {
  bandOf,
  type Page,
  type PointMemberRow,
  type PointMembersQuery,
  type PointStats,
  type PointStatsQuery,
  type PointsGrade,
  starsOf,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor, RequestContext } from '../../core/actor.js';
import { notFound } from '../../core/errors.js';
import { escapeLike, isPathInScope, pathsWhere } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { schemeForYear } from './points.policy.js';
import { under } from './points.repository.js';
import type { PointsCore } from './points.service.js';

type Row = {
  id: string;
  name: string;
  org_id: string | null;
  org_name: string | null;
  parent_name: string | null;
  total: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round1((s[mid - 1]! + s[mid]!) / 2);
};

/**
 * Average points of the members on the roll under an organization in a year. Null when nobody is there or nobody
 * there has a ledger that year: an organization that does not keep points yet has no average, not an average of 0.
 */
export async function averagePointsOf(db: DbOrTx, orgPath: string, year: number): Promise<number | null> {
  const [row] = await queryRows<{ n: number; kept: number; avg: number | string | null }>(
    db,
    sql`select count(*)::int as n, count(b.member_id)::int as kept, avg(coalesce(b.total, 0))::float8 as avg
      from members m
      left join member_point_balances b on b.member_id = m.id and b.year = ${year}
      where m.status = 'active' and m.org_path like ${`${escapeLike(orgPath)}%`}`,
  );
  return row && row.n > 0 && row.kept > 0 && row.avg !== null ? round1(Number(row.avg)) : null;
}

/**
 * Aggregates for organizations (average, distribution, star counts) and the roster admins open a ledger from. The
 * roster lists members by name, never by score: no endpoint ranks individuals (PRODUCT §2 principle 5).
 */
export function createPointsStatsService(core: PointsCore) {
  const { db, repo } = core;

  async function rootOf(actor: Actor, orgId: string | undefined) {
    if (!orgId) return null;
    const org = await repo.orgPath(orgId);
    if (!org || !isPathInScope(actor, 'points:read', org.path)) throw notFound();
    return org;
  }

  async function starsFor(rows: readonly { id: string; total: number }[], year: number, tx: DbOrTx = db) {
    const ids = rows.map((r) => r.id);
    const versions = await repo.versions(tx);
    const vetoed = await repo.vetoed(ids.length > 500 ? null : ids, year, tx);
    const grades = await core.gradesOf(tx, ids, year);
    const scheme = schemeForYear(versions, year, core.today());
    const verdicts = new Map(
      rows.map((r) => {
        const grade: PointsGrade | null = grades.get(r.id) ?? null;
        return [
          r.id,
          { ...starsOf({ total: r.total, grade, vetoed: vetoed.has(r.id) }, scheme), vetoed: vetoed.has(r.id) },
        ];
      }),
    );
    return { scheme, verdicts };
  }

  async function members(actor: Actor, q: PointMembersQuery): Promise<Page<PointMemberRow>> {
    const year = q.year ?? core.currentYear();
    const root = (await rootOf(actor, q.orgId))?.path ?? null;
    const kw = q.keyword?.trim();
    const like = kw ? `%${escapeLike(kw)}%` : null;
    const where = sql`m.status = 'active' and ${pathsWhere(sql`m.org_path`, core.roots(actor, 'points:read'))}
      and ${under(sql`m.org_path`, root)}
      and ${like ? sql`(m.name like ${like} or m.name_initials like ${`${escapeLike(kw!.toLowerCase())}%`} or m.name_pinyin like ${`${escapeLike(kw!.toLowerCase())}%`})` : sql`true`}`;
    const [rows, [count]] = await Promise.all([
      queryRows<Row>(
        db,
        sql`select m.id, m.name, m.org_id, o.name as org_name, null as parent_name, coalesce(b.total, 0)::int as total
          from members m left join organizations o on o.id = m.org_id
          left join member_point_balances b on b.member_id = m.id and b.year = ${year}
          where ${where} order by m.name_pinyin, m.name, m.id
          limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`,
      ),
      queryRows<{ n: number }>(db, sql`select count(*)::int as n from members m where ${where}`),
    ]);
    const { verdicts } = await starsFor(rows, year);
    return {
      data: rows.map((r) => ({
        memberId: r.id,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        total: r.total,
        stars: verdicts.get(r.id)!.stars,
        basis: verdicts.get(r.id)!.basis,
      })),
      total: count?.n ?? 0,
      current: q.current,
      pageSize: q.pageSize,
    };
  }

  /** Everyone on the roll in scope under the root, with their total of the year and their branch. */
  async function population(actor: Actor, year: number, root: string | null, tx: DbOrTx = db) {
    return queryRows<Row>(
      tx,
      sql`select m.id, m.name, m.org_id, o.name as org_name, po.name as parent_name, coalesce(b.total, 0)::int as total
        from members m left join organizations o on o.id = m.org_id left join organizations po on po.id = o.parent_id
        left join member_point_balances b on b.member_id = m.id and b.year = ${year}
        where m.status = 'active' and ${pathsWhere(sql`m.org_path`, core.roots(actor, 'points:read'))}
          and ${under(sql`m.org_path`, root)}
        order by o.path, m.name_pinyin, m.name, m.id`,
    );
  }

  async function compute(actor: Actor, q: PointStatsQuery, tx: DbOrTx = db) {
    const year = q.year ?? core.currentYear();
    const org = await rootOf(actor, q.orgId);
    const rows = await population(actor, year, org?.path ?? null, tx);
    const { scheme, verdicts } = await starsFor(rows, year, tx);
    const distribution = [0, 0, 0, 0, 0, 0];
    const stars = [0, 0, 0, 0, 0, 0];
    const byOrg = new Map<
      string,
      { orgId: string; orgName: string; parentName: string | null; totals: number[]; stars: number[] }
    >();
    let vetoed = 0;
    for (const r of rows) {
      const v = verdicts.get(r.id)!;
      distribution[bandOf(r.total, scheme.starThresholds)]! += 1;
      stars[v.stars]! += 1;
      if (v.vetoed) vetoed++;
      if (!r.org_id) continue;
      const o = byOrg.get(r.org_id) ?? {
        orgId: r.org_id,
        orgName: r.org_name ?? '',
        parentName: r.parent_name,
        totals: [],
        stars: [0, 0, 0, 0, 0, 0],
      };
      o.totals.push(r.total);
      o.stars[v.stars]! += 1;
      byOrg.set(r.org_id, o);
    }
    const totals = rows.map((r) => r.total);
    const stats: PointStats = {
      year,
      orgName: org?.name ?? null,
      members: rows.length,
      average: totals.length ? round1(totals.reduce((a, b) => a + b, 0) / totals.length) : 0,
      median: median(totals),
      thresholds: [...scheme.starThresholds],
      distribution,
      stars,
      vetoed,
      byOrg: [...byOrg.values()].map((o) => ({
        orgId: o.orgId,
        orgName: o.orgName,
        parentName: o.parentName,
        members: o.totals.length,
        average: round1(o.totals.reduce((a, b) => a + b, 0) / o.totals.length),
        stars: o.stars,
      })),
    };
    return { stats, rows, verdicts };
  }

  const stats = async (actor: Actor, q: PointStatsQuery) => (await compute(actor, q)).stats;

  /**
   * 积分汇总表 (.xlsx): the organizations' aggregates, then the roster by branch and name (name, branch, total, stars;
   * no identifiers or contact data). Scoped like the page; the export itself is an audit event.
   */
  async function exportWorkbook(ctx: RequestContext, q: PointStatsQuery): Promise<Buffer> {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const { stats: s, rows, verdicts } = await compute(actor, q, tx);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Red Engine 红色引擎';
      const bands = ['未达一星', '一星', '二星', '三星', '四星', '五星'];
      const summary = wb.addWorksheet('组织汇总');
      summary.addRow([`${s.year}年度党员积分汇总${s.orgName ? `（${s.orgName}）` : ''}`]);
      summary.addRow(['党员人数', s.members, '平均分', s.average, '中位数', s.median, '一票否决', s.vetoed]);
      summary.addRow([
        '分数段',
        ...bands.map((b, i) => `${b}（${i === 0 ? `<${s.thresholds[0]}` : `≥${s.thresholds[i - 1]}`}）`),
      ]);
      summary.addRow(['人数', ...s.distribution]);
      summary.addRow([]);
      const head = summary.addRow(['党组织', '上级组织', '党员人数', '平均分', ...bands.map((b) => `${b}人数`)]);
      head.font = { bold: true };
      for (const o of s.byOrg) summary.addRow([o.orgName, o.parentName ?? '', o.members, o.average, ...o.stars]);
      summary.getRow(1).font = { bold: true, size: 14 };
      summary.columns.forEach((c, i) => {
        c.width = i === 0 ? 34 : i === 1 ? 28 : 12;
      });
      const roster = wb.addWorksheet('党员积分');
      const rh = roster.addRow(['所在党组织', '姓名', '年度积分', '星级', '说明']);
      rh.font = { bold: true };
      const basisText = {
        thresholds: '',
        below_threshold: '未达一星分数线',
        unqualified: '民主评议不合格',
        veto: '一票否决',
      };
      for (const r of rows) {
        const v = verdicts.get(r.id)!;
        roster.addRow([r.org_name ?? '', r.name, r.total, v.stars, basisText[v.basis]]);
      }
      roster.columns.forEach((c, i) => {
        c.width = [34, 12, 10, 8, 18][i] ?? 12;
      });
      roster.views = [{ state: 'frozen', ySplit: 1 }];
      audit.record({
        action: 'points.export',
        entity: 'point_stats',
        entityId: String(s.year),
        orgPath: q.orgId
          ? ((await repo.orgPath(q.orgId))?.path ?? null)
          : core.roots(actor, 'points:read').length === 1
            ? core.roots(actor, 'points:read')[0]!
            : null,
        after: { year: s.year, orgId: q.orgId ?? null, members: rows.length },
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    });
  }

  return { members, stats, exportWorkbook };
}
export type PointsStatsService = ReturnType<typeof createPointsStatsService>;
