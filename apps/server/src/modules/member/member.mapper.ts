import {
  type Member,
  type MemberCategory,
  type MemberEvent,
  type MemberEventDetails,
  type MemberEventType,
  type MemberState,
  type MemberStatus,
  type PartyStatus,
  wholeYearsBetween,
} from '@red-engine/shared';
import type { EventRow, MemberRow } from './member.repository.js';

/** The lifecycle part of a member as it stood on some date (today's cache, or an as-of fold). */
export type LifecycleView = {
  orgId: string | null;
  orgName: string | null;
  category: string | null;
  status: string;
  partyStatus: string;
  lostContact: boolean;
  lostSince: string | null;
  flowing: boolean;
  flowDestination: string | null;
};

export const cachedLifecycle = (row: MemberRow, orgName: string | null): LifecycleView => ({
  orgId: row.orgId,
  orgName,
  category: row.category,
  status: row.status,
  partyStatus: row.partyStatus,
  lostContact: row.lostContact,
  lostSince: row.lostSince,
  flowing: row.flowing,
  flowDestination: row.flowDestination,
});

/** Whitelisted output: masked ID number and phone, never the sealed columns or the address itself. */
export function toMemberDto(row: MemberRow, life: LifecycleView, today: string): Member {
  return {
    id: row.id,
    name: row.name,
    nameMongolian: row.nameMongolian,
    gender: row.gender === 'female' ? 'female' : 'male',
    idNumberMasked: row.idNumberMasked,
    ethnicity: row.ethnicity,
    birthDate: row.birthDate,
    age: wholeYearsBetween(row.birthDate, today),
    education: row.education,
    jobCategory: row.jobCategory,
    phoneMasked: row.phoneMasked,
    hasAddress: row.addressEnc !== null,
    nativePlace: row.nativePlace,
    degree: row.degree,
    title: row.title,
    workUnit: row.workUnit,
    workPost: row.workPost,
    talentFlags: row.talentFlags,
    tags: row.tags,
    partyPosts: row.partyPosts,
    orgId: life.orgId,
    orgName: life.orgName,
    category: (life.category as MemberCategory | null) ?? null,
    status: life.status as MemberStatus,
    partyStatus: life.partyStatus as PartyStatus,
    lostContact: life.lostContact,
    lostSince: life.lostSince,
    flowing: life.flowing,
    flowDestination: life.flowDestination,
    joinDate: row.joinDate,
    fullMemberDate: row.fullMemberDate,
    partyAgeYears: row.fullMemberDate ? Math.max(0, wholeYearsBetween(row.fullMemberDate, today)) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMemberEventDto(
  row: EventRow,
  names: { orgName: string | null; fromOrgName: string | null },
): MemberEvent {
  return {
    id: row.id,
    memberId: row.memberId,
    seq: row.seq,
    type: row.type as MemberEventType,
    effectiveDate: row.effectiveDate,
    orgId: row.orgId,
    orgName: names.orgName,
    fromOrgId: row.fromOrgId,
    fromOrgName: names.fromOrgName,
    details: row.details as MemberEventDetails,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** What an audit event keeps of a member: masked ID number and phone, never the address or plaintext. */
export const memberAuditView = (row: MemberRow) => ({
  name: row.name,
  nameMongolian: row.nameMongolian,
  gender: row.gender,
  idNumberMasked: row.idNumberMasked,
  ethnicity: row.ethnicity,
  birthDate: row.birthDate,
  education: row.education,
  jobCategory: row.jobCategory,
  phoneMasked: row.phoneMasked,
  hasAddress: row.addressEnc !== null,
  nativePlace: row.nativePlace,
  degree: row.degree,
  title: row.title,
  workUnit: row.workUnit,
  workPost: row.workPost,
  talentFlags: row.talentFlags,
  tags: row.tags,
  partyPosts: row.partyPosts,
  orgId: row.orgId,
  category: row.category,
  status: row.status,
  joinDate: row.joinDate,
  fullMemberDate: row.fullMemberDate,
});

export const eventAuditView = (row: EventRow) => ({
  type: row.type,
  effectiveDate: row.effectiveDate,
  orgId: row.orgId,
  fromOrgId: row.fromOrgId,
  details: row.details,
});

/** The cached lifecycle columns of a member row, written from the state folded out of its events. */
export const lifecycleColumns = (state: MemberState, orgPath: string | null) => ({
  orgId: state.orgId,
  orgPath,
  category: state.category,
  status: state.status,
  partyStatus: state.partyStatus,
  lostContact: state.lostContact,
  lostSince: state.lostSince,
  flowing: state.flowing,
  flowDestination: state.flowDestination,
  joinDate: state.joinDate,
  fullMemberDate: state.fullMemberDate,
});
