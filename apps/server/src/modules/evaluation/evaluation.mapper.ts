import {
  type Campaign,
  type CampaignStatus,
  daysOverdue,
  type EvaluationAttachment,
  type EvaluationKind,
  type MemberGrade,
  type Rectification,
  type RectificationStatus,
  rectificationState,
  type SecretaryChoice,
  type Subject,
  turnoutPercent,
} from '@red-engine/shared';
import type { AttachmentRow, CampaignListRow, SubjectRow } from './evaluation.repository.js';

export const iso = (v: Date | string | null | undefined): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();

/** Today in Beijing (the zone's calendar), whatever the server's clock zone. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const beijingYear = (now = new Date()) => Number(beijingToday(now).slice(0, 4));

export function toCampaignDto(r: CampaignListRow): Campaign {
  return {
    id: r.id,
    kind: r.kind as EvaluationKind,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    status: r.status as CampaignStatus,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    subjectCount: r.subjects,
    turnout: { eligible: r.eligible, cast: r.cast, percent: turnoutPercent(r.cast, r.eligible) },
    votingOpenedAt: iso(r.voting_opened_at),
    votingClosedAt: iso(r.voting_closed_at),
    submittedAt: iso(r.submitted_at),
    confirmedAt: iso(r.confirmed_at),
    confirmedByName: r.confirmed_by_name,
    returnedReason: r.returned_reason,
    createdAt: iso(r.created_at)!,
  };
}

export function toAttachmentDto(
  a: Pick<AttachmentRow, 'id' | 'fileName' | 'size' | 'contentType' | 'uploadedByName' | 'uploadedAt'>,
): EvaluationAttachment {
  return {
    id: a.id,
    fileName: a.fileName,
    size: a.size,
    contentType: a.contentType,
    uploadedByName: a.uploadedByName ?? null,
    uploadedAt: iso(a.uploadedAt)!,
  };
}

export function toSubjectDto(
  s: SubjectRow & { org_name: string; rectifications: number },
  attachments: EvaluationAttachment[],
): Subject {
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: s.org_name,
    memberId: s.memberId,
    name: s.name,
    position: s.position,
    category: s.category,
    graded: s.graded,
    report: s.report,
    reportSubmittedAt: iso(s.reportSubmittedAt),
    reportByName: s.reportByName,
    attachments,
    comment: s.comment,
    commentedAt: iso(s.commentedAt),
    commentedByName: s.commentedByName,
    selfAssessment: s.selfAssessment,
    selfSubmittedAt: iso(s.selfSubmittedAt),
    peerSummary: s.peerSummary,
    proposedGrade: (s.proposedGrade as MemberGrade | null) ?? null,
    proposalNote: s.proposalNote,
    finalGrade: (s.finalGrade as MemberGrade | null) ?? null,
    resultGrade: (s.resultGrade as SecretaryChoice | null) ?? null,
    rectifications: s.rectifications,
  };
}

export type RectificationListRow = {
  id: string;
  campaign_id: string;
  campaign_title: string;
  year: number;
  subject_id: string;
  subject_name: string;
  org_id: string;
  org_name: string;
  problem: string;
  measure: string | null;
  owner_name: string;
  due_on: string;
  status: string;
  progress_note: string | null;
  closing_note: string | null;
  closed_at: Date | string | null;
  closed_by_name: string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

export function toRectificationDto(
  r: RectificationListRow,
  attachments: EvaluationAttachment[],
  today: string,
  warnDays: number,
): Rectification {
  const status = r.status as RectificationStatus;
  const state = rectificationState({ status, dueOn: r.due_on }, today, warnDays);
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignTitle: r.campaign_title,
    year: r.year,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    orgId: r.org_id,
    orgName: r.org_name,
    problem: r.problem,
    measure: r.measure,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status,
    state,
    daysOverdue: state === 'overdue' ? daysOverdue(r.due_on, today) : 0,
    progressNote: r.progress_note,
    closingNote: r.closing_note,
    closedAt: iso(r.closed_at),
    closedByName: r.closed_by_name,
    attachments,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
