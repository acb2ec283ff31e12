import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { DEMO_LEARNING_ASSETS } from '../../db/seed/seed-learning.js';
import { verifyAuditChain } from '../audit/index.js';
import { type BlobStore, isSha256, readBlob, sha256Of } from '../file-store/index.js';

/** Tables in restore order (parents before children) with the order that keeps self-references valid. */
export const BACKUP_TABLES = [
  { name: 'organizations', orderBy: 'depth, id' },
  { name: 'users', orderBy: 'id' },
  { name: 'user_roles', orderBy: 'id' },
  { name: 'sessions', orderBy: 'id' },
  { name: 'api_tokens', orderBy: 'id' },
  { name: 'members', orderBy: 'id' },
  { name: 'member_events', orderBy: 'id' },
  { name: 'units', orderBy: 'id' },
  { name: 'org_units', orderBy: 'org_id, unit_id' },
  { name: 'term_rules', orderBy: 'id' },
  { name: 'committees', orderBy: 'id' },
  { name: 'committee_members', orderBy: 'id' },
  { name: 'venues', orderBy: 'id' },
  { name: 'rule_settings', orderBy: 'key' },
  { name: 'transfers', orderBy: 'id' },
  { name: 'transfer_steps', orderBy: 'id' },
  { name: 'community_service_categories', orderBy: 'code' },
  { name: 'org_reports', orderBy: 'id' },
  { name: 'member_reports', orderBy: 'id' },
  { name: 'community_needs', orderBy: 'id' },
  { name: 'need_claims', orderBy: 'id' },
  { name: 'import_jobs', orderBy: 'id' },
  // Files are large: a few per line of the backup.
  { name: 'stored_files', orderBy: 'sha256', batch: 20 },
  { name: 'working_calendar', orderBy: 'day' },
  { name: 'recruitment_cases', orderBy: 'id' },
  { name: 'recruitment_steps', orderBy: 'id' },
  { name: 'recruitment_materials', orderBy: 'id' },
  { name: 'activity_types', orderBy: 'code' },
  { name: 'party_group_members', orderBy: 'member_id' },
  { name: 'meetings', orderBy: 'id' },
  { name: 'meeting_types', orderBy: 'meeting_id, type_code' },
  { name: 'meeting_orgs', orderBy: 'meeting_id, org_id' },
  { name: 'meeting_participants', orderBy: 'meeting_id, member_id' },
  { name: 'meeting_attendance', orderBy: 'meeting_id, member_id' },
  { name: 'meeting_leaves', orderBy: 'id' },
  { name: 'checkin_staff_tokens', orderBy: 'id' },
  { name: 'checkin_rejections', orderBy: 'id' },
  { name: 'meeting_files', orderBy: 'id' },
  { name: 'meeting_amendments', orderBy: 'id' },
  { name: 'compliance_rules', orderBy: 'id' },
  { name: 'point_rule_versions', orderBy: 'effective_from' },
  { name: 'point_rules', orderBy: 'version_id, code' },
  // Reversals name earlier entries (no foreign key, so the order is free); by id keeps the copy deterministic.
  { name: 'point_entries', orderBy: 'id' },
  { name: 'member_point_balances', orderBy: 'member_id, year' },
  { name: 'point_grant_requests', orderBy: 'id' },
  { name: 'point_exemptions', orderBy: 'id' },
  { name: 'point_publications', orderBy: 'id' },
  { name: 'point_objections', orderBy: 'id' },
  { name: 'evaluation_campaigns', orderBy: 'id' },
  { name: 'evaluation_subjects', orderBy: 'id' },
  { name: 'evaluation_voters', orderBy: 'campaign_id, member_id' },
  { name: 'ballot_receipts', orderBy: 'campaign_id, member_id' },
  // By the random id: the order of the choices says nothing about the order of the receipts.
  { name: 'ballot_choices', orderBy: 'id' },
  { name: 'evaluation_rectifications', orderBy: 'id' },
  { name: 'evaluation_attachments', orderBy: 'id' },
  { name: 'competitions', orderBy: 'id' },
  { name: 'competition_questions', orderBy: 'competition_id, position' },
  { name: 'competition_entries', orderBy: 'id' },
  { name: 'competition_answers', orderBy: 'entry_id, position' },
  { name: 'learning_categories', orderBy: 'id' },
  { name: 'learning_contents', orderBy: 'id' },
  { name: 'learning_content_targets', orderBy: 'content_id, org_id' },
  { name: 'learning_files', orderBy: 'sha256' },
  { name: 'learning_courses', orderBy: 'id' },
  { name: 'learning_lessons', orderBy: 'id' },
  { name: 'learning_plans', orderBy: 'id' },
  { name: 'learning_plan_targets', orderBy: 'id' },
  { name: 'learning_study_sessions', orderBy: 'id' },
  { name: 'learning_study_days', orderBy: 'member_id, day' },
  { name: 'learning_content_progress', orderBy: 'member_id, content_id' },
  { name: 'learning_lesson_completions', orderBy: 'member_id, lesson_id' },
  { name: 'rating_schemes', orderBy: 'code, version' },
  { name: 'rating_indicators', orderBy: 'scheme_id, sort_order' },
  { name: 'rating_veto_rules', orderBy: 'scheme_id, sort_order' },
  { name: 'rating_campaigns', orderBy: 'id' },
  { name: 'org_ratings', orderBy: 'id' },
  { name: 'org_rating_scores', orderBy: 'id' },
  { name: 'org_rating_reviewers', orderBy: 'id' },
  { name: 'org_rating_evidence', orderBy: 'id' },
  { name: 'org_rating_vetoes', orderBy: 'id' },
  { name: 'org_rating_objections', orderBy: 'id' },
  { name: 'org_star_history', orderBy: 'id' },
  { name: 'notifications', orderBy: 'id' },
  { name: 'notification_outbox', orderBy: 'id' },
  { name: 'audit_pending', orderBy: 'id' },
  { name: 'audit_events', orderBy: 'seq' },
  { name: 'audit_chain_head', orderBy: 'id' },
] as const;

