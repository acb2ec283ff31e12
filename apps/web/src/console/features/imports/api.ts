import type { ImportJob, ImportKind, ImportMode } from '@red-engine/shared';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const importApi = {
  templateUrl: (kind: ImportKind) => apiUrl(`/imports/templates/${kind}`),
  exportUrl: (kind: ImportKind, params: QueryParams) => apiUrl(`/exports/${kind}`, params),
  start: (kind: ImportKind, file: File, mode: ImportMode, orgId?: string) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportJob>(`/imports/${kind}`, form, { mode, orgId });
  },
  get: (id: string) => api.get<ImportJob>(`/imports/${id}`),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts an import and polls it until it finishes, reporting each state on the way (for the progress bar). */
export async function runImport(
  kind: ImportKind,
  file: File,
  mode: ImportMode,
  onUpdate: (job: ImportJob) => void,
  orgId?: string,
): Promise<ImportJob> {
  let job = await importApi.start(kind, file, mode, orgId);
  onUpdate(job);
  while (job.status === 'running') {
    await sleep(400);
    job = await importApi.get(job.id);
    onUpdate(job);
  }
  return job;
}
