import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';
import { asc, eq, isNull } from 'drizzle-orm';
import { type Config, ConfigError, loadConfig, type Mode } from './config.js';
import { systemContext } from './core/actor.js';
import { hashPassword, randomToken } from './core/crypto.js';
import { isStrongPassword } from './core/password-policy.js';
import { inTransaction } from './core/transaction.js';
import { type DbHandle, migrateDatabase, openDatabase } from './db/client.js';
import { organizations, userRoles, users } from './db/schema/index.js';
import { printDemoAccounts } from './db/seed/demo-zone.js';
import { seedDemo } from './db/seed/seed-demo.js';
import { startServer } from './main.js';
import { sealAllPending, verifyAuditChain } from './modules/audit/index.js';
import { backupDatabase, RestoreError, restoreDatabase } from './modules/backup/backup.service.js';
import { blobStoreFor } from './modules/file-store/index.js';
import { exportCommand, ImportCliError, importCommand } from './modules/imports/imports.cli.js';
import { PointsCliError, pointsCommand } from './modules/points/points.cli.js';
import { pointsDeps } from './points-wiring.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
const webDistDir = join(packageRoot, '..', 'web', 'dist');

class CliError extends Error {}

const USAGE = `Usage: red-engine <command>
  serve [--demo]                          serve console, H5 and API
  migrate                                 apply database migrations
  seed --demo [--seed N] [--scale zone] [--history year|recent]
                                          seed the demo zone into an empty database, with a year of
                                          meetings, study and points (default) or the last two months
  admin create --username U [--password P] [--display-name N]
  audit verify                            recompute the audit hash chain
  points verify                           recompute every member's points balance from the ledger; exit 2
                                          naming each member whose stored balance differs
  points grant --period 2026-11           book the automatic points (attendance, volunteer hours, base) of a
                                          month, quarter (2026-Q4) or year for the whole zone; idempotent
  backup FILE                             write a backup of the whole database
  restore FILE                            restore a backup into an empty database
  import members|organizations FILE [--dry-run] [--valid-only] [--org CODE] [--lang en-US]
                                          import an .xlsx in the template columns; one line per bad row
                                          (row N, column C: message); exit 0 when every row is valid, 2 otherwise
  export members|organizations FILE [--org CODE]
                                          write the zone's (or a subtree's) records as .xlsx, masked`;

