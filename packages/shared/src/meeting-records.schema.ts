import { z } from 'zod';

/**
 * 活动记录 (PRODUCT §3.3 "record minutes, photos, attachments → archive"): the minutes (会议记录), photos and
 * attachments of a meeting, archiving (归档) that locks the record, and amendments (更正) with a reason afterwards.
 * The limits are constants, not rule data: they protect the server, they are not local practice.
 */

export const MEETING_FILE_KINDS = ['photo', 'attachment'] as const;
export const MeetingFileKindSchema = z.enum(MEETING_FILE_KINDS).describe('照片 photo / 附件 attachment');
export type MeetingFileKind = z.infer<typeof MeetingFileKindSchema>;

const MIB = 1024 * 1024;
/** What each kind accepts (recognised by content, never by the name) and its size limit. */
export const MEETING_FILE_LIMITS = {
  photo: { maxBytes: 10 * MIB, types: ['jpg', 'png', 'webp'] },
  attachment: { maxBytes: 20 * MIB, types: ['pdf', 'docx', 'xlsx', 'pptx', 'jpg', 'png'] },
} as const satisfies Record<MeetingFileKind, { maxBytes: number; types: readonly string[] }>;
/** Files (not removed) one meeting may hold. */
export const MEETING_FILES_MAX = 200;
/** Longest side of a thumbnail, in pixels. */
export const MEETING_THUMBNAIL_MAX_SIDE = 320;
export const MEETING_MINUTES_MAX_LENGTH = 50_000;

const reason = z.string().trim().min(1).max(500);

export const UpdateMinutesBodySchema = z.object({
  minutes: z.string().trim().max(MEETING_MINUTES_MAX_LENGTH).describe('会议记录（纪要）'),
  reason: reason.optional().nullable().describe('更正原因：活动已归档时必填'),
});
export type UpdateMinutesBody = z.infer<typeof UpdateMinutesBodySchema>;

export const RemoveMeetingFileBodySchema = z.object({ reason: reason.describe('移除原因') });
export type RemoveMeetingFileBody = z.infer<typeof RemoveMeetingFileBodySchema>;

export const ListMeetingFilesQuerySchema = z.object({
  kind: MeetingFileKindSchema.optional(),
  includeRemoved: z.enum(['true', 'false']).optional().describe('也列出已移除的文件'),
});
export type ListMeetingFilesQuery = z.infer<typeof ListMeetingFilesQuerySchema>;

export const MeetingFileSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: MeetingFileKindSchema,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  hasThumbnail: z.boolean(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
  removedReason: z.string().nullable(),
});
export type MeetingFile = z.infer<typeof MeetingFileSchema>;

/** Why a meeting cannot be archived (yet). */
export const ARCHIVE_BLOCKERS = ['not_ended', 'no_minutes', 'cancelled', 'archived'] as const;
export const ArchiveBlockerSchema = z.enum(ARCHIVE_BLOCKERS);
export type ArchiveBlocker = z.infer<typeof ArchiveBlockerSchema>;

/** The record part of a meeting, as the records panel shows it. */
export const MeetingRecordsSchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  status: z.enum(['planned', 'cancelled', 'archived']),
  endsAt: z.string(),
  minutes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  archivedByName: z.string().nullable(),
  archiveBlockers: z.array(ArchiveBlockerSchema).describe('为空时可以归档'),
  counts: z.object({ photos: z.number().int(), attachments: z.number().int(), amendments: z.number().int() }),
});
export type MeetingRecords = z.infer<typeof MeetingRecordsSchema>;

/** What an amendment changed: the minutes, or a file added to or removed from the archived record. */
export const AMENDMENT_FIELDS = ['minutes', 'files'] as const;
export const AmendmentFieldSchema = z.enum(AMENDMENT_FIELDS);

export const MeetingAmendmentSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  field: AmendmentFieldSchema,
  /** minutes: the text; files: `{ fileId, kind, name, sha256 }` (null before an addition, after a removal). */
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
});
export type MeetingAmendment = z.infer<typeof MeetingAmendmentSchema>;
