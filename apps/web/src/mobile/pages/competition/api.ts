import type { AnswerBody, AnswerResult, MyCompetition, MyResult, PlayState } from '@red-engine/shared';
import { api } from '../../../lib/http';

export const MY_COMPETITIONS_KEY = ['me', 'competitions'] as const;

export const myCompetitionApi = {
  list: () => api.get<MyCompetition[]>('/me/competitions'),
  join: (id: string) => api.post<PlayState>(`/me/competitions/${id}/join`),
  play: (id: string) => api.post<PlayState>(`/me/competitions/${id}/play`),
  answer: (id: string, body: AnswerBody) => api.post<AnswerResult>(`/me/competitions/${id}/answers`, body),
  result: (id: string) => api.get<MyResult>(`/me/competitions/${id}/result`),
};