async function withDatabase<T>(config: Config, work: (h: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(
    config.db.kind === 'pglite'
      ? { kind: 'pglite', dir: config.db.dir }
      : { kind: 'postgresql', url: config.db.url, poolSize: 4 },
  );
  try {
    await migrateDatabase(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

async function adminCreate(h: DbHandle, opts: { username?: string; password?: string; displayName?: string }) {
  const username = opts.username?.trim().toLowerCase();
  if (!username || !/^[a-z][a-z0-9_.-]{2,31}$/.test(username))
    throw new CliError('--username must be 3–32 letters, digits, dot, dash or underscore');
  const generated = !opts.password;
  const password = opts.password ?? `Re-${randomToken(12)}9a`;
  if (!isStrongPassword(password, username))
    throw new CliError(
      `--password needs ${PASSWORD_MIN_LENGTH}+ characters with three of upper, lower, digits, symbols`,
    );
  const passwordHash = await hashPassword(password);
  await inTransaction(h.db, systemContext('cli'), async (tx, audit) => {
    if ((await tx.select().from(users).where(eq(users.username, username))).length)
      throw new CliError(`username ${username} is already taken`);
    let [root] = await tx
      .select()
      .from(organizations)
      .where(isNull(organizations.parentId))
      .orderBy(asc(organizations.createdAt))
      .limit(1);
    if (!root) {
      const id = crypto.randomUUID();
      [root] = await tx
        .insert(organizations)
        .values({
          id,
          parentId: null,
          path: `${id}/`,
          depth: 0,
          type: 'work_committee',
          domain: 'government',
          name: '党工委',
        })
        .returning();
      audit.record({
        action: 'org.create',
        entity: 'organization',
        entityId: id,
        orgPath: root!.path,
        after: { name: root!.name, type: root!.type },
        actor: { id: null, name: 'cli' },
      });
    }
    const id = crypto.randomUUID();
    await tx
      .insert(users)
      .values({ id, username, displayName: opts.displayName ?? username, passwordHash, mustChangePassword: true });
    await tx.insert(userRoles).values({ id: crypto.randomUUID(), userId: id, role: 'zone_admin', orgId: root!.id });
    audit.record({
      action: 'user.create',
      entity: 'user',
      entityId: id,
      orgPath: root!.path,
      after: { username, roles: [{ role: 'zone_admin', orgId: root!.id }] },
      actor: { id: null, name: 'cli' },
    });
  });
  console.log(
    `created zone admin ${username}${generated ? ` with password ${password} (must be changed at first login)` : ''}`,
  );
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      demo: { type: 'boolean' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      history: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'valid-only': { type: 'boolean' },
      org: { type: 'string' },
      lang: { type: 'string' },
      period: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, target] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command) {
    console.error(USAGE);
    return 1;
  }
  const mode: Mode = command === 'serve' ? (values.demo ? 'demo' : 'serve') : 'cli';
  try {
    const config = loadConfig(env, mode, { version, webDistDir });
    switch (command) {
      case 'serve':
        await startServer(config, { demo: Boolean(values.demo) });
        return 0;
      case 'migrate':
        await withDatabase(config, async () => undefined);
        console.log('migrations applied');
        return 0;
      case 'seed': {
        if (!values.demo) throw new CliError('seed needs --demo');
        if (values.scale && values.scale !== 'zone')
          throw new CliError(`--scale ${values.scale} is not available yet; only "zone" is`);
        const seed = values.seed === undefined ? undefined : Number(values.seed);
        if (seed !== undefined && (!Number.isInteger(seed) || seed < 0))
          throw new CliError('--seed must be a non-negative integer');
        const history = values.history ?? config.demoHistory;
        if (history !== 'year' && history !== 'recent')
          throw new CliError(`--history must be "year" or "recent", not "${history}"`);
        const result = await withDatabase(config, (h) =>
          seedDemo(h.db, { seed, dataKey: config.dataKey, meetings: history }),
        );
        if (!result.seeded) throw new CliError('the database already has organizations; seed needs an empty database');
        console.log(`seeded ${result.organizations} organizations, ${result.members} members`);
        printDemoAccounts();
        return 0;
      }
      case 'admin':
        if (sub !== 'create') throw new CliError('usage: red-engine admin create --username U [--password P]');
        await withDatabase(config, (h) =>
          adminCreate(h, {
            username: values.username,
            password: values.password ?? env.RED_ENGINE_ADMIN_PASSWORD,
            displayName: values['display-name'],
          }),
        );
        return 0;
      case 'audit': {
        if (sub !== 'verify') throw new CliError('usage: red-engine audit verify');
        const verdict = await withDatabase(config, async (h) => {
          await sealAllPending(h.db);
          return verifyAuditChain(h.db);
        });
        if (!verdict.ok) {
          console.error(`audit chain broken at entry ${verdict.brokenAt}: ${verdict.reason}`);
          return 2;
        }
        console.log(
          `audit chain verified: ${verdict.checked} entries, head ${verdict.headSeq ?? 0} ${verdict.headHash ?? ''}`,
        );
        return 0;
      }
      case 'points':
        return await withDatabase(config, (h) => pointsCommand(pointsDeps(h.db), { sub, period: values.period }));
      case 'backup': {
        if (!sub) throw new CliError('usage: red-engine backup FILE');
        const { rows, missingFiles } = await withDatabase(config, (h) =>
          backupDatabase(h.db, sub, { files: blobStoreFor(config) }),
        );
        console.log(
          `backup written to ${sub}: ${Object.entries(rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
        if (missingFiles.length > 0)
          console.error(
            `warning: ${missingFiles.length} stored files are missing from DATA_DIR/files and were not backed up: ${missingFiles.join(', ')}`,
          );
        return 0;
      }
      case 'restore': {
        if (!sub) throw new CliError('usage: red-engine restore FILE');
        const { rows } = await withDatabase(config, (h) => restoreDatabase(h.db, sub, { files: blobStoreFor(config) }));
        console.log(
          `restored from ${sub}: ${Object.entries(rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}; audit chain verified`,
        );
        return 0;
      }
      case 'import':
        return await withDatabase(config, (h) =>
          importCommand(h.db, config, {
            kind: sub,
            file: target,
            dryRun: values['dry-run'],
            validOnly: values['valid-only'],
            org: values.org,
            lang: values.lang,
          }),
        );
      case 'export':
        return await withDatabase(config, (h) =>
          exportCommand(h.db, config, { kind: sub, file: target, org: values.org }),
        );
      default:
        throw new CliError(`unknown command "${command}"; run red-engine --help`);
    }
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if (
      err instanceof CliError ||
      err instanceof RestoreError ||
      err instanceof ImportCliError ||
      err instanceof PointsCliError
    )
      console.error(`red-engine: ${err.message}`);
    else console.error(`red-engine: ${(err as Error).message ?? err}`);
    return 1;
  }
}
