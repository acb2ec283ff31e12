import {
  type ExportMembersQuery,
  type ExportOrgsQuery,
  IMPORT_ERRORS_KEPT,
  type ImportJob,
  type ImportKind,
  type ImportMode,
  importColumns,
  type Locale,
  type Permission,
} from '@red-engine/shared';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { sha256Hex } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { todayIso } from '../member/index.js';
import { createOrgRepository, type OrgRepository } from '../org/index.js';
import { toJobDto } from './imports.mapper.js';
import { runMembers } from './imports.members.js';
import { runOrgs } from './imports.organizations.js';
import { type HeaderMap, letterMap, MAX_IMPORT_ROWS, mapHeader, type RowProblem, within } from './imports.policy.js';
import { createImportRepository, type ImportJobRow, type ImportRepository } from './imports.repository.js';
import { buildTemplate, writeMemberExport, writeOrgExport } from './imports.workbook.js';
import { readFirstSheet, type SheetRow, XlsxError } from './imports.xlsx.js';

/** A row error as kept: the column's key and letter, the message in both languages. */
export type StoredError = { row: number; key: string; letter: string; zh: string; en: string };

/** A job while it runs (in memory) and after (also stored in `import_jobs`). */
export type JobState = {
  id: string;
  kind: ImportKind;
  mode: ImportMode;
  status: ImportJob['status'];
  phase: ImportJob['phase'];
  processed: number;
  total: number;
  percent: number;
  fileName: string;
  fileSha256: string;
  orgPath: string;
  roots: readonly string[];
  actorId: string | null;
  actorName: string;
  counts: ImportJob['counts'];
  committed: boolean;
  errors: StoredError[];
  errorCount: number;
  message: LocalizedText | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** Told when the phase changes (the CLI prints it). */
  onPhase?: (job: JobState) => void;
  /** Ids written by a commit (in the audit event, not in the job row). */
  createdIds: string[];
  updatedIds: string[];
};

export type ImportScope = { roots: readonly string[]; actorId: string | null; actorName: string };

/** A readable sheet: its data rows, where each column is, and the column letters for error messages. */
export type ImportSheet = { rows: SheetRow[]; header: HeaderMap; date1904: boolean; letters: Map<string, string> };

/** What the member and organization runners share with the service. */
export type ImportRunDeps = {
  db: Db;
  repo: ImportRepository;
  orgRepo: OrgRepository;
  dataKey: Config['dataKey'];
  today: () => string;
  setProgress: (job: JobState, phase: JobState['phase'], processed: number, total: number) => void;
  readSheet: (job: JobState, file: Buffer) => Promise<ImportSheet | null>;
  addError: (job: JobState, header: HeaderMap, row: number, p: RowProblem, letters: Map<string, string>) => void;
  recordWithoutWrites: (ctx: RequestContext, job: JobState, status: 'done' | 'refused') => Promise<void>;
  jobRow: (job: JobState) => ImportJobRow;
  asActor: (ctx: RequestContext, job: JobState) => { actor?: { id: null; name: string } };
  auditAfter: (job: JobState) => Record<string, unknown>;
};

const PERMISSION: Record<ImportKind, Permission> = { members: 'member:import', organizations: 'org:import' };
const KEEP_FINISHED_MS = 60 * 60 * 1000;

/** The deepest path every root lies under: a subtree that covers the whole import, for scoping the job record. */
export function commonPath(roots: readonly string[]): string {
  if (roots.length === 0) return '';
  const parts = roots.map((r) => r.split('/').filter(Boolean));
  const out: string[] = [];
  for (let i = 0; i < parts[0]!.length; i++) {
    const id = parts[0]![i]!;
    if (parts.every((p) => p[i] === id)) out.push(id);
    else break;
  }
  return out.length ? `${out.join('/')}/` : '';
}

