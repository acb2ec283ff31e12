import type {
  AnswerValue,
  Attempt,
  AttemptResult,
  Bank,
  BankImportReport,
  CreateExamBody,
  Exam,
  ExamResults,
  MyExam,
  Page,
  Question,
  QuestionBody,
  UpdateExamBody,
} from '@red-engine/shared';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const examKeys = {
  all: ['exam'] as const,
  banks: () => [...examKeys.all, 'banks'] as const,
  bank: (id: string) => [...examKeys.all, 'bank', id] as const,
  questions: (id: string) => [...examKeys.all, 'questions', id] as const,
  exams: () => [...examKeys.all, 'exams'] as const,
  exam: (id: string) => [...examKeys.all, 'exam', id] as const,
  results: (id: string) => [...examKeys.all, 'results', id] as const,
  mine: () => [...examKeys.all, 'mine'] as const,
  myResults: (id: string) => [...examKeys.all, 'my-results', id] as const,
};

export const examApi = {
  banks: (params: QueryParams) => api.get<Page<Bank>>('/question-banks', params),
  bank: (id: string) => api.get<Bank>(`/question-banks/${id}`),
  createBank: (body: { name: string; description?: string | null; orgId: string }) =>
    api.post<Bank>('/question-banks', body),
  updateBank: (id: string, body: { name?: string; description?: string | null }) =>
    api.patch<Bank>(`/question-banks/${id}`, body),
  questions: (bankId: string, params: QueryParams) => api.get<Page<Question>>('/questions', { ...params, bankId }),
  createQuestion: (bankId: string, body: QuestionBody) =>
    api.post<Question>(`/question-banks/${bankId}/questions`, body),
  updateQuestion: (id: string, body: QuestionBody) => api.put<Question>(`/questions/${id}`, body),
  retireQuestion: (id: string) => api.del(`/questions/${id}`),
  templateUrl: () => apiUrl('/question-banks/import-template'),
  importFile: (bankId: string, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<BankImportReport>(`/question-banks/${bankId}/import`, form, { dryRun });
  },

  exams: (params: QueryParams) => api.get<Page<Exam>>('/exams', params),
  exam: (id: string) => api.get<Exam>(`/exams/${id}`),
  createExam: (body: CreateExamBody) => api.post<Exam>('/exams', body),
  updateExam: (id: string, body: UpdateExamBody) => api.patch<Exam>(`/exams/${id}`, body),
  publish: (id: string) => api.post<Exam>(`/exams/${id}/publish`),
  close: (id: string) => api.post<Exam>(`/exams/${id}/close`),
  override: (
    id: string,
    body: { memberId: string; extraAttempts: number; extraMinutes: number; note?: string | null },
  ) => api.put<{ ok: boolean }>(`/exams/${id}/overrides`, body),
  results: (id: string) => api.get<ExamResults>(`/exams/${id}/results`),
  exportUrl: (id: string) => apiUrl(`/exams/${id}/results/export`),

  mine: () => api.get<MyExam[]>('/me/exams'),
  start: (id: string) => api.post<Attempt>(`/me/exams/${id}/attempts`),
  save: (id: string, questionId: string, answer: AnswerValue) =>
    api.put<{ savedAt: string; remainingSeconds: number | null }>(`/me/exams/${id}/answers`, { questionId, answer }),
  submit: (id: string) => api.post<AttemptResult>(`/me/exams/${id}/submit`),
  myResults: (id: string) => api.get<AttemptResult[]>(`/me/exams/${id}/results`),
};
