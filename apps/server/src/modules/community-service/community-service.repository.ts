import type { ListClaimsQuery, ListMemberReportsQuery, ListNeedsQuery, ListOrgReportsQuery } from '@red-engine/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { escapeLike, pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { communityNeeds, memberReports, members, needClaims, orgReports, ruleSettings } from '../../db/schema/index.js';
import { IN_SERVICE_WHERE } from './community-service.policy.js';

export type MemberReportRow = typeof memberReports.$inferSelect;
export type OrgReportRow = typeof orgReports.$inferSelect;
export type NeedRow = typeof communityNeeds.$inferSelect;
export type ClaimRow = typeof needClaims.$inferSelect;

/** Kept under its local name: the visibility rules below read as prose with it. */
export const within = (column: SQL, roots: readonly string[]): SQL => pathsWhere(column, roots);

/** `column` lies in the subtree of organization `orgId` (any organization; scope is applied separately). */
const inSubtreeOf = (column: SQL, orgId: string) =>
  sql`${column} like (select so.path from organizations so where so.id = ${orgId}) || '%'`;

/**
 * 双重管理 — who sees what (the same rule in every list, count and lookup):
 * - a member's registration: the member's own branch side (member path in scope) and the community side;
 * - an organization's registration: the registering organization's side and the community side;
 * - a need: the community side, and any side that has an active registration (member or organization) with it;
 * - a claim: the community side and the claimant's branch side.
 */
export const memberReportVisible = (roots: readonly string[]) =>
  sql`(${within(sql`vm.org_path`, roots)} or ${within(sql`vc.path`, roots)})`;
export const orgReportVisible = (roots: readonly string[]) =>
  sql`(${within(sql`vo.path`, roots)} or ${within(sql`vc.path`, roots)})`;
export const needVisible = (roots: readonly string[]) => sql`(${within(sql`vc.path`, roots)}
  or exists (select 1 from member_reports xr join members xm on xm.id = xr.member_id
    where xr.community_org_id = n.community_org_id and xr.status = 'active' and ${within(sql`xm.org_path`, roots)})
  or exists (select 1 from org_reports xo join organizations xg on xg.id = xo.org_id
    where xo.community_org_id = n.community_org_id and xo.status = 'active' and ${within(sql`xg.path`, roots)}))`;
export const claimVisible = (roots: readonly string[]) =>
  sql`(${within(sql`vc.path`, roots)} or ${within(sql`vm.org_path`, roots)})`;

export type MemberReportListRow = {
  id: string;
  member_id: string;
  member_name: string;
  org_id: string | null;
  org_name: string | null;
  community_org_id: string;
  community_name: string;
  reported_on: string;
  last_reported_on: string;
  status: string;
  service_categories: string[];
  withdrawn_on: string | null;
  withdraw_reason: string | null;
  withdraw_note: string | null;
  created_at: Date | string;
};
const MEMBER_REPORT_SELECT = sql`select r.id, r.member_id, vm.name as member_name, vm.org_id, o.name as org_name,
  r.community_org_id, vc.name as community_name, r.reported_on::text as reported_on,
  r.last_reported_on::text as last_reported_on, r.status, r.service_categories, r.withdrawn_on::text as withdrawn_on,
  r.withdraw_reason, r.withdraw_note, r.created_at
  from member_reports r join members vm on vm.id = r.member_id
  left join organizations o on o.id = vm.org_id
  join organizations vc on vc.id = r.community_org_id`;

export type OrgReportListRow = {
  id: string;
  org_id: string;
  org_name: string;
  community_org_id: string;
  community_name: string;
  reported_on: string;
  contact_person: string;
  contact_phone: string | null;
  commitments: string;
  status: string;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
  created_at: Date | string;
};
const ORG_REPORT_SELECT = sql`select r.id, r.org_id, vo.name as org_name, r.community_org_id,
  vc.name as community_name, r.reported_on::text as reported_on, r.contact_person, r.contact_phone, r.commitments,
  r.status, r.withdrawn_on::text as withdrawn_on, r.withdraw_reason, r.created_at
  from org_reports r join organizations vo on vo.id = r.org_id join organizations vc on vc.id = r.community_org_id`;

