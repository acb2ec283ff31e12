import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes: a Buffer in, a Buffer out (node-postgres gives Buffers, PGlite Uint8Arrays). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/**
 * Uploaded files, content-addressed by SHA-256: the same bytes are kept once however often they are uploaded. The
 * bytes live in the database so a backup carries them and every instance sees the same files.
 */
export const storedFiles = pgTable('stored_files', {
  sha256: text().primaryKey(),
  size: integer().notNull(),
  /** Detected from the content (magic bytes), never taken from the client. */
  contentType: text().notNull(),
  bytes: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
