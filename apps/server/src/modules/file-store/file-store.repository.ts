import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storedFiles } from '../../db/schema/index.js';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export function createFileStoreRepository(db: DbOrTx) {
  return {
    /** Keeps the bytes once: a second upload of the same content finds the row already there. */
    async put(row: typeof storedFiles.$inferInsert, tx: DbOrTx = db) {
      await tx.insert(storedFiles).values(row).onConflictDoNothing({ target: storedFiles.sha256 });
    },
    async get(sha256: string, tx: DbOrTx = db): Promise<StoredFileRow | undefined> {
      const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));
      return row;
    },
  };
}
export type FileStoreRepository = ReturnType<typeof createFileStoreRepository>;
