import {
  type ListMeetingFilesQuery,
  MEETING_FILE_KINDS,
  MEETING_FILE_LIMITS,
  MEETING_FILES_MAX,
  type MeetingAmendment,
  type MeetingFile,
  type MeetingFileKind,
  type MeetingRecords,
  type RemoveMeetingFileBody,
  type UpdateMinutesBody,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, Tx } from '../../db/client.js';
import { type BlobStore, blobStoreFor, readUpload, sha256Of } from '../file-store/index.js';
import { fileAuditView, toAmendmentDto, toFileDto, toRecordsDto } from './meeting-records.mapper.js';
import {
  allowedTypesOf,
  archiveBlockers,
  checkMeetingFile,
  isArchived,
  MEETING_FILE_TYPES,
} from './meeting-records.policy.js';
import { createMeetingRecordsRepository, type MeetingRow } from './meeting-records.repository.js';
import { makeThumbnail, THUMBNAIL_MIME } from './meeting-records.thumbnail.js';

const conflict = (text: LocalizedText, details?: unknown) => new AppError('CONFLICT', text, { details });
const unsupported = (text: LocalizedText) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', text, { details: [{ path: 'body.file', text }] });

/**
 * 活动记录: minutes, photos and attachments of a meeting, archiving and amendments. File bytes live in the blob store
 * (DATA_DIR/files, content-addressed); `meeting_files` rows point at them by SHA-256 and are never deleted.
 */