export type NeedListRow = {
  id: string;
  community_org_id: string;
  community_name: string;
  title: string;
  category: string;
  source: string;
  description: string;
  place: string;
  starts_at: Date | string;
  hours: number;
  capacity: number;
  claimed_count: number;
  status: string;
  posted_by_name: string | null;
  closed_on: string | null;
  created_at: Date | string;
};
const NEED_SELECT = sql`select n.id, n.community_org_id, vc.name as community_name, n.title, n.category, n.source,
  n.description, n.place, n.starts_at, n.hours::float8 as hours, n.capacity, n.claimed_count, n.status,
  n.posted_by_name, n.closed_on::text as closed_on, n.created_at
  from community_needs n join organizations vc on vc.id = n.community_org_id`;

export type ClaimListRow = {
  id: string;
  need_id: string;
  need_title: string;
  need_starts_at: Date | string;
  need_place: string;
  category: string;
  community_org_id: string;
  community_name: string;
  member_id: string;
  member_name: string;
  member_org_name: string | null;
  status: string;
  claimed_at: Date | string;
  completed_at: Date | string | null;
  reported_hours: number | null;
  confirmed_hours: number | null;
  confirmed_at: Date | string | null;
  confirmed_by_name: string | null;
  note: string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
};
const CLAIM_SELECT = sql`select k.id, k.need_id, n.title as need_title, n.starts_at as need_starts_at,
  n.place as need_place, n.category, n.community_org_id, vc.name as community_name, k.member_id,
  vm.name as member_name, mo.name as member_org_name, k.status, k.claimed_at, k.completed_at,
  k.reported_hours::float8 as reported_hours, k.confirmed_hours::float8 as confirmed_hours, k.confirmed_at,
  k.confirmed_by_name, k.note, k.cancelled_at, k.cancel_reason
  from need_claims k join community_needs n on n.id = k.need_id
  join organizations vc on vc.id = n.community_org_id
  join members vm on vm.id = k.member_id left join organizations mo on mo.id = vm.org_id`;

const page = (q: { current: number; pageSize: number }) =>
  sql`limit ${q.pageSize} offset ${(q.current - 1) * q.pageSize}`;

