import type { Readable } from 'node:stream';
import type {
  LearningContentBody,
  LearningContentDetail,
  LearningContentListQuery,
  LearningContentSummary,
  Page,
  UpdateLearningContentBody,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { LEARNING_MESSAGES as M } from '../../core/messages-learning.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { learningCategories, learningContents, learningContentTargets, learningFiles } from '../../db/schema/index.js';
import { DEMO_LEARNING_ASSETS } from '../../db/seed/seed-learning.js';
import { type BlobStore, readUpload } from '../file-store/index.js';
import {
  type ContentAction,
  checkLearningFile,
  contentTransition,
  FILE_TYPES_OF,
  LEARNING_FILE_TYPES,
} from './learning.policy.js';
import { type ContentRow, createLearningRepository, visibleToAdmin, visibleToMember } from './learning.repository.js';
import { htmlToText, sanitizeHtml } from './learning.sanitize.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const conflict = (text = M.contentState) => new AppError('CONFLICT', text);

export function toSummary(r: ContentRow): LearningContentSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    categoryId: r.category_id,
    categoryName: r.category_name,
    tags: r.tags ?? [],
    status: r.status,
    audience: r.audience,
    orgId: r.org_id,
    orgName: r.org_name,
    authorName: r.author_name,
    reviewerName: r.reviewer_name,
    version: r.version,
    docNumber: r.doc_number,
    durationSeconds: r.duration_seconds,
    hasFile: r.file_sha256 !== null,
    publishedAt: iso(r.published_at),
    updatedAt: iso(r.updated_at)!,
  };
}

export type OpenFile = { stream: Readable; size: number; mime: string; name: string; sha256: string };

/**
 * 学习资料: contents owned by an organization, reviewed by someone other than the author, seen by members of the zone
 * or of the targeted subtrees. File bytes live in the blob store (DATA_DIR/files) under their SHA-256.
 */
