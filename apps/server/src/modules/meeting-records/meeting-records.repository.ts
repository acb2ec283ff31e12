import type { MeetingFileKind } from '@red-engine/shared';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { pathsWhere } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { meetingAmendments, meetingFiles, meetings, users } from '../../db/schema/index.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingFileRow = typeof meetingFiles.$inferSelect;
export type AmendmentRow = typeof meetingAmendments.$inferSelect;
export type FileWithUploader = MeetingFileRow & { uploadedByName: string | null };

/** The meeting's organization path lies in one of the actor's subtrees for the permission at hand. */
const meetingInScope = (roots: readonly string[]): SQL => pathsWhere(meetings.orgPath, roots);

const fileColumns = {
  id: meetingFiles.id,
  meetingId: meetingFiles.meetingId,
  kind: meetingFiles.kind,
  name: meetingFiles.name,
  mime: meetingFiles.mime,
  size: meetingFiles.size,
  sha256: meetingFiles.sha256,
  thumbSha256: meetingFiles.thumbSha256,
  uploadedById: meetingFiles.uploadedById,
  createdAt: meetingFiles.createdAt,
  removedAt: meetingFiles.removedAt,
  removedReason: meetingFiles.removedReason,
  uploadedByName: users.displayName,
};

export type MeetingWithArchiver = MeetingRow & { archivedByName: string | null };

async function selectMeeting(
  roots: readonly string[],
  id: string,
  tx: DbOrTx,
  lock: boolean,
): Promise<MeetingWithArchiver | undefined> {
  const base = tx
    .select({ m: meetings, archivedByName: users.displayName })
    .from(meetings)
    .leftJoin(users, eq(users.id, meetings.archivedById))
    .where(and(meetingInScope(roots), eq(meetings.id, id)));
  const [row] = lock ? await base.for('update', { of: meetings }) : await base;
  return row ? { ...row.m, archivedByName: row.archivedByName } : undefined;
}

export function createMeetingRecordsRepository(db: DbOrTx) {
  return {
    async findMeeting(roots: readonly string[], id: string, tx: DbOrTx = db) {
      return selectMeeting(roots, id, tx, false);
    },

    /** The meeting in scope, locked until the transaction ends: archiving and edits of one meeting take turns. */
    async lockMeeting(roots: readonly string[], id: string, tx: DbOrTx) {
      return selectMeeting(roots, id, tx, true);
    },

    async updateMeeting(id: string, set: Partial<typeof meetings.$inferInsert>, tx: DbOrTx = db) {
      await tx
        .update(meetings)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(meetings.id, id));
    },

    async counts(meetingId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({
          photos: sql<number>`count(*) filter (where ${meetingFiles.kind} = 'photo' and ${meetingFiles.removedAt} is null)::int`,
          attachments: sql<number>`count(*) filter (where ${meetingFiles.kind} = 'attachment' and ${meetingFiles.removedAt} is null)::int`,
        })
        .from(meetingFiles)
        .where(eq(meetingFiles.meetingId, meetingId));
      const [a] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(meetingAmendments)
        .where(eq(meetingAmendments.meetingId, meetingId));
      return {
        photos: Number(row?.photos ?? 0),
        attachments: Number(row?.attachments ?? 0),
        amendments: Number(a?.n ?? 0),
      };
    },

    async listFiles(
      meetingId: string,
      opts: { kind?: MeetingFileKind; includeRemoved?: boolean },
      tx: DbOrTx = db,
    ): Promise<FileWithUploader[]> {
      return tx
        .select(fileColumns)
        .from(meetingFiles)
        .leftJoin(users, eq(users.id, meetingFiles.uploadedById))
        .where(
          and(
            eq(meetingFiles.meetingId, meetingId),
            opts.kind ? eq(meetingFiles.kind, opts.kind) : undefined,
            opts.includeRemoved ? undefined : isNull(meetingFiles.removedAt),
          ),
        )
        .orderBy(asc(meetingFiles.createdAt), asc(meetingFiles.id));
    },

    /** A file whose meeting is in scope, with that meeting. */
    async findFile(
      roots: readonly string[],
      fileId: string,
      tx: DbOrTx = db,
    ): Promise<{ file: FileWithUploader; meeting: MeetingRow } | undefined> {
      const [row] = await tx
        .select({ file: fileColumns, meeting: meetings })
        .from(meetingFiles)
        .innerJoin(meetings, eq(meetings.id, meetingFiles.meetingId))
        .leftJoin(users, eq(users.id, meetingFiles.uploadedById))
        .where(and(meetingInScope(roots), eq(meetingFiles.id, fileId)));
      return row;
    },

    async insertFile(row: typeof meetingFiles.$inferInsert, tx: DbOrTx = db): Promise<MeetingFileRow> {
      const [inserted] = await tx.insert(meetingFiles).values(row).returning();
      return inserted!;
    },

    async markRemoved(fileId: string, reason: string, tx: DbOrTx = db): Promise<MeetingFileRow> {
      const [row] = await tx
        .update(meetingFiles)
        .set({ removedAt: new Date(), removedReason: reason })
        .where(eq(meetingFiles.id, fileId))
        .returning();
      return row!;
    },

    /** The files of the record (not removed), for the archive's fingerprint in the audit trail. */
    async activeFileHashes(meetingId: string, tx: DbOrTx = db) {
      return tx
        .select({ id: meetingFiles.id, kind: meetingFiles.kind, sha256: meetingFiles.sha256 })
        .from(meetingFiles)
        .where(and(eq(meetingFiles.meetingId, meetingId), isNull(meetingFiles.removedAt)))
        .orderBy(asc(meetingFiles.createdAt), asc(meetingFiles.id));
    },

    async insertAmendment(row: typeof meetingAmendments.$inferInsert, tx: DbOrTx = db): Promise<AmendmentRow> {
      const [inserted] = await tx.insert(meetingAmendments).values(row).returning();
      return inserted!;
    },

    async listAmendments(meetingId: string, tx: DbOrTx = db): Promise<AmendmentRow[]> {
      return tx
        .select()
        .from(meetingAmendments)
        .where(eq(meetingAmendments.meetingId, meetingId))
        .orderBy(asc(meetingAmendments.at), asc(meetingAmendments.id));
    },
  };
}
export type MeetingRecordsRepository = ReturnType<typeof createMeetingRecordsRepository>;
