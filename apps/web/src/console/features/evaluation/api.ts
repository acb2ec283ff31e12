import type {
  Campaign,
  CampaignDetail,
  CreateCampaignBody,
  CreateRectificationBody,
  EvaluationAttachment,
  EvaluationDefaults,
  Page,
  ProposalsBody,
  Rectification,
  RectificationSummary,
  Results,
  Subject,
  TurnoutDetail,
  UpdateCampaignBody,
  UpdateRectificationBody,
  UpdateSubjectBody,
} from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  lists: () => [...evaluationKeys.all, 'list'] as const,
  detail: (id: string) => [...evaluationKeys.all, 'detail', id] as const,
  turnout: (id: string) => [...evaluationKeys.all, 'turnout', id] as const,
  results: (id: string) => [...evaluationKeys.all, 'results', id] as const,
  rectifications: () => [...evaluationKeys.all, 'rectifications'] as const,
  summary: (campaignId?: string) => [...evaluationKeys.all, 'summary', campaignId ?? 'all'] as const,
  defaults: () => [...evaluationKeys.all, 'defaults'] as const,
};

const C = '/evaluation/campaigns';

export const evaluationApi = {
  defaults: () => api.get<EvaluationDefaults>('/evaluation/defaults'),
  list: (params: QueryParams) => api.get<Page<Campaign>>(C, params),
  get: (id: string) => api.get<CampaignDetail>(`${C}/${id}`),
  create: (body: CreateCampaignBody) => api.post<CampaignDetail>(C, body),
  update: (id: string, body: UpdateCampaignBody) => api.patch<CampaignDetail>(`${C}/${id}`, body),
  step: (id: string, step: 'open-voting' | 'close-voting' | 'submit' | 'confirm') =>
    api.post<CampaignDetail>(`${C}/${id}/${step}`),
  returnToBranch: (id: string, reason: string) => api.post<CampaignDetail>(`${C}/${id}/return`, { reason }),
  propose: (id: string, body: ProposalsBody) => api.put<{ updated: number }>(`${C}/${id}/proposals`, body),
  turnout: (id: string) => api.get<TurnoutDetail>(`${C}/${id}/turnout`),
  results: (id: string) => api.get<Results>(`${C}/${id}/results`),
  exportUrl: (id: string) => apiUrl(`${C}/${id}/export`),
  updateSubject: (id: string, body: UpdateSubjectBody) => api.patch<Subject>(`/evaluation/subjects/${id}`, body),
  comment: (id: string, comment: string) => api.post<Subject>(`/evaluation/subjects/${id}/comment`, { comment }),
  uploadReport: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<EvaluationAttachment>(`/evaluation/subjects/${id}/attachments`, form);
  },
  attachmentUrl: (id: string) => apiUrl(`/evaluation-attachments/${id}`),
  rectifications: (params: QueryParams) => api.get<Page<Rectification>>('/evaluation/rectifications', params),
  summary: (campaignId?: string) => api.get<RectificationSummary>('/evaluation/rectification-summary', { campaignId }),
  createRectification: (subjectId: string, body: CreateRectificationBody) =>
    api.post<Rectification>(`/evaluation/subjects/${subjectId}/rectifications`, body),
  updateRectification: (id: string, body: UpdateRectificationBody) =>
    api.patch<Rectification>(`/evaluation/rectifications/${id}`, body),
  closeRectification: (id: string, closingNote: string) =>
    api.post<Rectification>(`/evaluation/rectifications/${id}/close`, { closingNote }),
  reopenRectification: (id: string, reason: string) =>
    api.post<Rectification>(`/evaluation/rectifications/${id}/reopen`, { reason }),
  uploadEvidence: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<EvaluationAttachment>(`/evaluation/rectifications/${id}/attachments`, form);
  },
};

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.detail(id ?? ''),
    queryFn: () => evaluationApi.get(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useDefaults() {
  return useQuery({ queryKey: evaluationKeys.defaults(), queryFn: evaluationApi.defaults, staleTime: 300_000 });
}
