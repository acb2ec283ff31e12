import type {
  ArchiveBlocker,
  MeetingAmendment,
  MeetingFile,
  MeetingFileKind,
  MeetingRecords,
  MeetingStatus,
} from '@red-engine/shared';
import type {
  AmendmentRow,
  FileWithUploader,
  MeetingFileRow,
  MeetingWithArchiver,
} from './meeting-records.repository.js';

const iso = (v: Date | string | null | undefined): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();

export function toFileDto(f: FileWithUploader): MeetingFile {
  return {
    id: f.id,
    meetingId: f.meetingId,
    kind: f.kind as MeetingFileKind,
    name: f.name,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    hasThumbnail: f.thumbSha256 !== null,
    uploadedByName: f.uploadedByName,
    createdAt: iso(f.createdAt)!,
    removedAt: iso(f.removedAt),
    removedReason: f.removedReason,
  };
}

export function toRecordsDto(
  m: MeetingWithArchiver,
  blockers: ArchiveBlocker[],
  counts: MeetingRecords['counts'],
): MeetingRecords {
  return {
    meetingId: m.id,
    title: m.title,
    status: m.status as MeetingStatus,
    endsAt: iso(m.endsAt)!,
    minutes: m.minutes,
    archivedAt: iso(m.archivedAt),
    archivedByName: m.archivedByName,
    archiveBlockers: blockers,
    counts,
  };
}

export function toAmendmentDto(a: AmendmentRow): MeetingAmendment {
  return {
    id: a.id,
    meetingId: a.meetingId,
    field: a.field as MeetingAmendment['field'],
    before: a.before ?? null,
    after: a.after ?? null,
    reason: a.reason,
    byName: a.byName,
    at: iso(a.at)!,
  };
}

/** A file as the audit trail and the amendments record it: enough to find the very bytes again. */
export const fileAuditView = (
  f: Pick<MeetingFileRow, 'id' | 'kind' | 'name' | 'mime' | 'size' | 'sha256' | 'thumbSha256'>,
) => ({
  fileId: f.id,
  kind: f.kind,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  thumbSha256: f.thumbSha256,
});
