import type { CreateUnitBody, Page, Unit, UnitCoverage, UpdateUnitBody } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const unitKeys = {
  all: ['units'] as const,
  lists: () => [...unitKeys.all, 'list'] as const,
  coverage: () => [...unitKeys.all, 'coverage'] as const,
};

export const unitApi = {
  list: (params: QueryParams) => api.get<Page<Unit>>('/units', params),
  coverage: () => api.get<UnitCoverage>('/units/coverage'),
  get: (id: string) => api.get<Unit>(`/units/${id}`),
  create: (body: CreateUnitBody) => api.post<Unit>('/units', body),
  update: (id: string, body: UpdateUnitBody) => api.patch<Unit>(`/units/${id}`, body),
  remove: (id: string) => api.del(`/units/${id}`),
};

export function useUnitCoverage() {
  return useQuery({ queryKey: unitKeys.coverage(), queryFn: unitApi.coverage });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: unitKeys.all }), qc.invalidateQueries({ queryKey: ['orgs'] })]);
}

export function useSaveUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateUnitBody | UpdateUnitBody }) =>
      id ? unitApi.update(id, body as UpdateUnitBody) : unitApi.create(body as CreateUnitBody),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useDeleteUnit() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => unitApi.remove(id), onSuccess: invalidate });
}