/** Reference tables the migrations fill with defaults; a restore replaces them with the backup's own rows. */
export const MIGRATION_SEEDED_TABLES = [
  'term_rules',
  'rule_settings',
  'working_calendar',
  'community_service_categories',
  // compliance_rules name activity_types: children are emptied first.
  'compliance_rules',
  'activity_types',
  // point_rules name their version: children first.
  'point_rules',
  'point_rule_versions',
  // rating_indicators and rating_veto_rules name their scheme: children first.
  'rating_indicators',
  'rating_veto_rules',
  'rating_schemes',
] as const;

/** Tables whose `id` is a bigserial. */
const SERIAL_ID_TABLES = ['checkin_rejections', 'audit_pending', 'notification_outbox'] as const;

const FORMAT = 'red-engine-backup';
const BATCH = 2000;

type Header = {
  format: string;
  version: 1;
  createdAt: string;
  migrations: number;
  tables: string[];
  auditHead: { seq: number; hash: string } | null;
};

async function migrationCount(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rows[0]?.n ?? 0;
}

/**
 * Writes a logical, engine-neutral backup (gzip, one JSON document per line) from one consistent
 * snapshot, so a backup of the embedded database restores into PostgreSQL and the reverse.
 */
export async function backupDatabase(
  db: Db,
  file: string,
  opts: { files?: BlobStore } = {},
): Promise<{ rows: Record<string, number>; missingFiles: string[] }> {
  const counts: Record<string, number> = {};
  const missingFiles: string[] = [];
  const tmp = `${file}.partial`;
  await db.transaction(
    async (tx) => {
      const migrations = await migrationCount(tx as unknown as Db);
      const [head] = await queryRows<{ seq: number; hash: string }>(
        tx,
        sql`select seq::int as seq, hash from audit_chain_head where id = 1`,
      );
      async function* lines() {
        const header: Header = {
          format: FORMAT,
          version: 1,
          createdAt: new Date().toISOString(),
          migrations,
          tables: BACKUP_TABLES.map((t) => t.name),
          auditHead: head ?? null,
        };
        yield `${JSON.stringify(header)}\n`;
        for (const table of BACKUP_TABLES) {
          counts[table.name] = 0;
          const batch = 'batch' in table ? table.batch : BATCH;
          for (let offset = 0; ; offset += batch) {
            const rows = await queryRows<{ j: unknown }>(
              tx,
              sql.raw(
                `select row_to_json(t) as j from "${table.name}" t order by ${table.orderBy} limit ${batch} offset ${offset}`,
              ),
            );
            if (rows.length === 0) break;
            counts[table.name] = (counts[table.name] ?? 0) + rows.length;
            yield `${JSON.stringify({ table: table.name, rows: rows.map((r) => (typeof r.j === 'string' ? JSON.parse(r.j) : r.j)) })}\n`;
            if (rows.length < batch) break;
          }
        }
        if (opts.files) yield* blobLines(tx, opts.files, counts, missingFiles);
        yield `${JSON.stringify({ end: true, counts })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(tmp));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await rename(tmp, file);
  return { rows: counts, missingFiles };
}

export class RestoreError extends Error {}

/** Lines of a gzip backup; a missing, unreadable, truncated or corrupted file surfaces as a RestoreError. */
function backupLines(file: string): {
  next(): Promise<{ line: string | null; number: number }>;
  close(): void;
} {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not forward errors: hand the read error to the stream readline consumes.
  source.on('error', (err) => gunzip.destroy(err));
  const iterator = createInterface({ input: source.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  let number = 0;
  const close = () => {
    source.destroy();
    gunzip.destroy();
  };
  const next = async () => {
    try {
      const next = await iterator.next();
      if (next.done) return { line: null, number };
      number += 1;
      return { line: next.value, number };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') throw new RestoreError(`backup file ${file} does not exist`);
      if (e.syscall) throw new RestoreError(`cannot read backup file ${file}: ${e.message}`);
      if (number === 0) throw new RestoreError(`not a Red Engine backup file (${e.message})`);
      throw new RestoreError(`the backup file is corrupted or truncated (${e.message})`);
    }
  };
  return { next, close };
}

function parseLine<T>(line: string, number: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new RestoreError(`the backup file is corrupted: line ${number} is not valid JSON`);
  }
}

/**
 * Restores a backup into a migrated, empty database in one transaction and verifies the audit chain
 * inside that transaction, so a file that is truncated, corrupted or does not verify leaves the
 * database as empty as it was.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  opts: { files?: BlobStore } = {},
): Promise<{ rows: Record<string, number> }> {
  const lines = backupLines(file);
  try {
    return await restoreFrom(db, lines.next, createBlobRestorer(opts.files));
  } finally {
    lines.close();
  }
}

async function restoreFrom(
  db: Db,
  nextLine: () => Promise<{ line: string | null; number: number }>,
  blobs: BlobRestorer,
): Promise<{ rows: Record<string, number> }> {
  const counts: Record<string, number> = {};
  const first = await nextLine();
  let header: Header;
  try {
    header = JSON.parse(first.line ?? '') as Header;
  } catch {
    throw new RestoreError('not a Red Engine backup file');
  }
  if (header?.format !== FORMAT || header.version !== 1) throw new RestoreError('not a Red Engine backup file');
  const migrations = await migrationCount(db);
  if (migrations !== header.migrations) {
    throw new RestoreError(
      `backup was made at schema migration ${header.migrations}, this database is at ${migrations}`,
    );
  }
  const [existing] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*) from organizations) + (select count(*) from users) + (select count(*) from audit_events) as n`,
  );
  if (Number(existing?.n ?? 0) > 0)
    throw new RestoreError('the target database is not empty; restore needs an empty database');

  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from audit_chain_head`);
    // Reference rows the migrations insert are replaced by the backup's own.
    for (const table of MIGRATION_SEEDED_TABLES) await tx.execute(sql.raw(`delete from ${table}`));
    let end: { counts?: Record<string, number> } | null = null;
    for (;;) {
      const { line, number } = await nextLine();
      if (line === null) break;
      if (!line.trim()) continue;
      const doc = parseLine<
        { table?: string; rows?: unknown[]; end?: boolean; counts?: Record<string, number> } & Partial<BlobPart>
      >(line, number);
      if (doc.end) {
        end = doc;
        break;
      }
      if (doc.blob !== undefined) {
        await blobs.accept(doc as BlobPart);
        continue;
      }
      const table = BACKUP_TABLES.find((t) => t.name === doc.table);
      if (!table || !Array.isArray(doc.rows)) throw new RestoreError(`unexpected section "${doc.table}" in backup`);
      counts[table.name] = (counts[table.name] ?? 0) + doc.rows.length;
      const ident = sql.identifier(table.name);
      await tx.execute(
        sql`insert into ${ident} select * from json_populate_recordset(null::${ident}, ${JSON.stringify(doc.rows)}::json)`,
      );
    }
    if (!end) throw new RestoreError('the backup file is truncated');
    for (const table of BACKUP_TABLES) {
      const expected = end.counts?.[table.name] ?? 0;
      if ((counts[table.name] ?? 0) !== expected)
        throw new RestoreError(
          `the backup file is inconsistent: ${table.name} has ${counts[table.name] ?? 0} rows, its trailer says ${expected}`,
        );
    }
    const files = blobs.finish(end.counts?.files ?? 0);
    if (files > 0) counts.files = files;
    // Rows came in with their ids: serial columns continue after the largest restored one.
    for (const table of SERIAL_ID_TABLES)
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
        ),
      );
    const verdict = await verifyAuditChain(tx);
    if (!verdict.ok) throw new RestoreError(`restored data does not verify: ${verdict.reason}`);
    const head = header.auditHead;
    if ((verdict.headSeq ?? 0) !== (head?.seq ?? 0) || (head && head.seq > 0 && verdict.headHash !== head.hash))
      throw new RestoreError(
        `restored audit chain ends at entry ${verdict.headSeq ?? 0}, the backup header records ${head?.seq ?? 0}`,
      );
  });
  return { rows: counts };
}

// ---------------------------------------------------------------------------------------------------------------
// Files outside the database (活动记录 photos and attachments in the blob store under DATA_DIR/files).
// The blobs named by `meeting_files` (sha256 and thumb_sha256) travel in the backup between the last table and the
// trailer, one line per part of at most 768 KiB:
//   {"blob":"<sha256>","size":N,"part":i,"parts":P,"data":"<base64>"}
// The trailer's `counts.files` says how many blobs the file holds. Restore checks every blob's SHA-256 and writes
// it back through the store; blobs are immutable and named by content, so writing one twice is harmless and a
// failed restore at worst leaves unreferenced blobs. A blob the store has lost at backup time is reported in
// `missingFiles`, not fatal: the backup of everything else still matters more.
// ---------------------------------------------------------------------------------------------------------------

/** Tables whose rows name blobs in the blob store, with the columns that hold the SHA-256. */
// Learning files too; the demo's generated PDFs are left out (the learning module writes them again when opened).
const BLOB_REFERENCES = sql`select sha256 as sha from meeting_files
  union select thumb_sha256 from meeting_files where thumb_sha256 is not null
  union select sha256 from learning_files
  union select file_sha256 from learning_contents where file_sha256 is not null
    and file_sha256 not in (select value from json_array_elements_text(${JSON.stringify([...DEMO_LEARNING_ASSETS.keys()])}::json))
  order by 1`;
const BLOB_PART_BYTES = 768 * 1024;

type BlobPart = { blob: string; size: number; part: number; parts: number; data: string };

async function* blobLines(
  tx: Parameters<typeof queryRows>[0],
  store: BlobStore,
  counts: Record<string, number>,
  missing: string[],
): AsyncGenerator<string> {
  counts.files = 0;
  for (const { sha } of await queryRows<{ sha: string }>(tx, BLOB_REFERENCES)) {
    const bytes = isSha256(sha) ? await readBlob(store, sha) : null;
    if (!bytes) {
      missing.push(sha);
      continue;
    }
    const parts = Math.max(1, Math.ceil(bytes.length / BLOB_PART_BYTES));
    for (let part = 0; part < parts; part++) {
      const data = bytes.subarray(part * BLOB_PART_BYTES, (part + 1) * BLOB_PART_BYTES).toString('base64');
      const line: BlobPart = { blob: sha, size: bytes.length, part, parts, data };
      yield `${JSON.stringify(line)}\n`;
    }
    counts.files += 1;
  }
}

type BlobRestorer = { accept(part: BlobPart): Promise<void>; finish(expected: number): number };

/** Puts blobs back together part by part, checks each against its name and hands it to the store. */
function createBlobRestorer(store: BlobStore | undefined): BlobRestorer {
  let current: { sha: string; size: number; parts: number; chunks: Buffer[] } | null = null;
  let restored = 0;
  const broken = (sha: string) => new RestoreError(`the backup file is corrupted: file ${sha} is damaged`);
  return {
    async accept(p) {
      if (!store) throw new RestoreError('the backup holds files: restore needs the file store (DATA_DIR)');
      if (typeof p.blob !== 'string' || !isSha256(p.blob) || typeof p.data !== 'string') throw broken(String(p.blob));
      if (p.part === 0) {
        if (current) throw broken(current.sha);
        current = { sha: p.blob, size: p.size, parts: p.parts, chunks: [] };
      }
      if (!current || current.sha !== p.blob || p.part !== current.chunks.length) throw broken(p.blob);
      current.chunks.push(Buffer.from(p.data, 'base64'));
      if (current.chunks.length < current.parts) return;
      const bytes = Buffer.concat(current.chunks);
      const sha = current.sha;
      current = null;
      if (bytes.length !== p.size || sha256Of(bytes) !== sha) throw broken(sha);
      await store.put(bytes);
      restored += 1;
    },
    finish(expected) {
      if (current) throw new RestoreError('the backup file is truncated');
      if (restored !== expected)
        throw new RestoreError(
          `the backup file is inconsistent: it holds ${restored} files, its trailer says ${expected}`,
        );
      return restored;
    },
  };
}
