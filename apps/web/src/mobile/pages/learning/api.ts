import type {
  HeartbeatResult,
  LearningContentDetail,
  LearningContentSummary,
  Page,
  StudyRecord,
} from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http';

export type MyCourse = {
  id: string;
  title: string;
  description: string;
  planId: string | null;
  planTitle: string | null;
  dueOn: string | null;
  lessons: {
    id: string;
    position: number;
    contentId: string;
    contentKind: string;
    title: string;
    requiredSeconds: number;
    creditedSeconds?: number;
    completedAt?: string | null;
  }[];
};
export type StudySession = {
  id: string;
  creditedSeconds: number;
  contentCreditedSeconds: number;
  todayCreditedSeconds: number;
  dailyCapSeconds: number;
  heartbeatSeconds: number;
};

export const myLearningApi = {
  contents: (q: { q?: string; current?: number }) =>
    api.get<Page<LearningContentSummary>>('/me/learning/contents', { pageSize: 50, ...q }),
  content: (id: string) => api.get<LearningContentDetail>(`/me/learning/contents/${id}`),
  courses: () => api.get<MyCourse[]>('/me/learning/courses'),
  record: (year?: number) => api.get<StudyRecord>('/me/learning/record', year ? { year } : {}),
  start: (contentId: string, lessonId?: string) =>
    api.post<StudySession>('/me/learning/sessions', lessonId ? { contentId, lessonId } : { contentId }),
  beat: (id: string, body: { visible: boolean; active: boolean; position: number }) =>
    api.post<HeartbeatResult>(`/me/learning/sessions/${id}/heartbeat`, body),
};

export const useMyContents = (q: string) =>
  useQuery({ queryKey: ['my-learning', 'contents', q], queryFn: () => myLearningApi.contents(q ? { q } : {}) });
export const useMyContent = (id: string) =>
  useQuery({ queryKey: ['my-learning', 'content', id], queryFn: () => myLearningApi.content(id) });
export const useMyCourses = () => useQuery({ queryKey: ['my-learning', 'courses'], queryFn: myLearningApi.courses });
export const useMyStudyRecord = (year?: number) =>
  useQuery({ queryKey: ['my-learning', 'record', year ?? 0], queryFn: () => myLearningApi.record(year) });

/** Seconds as "3分20秒" / "3 min 20 s". */
export const formatDuration = (s: number, zh: boolean) => {
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (zh) return m > 0 ? `${m}分${r ? `${r}秒` : ''}` : `${r}秒`;
  return m > 0 ? `${m} min${r ? ` ${r} s` : ''}` : `${r} s`;
};
