// The built server app with its per-user rate limits raised, so a benchmark measures the write path rather
// than the limiter. Same composition as `red-engine serve --demo`: open, migrate, seed the demo zone, listen.
// Env: DATA_DIR or DATABASE_URL, PORT, HOST.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'server', 'dist');
const load = (p) => import(new URL(`file://${join(dist, p)}`).href);
const { loadConfig } = await load('config.js');
const { openDatabase, migrateDatabase } = await load('db/client.js');
const { seedDemo } = await load('db/seed/seed-demo.js');
const { buildApp } = await load('app.js');

const config = loadConfig(process.env, 'demo', { version: 'bench' });
const database = await openDatabase(
  config.db.kind === 'pglite' ? { kind: 'pglite', dir: config.db.dir } : { kind: 'postgresql', url: config.db.url },
);
await migrateDatabase(database);
await seedDemo(database.db);
const app = await buildApp({
  config,
  database,
  logger: false,
  rateLimits: { loginPerMinute: 1_000_000, writesPerMinute: 1_000_000 },
});
const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
await app.listen({ port: config.port, host: config.host });