export function createMeetingRecordsService(deps: { db: Db; config: Config; blobs?: BlobStore; now?: () => Date }) {
  const { db } = deps;
  const repo = createMeetingRecordsRepository(db);
  const blobs = deps.blobs ?? blobStoreFor(deps.config);
  const now = deps.now ?? (() => new Date());
  /** The largest file read from a request: the attachment limit, or less when the server's upload limit is lower. */
  const uploadCap = Math.min(MEETING_FILE_LIMITS.attachment.maxBytes, deps.config.uploadLimit);

  const readRoots = (actor: Actor) => scopePaths(actor, 'meeting:read');
  const writeRoots = (actor: Actor) => scopePaths(actor, 'meeting:write');

  async function recordsOf(meetingId: string, roots: readonly string[], tx: Db | Tx): Promise<MeetingRecords> {
    const m = await repo.findMeeting(roots, meetingId, tx);
    if (!m) throw notFound();
    return toRecordsDto(m, archiveBlockers(m, now()), await repo.counts(m.id, tx));
  }

  /** After archiving, a change is kept as an amendment beside the record and announced in the audit trail. */
  async function amend(
    tx: Tx,
    audit: AuditRecorder,
    actor: Actor,
    m: MeetingRow,
    change: { field: MeetingAmendment['field']; before: unknown; after: unknown; reason: string; sha256?: string },
  ) {
    const a = await repo.insertAmendment(
      {
        id: crypto.randomUUID(),
        meetingId: m.id,
        field: change.field,
        before: change.before ?? null,
        after: change.after ?? null,
        reason: change.reason,
        byId: actor.userId,
        byName: actor.displayName,
      },
      tx,
    );
    audit.record({
      action: 'meeting.amended',
      entity: 'meeting',
      entityId: m.id,
      orgPath: m.orgPath,
      after: { amendmentId: a.id, field: change.field, reason: change.reason, sha256: change.sha256 },
    });
  }

  /** A cancelled meeting takes nothing new; an archived one only amendments with a reason. */
  function assertWritable(m: MeetingRow, reason: string | null | undefined, path: string) {
    if (m.status === 'cancelled') throw conflict(MESSAGES.meetingRecordsCancelled);
    if (isArchived(m) && !reason) throw fieldError(path, MESSAGES.meetingAmendReasonRequired);
  }

  return {
    records: (actor: Actor, meetingId: string) => recordsOf(meetingId, readRoots(actor), db),

    async updateMinutes(ctx: RequestContext, meetingId: string, body: UpdateMinutesBody): Promise<MeetingRecords> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await repo.lockMeeting(writeRoots(actor), meetingId, tx);
        if (!m) throw notFound();
        assertWritable(m, body.reason, 'body.reason');
        const next = body.minutes || null;
        // The record of an archived meeting keeps its minutes: an amendment corrects them, never blanks them.
        if (isArchived(m) && !next) throw fieldError('body.minutes', MESSAGES.meetingArchiveBlocked.no_minutes);
        if (next !== m.minutes) {
          await repo.updateMeeting(m.id, { minutes: next }, tx);
          audit.record({
            action: 'meeting.minutes_updated',
            entity: 'meeting',
            entityId: m.id,
            orgPath: m.orgPath,
            before: { minutes: m.minutes },
            after: { minutes: next },
          });
          if (isArchived(m))
            await amend(tx, audit, actor, m, {
              field: 'minutes',
              before: m.minutes,
              after: next,
              reason: body.reason!,
            });
        }
        return recordsOf(m.id, writeRoots(actor), tx);
      });
    },

    async listFiles(actor: Actor, meetingId: string, q: ListMeetingFilesQuery): Promise<MeetingFile[]> {
      const m = await repo.findMeeting(readRoots(actor), meetingId);
      if (!m) throw notFound();
      const rows = await repo.listFiles(m.id, { kind: q.kind, includeRemoved: q.includeRemoved === 'true' });
      return rows.map(toFileDto);
    },

    /**
     * Reads the upload only once the meeting is known to be in scope (a foreign id answers 404 before any body),
     * checks kind, type (by content) and size, stores the bytes and the thumbnail, then records the file. The same
     * bytes uploaded again as the same kind to the same meeting answer with the file already there.
     */
    async uploadFile(
      ctx: RequestContext,
      meetingId: string,
      req: FastifyRequest,
    ): Promise<{ file: MeetingFile; created: boolean }> {
      const actor = ctx.actor!;
      const first = await repo.findMeeting(writeRoots(actor), meetingId);
      if (!first) throw notFound();
      const upload = await readUpload(req, uploadCap);
      const kind = upload.fields.kind as MeetingFileKind | undefined;
      if (!kind || !(MEETING_FILE_KINDS as readonly string[]).includes(kind))
        throw fieldError('body.kind', MESSAGES.meetingFileKind);
      const reason = upload.fields.reason?.trim() || null;
      if (reason && reason.length > 500) throw fieldError('body.reason', MESSAGES.meetingReasonTooLong);
      assertWritable(first, reason, 'body.reason');

      const check = checkMeetingFile(kind, upload.bytes, upload.fileName, uploadCap);
      if (!check.ok) {
        if (check.reason === 'empty') throw fieldError('body.file', MESSAGES.uploadEmpty);
        if (check.reason === 'too_large')
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            MESSAGES.uploadTooLarge(Math.min(MEETING_FILE_LIMITS[kind].maxBytes, uploadCap)),
          );
        throw unsupported(
          check.reason === 'type'
            ? MESSAGES.uploadTypeNotAllowed(allowedTypesOf(kind))
            : MESSAGES.uploadExtensionMismatch,
        );
      }
      const thumbnail = MEETING_FILE_TYPES[check.type].image ? await makeThumbnail(upload.bytes) : null;
      if (kind === 'photo' && !thumbnail) throw unsupported(MESSAGES.meetingPhotoUnreadable);
      // Bytes go to the store before the row: a failed transaction leaves an unreferenced blob, never a dangling row.
      const stored = await blobs.put(upload.bytes);
      const thumb = thumbnail ? await blobs.put(thumbnail) : null;

      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await repo.lockMeeting(writeRoots(actor), meetingId, tx);
        if (!m) throw notFound();
        assertWritable(m, reason, 'body.reason');
        const active = await repo.listFiles(m.id, { kind }, tx);
        const same = active.find((f) => f.sha256 === stored.sha256);
        if (same) return { file: toFileDto(same), created: false };
        const counts = await repo.counts(m.id, tx);
        if (counts.photos + counts.attachments >= MEETING_FILES_MAX)
          throw conflict(MESSAGES.meetingTooManyFiles(MEETING_FILES_MAX));
        const row = await repo.insertFile(
          {
            id: crypto.randomUUID(),
            meetingId: m.id,
            kind,
            name: check.name,
            mime: check.mime,
            size: stored.size,
            sha256: stored.sha256,
            thumbSha256: thumb?.sha256 ?? null,
            uploadedById: actor.userId,
          },
          tx,
        );
        const view = fileAuditView(row);
        audit.record({
          action: 'meeting.file_added',
          entity: 'meeting',
          entityId: m.id,
          orgPath: m.orgPath,
          after: view,
        });
        if (isArchived(m))
          await amend(tx, audit, actor, m, {
            field: 'files',
            before: null,
            after: view,
            reason: reason!,
            sha256: row.sha256,
          });
        return { file: toFileDto({ ...row, uploadedByName: actor.displayName }), created: true };
      });
    },

    /** The bytes of a file (or of its thumbnail), removed ones included: the record keeps what it once held. */
    async open(actor: Actor, fileId: string, which: 'file' | 'thumbnail') {
      const found = await repo.findFile(readRoots(actor), fileId);
      if (!found) throw notFound();
      const sha256 = which === 'file' ? found.file.sha256 : found.file.thumbSha256;
      if (!sha256) throw notFound();
      const blob = await blobs.get(sha256);
      if (!blob) throw notFound();
      return {
        name: found.file.name,
        mime: which === 'file' ? found.file.mime : THUMBNAIL_MIME,
        sha256,
        size: blob.size,
        stream: blob.stream,
      };
    },

    /** Takes a file out of the record (it stays stored and listed with `includeRemoved`). */
    async removeFile(ctx: RequestContext, fileId: string, body: RemoveMeetingFileBody): Promise<MeetingFile> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await repo.findFile(writeRoots(actor), fileId, tx);
        if (!found) throw notFound();
        const m = await repo.lockMeeting(writeRoots(actor), found.meeting.id, tx);
        if (!m) throw notFound();
        // Read again under the meeting's lock: two removals of one file cannot both pass.
        const current = (await repo.findFile(writeRoots(actor), fileId, tx))!.file;
        if (current.removedAt) throw conflict(MESSAGES.meetingFileRemoved);
        const row = await repo.markRemoved(fileId, body.reason, tx);
        const view = fileAuditView(current);
        audit.record({
          action: 'meeting.file_removed',
          entity: 'meeting',
          entityId: m.id,
          orgPath: m.orgPath,
          before: view,
          after: { fileId, sha256: current.sha256, removedReason: body.reason },
        });
        if (isArchived(m))
          await amend(tx, audit, actor, m, {
            field: 'files',
            before: view,
            after: null,
            reason: body.reason,
            sha256: current.sha256,
          });
        return toFileDto({ ...row, uploadedByName: current.uploadedByName });
      });
    },

    /** 归档: once the meeting has ended and has minutes; the event fingerprints the archived minutes and files. */
    async archive(ctx: RequestContext, meetingId: string): Promise<MeetingRecords> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const m = await repo.lockMeeting(writeRoots(actor), meetingId, tx);
        if (!m) throw notFound();
        const blockers = archiveBlockers(m, now());
        if (blockers.length > 0) throw conflict(MESSAGES.meetingArchiveBlocked[blockers[0]!], { blockers });
        const at = now();
        await repo.updateMeeting(m.id, { status: 'archived', archivedAt: at, archivedById: actor.userId }, tx);
        audit.record({
          action: 'meeting.archived',
          entity: 'meeting',
          entityId: m.id,
          orgPath: m.orgPath,
          before: { status: m.status },
          after: {
            status: 'archived',
            archivedAt: at.toISOString(),
            minutesSha256: sha256Of(Buffer.from(m.minutes ?? '', 'utf8')),
            files: await repo.activeFileHashes(m.id, tx),
          },
        });
        return recordsOf(m.id, writeRoots(actor), tx);
      });
    },

    async amendments(actor: Actor, meetingId: string): Promise<MeetingAmendment[]> {
      const m = await repo.findMeeting(readRoots(actor), meetingId);
      if (!m) throw notFound();
      return (await repo.listAmendments(m.id)).map(toAmendmentDto);
    },
  };
}
export type MeetingRecordsService = ReturnType<typeof createMeetingRecordsService>;
