import { type Committee, type CommitteePosition, termWarningLevel } from '@red-engine/shared';
import type { CommitteeMemberRow, CommitteeRow } from './committee.repository.js';

export function toCommitteeDto(
  row: CommitteeRow,
  orgName: string,
  seats: CommitteeMemberRow[],
  today: string,
): Committee {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName,
    termNumber: row.termNumber,
    electedOn: row.electedOn,
    termYears: row.termYears,
    expiresOn: row.expiresOn,
    isCurrent: row.isCurrent,
    notes: row.notes,
    warning: row.isCurrent ? termWarningLevel(row.expiresOn, today) : null,
    members: seats.map((s) => ({
      id: s.id,
      memberId: s.memberId,
      name: s.name,
      position: s.position as CommitteePosition,
      sortOrder: s.sortOrder,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit event keeps of a committee. */
export const committeeAuditView = (
  row: CommitteeRow,
  seats: { memberId: string | null; name: string; position: string }[],
) => ({
  orgId: row.orgId,
  termNumber: row.termNumber,
  electedOn: row.electedOn,
  termYears: row.termYears,
  expiresOn: row.expiresOn,
  isCurrent: row.isCurrent,
  notes: row.notes,
  members: seats.map((s) => ({ memberId: s.memberId, name: s.name, position: s.position })),
});
