import { existsSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type Db, type DbHandle, migrateDatabase, openDatabase, schema } from '../db/client.js';

export const testBackend = (): 'pglite' | 'postgresql' => (process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A fresh database for one test file: a copy of the migrated PGlite template, or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<DbHandle & { url?: string }> {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const name = `re_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = withDatabase(pgUrl, name);
    const handle = await openDatabase({ kind: 'postgresql', url, poolSize: 20 });
    await migrateDatabase(handle);
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        const drop = new pg.Client({ connectionString: pgUrl });
        await drop.connect();
        await drop.query(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    };
  }
  const template = process.env.RE_PGLITE_TEMPLATE;
  if (template && existsSync(template)) {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(template)]) });
    await client.waitReady;
    const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'pglite', pglite: client, close: () => client.close() };
  }
  const handle = await openDatabase({ kind: 'pglite', dir: null });
  await migrateDatabase(handle);
  return handle;
}
