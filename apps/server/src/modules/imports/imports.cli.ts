/** `red-engine import …` and `red-engine export …`: the same service as the console, acting as the system actor. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type ImportKind, type ImportMode, importColumns, type Locale, pickLocale } from '@red-engine/shared';
import { eq, isNull, or } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { systemContext } from '../../core/actor.js';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { formatRowError, toRowError } from './imports.policy.js';
import { createImportService, type ImportScope } from './imports.service.js';

export class ImportCliError extends Error {}

const KINDS: readonly ImportKind[] = ['members', 'organizations'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTOR = 'cli';

/** The whole zone (every top organization), or the subtree of `--org` (an organization code or id). */
async function cliScope(db: Db, org: string | undefined): Promise<ImportScope> {
  if (!org) {
    const roots = await db
      .select({ path: organizations.path })
      .from(organizations)
      .where(isNull(organizations.parentId));
    return { roots: roots.map((r) => r.path), actorId: null, actorName: ACTOR };
  }
  const [row] = await db
    .select({ path: organizations.path })
    .from(organizations)
    .where(UUID.test(org) ? or(eq(organizations.id, org), eq(organizations.code, org)) : eq(organizations.code, org));
  if (!row) throw new ImportCliError(`--org ${org}: no organization with this code or id`);
  return { roots: [row.path], actorId: null, actorName: ACTOR };
}

function kindOf(word: string | undefined, command: string): ImportKind {
  if (!word || !KINDS.includes(word as ImportKind))
    throw new ImportCliError(`usage: red-engine ${command} members|organizations FILE`);
  return word as ImportKind;
}

/**
 * Runs `import KIND FILE [--dry-run] [--valid-only] [--org O]`. Prints one line per bad row as
 * `row N, column C: message`, then a summary. Exit code 0 when every row is valid, 2 when some are not.
 */
export async function importCommand(
  db: Db,
  config: Config,
  args: { kind?: string; file?: string; dryRun?: boolean; validOnly?: boolean; org?: string; lang?: string },
  out: { log: (s: string) => void; progress: (s: string) => void } = {
    log: (s) => console.log(s),
    progress: (s) => process.stderr.write(`${s}\n`),
  },
): Promise<number> {
  const kind = kindOf(args.kind, 'import');
  if (!args.file) throw new ImportCliError(`usage: red-engine import ${kind} FILE [--dry-run] [--valid-only]`);
  if (args.dryRun && args.validOnly) throw new ImportCliError('--dry-run and --valid-only exclude each other');
  let data: Buffer;
  try {
    data = readFileSync(args.file);
  } catch (err) {
    throw new ImportCliError(`cannot read ${args.file}: ${(err as Error).message}`);
  }
  const locale: Locale = pickLocale(args.lang ?? process.env.LC_ALL ?? process.env.LANG ?? 'zh-CN');
  const ctx = { ...systemContext('cli'), locale };
  const mode: ImportMode = args.dryRun ? 'dry_run' : args.validOnly ? 'valid_only' : 'all';
  const service = createImportService({ db, config });
  let lastPhase = '';
  const started = performance.now();
  const job = await service.run(
    ctx,
    kind,
    { name: basename(args.file), data },
    { mode, scope: await cliScope(db, args.org) },
    (j) => {
      if (j.phase !== lastPhase) {
        lastPhase = j.phase;
        const at = ((performance.now() - started) / 1000).toFixed(1);
        out.progress(`${j.phase}${j.phase === 'writing' ? ` ${j.total} rows` : ''}… (${at} s)`);
      }
    },
  );
  if (job.status === 'failed') {
    out.log(`red-engine: ${job.message?.[locale] ?? 'import failed'}`);
    return 1;
  }
  const columns = importColumns(kind);
  const letters = new Map(job.errors.map((e) => [e.key, e.letter]));
  for (const e of job.errors)
    out.log(
      formatRowError(
        toRowError({ row: e.row, key: e.key, text: { 'zh-CN': e.zh, 'en-US': e.en } }, letters, columns, locale),
      ),
    );
  if (job.errorCount > job.errors.length) out.log(`… ${job.errorCount - job.errors.length} more bad rows`);
  const c = job.counts;
  const what =
    job.mode === 'dry_run'
      ? 'dry run (nothing written)'
      : job.status === 'refused'
        ? 'refused (nothing written)'
        : 'imported';
  out.log(
    `${kind} ${what}: ${c.rows} rows, ${c.valid} valid, ${c.invalid} bad; ${job.mode === 'dry_run' || job.status === 'refused' ? 'would create' : 'created'} ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}; job ${job.id}`,
  );
  return job.errorCount > 0 ? 2 : 0;
}

/** Runs `export KIND FILE [--org O]`: the zone's (or the subtree's) records in the template columns, masked. */
export async function exportCommand(
  db: Db,
  config: Config,
  args: { kind?: string; file?: string; org?: string },
  log: (s: string) => void = (s) => console.log(s),
): Promise<number> {
  const kind = kindOf(args.kind, 'export');
  if (!args.file) throw new ImportCliError(`usage: red-engine export ${kind} FILE [--org CODE]`);
  const service = createImportService({ db, config });
  const scope = await cliScope(db, args.org);
  const ctx = systemContext('cli');
  const { file, rows } =
    kind === 'members' ? await service.exportMembers(ctx, {}, scope) : await service.exportOrgs(ctx, {}, scope);
  writeFileSync(args.file, file);
  log(`exported ${rows} ${kind} to ${args.file} (ID numbers and phones masked)`);
  return 0;
}
