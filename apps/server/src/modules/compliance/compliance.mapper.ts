import type {
  ActivityType,
  CalendarMeeting,
  ComplianceCycle,
  ComplianceOrgType,
  ComplianceRule,
  MeetingPhase,
} from '@red-engine/shared';
import { type RuleVersion, ruleState } from './compliance.policy.js';
import type { ActivityTypeRow, CalendarRow, ComplianceRuleRow } from './compliance.repository.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

export const toVersion = (r: ComplianceRuleRow): RuleVersion => ({
  id: r.id,
  typeCode: r.typeCode,
  orgType: r.orgType,
  cycle: r.cycle as ComplianceCycle,
  expectedCount: r.expectedCount,
  perGroup: r.perGroup,
  effectiveFrom: r.effectiveFrom,
});

export function toRuleDto(r: ComplianceRuleRow, versions: readonly RuleVersion[], today: string): ComplianceRule {
  return {
    id: r.id,
    typeCode: r.typeCode,
    orgType: r.orgType as ComplianceOrgType,
    cycle: r.cycle as ComplianceCycle,
    expectedCount: r.expectedCount,
    perGroup: r.perGroup,
    effectiveFrom: r.effectiveFrom,
    note: r.note,
    state: ruleState(toVersion(r), versions, today),
    updatedAt: iso(r.updatedAt),
  };
}

export const toActivityTypeDto = (r: ActivityTypeRow): ActivityType => ({
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  category: r.category as ActivityType['category'],
  sortOrder: r.sortOrder,
  builtin: r.builtin,
  active: r.active,
});

/** The same phases as the meetings module: what the stored status and the clock say together. */
export function phaseOf(
  r: Pick<CalendarRow, 'status' | 'starts_at' | 'ends_at' | 'checkin_opens_at'>,
  now: Date,
): MeetingPhase {
  if (r.status === 'cancelled') return 'cancelled';
  if (r.status === 'archived') return 'archived';
  const t = now.getTime();
  if (t >= new Date(r.ends_at).getTime()) return 'ended';
  if (t >= new Date(r.starts_at).getTime()) return 'in_progress';
  if (t >= new Date(r.checkin_opens_at).getTime()) return 'checkin_open';
  return 'upcoming';
}

export const toCalendarDto = (r: CalendarRow, now: Date): CalendarMeeting => ({
  id: r.id,
  title: r.title,
  typeCodes: r.type_codes ?? [],
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  orgId: r.org_id,
  orgName: r.org_name,
  venueName: r.venue_name,
  phase: phaseOf(r, now),
});
