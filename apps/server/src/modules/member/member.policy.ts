import {
  type CreateMemberEventBody,
  type FoldableEvent,
  type MemberState,
  type OrgType,
  parseIdNumber,
  wholeYearsBetween,
} from '@red-engine/shared';
import type { LocalizedText } from '../../core/messages.js';
import { MESSAGES } from '../../core/messages.js';

/** A rule broken by one field: the service turns it into a 400 naming that field. */
export type FieldProblem = { path: string; text: LocalizedText };

const problem = (path: string, text: LocalizedText): FieldProblem => ({ path, text });

/** Members belong to a branch: 党支部, 联合党支部 or 临时党支部 — never a committee or a party group. */
export const MEMBER_ORG_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];
export const isMemberOrgType = (type: string) => (MEMBER_ORG_TYPES as readonly string[]).includes(type);

/** Adds whole months to an ISO date, clamping to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The ID number is well formed, carries a right check character and a real birth date, and agrees with gender and birth date. */
export function checkIdentity(
  f: { idNumber?: string; gender?: string; birthDate?: string },
  prefix: string,
  today: string,
): FieldProblem | null {
  if (f.idNumber === undefined) return null;
  const info = parseIdNumber(f.idNumber, new Date(`${today}T23:59:59Z`));
  if (!info.ok) {
    const text =
      info.reason === 'format'
        ? MESSAGES.idNumberFormat
        : info.reason === 'checksum'
          ? MESSAGES.idNumberChecksum
          : MESSAGES.idNumberBirthDate;
    return problem(`${prefix}.idNumber`, text);
  }
  if (f.gender !== undefined && f.gender !== info.gender) return problem(`${prefix}.gender`, MESSAGES.genderMismatch);
  if (f.birthDate !== undefined && f.birthDate !== info.birthDate)
    return problem(`${prefix}.birthDate`, MESSAGES.birthDateMismatch);
  return null;
}

/** Join and full-membership dates of a new record: not in the future, 18 at joining, a conversion date only for full members. */
export function checkLifecycleDates(
  b: { birthDate: string; category: 'full' | 'probationary'; joinDate: string; fullMemberDate?: string | undefined },
  today: string,
): FieldProblem | null {
  if (b.joinDate > today) return problem('body.joinDate', MESSAGES.dateInFuture);
  if (wholeYearsBetween(b.birthDate, b.joinDate) < 18) return problem('body.joinDate', MESSAGES.tooYoungAtJoin);
  if (b.category === 'probationary') {
    if (b.fullMemberDate !== undefined)
      return problem('body.fullMemberDate', MESSAGES.fullMemberDateNotForProbationary);
    return null;
  }
  if (b.fullMemberDate === undefined) return problem('body.fullMemberDate', MESSAGES.fullMemberDateRequired);
  if (b.fullMemberDate < b.joinDate) return problem('body.fullMemberDate', MESSAGES.fullMemberDateBeforeJoin);
  if (b.fullMemberDate > today) return problem('body.fullMemberDate', MESSAGES.dateInFuture);
  return null;
}

/** What an event rule needs to know beyond the member's own history. */
export type EventContext = {
  today: string;
  /** The receiving branch named by `orgId`, if found in the actor's scope. */
  target?: { id: string; type: string } | null;
};

/**
 * Preconditions of one lifecycle event against the member's history (all events so far). Pure: returns the
 * offending field, or null when the event may be recorded.
 */
export function checkMemberEvent(
  history: readonly FoldableEvent[],
  state: MemberState,
  body: CreateMemberEventBody,
  ctx: EventContext,
): FieldProblem | null {
  const date = body.effectiveDate;
  if (date > ctx.today) return problem('body.effectiveDate', MESSAGES.dateInFuture);
  const last = history
    .map((e) => e.effectiveDate)
    .sort()
    .at(-1);
  if (last && date < last) return problem('body.effectiveDate', MESSAGES.eventBeforeLast(last));
  if (state.joinDate && date < state.joinDate) return problem('body.effectiveDate', MESSAGES.eventBeforeJoin);

  if (body.type === 'transferred_in') {
    if (state.status !== 'transferred_out') return problem('body.type', MESSAGES.transferInNotOut);
    return checkTarget(state, ctx, false);
  }
  if (state.status !== 'active') return problem('body.type', MESSAGES.memberNotActive);

  switch (body.type) {
    case 'converted': {
      if (state.category !== 'probationary') return problem('body.type', MESSAGES.onlyProbationary);
      const extension = history
        .filter((e) => e.type === 'probation_extended')
        .reduce((n, e) => n + (e.details.months ?? 0), 0);
      const earliest = addMonths(state.joinDate ?? date, 12 + extension);
      if (date < earliest) return problem('body.effectiveDate', MESSAGES.convertTooEarly(earliest));
      return null;
    }
    case 'probation_extended':
      if (state.category !== 'probationary') return problem('body.type', MESSAGES.onlyProbationary);
      if (history.some((e) => e.type === 'probation_extended'))
        return problem('body.type', MESSAGES.probationAlreadyExtended);
      if (body.details.months === undefined) return problem('body.details.months', MESSAGES.probationMonthsRequired);
      return null;
    case 'qualification_cancelled':
      return state.category === 'probationary' ? null : problem('body.type', MESSAGES.onlyProbationary);
    case 'moved':
      return checkTarget(state, ctx, true);
    case 'transferred_out':
      return body.details.destination ? null : problem('body.details.destination', MESSAGES.destinationRequired);
    case 'flow_out':
      if (state.flowing) return problem('body.type', MESSAGES.alreadyFlowing);
      return body.details.destination ? null : problem('body.details.destination', MESSAGES.destinationRequired);
    case 'flow_back':
      return state.flowing ? null : problem('body.type', MESSAGES.notFlowing);
    case 'lost':
      return state.lostContact ? problem('body.type', MESSAGES.alreadyLost) : null;
    case 'found':
      return state.lostContact ? null : problem('body.type', MESSAGES.notLost);
    case 'suspended':
      return state.partyStatus === 'suspended' ? problem('body.type', MESSAGES.alreadySuspended) : null;
    case 'restored':
      return state.partyStatus === 'suspended' ? null : problem('body.type', MESSAGES.notSuspended);
    case 'left':
      return body.details.leftKind ? null : problem('body.details.leftKind', MESSAGES.leftKindRequired);
    case 'died':
      return null;
  }
}

function checkTarget(state: MemberState, ctx: EventContext, mustDiffer: boolean): FieldProblem | null {
  if (ctx.target === undefined) return problem('body.orgId', MESSAGES.targetOrgRequired);
  if (ctx.target === null) return problem('body.orgId', MESSAGES.memberOrgOutOfScope);
  if (!isMemberOrgType(ctx.target.type)) return problem('body.orgId', MESSAGES.memberOrgNotBranch);
  if (mustDiffer && ctx.target.id === state.orgId) return problem('body.orgId', MESSAGES.sameOrg);
  return null;
}

/** Event types that name a receiving branch. */
export const EVENTS_WITH_TARGET = new Set(['moved', 'transferred_in']);
