import {
  type Claim,
  type ClaimStatus,
  isReReportOverdue,
  type MemberReport,
  type Need,
  type NeedSource,
  type NeedStatus,
  type OrgReport,
  type ReportStatus,
  reReportDueOn,
  type ServiceCategory,
  type WithdrawReason,
} from '@red-engine/shared';
import type {
  ClaimListRow,
  MemberReportListRow,
  NeedListRow,
  OrgReportListRow,
} from './community-service.repository.js';

const iso = (v: Date | string | null | undefined): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();
const num = (v: number | string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export function toMemberReportDto(
  r: MemberReportListRow,
  rules: { reReportMonths: number; today: string },
): MemberReport {
  const active = r.status === 'active';
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    orgId: r.org_id,
    orgName: r.org_name,
    communityOrgId: r.community_org_id,
    communityName: r.community_name,
    reportedOn: r.reported_on,
    lastReportedOn: r.last_reported_on,
    reReportDueOn: active ? reReportDueOn(r.last_reported_on, rules.reReportMonths) : null,
    reReportOverdue: active && isReReportOverdue(r.last_reported_on, rules.reReportMonths, rules.today),
    status: r.status as ReportStatus,
    serviceCategories: (r.service_categories ?? []) as ServiceCategory[],
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason as WithdrawReason | null,
    withdrawNote: r.withdraw_note,
    createdAt: iso(r.created_at)!,
  };
}

export function toOrgReportDto(r: OrgReportListRow): OrgReport {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    communityOrgId: r.community_org_id,
    communityName: r.community_name,
    reportedOn: r.reported_on,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    commitments: r.commitments,
    status: r.status as ReportStatus,
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
    createdAt: iso(r.created_at)!,
  };
}

export function toNeedDto(r: NeedListRow): Need {
  return {
    id: r.id,
    communityOrgId: r.community_org_id,
    communityName: r.community_name,
    title: r.title,
    category: r.category as ServiceCategory,
    source: r.source as NeedSource,
    description: r.description,
    place: r.place,
    startsAt: iso(r.starts_at)!,
    hours: Number(r.hours),
    capacity: Number(r.capacity),
    claimedCount: Number(r.claimed_count),
    status: r.status as NeedStatus,
    postedBy: r.posted_by_name,
    closedOn: r.closed_on,
    createdAt: iso(r.created_at)!,
  };
}

export function toClaimDto(r: ClaimListRow): Claim {
  return {
    id: r.id,
    needId: r.need_id,
    needTitle: r.need_title,
    needStartsAt: iso(r.need_starts_at)!,
    needPlace: r.need_place,
    category: r.category as ServiceCategory,
    communityOrgId: r.community_org_id,
    communityName: r.community_name,
    memberId: r.member_id,
    memberName: r.member_name,
    memberOrgName: r.member_org_name,
    status: r.status as ClaimStatus,
    claimedAt: iso(r.claimed_at)!,
    completedAt: iso(r.completed_at),
    reportedHours: num(r.reported_hours),
    confirmedHours: num(r.confirmed_hours),
    confirmedAt: iso(r.confirmed_at),
    confirmedBy: r.confirmed_by_name,
    note: r.note,
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
  };
}
