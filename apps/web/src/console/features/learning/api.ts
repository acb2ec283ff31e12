import type {
  LearningCategory,
  LearningContentDetail,
  LearningContentSummary,
  LearningCourse,
  LearningPlan,
  LearningPlanDetail,
  LearningStats,
  Page,
} from '@red-engine/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const learningApi = {
  categories: () => api.get<LearningCategory[]>('/learning/categories'),
  contents: (q: QueryParams) => api.get<Page<LearningContentSummary>>('/learning/contents', q),
  content: (id: string) => api.get<LearningContentDetail>(`/learning/contents/${id}`),
  create: (body: unknown) => api.post<LearningContentDetail>('/learning/contents', body),
  update: (id: string, body: unknown) => api.patch<LearningContentDetail>(`/learning/contents/${id}`, body),
  act: (id: string, action: 'submit' | 'approve' | 'reject' | 'withdraw' | 'new-version', body?: unknown) =>
    api.post<LearningContentDetail>(`/learning/contents/${id}/${action}`, body ?? {}),
  uploadFile: (id: string, form: FormData) => api.upload<LearningContentDetail>(`/learning/contents/${id}/file`, form),
  uploadImage: (form: FormData) => api.upload<{ url: string }>('/learning/images', form),
  courses: () => api.get<LearningCourse[]>('/learning/courses'),
  createCourse: (body: unknown) => api.post<LearningCourse>('/learning/courses', body),
  plans: () => api.get<LearningPlan[]>('/learning/plans'),
  plan: (id: string) => api.get<LearningPlanDetail>(`/learning/plans/${id}`),
  createPlan: (body: unknown) => api.post<LearningPlanDetail>('/learning/plans', body),
  remind: (id: string) => api.post<{ reminded: number }>(`/learning/plans/${id}/remind`),
  stats: (q: QueryParams) => api.get<LearningStats>('/learning/stats', q),
};

export const useCategories = () => useQuery({ queryKey: ['learning', 'categories'], queryFn: learningApi.categories });
export const useContents = (q: QueryParams) =>
  useQuery({
    queryKey: ['learning', 'contents', q],
    queryFn: () => learningApi.contents(q),
    placeholderData: keepPreviousData,
  });
export const useCourses = () => useQuery({ queryKey: ['learning', 'courses'], queryFn: learningApi.courses });
export const usePlans = () => useQuery({ queryKey: ['learning', 'plans'], queryFn: learningApi.plans });
export const hoursOf = (s: number) => Math.round((s / 3600) * 10) / 10;
