import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, type DbHandle, migrateDatabase, openDatabase, schema } from '../../src/db/client.js';
import { queryRows } from '../../src/db/rows.js';
import { BACKUP_TABLES, MIGRATION_SEEDED_TABLES } from '../../src/modules/backup/backup.service.js';
import { NO_COMMIT_FLUSH } from '../../src/test-support/test-db.js';

/**
 * Databases on a chosen backend, whatever the run's TEST_DATABASE_URL says: the durability and backup tests
 * need PGlite and PostgreSQL side by side. PostgreSQL databases are created on the server of TEST_DATABASE_URL.
 */

export type Backend = 'pglite' | 'postgresql';

export const pgAdminUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
export const hasPostgres = () => Boolean(pgAdminUrl());

const withDatabaseName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function adminQuery(text: string): Promise<void> {
  const url = pgAdminUrl();
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export type PgDatabase = { name: string; url: string; drop(): Promise<void> };

/** A new, empty (unmigrated) PostgreSQL database on the TEST_DATABASE_URL server. */
export async function createPgDatabase(label: string): Promise<PgDatabase> {
  const name = `re_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`create database "${name}"`);
  await adminQuery(NO_COMMIT_FLUSH(name));
  return {
    name,
    url: withDatabaseName(pgAdminUrl()!, name),
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

let templateBlob: Promise<Blob> | null = null;

/** A migrated PGlite data dir as a tarball: the run's template when there is one, else made once per file. */
function pgliteTemplate(): Promise<Blob> {
  templateBlob ??= (async () => {
    const file = process.env.RE_PGLITE_TEMPLATE;
    if (file && existsSync(file)) return new Blob([readFileSync(file)]);
    const handle = await openDatabase({ kind: 'pglite', dir: null });
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir('gzip');
    await handle.close();
    return dump;
  })();
  return templateBlob;
}

/** A fresh, migrated, empty database on the given backend; close() also drops a PostgreSQL one. */
export async function freshDatabase(backend: Backend): Promise<DbHandle> {
  if (backend === 'postgresql') {
    const database = await createPgDatabase('db');
    const handle = await openDatabase({ kind: 'postgresql', url: database.url, poolSize: 4 });
    await migrateDatabase(handle);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  }
  const client = new PGlite({ loadDataDir: await pgliteTemplate() });
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

export type Fingerprint = Record<string, { rows: number; md5: string }>;

/**
 * Row count and an md5 over every row (row_to_json, in primary-key order) of each table a backup carries,
 * rendered in UTC so both engines print timestamps alike.
 */
export async function fingerprint(db: Db): Promise<Fingerprint> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const out: Fingerprint = {};
    for (const t of BACKUP_TABLES) {
      const [row] = await queryRows<{ n: number; h: string | null }>(
        tx,
        sql.raw(
          `select count(*)::int as n, md5(string_agg(row_to_json(t)::text, E'\\n' order by ${t.orderBy})) as h from "${t.name}" t`,
        ),
      );
      out[t.name] = { rows: Number(row!.n), md5: row!.h ?? '' };
    }
    return out;
  });
}

/** True when nothing has been restored or written: every table empty (but migration reference rows) and the chain head at genesis. */
export async function isPristine(db: Db): Promise<{ pristine: boolean; detail: Fingerprint }> {
  const detail = await fingerprint(db);
  const [head] = await queryRows<{ seq: number; hash: string }>(
    db,
    sql`select seq::int as seq, hash from audit_chain_head`,
  );
  // The chain head and the reference defaults come with the migrations.
  const seeded: readonly string[] = ['audit_chain_head', ...MIGRATION_SEEDED_TABLES];
  const empty = Object.entries(detail).every(([t, f]) => seeded.includes(t) || f.rows === 0);
  return {
    pristine: empty && detail.audit_chain_head!.rows === 1 && head?.seq === 0 && /^0{64}$/.test(head.hash),
    detail,
  };
}
