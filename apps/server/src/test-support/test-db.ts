import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, type DbHandle, migrateDatabase, openDatabase, schema } from '../db/client.js';

export const testBackend = (): 'pglite' | 'postgresql' => (process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');

/**
 * Test databases do not wait for the WAL flush at each commit: a test checks what was committed, not that it survives
 * a power cut, and on a slow CI disk the flushes were much of the run. Killed app processes lose nothing by this
 * (PostgreSQL itself keeps running), so the crash tests still test what they say.
 */
export const NO_COMMIT_FLUSH = (name: string) => `alter database "${name}" set synchronous_commit = off`;

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * A fresh database for one test file: a copy of the migrated template, or with `seeded` a copy of the template that
 * already holds the default test demo (see global-setup.ts); without templates (a single file run outside vitest's
 * setup) a new database is migrated here. Answers whether it came seeded.
 */
export async function createTestDatabase(
  opts: { seeded?: boolean } = {},
): Promise<DbHandle & { url?: string; seeded?: boolean }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const name = `re_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const template = opts.seeded ? process.env.RE_PG_SEEDED_TEMPLATE : undefined;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
    await admin.query(NO_COMMIT_FLUSH(name));
    await admin.end();
    const url = withDatabase(pgUrl, name);
    const handle = await openDatabase({ kind: 'postgresql', url, poolSize: 20 });
    if (!template) await migrateDatabase(handle);
    return {
      ...handle,
      url,
      seeded: Boolean(template),
      close: async () => {
        await handle.close();
        const drop = new pg.Client({ connectionString: pgUrl });
        await drop.connect();
        await drop.query(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    };
  }
  const seededTemplate = opts.seeded ? process.env.RE_PGLITE_SEEDED_TEMPLATE : undefined;
  const template = seededTemplate && existsSync(seededTemplate) ? seededTemplate : process.env.RE_PGLITE_TEMPLATE;
  if (template && existsSync(template)) {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) });
    await client.waitReady;
    const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'pglite', pglite: client, close: () => client.close(), seeded: template === seededTemplate };
  }
  const handle = await openDatabase({ kind: 'pglite', dir: null });
  await migrateDatabase(handle);
  return handle;
}
