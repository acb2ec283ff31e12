import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR } from '../db/client.js';

/** Migrates one in-memory PGlite per run and saves its data dir; each test file starts from a copy. */
export default async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite();
  await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_DIR });
  const dump = await client.dumpDataDir('gzip');
  const file = join(dir, `pglite-template-${process.pid}.tgz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  process.env.RE_PGLITE_TEMPLATE = file;
  return () => rmSync(file, { force: true });
}