export function createImportService(deps: {
  db: Db;
  config: Config;
  today?: () => string;
  /** Where a failed background import is logged (the request has long been answered). */
  log?: { error(obj: object, msg: string): void };
}) {
  const { db, config } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createImportRepository(db);
  const orgRepo = createOrgRepository(db);
  const jobs = new Map<string, JobState>();

  const forget = (id: string) => setTimeout(() => jobs.delete(id), KEEP_FINISHED_MS).unref();

  function fail(job: JobState, text: LocalizedText) {
    job.status = 'failed';
    job.phase = 'finished';
    job.message = text;
    job.finishedAt = new Date();
    job.percent = 100;
  }

  function addError(job: JobState, _header: HeaderMap, row: number, p: RowProblem, letters: Map<string, string>) {
    job.errorCount += 1;
    if (job.errors.length < IMPORT_ERRORS_KEPT)
      job.errors.push({ row, key: p.key, letter: letters.get(p.key) ?? '', zh: p.text['zh-CN'], en: p.text['en-US'] });
  }

  const setProgress = (job: JobState, phase: JobState['phase'], processed: number, total: number) => {
    const changed = job.phase !== phase;
    job.phase = phase;
    job.processed = processed;
    job.total = total;
    const span = { reading: [0, 25], validating: [25, 60], writing: [60, 100], finished: [100, 100] }[phase];
    job.percent = Math.min(100, Math.floor(span[0]! + ((span[1]! - span[0]!) * processed) / Math.max(1, total)));
    if (changed) job.onPhase?.(job);
  };

  /** Reads the sheet and finds the columns; a file that cannot be read fails the job. */
  async function readSheet(job: JobState, file: Buffer) {
    let sheet: { rows: SheetRow[]; date1904: boolean };
    try {
      sheet = await readFirstSheet(file, (done, total) => setProgress(job, 'reading', done, total));
    } catch (err) {
      if (err instanceof XlsxError || err instanceof RangeError || (err as { code?: string }).code?.startsWith('Z_')) {
        fail(job, MESSAGES.importNotXlsx);
        return null;
      }
      throw err;
    }
    const columns = importColumns(job.kind);
    const header = mapHeader(sheet.rows, columns);
    if (header.missing.length) {
      fail(
        job,
        MESSAGES.importMissingColumns(
          header.missing.map((c) => c.zh).join('、'),
          header.missing.map((c) => c.en).join(', '),
        ),
      );
      return null;
    }
    const rows = sheet.rows.slice(header.firstDataRow);
    if (rows.length === 0) {
      fail(job, MESSAGES.importNoRows);
      return null;
    }
    if (rows.length > MAX_IMPORT_ROWS) {
      fail(job, MESSAGES.importTooManyRows(MAX_IMPORT_ROWS));
      return null;
    }
    job.counts.rows = rows.length;
    return { rows, header, date1904: sheet.date1904, letters: letterMap(header) };
  }

  /** Stores the job (and its audit event) in the transaction of the work it describes. */
  function jobRow(job: JobState): ImportJobRow {
    return {
      id: job.id,
      kind: job.kind,
      mode: job.mode,
      status: job.status,
      fileName: job.fileName,
      fileSha256: job.fileSha256,
      orgPath: job.orgPath,
      actorId: job.actorId,
      actorName: job.actorName,
      rowsTotal: job.counts.rows,
      rowsValid: job.counts.valid,
      rowsInvalid: job.counts.invalid,
      created: job.counts.created,
      updated: job.counts.updated,
      unchanged: job.counts.unchanged,
      errors: job.errors,
      message: job.message,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
    };
  }

  /** Work without a logged-in user (the CLI) is audited under the system actor's name. */
  const asActor = (ctx: RequestContext, job: JobState) =>
    ctx.actor ? {} : { actor: { id: null, name: job.actorName } };

  const auditAfter = (job: JobState) => ({
    jobId: job.id,
    kind: job.kind,
    mode: job.mode,
    fileName: job.fileName,
    fileSha256: job.fileSha256,
    counts: job.counts,
    errorCount: job.errorCount,
    createdIds: job.createdIds,
    updatedIds: job.updatedIds,
  });

  /** A job that writes nothing (dry run or refusal) still leaves its record and an audit event. */
  async function recordWithoutWrites(ctx: RequestContext, job: JobState, status: 'done' | 'refused') {
    const message = status === 'refused' ? MESSAGES.importRefused(job.errorCount) : null;
    const final = { status, message, phase: 'finished' as const, percent: 100, finishedAt: new Date() };
    await inTransaction(db, ctx, async (tx, audit) => {
      await repo.insertJob(jobRow({ ...job, ...final }), tx);
      audit.record({
        action: status === 'refused' ? 'import.refused' : 'import.dry_run',
        entity: 'import_job',
        entityId: job.id,
        orgPath: job.orgPath,
        after: auditAfter(job),
        ...asActor(ctx, job),
      });
    });
    Object.assign(job, final);
  }

  const runDeps: ImportRunDeps = {
    db,
    repo,
    orgRepo,
    dataKey: config.dataKey,
    today,
    setProgress,
    readSheet,
    addError,
    recordWithoutWrites,
    jobRow,
    asActor,
    auditAfter,
  };

  async function execute(ctx: RequestContext, job: JobState, file: Buffer) {
    try {
      if (job.kind === 'members') await runMembers(runDeps, ctx, job, file);
      else await runOrgs(runDeps, ctx, job, file);
    } catch (err) {
      fail(job, MESSAGES.importFailed);
      job.committed = false;
      job.createdIds = [];
      job.updatedIds = [];
      throw err;
    } finally {
      if (job.status === 'running') fail(job, MESSAGES.importFailed);
      forget(job.id);
    }
  }

  function newJob(kind: ImportKind, mode: ImportMode, fileName: string, file: Buffer, scope: ImportScope): JobState {
    return {
      id: crypto.randomUUID(),
      kind,
      mode,
      status: 'running',
      phase: 'reading',
      processed: 0,
      total: 0,
      percent: 0,
      fileName: fileName.slice(0, 200),
      fileSha256: sha256Hex(file),
      orgPath: commonPath(scope.roots),
      roots: scope.roots,
      actorId: scope.actorId,
      actorName: scope.actorName,
      counts: { rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0 },
      committed: false,
      errors: [],
      errorCount: 0,
      message: null,
      createdAt: new Date(),
      finishedAt: null,
      createdIds: [],
      updatedIds: [],
    };
  }

  /** The subtrees an actor imports into or exports from: their scope, or one organization inside it. */
  async function actorRoots(
    actor: Actor,
    permission: Permission,
    orgId: string | undefined,
    path = 'querystring.orgId',
  ) {
    const roots = scopePaths(actor, permission);
    if (!orgId) return roots;
    const org = await orgRepo.findById(orgId);
    if (!org || !within(roots, org.path)) throw fieldError(path, MESSAGES.ownerOrgOutOfScope);
    return [org.path];
  }

  return {
    /** Runs an import to the end (CLI, tests, benchmarks): the finished job. */
    async run(
      ctx: RequestContext,
      kind: ImportKind,
      file: { name: string; data: Buffer },
      opts: { mode: ImportMode; scope: ImportScope },
      onProgress?: (job: JobState) => void,
    ): Promise<JobState> {
      const job = newJob(kind, opts.mode, file.name, file.data, opts.scope);
      if (onProgress) job.onPhase = onProgress;
      jobs.set(job.id, job);
      await execute(ctx, job, file.data);
      return job;
    },

    /** Starts an import for a request and answers at once; the console polls `get` for progress and the result. */
    async start(
      ctx: RequestContext,
      kind: ImportKind,
      file: { name: string; data: Buffer },
      opts: { mode: ImportMode; orgId?: string | undefined },
    ): Promise<ImportJob> {
      const actor = ctx.actor!;
      const roots = await actorRoots(actor, PERMISSION[kind], opts.orgId);
      const job = newJob(kind, opts.mode, file.name, file.data, {
        roots,
        actorId: actor.userId,
        actorName: actor.displayName,
      });
      jobs.set(job.id, job);
      execute(ctx, job, file.data).catch((err) => {
        // The job already says it failed; the cause goes to the server log.
        deps.log?.error({ err, jobId: job.id, requestId: ctx.requestId }, 'import failed');
      });
      return toJobDto(job, ctx.locale);
    },

    async get(actor: Actor, locale: Locale, id: string): Promise<ImportJob> {
      const running = jobs.get(id);
      if (running) {
        if (!within(scopePaths(actor, PERMISSION[running.kind]), running.orgPath) && running.actorId !== actor.userId)
          throw notFound();
        return toJobDto(running, locale);
      }
      const memberScope = scopePaths(actor, 'member:import');
      const orgScope = scopePaths(actor, 'org:import');
      const row = await repo.findJobInScope([...new Set([...memberScope, ...orgScope])], id);
      if (!row || !within(scopePaths(actor, PERMISSION[row.kind as ImportKind]), row.orgPath)) throw notFound();
      return toJobDto(row, locale);
    },

    template: (kind: ImportKind, locale: Locale) => buildTemplate(kind, locale),

    /** Members of the caller's scope (or of a subtree), masked unless `unmasked` and allowed; an audited read. */
    async exportMembers(
      ctx: RequestContext,
      q: ExportMembersQuery & { unmasked?: boolean },
      scopeOverride?: ImportScope,
    ): Promise<{ file: Buffer; rows: number }> {
      const actor = ctx.actor;
      const roots = scopeOverride?.roots ?? scopePaths(actor!, 'member:export');
      if (q.unmasked && actor && !within(scopePaths(actor, 'member:read-sensitive'), commonPath(roots)))
        throw new AppError('FORBIDDEN', MESSAGES.forbidden);
      const out = await writeMemberExport(db, config.dataKey, roots, q, ctx.locale);
      await inTransaction(db, ctx, async (_tx, audit) => {
        audit.record({
          action: q.unmasked ? 'sensitive.read' : 'member.export',
          entity: 'member',
          orgPath: commonPath(roots) || null,
          after: { export: 'members', filters: { ...q }, rows: out.rows, masked: !q.unmasked },
          ...(actor ? {} : { actor: { id: null, name: scopeOverride?.actorName ?? 'cli' } }),
        });
      });
      return out;
    },

    async exportOrgs(ctx: RequestContext, q: ExportOrgsQuery, scopeOverride?: ImportScope) {
      const roots = scopeOverride?.roots ?? scopePaths(ctx.actor!, 'org:export');
      const out = await writeOrgExport(db, roots, q, ctx.locale);
      await inTransaction(db, ctx, async (_tx, audit) => {
        audit.record({
          action: 'org.export',
          entity: 'organization',
          orgPath: commonPath(roots) || null,
          after: { export: 'organizations', filters: { ...q }, rows: out.rows, masked: true },
          ...(ctx.actor ? {} : { actor: { id: null, name: scopeOverride?.actorName ?? 'cli' } }),
        });
      });
      return out;
    },

    actorRoots,
  };
}
export type ImportService = ReturnType<typeof createImportService>;