export function createContentService(deps: { db: Db; blobs: BlobStore; uploadLimit: number }) {
  const { db, blobs } = deps;
  const repo = createLearningRepository();
  const readRoots = (a: Actor) => scopePaths(a, 'learning:read');
  const manageRoots = (a: Actor) => scopePaths(a, 'learning:manage');
  const videoCap = Math.min(deps.uploadLimit, 500 * 1024 * 1024);
  const fileCap = Math.min(deps.uploadLimit, 50 * 1024 * 1024);

  async function detail(row: ContentRow, tx: DbOrTx, fileBase: string): Promise<LearningContentDetail> {
    const targets = await repo.targetsOf(row.id, tx);
    const versions = await repo.versionsOf(row.series_id, tx);
    return {
      ...toSummary(row),
      bodyHtml: row.body_html,
      authorId: row.author_id,
      reviewNote: row.review_note,
      seriesId: row.series_id,
      fileName: row.file_name,
      fileMime: row.file_mime,
      fileSize: row.file_size,
      fileUrl: row.file_sha256 ? `${fileBase}/${row.id}/file` : null,
      targets: targets.map((t) => ({ orgId: t.org_id, orgName: t.org_name })),
      versions,
    };
  }

  async function managed(actor: Actor, id: string, tx: Tx) {
    const row = await repo.findContent(
      sql`${visibleToAdmin(manageRoots(actor))} and ${isManagedWhere(manageRoots(actor))}`,
      id,
      tx,
      true,
    );
    if (!row) {
      // Seen but not managed (a zone-wide content in a branch admin's list): refused as not found all the same.
      throw notFound();
    }
    return row;
  }
  const isManagedWhere = (roots: readonly string[]) =>
    roots.length === 0
      ? sql`false`
      : sql`(${sql.join(
          roots.map((r) => sql`c.org_path like ${`${r}%`}`),
          sql` or `,
        )})`;

  async function resolveTargets(actor: Actor, body: { audience?: string; targetOrgIds?: string[] }, tx: DbOrTx) {
    if (body.audience !== 'orgs') return [];
    const ids = [...new Set(body.targetOrgIds ?? [])];
    if (ids.length === 0) throw fieldError('body.targetOrgIds', M.targetsRequired);
    const orgs = await repo.orgsByIds(ids, tx);
    if (orgs.length !== ids.length || orgs.some((o) => !isPathInScope(actor, 'learning:manage', o.path)))
      throw fieldError('body.targetOrgIds', M.orgOutOfScope);
    return orgs;
  }

  async function checkCategory(categoryId: string | null | undefined, tx: DbOrTx) {
    if (!categoryId) return;
    const [c] = await queryRows(tx, sql`select 1 from learning_categories where id = ${categoryId}`);
    if (!c) throw fieldError('body.categoryId', M.categoryUnknown);
  }

  async function writeTargets(tx: Tx, contentId: string, orgs: { id: string; path: string }[]) {
    await tx.delete(learningContentTargets).where(sql`content_id = ${contentId}`);
    if (orgs.length)
      await tx.insert(learningContentTargets).values(orgs.map((o) => ({ contentId, orgId: o.id, orgPath: o.path })));
  }

  async function storeUpload(
    req: FastifyRequest,
    accepted: readonly (keyof typeof LEARNING_FILE_TYPES)[],
    cap: number,
  ) {
    const upload = await readUpload(req, cap);
    const check = checkLearningFile(upload.bytes, upload.fileName, accepted, cap);
    if (!check.ok) {
      if (check.reason === 'too_large') throw new AppError('PAYLOAD_TOO_LARGE', MESSAGES.uploadTooLarge(cap));
      if (check.reason === 'empty') throw fieldError('body.file', MESSAGES.uploadEmpty);
      const text =
        check.reason === 'type'
          ? M.fileType(accepted.flatMap((a) => LEARNING_FILE_TYPES[a].extensions).join(', '))
          : M.fileExtension;
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', text, { details: [{ path: 'body.file', text }] });
    }
    const put = await blobs.put(upload.bytes);
    return {
      sha256: put.sha256,
      size: put.size,
      mime: check.mime,
      fileName: upload.fileName || 'file',
      fields: upload.fields,
    };
  }

  async function open(sha256: string, mime: string, name: string): Promise<OpenFile> {
    let blob = await blobs.get(sha256);
    // The demo's generated PDFs are written into the blob store the first time someone opens them.
    const demo = DEMO_LEARNING_ASSETS.get(sha256);
    if (!blob && demo) {
      await blobs.put(demo);
      blob = await blobs.get(sha256);
    }
    if (!blob) throw notFound();
    return { stream: blob.stream, size: blob.size, mime, name, sha256 };
  }

  async function transition(ctx: RequestContext, id: string, action: ContentAction, note?: string) {
    const actor = ctx.actor!;
    return inTransaction(db, ctx, async (tx, audit) => {
      const row = await managed(actor, id, tx);
      const check = contentTransition(action, { status: row.status, authorId: row.author_id }, actor.userId);
      if (!check.ok) throw conflict(check.reason === 'own_review' ? M.ownReview : M.contentState);
      if (action === 'submit') {
        if ((row.kind === 'video' || row.kind === 'document') && !row.file_sha256) throw conflict(M.fileRequired);
        if (row.kind === 'article' && !row.body_html.trim()) throw conflict(M.bodyRequired);
        if (row.kind === 'policy' && !row.file_sha256 && !row.body_html.trim()) throw conflict(M.bodyRequired);
      }
      const now = new Date();
      const patch: Partial<typeof learningContents.$inferInsert> = { status: check.next, updatedAt: now };
      if (action === 'approve' || action === 'reject') {
        Object.assign(patch, {
          reviewerId: actor.userId,
          reviewerName: actor.displayName,
          reviewedAt: now,
          reviewNote: note ?? null,
        });
      }
      if (action === 'approve') patch.publishedAt = now;
      await tx.update(learningContents).set(patch).where(sql`id = ${id}`);
      // A newly published version of a policy document withdraws the version it replaces.
      if (action === 'approve' && row.series_id) {
        await tx
          .update(learningContents)
          .set({ status: 'withdrawn', updatedAt: now })
          .where(sql`series_id = ${row.series_id} and id <> ${id} and status = 'published'`);
      }
      audit.record({
        action: `learning.content_${action === 'approve' ? 'published' : action === 'reject' ? 'rejected' : action === 'submit' ? 'submitted' : 'withdrawn'}`,
        entity: 'learning_content',
        entityId: id,
        orgPath: row.org_path,
        before: { status: row.status },
        after: { status: check.next, note: note ?? null },
      });
      const updated = await repo.findContent(sql`true`, id, tx);
      return detail(updated!, tx, '/api/v1/learning/contents');
    });
  }

  return {
    async categories() {
      return (
        await db.select().from(learningCategories).orderBy(learningCategories.sortOrder, learningCategories.name)
      ).map((c) => ({ id: c.id, name: c.name, sortOrder: c.sortOrder }));
    },

    async createCategory(ctx: RequestContext, body: { name: string; sortOrder: number }) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const [exists] = await queryRows(tx, sql`select 1 from learning_categories where name = ${body.name}`);
        if (exists)
          throw new AppError('CONFLICT', M.categoryTaken, { details: [{ path: 'body.name', text: M.categoryTaken }] });
        const id = crypto.randomUUID();
        await tx.insert(learningCategories).values({ id, name: body.name, sortOrder: body.sortOrder });
        audit.record({ action: 'learning.category_created', entity: 'learning_category', entityId: id, after: body });
        return { id, name: body.name, sortOrder: body.sortOrder };
      });
    },

    async list(actor: Actor, q: LearningContentListQuery): Promise<Page<LearningContentSummary>> {
      const { rows, total } = await repo.listContents(
        visibleToAdmin(readRoots(actor)),
        q,
        { limit: q.pageSize, offset: (q.current - 1) * q.pageSize },
        db,
      );
      return { data: rows.map(toSummary), total, current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const row = await repo.findContent(visibleToAdmin(readRoots(actor)), id, db);
      if (!row) throw notFound();
      return detail(row, db, '/api/v1/learning/contents');
    },

    async create(ctx: RequestContext, body: LearningContentBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const [org] = await repo.orgsByIds([body.orgId], tx);
        if (!org || !isPathInScope(actor, 'learning:manage', org.path)) throw fieldError('body.orgId', M.orgOutOfScope);
        await checkCategory(body.categoryId, tx);
        const targets = await resolveTargets(actor, body, tx);
        const bodyHtml = sanitizeHtml(body.bodyHtml);
        const id = crypto.randomUUID();
        await tx.insert(learningContents).values({
          id,
          kind: body.kind,
          title: body.title,
          summary: body.summary,
          bodyHtml,
          bodyText: htmlToText(bodyHtml),
          categoryId: body.categoryId ?? null,
          tags: [...new Set(body.tags)],
          audience: body.audience,
          orgId: org.id,
          orgPath: org.path,
          durationSeconds: body.kind === 'video' ? (body.durationSeconds ?? null) : null,
          seriesId: body.kind === 'policy' ? id : null,
          docNumber: body.docNumber ?? null,
          authorId: actor.userId,
          authorName: actor.displayName,
        });
        await writeTargets(tx, id, targets);
        audit.record({
          action: 'learning.content_created',
          entity: 'learning_content',
          entityId: id,
          orgPath: org.path,
          after: { kind: body.kind, title: body.title, audience: body.audience, targets: targets.map((t) => t.id) },
        });
        return detail((await repo.findContent(sql`true`, id, tx))!, tx, '/api/v1/learning/contents');
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateLearningContentBody) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const row = await managed(actor, id, tx);
        if (!contentTransition('edit', { status: row.status, authorId: row.author_id }, actor.userId).ok)
          throw conflict();
        await checkCategory(body.categoryId, tx);
        const patch: Partial<typeof learningContents.$inferInsert> = { updatedAt: new Date() };
        if (body.title !== undefined) patch.title = body.title;
        if (body.summary !== undefined) patch.summary = body.summary;
        if (body.bodyHtml !== undefined) {
          patch.bodyHtml = sanitizeHtml(body.bodyHtml);
          patch.bodyText = htmlToText(patch.bodyHtml);
        }
        if (body.categoryId !== undefined) patch.categoryId = body.categoryId;
        if (body.tags !== undefined) patch.tags = [...new Set(body.tags)];
        if (body.durationSeconds !== undefined && row.kind === 'video') patch.durationSeconds = body.durationSeconds;
        if (body.docNumber !== undefined) patch.docNumber = body.docNumber;
        if (body.audience !== undefined) {
          patch.audience = body.audience;
          await writeTargets(tx, id, await resolveTargets(actor, body, tx));
        }
        await tx.update(learningContents).set(patch).where(sql`id = ${id}`);
        audit.record({
          action: 'learning.content_updated',
          entity: 'learning_content',
          entityId: id,
          orgPath: row.org_path,
          before: { title: row.title, status: row.status },
          after: { ...body, bodyHtml: body.bodyHtml === undefined ? undefined : `${patch.bodyHtml?.length} chars` },
        });
        return detail((await repo.findContent(sql`true`, id, tx))!, tx, '/api/v1/learning/contents');
      });
    },

    submit: (ctx: RequestContext, id: string) => transition(ctx, id, 'submit'),
    approve: (ctx: RequestContext, id: string, note?: string) => transition(ctx, id, 'approve', note),
    reject: (ctx: RequestContext, id: string, note: string) => transition(ctx, id, 'reject', note),
    withdraw: (ctx: RequestContext, id: string) => transition(ctx, id, 'withdraw'),

    /** A policy document's next version: a draft copy of the published one, in the same series. */
    async newVersion(ctx: RequestContext, id: string) {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const row = await managed(actor, id, tx);
        if (row.kind !== 'policy') throw conflict(M.versionOnlyPolicy);
        if (row.status !== 'published') throw conflict(M.versionOnlyPublished);
        const [{ next } = { next: row.version + 1 }] = await queryRows<{ next: number }>(
          tx,
          sql`select max(version)::int + 1 as next from learning_contents where series_id = ${row.series_id}`,
        );
        const newId = crypto.randomUUID();
        await tx.execute(sql`insert into learning_contents (id, kind, title, summary, body_html, body_text, category_id,
            tags, status, audience, org_id, org_path, file_sha256, file_name, file_mime, file_size, series_id, version,
            doc_number, author_id, author_name)
          select ${newId}, kind, title, summary, body_html, body_text, category_id, tags, 'draft', audience, org_id,
            org_path, file_sha256, file_name, file_mime, file_size, series_id, ${next}, doc_number, ${actor.userId},
            ${actor.displayName}
          from learning_contents where id = ${id}`);
        await tx.execute(sql`insert into learning_content_targets (content_id, org_id, org_path)
          select ${newId}, org_id, org_path from learning_content_targets where content_id = ${id}`);
        audit.record({
          action: 'learning.content_versioned',
          entity: 'learning_content',
          entityId: newId,
          orgPath: row.org_path,
          after: { from: id, version: next },
        });
        return detail((await repo.findContent(sql`true`, newId, tx))!, tx, '/api/v1/learning/contents');
      });
    },

    /** The video or PDF of a content; read only once the content is known to be managed by the caller. */
    async uploadFile(ctx: RequestContext, id: string, req: FastifyRequest) {
      const actor = ctx.actor!;
      const before = await repo.findContent(isManagedWhere(manageRoots(actor)), id, db);
      if (!before) throw notFound();
      const accepted = FILE_TYPES_OF[before.kind];
      if (accepted.length === 0) throw conflict(M.noFileForKind);
      const file = await storeUpload(req, accepted, before.kind === 'video' ? videoCap : fileCap);
      const duration = Number(file.fields.durationSeconds);
      return inTransaction(db, ctx, async (tx, audit) => {
        const row = await managed(actor, id, tx);
        if (!contentTransition('edit', { status: row.status, authorId: row.author_id }, actor.userId).ok)
          throw conflict();
        await tx
          .update(learningContents)
          .set({
            fileSha256: file.sha256,
            fileName: file.fileName,
            fileMime: file.mime,
            fileSize: file.size,
            updatedAt: new Date(),
            ...(row.kind === 'video' && Number.isInteger(duration) && duration > 0
              ? { durationSeconds: duration }
              : {}),
          })
          .where(sql`id = ${id}`);
        audit.record({
          action: 'learning.content_file_uploaded',
          entity: 'learning_content',
          entityId: id,
          orgPath: row.org_path,
          after: { sha256: file.sha256, size: file.size, name: file.fileName },
        });
        return detail((await repo.findContent(sql`true`, id, tx))!, tx, '/api/v1/learning/contents');
      });
    },

    /** An image for an article body; answers the URL to put into `<img src>`. */
    async uploadImage(ctx: RequestContext, req: FastifyRequest) {
      const file = await storeUpload(req, FILE_TYPES_OF.image, Math.min(deps.uploadLimit, 10 * 1024 * 1024));
      return inTransaction(db, ctx, async (tx, audit) => {
        await tx
          .insert(learningFiles)
          .values({
            sha256: file.sha256,
            mime: file.mime,
            size: file.size,
            fileName: file.fileName,
            uploadedBy: ctx.actor!.userId,
          })
          .onConflictDoNothing();
        audit.record({
          action: 'learning.image_uploaded',
          entity: 'learning_file',
          entityId: null,
          after: { sha256: file.sha256 },
        });
        return { sha256: file.sha256, url: `/api/v1/learning/images/${file.sha256}` };
      });
    },

    async openImage(sha256: string) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw notFound();
      const [f] = await queryRows<{ mime: string; file_name: string }>(
        db,
        sql`select mime, file_name from learning_files where sha256 = ${sha256}`,
      );
      if (!f) throw notFound();
      return open(sha256, f.mime, f.file_name);
    },

    async openFile(actor: Actor, id: string) {
      const row = await repo.findContent(visibleToAdmin(readRoots(actor)), id, db);
      if (!row?.file_sha256) throw notFound();
      return open(row.file_sha256, row.file_mime!, row.file_name!);
    },

    // ---------------------------------------------------------------- the member's side (H5)

    async myMember(actor: Actor, tx: DbOrTx = db) {
      const m = await repo.memberOfUser(actor.userId, tx);
      if (!m?.org_path) throw notFound();
      return m;
    },

    async myList(actor: Actor, q: LearningContentListQuery): Promise<Page<LearningContentSummary>> {
      const me = await this.myMember(actor);
      const { rows, total } = await repo.listContents(
        visibleToMember(me.org_path),
        { ...q, status: undefined },
        { limit: q.pageSize, offset: (q.current - 1) * q.pageSize },
        db,
      );
      return { data: rows.map(toSummary), total, current: q.current, pageSize: q.pageSize };
    },

    async myContent(actor: Actor, id: string) {
      const me = await this.myMember(actor);
      const row = await repo.findContent(visibleToMember(me.org_path), id, db);
      if (!row) throw notFound();
      const [p] = await queryRows<{ s: number }>(
        db,
        sql`select credited_seconds as s from learning_content_progress where member_id = ${me.id} and content_id = ${id}`,
      );
      return { ...(await detail(row, db, '/api/v1/me/learning/contents')), myCreditedSeconds: p?.s ?? 0 };
    },

    async myFile(actor: Actor, id: string) {
      const me = await this.myMember(actor);
      const row = await repo.findContent(visibleToMember(me.org_path), id, db);
      if (!row?.file_sha256) throw notFound();
      return open(row.file_sha256, row.file_mime!, row.file_name!);
    },

    /** For the study service: the content a member may study, or 404. */
    async studyable(memberPath: string, id: string, tx: DbOrTx) {
      return repo.findContent(visibleToMember(memberPath), id, tx);
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
