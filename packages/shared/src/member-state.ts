import type {
  MemberCategory,
  MemberEventDetails,
  MemberEventType,
  MemberState,
  MemberStatus,
} from './member.schema.js';

export type FoldableEvent = {
  type: MemberEventType;
  effectiveDate: string;
  seq: number;
  orgId: string | null;
  details: MemberEventDetails;
};

export const emptyMemberState = (): MemberState => ({
  orgId: null,
  category: null,
  status: 'active',
  partyStatus: 'normal',
  lostContact: false,
  lostSince: null,
  flowing: false,
  flowDestination: null,
  joinDate: null,
  fullMemberDate: null,
});

const byDateThenSeq = (a: FoldableEvent, b: FoldableEvent) =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.seq - b.seq;

/** Applies one event to a state; pure, so the same rules serve the cache, as-of queries and tests. */
export function applyMemberEvent(state: MemberState, e: FoldableEvent): MemberState {
  const s = { ...state };
  const leave = (status: MemberStatus) => {
    s.status = status;
  };
  switch (e.type) {
    case 'joined':
      s.orgId = e.orgId;
      s.category = 'probationary';
      s.status = 'active';
      s.joinDate = e.effectiveDate;
      break;
    case 'registered':
      // Entered with their history: the registration date is the join date (建库登记 at 入党日期).
      s.joinDate ??= e.effectiveDate;
      s.orgId = e.orgId;
      s.category = (e.details.category ?? s.category ?? 'full') as MemberCategory;
      s.status = 'active';
      break;
    case 'transferred_in':
      s.orgId = e.orgId;
      s.category = (e.details.category ?? s.category ?? 'full') as MemberCategory;
      s.status = 'active';
      break;
    case 'converted':
      s.category = 'full';
      s.fullMemberDate = e.effectiveDate;
      break;
    case 'probation_extended':
      break;
    case 'qualification_cancelled':
      leave('removed');
      break;
    case 'moved':
      s.orgId = e.orgId;
      break;
    case 'transferred_out':
      leave('transferred_out');
      break;
    case 'flow_out':
      s.flowing = true;
      s.flowDestination = e.details.destination ?? null;
      break;
    case 'flow_back':
      s.flowing = false;
      s.flowDestination = null;
      break;
    case 'lost':
      s.lostContact = true;
      s.lostSince = e.effectiveDate;
      break;
    case 'found':
      s.lostContact = false;
      s.lostSince = null;
      break;
    case 'suspended':
      s.partyStatus = 'suspended';
      break;
    case 'restored':
      s.partyStatus = 'normal';
      break;
    case 'left':
      leave('removed');
      break;
    case 'died':
      leave('deceased');
      break;
  }
  return s;
}

/** The member's state at the end of `asOf` (inclusive), or today's state when no date is given. */
export function deriveMemberState(events: readonly FoldableEvent[], asOf?: string): MemberState {
  return [...events]
    .filter((e) => !asOf || e.effectiveDate <= asOf)
    .sort(byDateThenSeq)
    .reduce(applyMemberEvent, emptyMemberState());
}

/** Whole years between two ISO dates (age, 党龄). */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
