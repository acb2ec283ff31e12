import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../../config.js';
import { type BlobStore, isSha256, sha256Of } from './blob-store.js';

/**
 * Blobs as files under `root`: `root/ab/cd/<sha256>` (the first two byte pairs fan the files out over 65,536
 * folders). A blob is written to a temporary file beside its final name, flushed to disk, then renamed into place,
 * so a crash never leaves a partial file under a real name and readers never see one being written.
 */
export function createDiskBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  const sizeOf = async (sha256: string): Promise<number | null> => {
    if (!isSha256(sha256)) return null;
    try {
      const s = await stat(pathOf(sha256));
      return s.isFile() ? s.size : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  };

  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const size = bytes.byteLength;
      if ((await sizeOf(sha256)) === size) return { sha256, size, created: false };
      const final = pathOf(sha256);
      const dir = dirname(final);
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `.${sha256}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(tmp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        // Two writers of the same content may race: either rename wins, and the bytes are the same.
        await rename(tmp, final);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { sha256, size, created: true };
    },

    async get(sha256) {
      const size = await sizeOf(sha256);
      if (size === null) return null;
      return { size, stream: createReadStream(pathOf(sha256)) };
    },

    async has(sha256) {
      return (await sizeOf(sha256)) !== null;
    },
  };
}

/** The application's blob store: files under `<DATA_DIR>/files`. */
export const blobStoreFor = (config: Pick<Config, 'dataDir'>): BlobStore =>
  createDiskBlobStore(join(config.dataDir, 'files'));
