import {
  type CancelClaimBody,
  type Claim,
  type CloseNeedBody,
  type Community,
  type CommunityRules,
  type CompleteClaimBody,
  type ConfirmClaimBody,
  type CreateMemberReportBody,
  type CreateNeedBody,
  type CreateOrgReportBody,
  isReReportOverdue,
  type ListClaimsQuery,
  type ListMemberReportsQuery,
  type ListMemberStatsQuery,
  type ListNeedsQuery,
  type ListNotReportedQuery,
  type ListOrgReportsQuery,
  type MemberReport,
  type MemberServiceStats,
  type MyCommunityService,
  type MyReportBody,
  type Need,
  type NeedDetail,
  type NotReported,
  needStatusFor,
  type OrgReport,
  type OrgServiceStatsList,
  type Page,
  type RenewReportBody,
  type WithdrawMemberReportBody,
  type WithdrawOrgReportBody,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { createMemberRepository, todayIso } from '../member/index.js';
import { toClaimDto, toMemberReportDto, toNeedDto, toOrgReportDto } from './community-service.mapper.js';
import { isInService, notReportedReason, overdueBefore, roundHours } from './community-service.policy.js';
import { claimVisible, createCommunityServiceRepository, needVisible } from './community-service.repository.js';

type Code = ConstructorParameters<typeof AppError>[0];
const conflict = (code: Code, text: LocalizedText) => new AppError(code, text);

const inPage = <T>(rows: T[], q: { current: number; pageSize: number }): Page<T> => ({
  data: rows.slice((q.current - 1) * q.pageSize, q.current * q.pageSize),
  total: rows.length,
  current: q.current,
  pageSize: q.pageSize,
});

export function createCommunityServiceService(deps: { db: Db; today?: () => string }) {
  const { db } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createCommunityServiceRepository(db);
  const memberRepo = createMemberRepository(db);
  const read = (a: Actor) => scopePaths(a, 'community:read');
  const manage = (a: Actor) => scopePaths(a, 'community:manage');
  /** The zones the actor belongs to: communities are chosen zone-wide, whoever the caller is. */
  const zoneRoots = (a: Actor) => [...new Set(a.roles.map((r) => `${r.orgPath.split('/')[0]}/`))];

  async function memberReportDto(id: string, tx: DbOrTx = db): Promise<MemberReport> {
    const [row, rules] = await Promise.all([repo.memberReportRow(id, tx), repo.rules(tx)]);
    return toMemberReportDto(row!, { reReportMonths: rules.reReportMonths, today: today() });
  }
  const orgReportDto = async (id: string, tx: DbOrTx = db) => toOrgReportDto((await repo.orgReportRow(id, tx))!);
  const needDto = async (id: string, tx: DbOrTx = db) => toNeedDto((await repo.needRow(id, tx))!);
  const claimDto = async (id: string, tx: DbOrTx = db) => toClaimDto((await repo.claimRows(sql`k.id = ${id}`, tx))[0]!);

  /** The member linked to the logged-in account; none → 404 (the H5 pages show "no record"). */
  async function myMember(actor: Actor, tx?: Tx) {
    const row = await repo.memberOfUser(actor.userId, tx ?? db, tx !== undefined);
    if (!row) throw notFound();
    return row;
  }

  function checkDate(path: string, date: string, notBefore?: string) {
    if (date > today()) throw fieldError(path, MESSAGES.dateInFuture);
    if (notBefore && date < notBefore) throw fieldError(path, MESSAGES.communityDateBeforeReport);
  }

  async function registerMember(
    tx: Tx,
    audit: AuditRecorder,
    actor: Actor,
    member: {
      id: string;
      name: string;
      orgPath: string | null;
      status: string;
      lostContact: boolean;
      jobCategory: string;
      orgId: string | null;
    },
    body: { communityOrgId: string; serviceCategories: string[]; reportedOn?: string | undefined },
    path: string,
  ) {
    const domain = member.orgId ? await orgDomain(member.orgId, tx) : null;
    if (!isInService(member, domain)) throw fieldError(path, MESSAGES.communityMemberNotInService);
    const community = await repo.community(body.communityOrgId, tx);
    if (!community || community.path.split('/')[0] !== member.orgPath?.split('/')[0])
      throw fieldError('body.communityOrgId', MESSAGES.communityNotFound);
    const existing = await repo.activeReportOf(member.id, tx);
    if (existing)
      throw conflict(
        'COMMUNITY_REPORT_EXISTS',
        existing.communityOrgId === community.id
          ? MESSAGES.communityReportExists
          : MESSAGES.communityMemberReportExists,
      );
    const reportedOn = body.reportedOn ?? today();
    checkDate('body.reportedOn', reportedOn);
    const created = await repo.insertMemberReport(
      {
        id: crypto.randomUUID(),
        memberId: member.id,
        communityOrgId: community.id,
        reportedOn,
        lastReportedOn: reportedOn,
        serviceCategories: [...new Set(body.serviceCategories)],
        createdById: actor.userId,
      },
      tx,
    );
    audit.record({
      action: 'community.member_report.create',
      entity: 'member_report',
      entityId: created.id,
      orgPath: member.orgPath,
      after: {
        memberId: member.id,
        memberName: member.name,
        communityOrgId: community.id,
        communityName: community.name,
        reportedOn,
        serviceCategories: created.serviceCategories,
      },
    });
    return memberReportDto(created.id, tx);
  }

  async function orgDomain(orgId: string, tx: DbOrTx) {
    const [row] = await queryRows<{ domain: string | null }>(
      tx,
      sql`select domain from organizations where id = ${orgId}`,
    );
    return row?.domain ?? null;
  }

  async function renew(
    tx: Tx,
    audit: AuditRecorder,
    r: { id: string; status: string; member_path: string | null; reported_on: string; last_reported_on: string },
    date: string,
  ) {
    if (r.status !== 'active') throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityReportWithdrawn);
    checkDate('body.date', date, r.reported_on);
    await repo.updateMemberReport(r.id, { lastReportedOn: date }, tx);
    audit.record({
      action: 'community.member_report.renew',
      entity: 'member_report',
      entityId: r.id,
      orgPath: r.member_path,
      before: { lastReportedOn: r.last_reported_on },
      after: { lastReportedOn: date },
    });
    return memberReportDto(r.id, tx);
  }

  async function withdraw(
    tx: Tx,
    audit: AuditRecorder,
    r: { id: string; status: string; member_path: string | null; reported_on: string },
    body: WithdrawMemberReportBody,
  ) {
    if (r.status !== 'active') throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityReportWithdrawn);
    const date = body.date ?? today();
    checkDate('body.date', date, r.reported_on);
    await repo.updateMemberReport(
      r.id,
      { status: 'withdrawn', withdrawnOn: date, withdrawReason: body.reason, withdrawNote: body.note ?? null },
      tx,
    );
    audit.record({
      action: 'community.member_report.withdraw',
      entity: 'member_report',
      entityId: r.id,
      orgPath: r.member_path,
      before: { status: 'active' },
      after: { status: 'withdrawn', withdrawnOn: date, reason: body.reason, note: body.note ?? null },
    });
    return memberReportDto(r.id, tx);
  }

  /** Takes a claim out of the need's count and reopens a full need. */
  async function releaseSeat(tx: Tx, needId: string) {
    const need = (await repo.lockNeed(needId, tx))!;
    const claimed = Math.max(0, need.claimedCount - 1);
    await repo.updateNeed(
      needId,
      { claimedCount: claimed, status: needStatusFor(need.status as Need['status'], claimed, need.capacity) },
      tx,
    );
  }

  async function cancelClaim(
    tx: Tx,
    audit: AuditRecorder,
    k: { id: string; need_id: string; status: string; community_path: string },
    allowed: readonly string[],
    reason: string | undefined,
  ) {
    if (!allowed.includes(k.status)) throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityClaimState);
    await releaseSeat(tx, k.need_id);
    await repo.updateClaim(k.id, { status: 'cancelled', cancelledAt: new Date(), cancelReason: reason ?? null }, tx);
    audit.record({
      action: 'community.claim.cancel',
      entity: 'need_claim',
      entityId: k.id,
      orgPath: k.community_path,
      before: { status: k.status },
      after: { status: 'cancelled', reason: reason ?? null },
    });
    return claimDto(k.id, tx);
  }

  async function statsBase(actor: Actor, year: number, orgId?: string) {
    const rules = await repo.rules();
    const now = today();
    const rows = await repo.inServiceMembers(read(actor), {
      year,
      overdueBefore: overdueBefore(now, rules.reReportMonths),
      orgId,
    });
    return { rules, now, rows };
  }

  return {
    async rules(): Promise<CommunityRules> {
      return repo.rules();
    },

    async communities(actor: Actor): Promise<Community[]> {
      const rows = await repo.communities(zoneRoots(actor));
      return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, address: r.address }));
    },

    // ---------- 在职党员报到 (console) ----------
    async listMemberReports(actor: Actor, q: ListMemberReportsQuery): Promise<Page<MemberReport>> {
      const [{ rows, total }, rules] = await Promise.all([repo.listMemberReports(read(actor), q), repo.rules()]);
      const opts = { reReportMonths: rules.reReportMonths, today: today() };
      return { data: rows.map((r) => toMemberReportDto(r, opts)), total, current: q.current, pageSize: q.pageSize };
    },

    /** The unit side registers its member (the member's branch must be in the caller's scope). */
    async createMemberReport(ctx: RequestContext, body: CreateMemberReportBody): Promise<MemberReport> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await memberRepo.findInScope(manage(actor), body.memberId, tx, { lock: true });
        if (!member) throw fieldError('body.memberId', MESSAGES.communityMemberNotFound);
        return registerMember(tx, audit, actor, member, body, 'body.memberId');
      });
    },

    async renewMemberReport(ctx: RequestContext, id: string, body: RenewReportBody): Promise<MemberReport> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const r = await repo.findMemberReport(manage(ctx.actor!), id, tx, true);
        if (!r) throw notFound();
        return renew(tx, audit, r, body.date ?? today());
      });
    },

    /** Either side may end a registration (moved house, 已返回 to the unit …). */
    async withdrawMemberReport(ctx: RequestContext, id: string, body: WithdrawMemberReportBody): Promise<MemberReport> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const r = await repo.findMemberReport(manage(ctx.actor!), id, tx, true);
        if (!r) throw notFound();
        return withdraw(tx, audit, r, body);
      });
    },

    // ---------- 党组织报到 ----------
    async listOrgReports(actor: Actor, q: ListOrgReportsQuery): Promise<Page<OrgReport>> {
      const { rows, total } = await repo.listOrgReports(read(actor), q);
      return { data: rows.map(toOrgReportDto), total, current: q.current, pageSize: q.pageSize };
    },

    async createOrgReport(ctx: RequestContext, body: CreateOrgReportBody): Promise<OrgReport> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await memberRepo.findOrgInScope(manage(actor), body.orgId, tx);
        if (!org) throw fieldError('body.orgId', MESSAGES.communityOrgNotFound);
        if ((await orgDomain(org.id, tx)) === 'community')
          throw fieldError('body.orgId', MESSAGES.communityOrgIsCommunity);
        const community = await repo.community(body.communityOrgId, tx);
        if (!community || community.path.split('/')[0] !== org.path.split('/')[0])
          throw fieldError('body.communityOrgId', MESSAGES.communityNotFound);
        if (await repo.activeOrgReport(org.id, community.id, tx))
          throw conflict('COMMUNITY_REPORT_EXISTS', MESSAGES.communityReportExists);
        const reportedOn = body.reportedOn ?? today();
        checkDate('body.reportedOn', reportedOn);
        const created = await repo.insertOrgReport(
          {
            id: crypto.randomUUID(),
            orgId: org.id,
            communityOrgId: community.id,
            reportedOn,
            contactPerson: body.contactPerson,
            contactPhone: body.contactPhone ?? null,
            commitments: body.commitments,
            createdById: actor.userId,
          },
          tx,
        );
        audit.record({
          action: 'community.org_report.create',
          entity: 'org_report',
          entityId: created.id,
          orgPath: org.path,
          after: {
            orgId: org.id,
            orgName: org.name,
            communityOrgId: community.id,
            communityName: community.name,
            reportedOn,
            contactPerson: body.contactPerson,
            commitments: body.commitments,
          },
        });
        return orgReportDto(created.id, tx);
      });
    },

    async withdrawOrgReport(ctx: RequestContext, id: string, body: WithdrawOrgReportBody): Promise<OrgReport> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const r = await repo.findOrgReport(manage(ctx.actor!), id, tx);
        if (!r) throw notFound();
        if (r.status !== 'active') throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityReportWithdrawn);
        const date = body.date ?? today();
        checkDate('body.date', date, r.reported_on);
        await repo.updateOrgReport(id, { status: 'withdrawn', withdrawnOn: date, withdrawReason: body.reason }, tx);
        audit.record({
          action: 'community.org_report.withdraw',
          entity: 'org_report',
          entityId: id,
          orgPath: r.org_path,
          before: { status: 'active' },
          after: { status: 'withdrawn', withdrawnOn: date, reason: body.reason },
        });
        return orgReportDto(id, tx);
      });
    },

    // ---------- 社区需求 ----------
    async listNeeds(actor: Actor, q: ListNeedsQuery): Promise<Page<Need>> {
      const { rows, total } = await repo.listNeeds(read(actor), q);
      return { data: rows.map(toNeedDto), total, current: q.current, pageSize: q.pageSize };
    },

    async getNeed(actor: Actor, id: string): Promise<NeedDetail> {
      const roots = read(actor);
      const row = await repo.needRow(id, db, needVisible(roots));
      if (!row) throw notFound();
      const claims = await repo.claimRows(sql`k.need_id = ${id} and ${claimVisible(roots)}`);
      return { ...toNeedDto(row), claims: claims.map(toClaimDto) };
    },

    /** 社区派单 / 居民点单: only the community's own administrators post. */
    async createNeed(ctx: RequestContext, body: CreateNeedBody): Promise<Need> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const community = await repo.community(body.communityOrgId, tx);
        if (!community || !isPathInScope(actor, 'community:manage', community.path))
          throw fieldError('body.communityOrgId', MESSAGES.communityNotFound);
        const created = await repo.insertNeed(
          {
            id: crypto.randomUUID(),
            communityOrgId: community.id,
            title: body.title,
            category: body.category,
            source: body.source,
            description: body.description,
            place: body.place,
            startsAt: new Date(body.startsAt),
            hours: body.hours,
            capacity: body.capacity,
            postedById: actor.userId,
            postedByName: actor.displayName,
          },
          tx,
        );
        audit.record({
          action: 'community.need.create',
          entity: 'community_need',
          entityId: created.id,
          orgPath: community.path,
          after: { ...body, communityName: community.name },
        });
        return needDto(created.id, tx);
      });
    },

    async closeNeed(ctx: RequestContext, id: string, body: CloseNeedBody): Promise<Need> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const visible = await repo.needRow(id, tx, needVisible(manage(actor)));
        if (!visible) throw notFound();
        const need = (await repo.lockNeed(id, tx))!;
        const community = await repo.community(need.communityOrgId, tx);
        if (!isPathInScope(actor, 'community:manage', community?.path))
          throw conflict('COMMUNITY_SIDE_ONLY', MESSAGES.communitySideOnly);
        if (need.status === 'closed') throw conflict('COMMUNITY_NEED_NOT_OPEN', MESSAGES.communityNeedClosed);
        await repo.updateNeed(id, { status: 'closed', closedOn: today() }, tx);
        audit.record({
          action: 'community.need.close',
          entity: 'community_need',
          entityId: id,
          orgPath: community?.path ?? null,
          before: { status: need.status },
          after: { status: 'closed', note: body.note ?? null },
        });
        return needDto(id, tx);
      });
    },

    // ---------- 接单 (console) ----------
    async listClaims(actor: Actor, q: ListClaimsQuery): Promise<Page<Claim>> {
      const { rows, total } = await repo.listClaims(read(actor), q);
      return { data: rows.map(toClaimDto), total, current: q.current, pageSize: q.pageSize };
    },

    /** The community confirms the hours of a completed claim (it may correct them). */
    async confirmClaim(ctx: RequestContext, id: string, body: ConfirmClaimBody): Promise<Claim> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const k = await repo.findClaim(id, claimVisible(manage(actor)), tx);
        if (!k) throw notFound();
        if (!isPathInScope(actor, 'community:manage', k.community_path))
          throw conflict('COMMUNITY_SIDE_ONLY', MESSAGES.communitySideOnly);
        if (k.status !== 'completed') throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityClaimState);
        const hours = roundHours(body.hours ?? Number(k.reported_hours ?? 0));
        await repo.updateClaim(
          id,
          {
            status: 'confirmed',
            confirmedHours: hours,
            confirmedAt: new Date(),
            confirmedById: actor.userId,
            confirmedByName: actor.displayName,
          },
          tx,
        );
        audit.record({
          action: 'community.claim.confirm',
          entity: 'need_claim',
          entityId: id,
          orgPath: k.community_path,
          before: { status: k.status, reportedHours: k.reported_hours },
          after: { status: 'confirmed', confirmedHours: hours },
        });
        return claimDto(id, tx);
      });
    },

    async cancelClaimAsAdmin(ctx: RequestContext, id: string, body: CancelClaimBody): Promise<Claim> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const k = await repo.findClaim(id, claimVisible(manage(ctx.actor!)), tx);
        if (!k) throw notFound();
        return cancelClaim(tx, audit, k, ['claimed', 'completed'], body.reason);
      });
    },

    // ---------- statistics ----------
    async orgStats(actor: Actor, q: { year?: number | undefined }): Promise<OrgServiceStatsList> {
      const year = q.year ?? Number(today().slice(0, 4));
      const { rules, now, rows } = await statsBase(actor, year);
      const reportedOrgs = await repo.reportedOrgIds(read(actor));
      const byOrg = new Map<string, OrgServiceStatsList['rows'][number]>();
      for (const r of rows) {
        if (!r.org_id) continue;
        let s = byOrg.get(r.org_id);
        if (!s) {
          const ids = (r.org_path ?? '').split('/').filter(Boolean);
          s = {
            orgId: r.org_id,
            orgName: r.org_name ?? '',
            inService: 0,
            reported: 0,
            reportRate: 0,
            reReportOverdue: 0,
            confirmedHours: 0,
            completedClaims: 0,
            metTarget: 0,
            orgReported: ids.some((id) => reportedOrgs.has(id)),
          };
          byOrg.set(r.org_id, s);
        }
        s.inService += 1;
        if (r.report_status === 'active') {
          s.reported += 1;
          if (r.last_reported_on && isReReportOverdue(r.last_reported_on, rules.reReportMonths, now))
            s.reReportOverdue += 1;
        }
        s.confirmedHours = roundHours(s.confirmedHours + Number(r.confirmed_hours));
        s.completedClaims += Number(r.completed_claims);
        if (Number(r.confirmed_hours) >= rules.hoursTarget) s.metTarget += 1;
      }
      const list = [...byOrg.values()].map((s) => ({
        ...s,
        reportRate: s.inService ? Math.round((s.reported / s.inService) * 1000) / 1000 : 0,
      }));
      return { year, hoursTarget: rules.hoursTarget, rows: list };
    },

    async memberStats(actor: Actor, q: ListMemberStatsQuery): Promise<Page<MemberServiceStats>> {
      const year = q.year ?? Number(today().slice(0, 4));
      const { rules, now, rows } = await statsBase(actor, year, q.orgId);
      return inPage(
        rows.map((r) => ({
          memberId: r.member_id,
          memberName: r.member_name,
          orgId: r.org_id,
          orgName: r.org_name,
          communityName: r.report_status === 'active' ? r.community_name : null,
          reportStatus:
            r.report_status !== 'active'
              ? 'none'
              : r.last_reported_on && isReReportOverdue(r.last_reported_on, rules.reReportMonths, now)
                ? 'overdue'
                : 'active',
          confirmedHours: roundHours(Number(r.confirmed_hours)),
          pendingHours: roundHours(Number(r.pending_hours)),
          completedClaims: Number(r.completed_claims),
          metTarget: Number(r.confirmed_hours) >= rules.hoursTarget,
        })),
        q,
      );
    },

    /** In-service members who never reported, withdrew, or have not re-reported within the interval. */
    async notReported(actor: Actor, q: ListNotReportedQuery): Promise<Page<NotReported>> {
      const { rules, now, rows } = await statsBase(actor, Number(today().slice(0, 4)), q.orgId);
      const list: NotReported[] = [];
      for (const r of rows) {
        const reason = notReportedReason(
          { reportStatus: r.report_status, lastReportedOn: r.last_reported_on, everReported: r.ever_reported },
          rules.reReportMonths,
          now,
        );
        if (!reason || (q.reason && q.reason !== reason)) continue;
        list.push({
          memberId: r.member_id,
          memberName: r.member_name,
          orgId: r.org_id,
          orgName: r.org_name,
          reason,
          lastReportedOn: r.report_status === 'active' ? r.last_reported_on : null,
          communityName: r.report_status === 'active' ? r.community_name : null,
        });
      }
      return inPage(list, q);
    },

    // ---------- H5: the member linked to the account, and nobody else ----------
    async mine(actor: Actor): Promise<MyCommunityService> {
      const member = await myMember(actor);
      const year = Number(today().slice(0, 4));
      const [active, rules, hours] = await Promise.all([
        repo.activeReportOf(member.id),
        repo.rules(),
        repo.memberHours(member.id, year),
      ]);
      return {
        report: active ? await memberReportDto(active.id) : null,
        year,
        confirmedHours: roundHours(hours.confirmed),
        pendingHours: roundHours(hours.pending),
        hoursTarget: rules.hoursTarget,
        reReportMonths: rules.reReportMonths,
        openClaims: hours.open,
      };
    },

    async reportMine(ctx: RequestContext, body: MyReportBody): Promise<MemberReport> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(actor, tx);
        return registerMember(tx, audit, actor, member, body, 'body.communityOrgId');
      });
    },

    async renewMine(ctx: RequestContext): Promise<MemberReport> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(ctx.actor!, tx);
        const active = await repo.activeReportOf(member.id, tx);
        if (!active) throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityNotRegistered);
        const r = (await repo.findMemberReport([''], active.id, tx, true))!;
        return renew(tx, audit, r, today());
      });
    },

    async withdrawMine(ctx: RequestContext, body: WithdrawMemberReportBody): Promise<MemberReport> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(ctx.actor!, tx);
        const active = await repo.activeReportOf(member.id, tx);
        if (!active) throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityNotRegistered);
        const r = (await repo.findMemberReport([''], active.id, tx, true))!;
        return withdraw(tx, audit, r, body);
      });
    },

    /** Needs of the community I am registered with (none when I am not registered). */
    async myNeeds(actor: Actor, q: ListNeedsQuery): Promise<Page<Need>> {
      const member = await myMember(actor);
      const active = await repo.activeReportOf(member.id);
      if (!active) return { data: [], total: 0, current: q.current, pageSize: q.pageSize };
      const { rows, total } = await repo.listNeeds(
        null,
        { ...q, communityOrgId: undefined },
        sql`n.community_org_id = ${active.communityOrgId} ${q.status ? sql`` : sql`and n.status <> 'closed'`}`,
      );
      return { data: rows.map(toNeedDto), total, current: q.current, pageSize: q.pageSize };
    },

    /** 党员接单: the need row is locked first, so parallel claims queue and never exceed the capacity. */
    async claimMine(ctx: RequestContext, needId: string): Promise<Claim> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(ctx.actor!, tx);
        const active = await repo.activeReportOf(member.id, tx);
        const need = await repo.lockNeed(needId, tx);
        if (!need || !active || need.communityOrgId !== active.communityOrgId) throw notFound();
        if (await repo.liveClaim(need.id, member.id, tx))
          throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityAlreadyClaimed);
        if (need.status !== 'open' || need.claimedCount >= need.capacity)
          throw conflict('COMMUNITY_NEED_NOT_OPEN', MESSAGES.communityNeedNotOpen);
        const claimed = need.claimedCount + 1;
        await repo.updateNeed(
          need.id,
          { claimedCount: claimed, status: needStatusFor('open', claimed, need.capacity) },
          tx,
        );
        const created = await repo.insertClaim({ id: crypto.randomUUID(), needId: need.id, memberId: member.id }, tx);
        const community = await repo.community(need.communityOrgId, tx);
        audit.record({
          action: 'community.claim.create',
          entity: 'need_claim',
          entityId: created.id,
          orgPath: community?.path ?? null,
          after: { needId: need.id, needTitle: need.title, memberId: member.id, memberName: member.name },
        });
        return claimDto(created.id, tx);
      });
    },

    async myClaims(actor: Actor, q: ListClaimsQuery): Promise<Page<Claim>> {
      const member = await myMember(actor);
      const { rows, total } = await repo.listClaims(null, q, sql`k.member_id = ${member.id}`);
      return { data: rows.map(toClaimDto), total, current: q.current, pageSize: q.pageSize };
    },

    async completeMine(ctx: RequestContext, id: string, body: CompleteClaimBody): Promise<Claim> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(ctx.actor!, tx);
        const k = await repo.findClaim(id, sql`k.member_id = ${member.id}`, tx);
        if (!k) throw notFound();
        if (k.status !== 'claimed') throw conflict('COMMUNITY_CLAIM_STATE', MESSAGES.communityClaimState);
        const hours = roundHours(body.hours);
        await repo.updateClaim(
          id,
          { status: 'completed', completedAt: new Date(), reportedHours: hours, note: body.note ?? null },
          tx,
        );
        audit.record({
          action: 'community.claim.complete',
          entity: 'need_claim',
          entityId: id,
          orgPath: k.community_path,
          before: { status: k.status },
          after: { status: 'completed', reportedHours: hours, note: body.note ?? null },
        });
        return claimDto(id, tx);
      });
    },

    async cancelMine(ctx: RequestContext, id: string, body: CancelClaimBody): Promise<Claim> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const member = await myMember(ctx.actor!, tx);
        const k = await repo.findClaim(id, sql`k.member_id = ${member.id}`, tx);
        if (!k) throw notFound();
        return cancelClaim(tx, audit, k, ['claimed'], body.reason);
      });
    },
  };
}
export type CommunityServiceService = ReturnType<typeof createCommunityServiceService>;
