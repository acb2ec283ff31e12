import type { MyPointPublication, MyPointRules, MyPoints, PointObjection } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/http';

export const MY_POINTS_KEY = ['me', 'points'] as const;

export const useMyPoints = (year: number) =>
  useQuery({
    queryKey: [...MY_POINTS_KEY, 'year', year],
    queryFn: () => api.get<MyPoints>('/me/points', { year }),
    meta: { silent: true },
  });

export const useMyPointRules = () =>
  useQuery({
    queryKey: [...MY_POINTS_KEY, 'rules'],
    queryFn: () => api.get<MyPointRules>('/me/points/rules'),
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });

export const useMyPublications = () =>
  useQuery({
    queryKey: [...MY_POINTS_KEY, 'publications'],
    queryFn: () => api.get<MyPointPublication[]>('/me/point-publications'),
    meta: { silent: true },
  });

export const useMyObjections = () =>
  useQuery({
    queryKey: [...MY_POINTS_KEY, 'objections'],
    queryFn: () => api.get<PointObjection[]>('/me/point-objections'),
    meta: { silent: true },
  });

export function useObject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { publicationId: string; entryId?: string | null; text: string }) =>
      api.post<PointObjection>('/me/point-objections', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: MY_POINTS_KEY });
    },
  });
}
