import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Content-addressed storage of file bytes, outside the database. A blob is named by the SHA-256 of its bytes, so
 * storing the same content twice keeps it once, and a name never points to other bytes.
 *
 * This is the one interface modules use; `createDiskBlobStore` keeps blobs under DATA_DIR. Another backend (an
 * S3-compatible bucket, say) implements the same three methods: `put` must be idempotent and must not make a blob
 * visible before all of its bytes are stored; `get` and `has` answer for any SHA-256 ever put.
 *
 * Blobs are never deleted by the application: records that stop using one (a removed meeting photo) keep the name.
 */
export interface BlobStore {
  /** Stores the bytes under their SHA-256; `created` is false when the store already held them. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number; created: boolean }>;
  /** The bytes as a stream, or null when the store does not hold this blob. */
  get(sha256: string): Promise<{ size: number; stream: Readable } | null>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A blob name: 64 lower-case hex digits (anything else is refused before it could become a path). */
export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);

/** All the bytes of a stored blob, or null. */
export async function readBlob(store: BlobStore, sha256: string): Promise<Buffer | null> {
  const blob = await store.get(sha256);
  if (!blob) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
