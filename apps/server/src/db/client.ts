import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;
export type DbKind = 'pglite' | 'postgresql';

export type DbHandle = {
  db: Db;
  kind: DbKind;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DbTarget = { kind: 'pglite'; dir: string | null } | { kind: 'postgresql'; url: string; poolSize?: number };

/** Migrations live beside src/ and dist/, two levels above this file in both. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'drizzle');

// Postgres returns int8 as text by default; our counts and sequences fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'pglite') {
    if (target.dir) mkdirSync(target.dir, { recursive: true });
    const unlock = target.dir ? lockDataDir(`${target.dir.replace(/\/+$/, '')}.lock`) : () => undefined;
    try {
      if (target.dir && !existsSync(join(target.dir, 'PG_VERSION'))) initDataDirInChildProcess(target.dir);
      const client = target.dir ? new PGlite(target.dir) : new PGlite();
      await client.waitReady;
      const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
      const close = async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      };
      return { db, kind: 'pglite', pglite: client, close };
    } catch (err) {
      unlock();
      throw err;
    }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'postgresql', pool, close: () => pool.end() };
}

/** Arbitrary but fixed key of the advisory lock held while migrating PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_265_646_501;

/**
 * A first start runs initdb, and a PGlite instance keeps the WebAssembly memory of its peak (~0.5 GB) for its
 * lifetime. Running initdb in a short-lived child process returns that memory to the system at once
 * (demo server RSS after a fresh start ~800 MB → ~400 MB).
 */
function initDataDirInChildProcess(dir: string): void {
  const moduleUrl = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(moduleUrl)}); const db = new PGlite(${JSON.stringify(dir)}); await db.waitReady; await db.close();`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (res.status !== 0)
    throw new Error(`could not create the embedded database in ${dir}: ${res.stderr?.toString().trim()}`);
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver-specific database type
    await migratePglite(handle.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // Several instances may start at once against one PostgreSQL: a session advisory lock lets one of
    // them migrate while the others wait and then find nothing left to apply.
    const client = await handle.pool!.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePg(drizzlePg({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }
}

export { schema };
