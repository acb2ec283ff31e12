import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import type { DbOrTx } from '../../db/client.js';
import { checkFile, cleanFileName, FILE_STORE_MAX_BYTES, FILE_TYPES } from './file-store.policy.js';
import { createFileStoreRepository } from './file-store.repository.js';

export type Upload = { fileName: string; bytes: Buffer; fields: Record<string, string> };
export type StoredFile = { sha256: string; size: number; contentType: string; fileName: string };

const ALLOWED = Object.values(FILE_TYPES)
  .flatMap((t) => t.extensions)
  .join(', ');

/**
 * Reads the one file of a multipart request (fields before the file part come along as strings). A request that is
 * not multipart, a file over `maxBytes` or a broken body answers 4xx, never 500.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.uploadNotMultipart);
  try {
    const part = await req.file({ limits: { fileSize: maxBytes } });
    if (!part) throw fieldError('body.file', MESSAGES.uploadFileRequired);
    const bytes = await part.toBuffer();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      const v = Array.isArray(value) ? value[0] : value;
      if (v && v.type === 'field' && typeof v.value === 'string') fields[name] = v.value;
    }
    return { fileName: cleanFileName(part.filename ?? ''), bytes, fields };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { statusCode?: number };
    if (e.statusCode === 413) throw new AppError('PAYLOAD_TOO_LARGE', MESSAGES.uploadTooLarge(maxBytes));
    if (e.statusCode === 406 || e.statusCode === 415)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.uploadNotMultipart);
    throw fieldError('body.file', MESSAGES.uploadBroken);
  }
}

/** Content-addressed file storage in the database (table `stored_files`): reusable by any module. */
export function createFileStore(deps: { db: DbOrTx; maxBytes?: number }) {
  const repo = createFileStoreRepository(deps.db);
  const maxBytes = Math.min(deps.maxBytes ?? FILE_STORE_MAX_BYTES, FILE_STORE_MAX_BYTES);
  return {
    maxBytes,

    /** Checks type (by content) and size, then keeps the bytes once under their SHA-256; inside the caller's transaction. */
    async put(tx: DbOrTx, upload: Pick<Upload, 'fileName' | 'bytes'>): Promise<StoredFile> {
      const check = checkFile(upload.bytes, upload.fileName, maxBytes);
      if (!check.ok) {
        if (check.reason === 'too_large') throw new AppError('PAYLOAD_TOO_LARGE', MESSAGES.uploadTooLarge(maxBytes));
        if (check.reason === 'empty') throw fieldError('body.file', MESSAGES.uploadEmpty);
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          check.reason === 'type' ? MESSAGES.uploadTypeNotAllowed(ALLOWED) : MESSAGES.uploadExtensionMismatch,
          {
            details: [
              {
                path: 'body.file',
                text:
                  check.reason === 'type' ? MESSAGES.uploadTypeNotAllowed(ALLOWED) : MESSAGES.uploadExtensionMismatch,
              },
            ],
          },
        );
      }
      const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
      await repo.put(
        { sha256, size: upload.bytes.byteLength, contentType: check.contentType, bytes: upload.bytes },
        tx,
      );
      return { sha256, size: upload.bytes.byteLength, contentType: check.contentType, fileName: upload.fileName };
    },

    async get(sha256: string, tx?: DbOrTx) {
      return repo.get(sha256, tx);
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;

/** `Content-Disposition` for a download: the UTF-8 name (RFC 5987) with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
