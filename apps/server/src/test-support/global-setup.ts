import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Db, MIGRATIONS_DIR, migrateDatabase, openDatabase, schema } from '../db/client.js';
import { seedDemo } from '../db/seed/seed-demo.js';
import { DEFAULT_TEST_SEED, testConfig } from './test-app.js';
import { NO_COMMIT_FLUSH, withDatabase } from './test-db.js';

/**
 * Once per run: a migrated database and a migrated database with the default test demo seeded. Each test file starts
 * from a copy of one of them (PGlite: a data-dir dump; PostgreSQL: `create database … template …`), so the demo zone is
 * seeded once per run rather than once per file.
 */
export default async function setup() {
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) return setUpPostgres(pgUrl);
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite();
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  const migrated = join(dir, `pglite-template-${process.pid}.tgz`);
  writeFileSync(migrated, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await seedDemo(db, { dataKey: testConfig().dataKey, ...DEFAULT_TEST_SEED });
  // Uncompressed: every test file loads it, and inflating costs more than reading.
  const seeded = join(dir, `pglite-seeded-${process.pid}.tar`);
  writeFileSync(seeded, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  await client.close();
  process.env.RE_PGLITE_TEMPLATE = migrated;
  process.env.RE_PGLITE_SEEDED_TEMPLATE = seeded;
  return () => {
    rmSync(migrated, { force: true });
    rmSync(seeded, { force: true });
  };
}

async function setUpPostgres(pgUrl: string) {
  const name = `re_seeded_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.query(NO_COMMIT_FLUSH(name));
  await admin.end();
  const handle = await openDatabase({ kind: 'postgresql', url: withDatabase(pgUrl, name), poolSize: 4 });
  try {
    await migrateDatabase(handle);
    await seedDemo(handle.db, { dataKey: testConfig().dataKey, ...DEFAULT_TEST_SEED });
  } finally {
    await handle.close();
  }
  process.env.RE_PG_SEEDED_TEMPLATE = name;
  return async () => {
    const drop = new pg.Client({ connectionString: pgUrl });
    await drop.connect();
    await drop.query(`drop database if exists "${name}" with (force)`);
    await drop.end();
  };
}
