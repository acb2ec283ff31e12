import {
  IMPORT_ERRORS_KEPT,
  type ImportJob,
  type ImportKind,
  type ImportMode,
  type ImportStatus,
  importColumns,
  type Locale,
} from '@red-engine/shared';
import type { LocalizedText } from '../../core/messages.js';
import type { ImportJobRow } from './imports.repository.js';
import type { JobState, StoredError } from './imports.service.js';

const isRunning = (j: JobState | ImportJobRow): j is JobState => 'roots' in j;

/** A job as the API shows it: messages and column names in the caller's language. */
export function toJobDto(job: JobState | ImportJobRow, locale: Locale): ImportJob {
  const kind = job.kind as ImportKind;
  const columns = importColumns(kind);
  const errors = (job.errors as StoredError[]).slice(0, IMPORT_ERRORS_KEPT).map((e) => {
    const c = columns.find((x) => x.key === e.key);
    return {
      row: e.row,
      column: e.letter,
      columnName: c ? (locale === 'zh-CN' ? c.zh : c.en) : '',
      message: locale === 'zh-CN' ? e.zh : e.en,
    };
  });
  const message = (job.message as LocalizedText | null) ?? null;
  const base = {
    id: job.id,
    kind,
    mode: job.mode as ImportMode,
    status: job.status as ImportStatus,
    fileName: job.fileName,
    fileSha256: job.fileSha256,
    errors,
    message: message ? message[locale] : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
  if (isRunning(job))
    return {
      ...base,
      phase: job.phase,
      processed: job.processed,
      total: job.total,
      percent: job.percent,
      counts: { ...job.counts },
      committed: job.committed,
      errorCount: job.errorCount,
      createdBy: job.actorName,
    };
  return {
    ...base,
    phase: 'finished',
    processed: job.rowsTotal,
    total: job.rowsTotal,
    percent: 100,
    counts: {
      rows: job.rowsTotal,
      valid: job.rowsValid,
      invalid: job.rowsInvalid,
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
    },
    committed: job.mode !== 'dry_run' && job.status === 'done' && job.created + job.updated > 0,
    errorCount: job.rowsInvalid,
    createdBy: job.actorName,
  };
}
