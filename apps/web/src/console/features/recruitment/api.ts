import type {
  CloseRecruitmentCaseBody,
  CreateRecruitmentCaseBody,
  ExtendProbationBody,
  Page,
  RecordStepBody,
  RecruitmentBoard,
  RecruitmentCase,
  RecruitmentCaseDetail,
  RecruitmentMaterial,
} from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, ApiError, api, type QueryParams } from '../../../lib/http';
import { getLocale } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';

export const recruitmentKeys = {
  all: ['recruitment'] as const,
  lists: () => [...recruitmentKeys.all, 'list'] as const,
  board: (orgId?: string) => [...recruitmentKeys.all, 'board', orgId ?? ''] as const,
  detail: (id: string) => [...recruitmentKeys.all, 'detail', id] as const,
};

export const recruitmentApi = {
  list: (params: QueryParams) => api.get<Page<RecruitmentCase>>('/recruitment-cases', params),
  board: (params: QueryParams) => api.get<RecruitmentBoard>('/recruitment-cases/board', params),
  get: (id: string) => api.get<RecruitmentCaseDetail>(`/recruitment-cases/${id}`),
  create: (body: CreateRecruitmentCaseBody) => api.post<RecruitmentCaseDetail>('/recruitment-cases', body),
  step: (id: string, body: RecordStepBody) => api.post<RecruitmentCaseDetail>(`/recruitment-cases/${id}/steps`, body),
  extend: (id: string, body: ExtendProbationBody) =>
    api.post<RecruitmentCaseDetail>(`/recruitment-cases/${id}/extend-probation`, body),
  cancel: (id: string, body: CloseRecruitmentCaseBody) =>
    api.post<RecruitmentCaseDetail>(`/recruitment-cases/${id}/cancel`, body),
  reject: (id: string, body: CloseRecruitmentCaseBody) =>
    api.post<RecruitmentCaseDetail>(`/recruitment-cases/${id}/reject`, body),
  materialUrl: (id: string) => `${API_BASE}/recruitment-materials/${id}`,
};

/** Uploads one material as multipart/form-data (fields first, then the file), with the session's CSRF token. */
async function uploadMaterial(
  csrf: string | undefined,
  id: string,
  v: { kind: string; stepNo?: number; file: File },
): Promise<RecruitmentMaterial> {
  const form = new FormData();
  form.append('kind', v.kind);
  if (v.stepNo) form.append('stepNo', String(v.stepNo));
  form.append('file', v.file, v.file.name);
  const res = await fetch(`${API_BASE}/recruitment-cases/${id}/materials`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': getLocale(), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
  const json = (await res.json().catch(() => undefined)) as
    | { error?: { code: ApiError['code']; message: string; details?: unknown; requestId?: string } }
    | RecruitmentMaterial
    | undefined;
  if (res.ok) return json as RecruitmentMaterial;
  const err = (json as { error?: { code: ApiError['code']; message: string; details?: unknown; requestId?: string } })
    ?.error;
  throw new ApiError(
    res.status,
    err?.code ?? 'INTERNAL',
    err?.message ?? `HTTP ${res.status}`,
    err?.details,
    err?.requestId,
  );
}

export function useRecruitmentCase(id: string | undefined) {
  return useQuery({
    queryKey: recruitmentKeys.detail(id ?? ''),
    queryFn: () => recruitmentApi.get(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useRecruitmentBoard(orgId?: string) {
  return useQuery({ queryKey: recruitmentKeys.board(orgId), queryFn: () => recruitmentApi.board({ orgId }) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: recruitmentKeys.all });
    // Steps 17 and 24 write the member roll.
    void qc.invalidateQueries({ queryKey: ['members'] });
  };
}

export function useCreateCase() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: recruitmentApi.create, onSuccess: invalidate, meta: { silent: true } });
}

export function useRecordStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: RecordStepBody }) => recruitmentApi.step(v.id, v.body),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export type CaseActionVars =
  | { action: 'extend'; id: string; body: ExtendProbationBody }
  | { action: 'cancel' | 'reject'; id: string; body: CloseRecruitmentCaseBody };

export function useCaseAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: CaseActionVars) =>
      v.action === 'extend'
        ? recruitmentApi.extend(v.id, v.body)
        : v.action === 'cancel'
          ? recruitmentApi.cancel(v.id, v.body)
          : recruitmentApi.reject(v.id, v.body),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUploadMaterial() {
  const invalidate = useInvalidate();
  const { data } = useSession();
  const csrf = data?.me?.csrfToken ?? undefined;
  return useMutation({
    mutationFn: (v: { id: string; kind: string; stepNo?: number; file: File }) => uploadMaterial(csrf, v.id, v),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}
