import type { MemberWarning, MemberWarningLevel, RuleSettings } from '@red-engine/shared';
import { addMonths } from '../member/index.js';

/** Whole months from one ISO date to another (2026-01-31 → 2026-02-28 is 0; → 2026-03-01 is 1). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

type Level = { level: MemberWarningLevel; nextLevelOn: string | null };

/**
 * 失联 (DOMAIN-RULES §3.4): lost for the suspension threshold (6 months) → 停止党籍 due, unless already suspended;
 * for the removal threshold (2 years) → 除名 due. A threshold is reached on the same day of the month.
 */
export function lostLevel(since: string, partyStatus: string, today: string, rules: RuleSettings): Level {
  const suspendOn = addMonths(since, rules.lostSuspendMonths);
  const removeOn = addMonths(since, rules.lostRemoveMonths);
  if (removeOn <= today) return { level: 'remove_due', nextLevelOn: null };
  if (suspendOn <= today)
    return { level: partyStatus === 'suspended' ? 'suspended' : 'suspend_due', nextLevelOn: removeOn };
  return { level: 'lost', nextLevelOn: suspendOn };
}

/** 流动 (DOMAIN-RULES §3.5): away for the threshold (6 months) → the relation should be transferred. */
export function flowLevel(since: string, today: string, rules: RuleSettings): Level {
  const dueOn = addMonths(since, rules.flowTransferMonths);
  return dueOn <= today ? { level: 'transfer_due', nextLevelOn: null } : { level: 'flowing', nextLevelOn: dueOn };
}

export type WarningSource = {
  id: string;
  name: string;
  org_id: string | null;
  org_name: string | null;
  party_status: string;
  lost_contact: boolean;
  lost_since: string | null;
  flowing: boolean;
  flow_destination: string | null;
  flow_since: string | null;
};

/** The warnings of one member: one for lost contact, one for flowing (a member may have both). */
export function warningsOf(m: WarningSource, today: string, rules: RuleSettings): MemberWarning[] {
  const base = {
    memberId: m.id,
    memberName: m.name,
    orgId: m.org_id,
    orgName: m.org_name,
    partyStatus: m.party_status,
  };
  const out: MemberWarning[] = [];
  if (m.lost_contact && m.lost_since)
    out.push({
      ...base,
      kind: 'lost',
      ...lostLevel(m.lost_since, m.party_status, today, rules),
      since: m.lost_since,
      months: wholeMonthsBetween(m.lost_since, today),
      destination: null,
    });
  if (m.flowing && m.flow_since)
    out.push({
      ...base,
      kind: 'flowing',
      ...flowLevel(m.flow_since, today, rules),
      since: m.flow_since,
      months: wholeMonthsBetween(m.flow_since, today),
      destination: m.flow_destination,
    });
  return out;
}
