import type { AnswerValue, Attempt, AttemptResult, MyExam } from '@red-engine/shared';
import { api } from '../../../lib/http';

export const MY_EXAMS_KEY = ['exam', 'mine'] as const;
export const myResultsKey = (id: string) => ['exam', 'my-results', id] as const;

/** The member's side of 考试测验. */
export const myExamApi = {
  list: () => api.get<MyExam[]>('/me/exams'),
  /** Starts an attempt or resumes the one in progress. */
  start: (id: string) => api.post<Attempt>(`/me/exams/${id}/attempts`),
  save: (id: string, questionId: string, answer: AnswerValue) =>
    api.put<{ savedAt: string; remainingSeconds: number | null }>(`/me/exams/${id}/answers`, { questionId, answer }),
  submit: (id: string) => api.post<AttemptResult>(`/me/exams/${id}/submit`),
  results: (id: string) => api.get<AttemptResult[]>(`/me/exams/${id}/results`),
};