async function paged<T>(
  db: DbOrTx,
  select: SQL,
  from: SQL,
  where: SQL,
  order: SQL,
  q: { current: number; pageSize: number },
) {
  const [rows, [count]] = await Promise.all([
    queryRows<T>(db, sql`${select} where ${where} ${order} ${page(q)}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Rule keys in `rule_settings` and the defaults when a row is missing. */
const RULES = {
  reReportMonths: ['community.re_report_months', 6],
  hoursTarget: ['community.hours_target', 50],
} as const;

export function createCommunityServiceRepository(db: DbOrTx) {
  return {
    async rules(tx: DbOrTx = db) {
      const rows = await tx.select().from(ruleSettings);
      const byKey = new Map(rows.map((r) => [r.key, r.value]));
      return {
        reReportMonths: byKey.get(RULES.reReportMonths[0]) ?? RULES.reReportMonths[1],
        hoursTarget: byKey.get(RULES.hoursTarget[0]) ?? RULES.hoursTarget[1],
      };
    },

    /** Active community party organizations (domain 社区, a branch that holds members) of the given zones. */
    async communities(zoneRoots: readonly string[], tx: DbOrTx = db) {
      return queryRows<{ id: string; name: string; short_name: string | null; address: string | null; path: string }>(
        tx,
        sql`select id, name, short_name, address, path from organizations
          where domain = 'community' and status = 'active' and type in ('branch', 'joint_branch')
            and ${within(sql`path`, zoneRoots)}
          order by sort_order, name`,
      );
    },

    async community(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<{ id: string; name: string; path: string }>(
        tx,
        sql`select id, name, path from organizations where id = ${id}
          and domain = 'community' and status = 'active' and type in ('branch', 'joint_branch')`,
      );
      return row;
    },

    /** The member linked to a login (locked inside a transaction: one self-service change at a time). */
    async memberOfUser(userId: string, tx: DbOrTx = db, lock = false) {
      const query = tx.select().from(members).where(eq(members.userId, userId));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    },

    // ---------- member reports ----------
    async listMemberReports(roots: readonly string[], q: ListMemberReportsQuery) {
      const parts: SQL[] = [memberReportVisible(roots)];
      if (q.status) parts.push(sql`r.status = ${q.status}`);
      if (q.communityOrgId) parts.push(sql`r.community_org_id = ${q.communityOrgId}`);
      if (q.orgId) parts.push(inSubtreeOf(sql`vm.org_path`, q.orgId));
      if (q.keyword) {
        const k = q.keyword;
        parts.push(
          /^[A-Za-z]+$/.test(k)
            ? sql`(vm.name_initials like ${`${k.toLowerCase()}%`} or vm.name_pinyin like ${`${k.toLowerCase()}%`})`
            : sql`vm.name like ${`%${escapeLike(k)}%`}`,
        );
      }
      return paged<MemberReportListRow>(
        db,
        MEMBER_REPORT_SELECT,
        sql`from member_reports r join members vm on vm.id = r.member_id join organizations vc on vc.id = r.community_org_id`,
        and(...parts)!,
        sql`order by r.status, r.last_reported_on desc, r.id`,
        q,
      );
    },

    async memberReportRow(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<MemberReportListRow>(tx, sql`${MEMBER_REPORT_SELECT} where r.id = ${id}`);
      return row;
    },

    /** A registration the roots can see, locked when asked; with the member's and community's paths. */
    async findMemberReport(roots: readonly string[], id: string, tx: DbOrTx, lock = false) {
      const [row] = await queryRows<{
        id: string;
        member_id: string;
        status: string;
        member_path: string | null;
        community_path: string;
        reported_on: string;
        last_reported_on: string;
      }>(
        tx,
        sql`select r.id, r.member_id, r.status, vm.org_path as member_path, vc.path as community_path,
            r.reported_on::text as reported_on, r.last_reported_on::text as last_reported_on
          from member_reports r join members vm on vm.id = r.member_id join organizations vc on vc.id = r.community_org_id
          where r.id = ${id} and ${memberReportVisible(roots)} ${lock ? sql`for update of r` : sql``}`,
      );
      return row;
    },

    async activeReportOf(memberId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(memberReports)
        .where(and(eq(memberReports.memberId, memberId), eq(memberReports.status, 'active')));
      return row;
    },

    async insertMemberReport(row: typeof memberReports.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(memberReports).values(row).returning();
      return created!;
    },

    async updateMemberReport(id: string, patch: Partial<typeof memberReports.$inferInsert>, tx: DbOrTx) {
      const [row] = await tx
        .update(memberReports)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(memberReports.id, id))
        .returning();
      return row!;
    },

    // ---------- org reports ----------
    async listOrgReports(roots: readonly string[], q: ListOrgReportsQuery) {
      const parts: SQL[] = [orgReportVisible(roots)];
      if (q.status) parts.push(sql`r.status = ${q.status}`);
      if (q.communityOrgId) parts.push(sql`r.community_org_id = ${q.communityOrgId}`);
      return paged<OrgReportListRow>(
        db,
        ORG_REPORT_SELECT,
        sql`from org_reports r join organizations vo on vo.id = r.org_id join organizations vc on vc.id = r.community_org_id`,
        and(...parts)!,
        sql`order by r.status, r.reported_on desc, r.id`,
        q,
      );
    },

    async orgReportRow(id: string, tx: DbOrTx = db) {
      const [row] = await queryRows<OrgReportListRow>(tx, sql`${ORG_REPORT_SELECT} where r.id = ${id}`);
      return row;
    },

    async findOrgReport(roots: readonly string[], id: string, tx: DbOrTx) {
      const [row] = await queryRows<{
        id: string;
        status: string;
        org_path: string;
        community_path: string;
        reported_on: string;
      }>(
        tx,
        sql`select r.id, r.status, vo.path as org_path, vc.path as community_path, r.reported_on::text as reported_on
          from org_reports r join organizations vo on vo.id = r.org_id join organizations vc on vc.id = r.community_org_id
          where r.id = ${id} and ${orgReportVisible(roots)} for update of r`,
      );
      return row;
    },

    async insertOrgReport(row: typeof orgReports.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(orgReports).values(row).returning();
      return created!;
    },

    async updateOrgReport(id: string, patch: Partial<typeof orgReports.$inferInsert>, tx: DbOrTx) {
      await tx
        .update(orgReports)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(orgReports.id, id));
    },

    async activeOrgReport(orgId: string, communityOrgId: string, tx: DbOrTx) {
      const [row] = await tx
        .select({ id: orgReports.id })
        .from(orgReports)
        .where(
          and(
            eq(orgReports.orgId, orgId),
            eq(orgReports.communityOrgId, communityOrgId),
            eq(orgReports.status, 'active'),
          ),
        );
      return row;
    },

    // ---------- needs ----------
    async listNeeds(roots: readonly string[] | null, q: ListNeedsQuery, extra?: SQL) {
      const parts: SQL[] = roots ? [needVisible(roots)] : [];
      if (extra) parts.push(extra);
      if (q.status) parts.push(sql`n.status = ${q.status}`);
      if (q.communityOrgId) parts.push(sql`n.community_org_id = ${q.communityOrgId}`);
      if (q.category) parts.push(sql`n.category = ${q.category}`);
      if (q.keyword) parts.push(sql`n.title like ${`%${escapeLike(q.keyword)}%`}`);
      return paged<NeedListRow>(
        db,
        NEED_SELECT,
        sql`from community_needs n join organizations vc on vc.id = n.community_org_id`,
        parts.length ? and(...parts)! : sql`true`,
        sql`order by case n.status when 'open' then 0 when 'full' then 1 else 2 end, n.starts_at desc, n.id`,
        q,
      );
    },

    async needRow(id: string, tx: DbOrTx = db, where: SQL = sql`true`) {
      const [row] = await queryRows<NeedListRow>(tx, sql`${NEED_SELECT} where n.id = ${id} and ${where}`);
      return row;
    },

    /** The need row locked for the rest of the transaction: concurrent claims queue here, so capacity holds. */
    async lockNeed(id: string, tx: DbOrTx) {
      const [row] = await tx.select().from(communityNeeds).where(eq(communityNeeds.id, id)).for('update');
      return row;
    },

    async insertNeed(row: typeof communityNeeds.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(communityNeeds).values(row).returning();
      return created!;
    },

    async updateNeed(id: string, patch: Partial<typeof communityNeeds.$inferInsert>, tx: DbOrTx) {
      await tx
        .update(communityNeeds)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(communityNeeds.id, id));
    },

    // ---------- claims ----------
    async listClaims(roots: readonly string[] | null, q: ListClaimsQuery, extra?: SQL) {
      const parts: SQL[] = roots ? [claimVisible(roots)] : [];
      if (extra) parts.push(extra);
      if (q.status) parts.push(sql`k.status = ${q.status}`);
      if (q.needId) parts.push(sql`k.need_id = ${q.needId}`);
      if (q.communityOrgId) parts.push(sql`n.community_org_id = ${q.communityOrgId}`);
      return paged<ClaimListRow>(
        db,
        CLAIM_SELECT,
        sql`from need_claims k join community_needs n on n.id = k.need_id
          join organizations vc on vc.id = n.community_org_id join members vm on vm.id = k.member_id`,
        parts.length ? and(...parts)! : sql`true`,
        sql`order by case k.status when 'completed' then 0 when 'claimed' then 1 when 'confirmed' then 2 else 3 end,
          k.claimed_at desc, k.id`,
        q,
      );
    },

    async claimRows(where: SQL, tx: DbOrTx = db) {
      return queryRows<ClaimListRow>(tx, sql`${CLAIM_SELECT} where ${where} order by k.claimed_at, k.id`);
    },

    /** A claim with the paths deciding who may act on it, locked. `where` narrows it (scope, or the member's own). */
    async findClaim(id: string, where: SQL, tx: DbOrTx) {
      const [row] = await queryRows<{
        id: string;
        need_id: string;
        member_id: string;
        status: string;
        reported_hours: number | null;
        community_path: string;
        member_path: string | null;
      }>(
        tx,
        sql`select k.id, k.need_id, k.member_id, k.status, k.reported_hours::float8 as reported_hours,
            vc.path as community_path, vm.org_path as member_path
          from need_claims k join community_needs n on n.id = k.need_id
          join organizations vc on vc.id = n.community_org_id join members vm on vm.id = k.member_id
          where k.id = ${id} and ${where} for update of k`,
      );
      return row;
    },

    async liveClaim(needId: string, memberId: string, tx: DbOrTx) {
      const [row] = await tx
        .select({ id: needClaims.id })
        .from(needClaims)
        .where(
          and(
            eq(needClaims.needId, needId),
            eq(needClaims.memberId, memberId),
            sql`${needClaims.status} <> 'cancelled'`,
          ),
        );
      return row;
    },

    async insertClaim(row: typeof needClaims.$inferInsert, tx: DbOrTx) {
      const [created] = await tx.insert(needClaims).values(row).returning();
      return created!;
    },

    async updateClaim(id: string, patch: Partial<typeof needClaims.$inferInsert>, tx: DbOrTx) {
      await tx
        .update(needClaims)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(needClaims.id, id));
    },

    // ---------- statistics ----------
    /** Hours of a member in a year: confirmed, and completed but not yet confirmed; and open claims. */
    async memberHours(memberId: string, year: number, tx: DbOrTx = db) {
      const [row] = await queryRows<{ confirmed: number; pending: number; open: number }>(
        tx,
        sql`select coalesce(sum(k.confirmed_hours) filter (where k.status = 'confirmed'
                and extract(year from k.completed_at) = ${year}), 0)::float8 as confirmed,
              coalesce(sum(k.reported_hours) filter (where k.status = 'completed'
                and extract(year from k.completed_at) = ${year}), 0)::float8 as pending,
              count(*) filter (where k.status = 'claimed')::int as open
            from need_claims k where k.member_id = ${memberId}`,
      );
      return {
        confirmed: Number(row?.confirmed ?? 0),
        pending: Number(row?.pending ?? 0),
        open: Number(row?.open ?? 0),
      };
    },

    /**
     * In-service members in scope with their registration state and hours of the year: the base of the per-member
     * statistics, the per-organization roll-up and the not-reported list.
     */
    async inServiceMembers(
      roots: readonly string[],
      opts: { year: number; overdueBefore: string; orgId?: string | undefined },
    ) {
      return queryRows<{
        member_id: string;
        member_name: string;
        org_id: string | null;
        org_name: string | null;
        org_path: string | null;
        report_status: string | null;
        last_reported_on: string | null;
        community_name: string | null;
        ever_reported: boolean;
        overdue: boolean;
        confirmed_hours: number;
        pending_hours: number;
        completed_claims: number;
      }>(
        db,
        sql`select m.id as member_id, m.name as member_name, m.org_id, o.name as org_name, m.org_path,
            r.status as report_status, r.last_reported_on::text as last_reported_on, c.name as community_name,
            (r.id is not null or exists (select 1 from member_reports x where x.member_id = m.id)) as ever_reported,
            (r.id is not null and r.last_reported_on < ${opts.overdueBefore}::date) as overdue,
            coalesce(h.confirmed, 0)::float8 as confirmed_hours, coalesce(h.pending, 0)::float8 as pending_hours,
            coalesce(h.completed, 0)::int as completed_claims
          from members m
          join organizations o on o.id = m.org_id
          left join member_reports r on r.member_id = m.id and r.status = 'active'
          left join organizations c on c.id = r.community_org_id
          left join (
            select k.member_id,
              sum(k.confirmed_hours) filter (where k.status = 'confirmed') as confirmed,
              sum(k.reported_hours) filter (where k.status = 'completed') as pending,
              count(*) filter (where k.status in ('completed', 'confirmed')) as completed
            from need_claims k where extract(year from k.completed_at) = ${opts.year}
            group by k.member_id
          ) h on h.member_id = m.id
          where ${IN_SERVICE_WHERE} and ${within(sql`m.org_path`, roots)}
            ${opts.orgId ? sql`and ${inSubtreeOf(sql`m.org_path`, opts.orgId)}` : sql``}
          order by o.path, m.name_pinyin, m.id`,
      );
    },

    /** Organizations (any level) in scope that have an active registration with a community. */
    async reportedOrgIds(roots: readonly string[]) {
      const rows = await queryRows<{ org_id: string }>(
        db,
        sql`select distinct r.org_id from org_reports r join organizations o on o.id = r.org_id
          where r.status = 'active' and ${within(sql`o.path`, roots)}`,
      );
      return new Set(rows.map((r) => r.org_id));
    },
  };
}
export type CommunityServiceRepository = ReturnType<typeof createCommunityServiceRepository>;
