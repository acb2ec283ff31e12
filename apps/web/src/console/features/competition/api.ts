import type {
  Competition,
  CompetitionBoard,
  CompetitionDetail,
  CompetitionResults,
  CreateCompetitionBody,
  Page,
  UpdateCompetitionBody,
} from '@red-engine/shared';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const competitionKeys = {
  all: ['competition'] as const,
  lists: () => [...competitionKeys.all, 'list'] as const,
  detail: (id: string) => [...competitionKeys.all, 'detail', id] as const,
  results: (id: string) => [...competitionKeys.all, 'results', id] as const,
  board: (id: string) => [...competitionKeys.all, 'board', id] as const,
  banks: () => [...competitionKeys.all, 'banks'] as const,
};

const C = '/competitions';

export const competitionApi = {
  list: (params: QueryParams) => api.get<Page<Competition>>(C, params),
  get: (id: string) => api.get<CompetitionDetail>(`${C}/${id}`),
  create: (body: CreateCompetitionBody) => api.post<CompetitionDetail>(C, body),
  update: (id: string, body: UpdateCompetitionBody) => api.patch<CompetitionDetail>(`${C}/${id}`, body),
  schedule: (id: string) => api.post<CompetitionDetail>(`${C}/${id}/schedule`),
  cancel: (id: string) => api.post<CompetitionDetail>(`${C}/${id}/cancel`),
  board: (id: string) => api.get<CompetitionBoard>(`${C}/${id}/board`),
  results: (id: string) => api.get<CompetitionResults>(`${C}/${id}/results`),
  exportUrl: (id: string) => apiUrl(`${C}/${id}/export`),
  banks: () =>
    api.get<Page<{ id: string; name: string; orgName: string; questionCount: number; tags: string[] }>>(
      '/question-banks',
      { pageSize: 200 },
    ),
};
