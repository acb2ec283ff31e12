import { buildApp } from './app.js';
import type { Config } from './config.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { printDemoAccounts } from './db/seed/demo-zone.js';
import { isEmpty, seedDemo } from './db/seed/seed-demo.js';
import { createRestructureService, scheduleProjectEndSweep } from './modules/org/index.js';

/** Opens the database, migrates, seeds the demo zone when asked and empty, and serves until a signal. */
export async function startServer(config: Config, opts: { demo: boolean }): Promise<void> {
  const database = await openDatabase(
    config.db.kind === 'pglite' ? { kind: 'pglite', dir: config.db.dir } : { kind: 'postgresql', url: config.db.url },
  );
  await migrateDatabase(database);
  if (opts.demo && (await isEmpty(database.db))) {
    const result = await seedDemo(database.db, { dataKey: config.dataKey, meetings: config.demoHistory });
    console.log(`演示园区已生成 / demo zone seeded: ${result.organizations} organizations, ${result.members} members`);
  }
  const app = await buildApp({ config, database });
  let closing = false;
  let stopSweep: () => void = () => {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopSweep();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Temporary branches dissolve when their project has ended: checked at start and then daily.
  stopSweep = scheduleProjectEndSweep(createRestructureService({ db: database.db }), app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  console.log(`红色引擎已启动 / Red Engine is running: http://${shownHost}:${port}  (database: ${database.kind})`);
  console.log(`  控制台 console  http://${shownHost}:${port}/`);
  console.log(`  党员端 H5       http://${shownHost}:${port}/m/`);
  console.log(`  接口文档 API     http://${shownHost}:${port}/api/docs`);
  if (opts.demo) printDemoAccounts();
  await new Promise<void>(() => undefined);
}
