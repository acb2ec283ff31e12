import type { CreateOrgBody, Org, OrgTreeNode, Page, UpdateOrgBody } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const orgKeys = {
  all: ['orgs'] as const,
  lists: () => [...orgKeys.all, 'list'] as const,
  tree: (parentId?: string) => [...orgKeys.all, 'tree', parentId ?? '<roots>'] as const,
  detail: (id: string) => [...orgKeys.all, 'detail', id] as const,
};

export const orgApi = {
  list: (params: QueryParams) => api.get<Page<Org>>('/orgs', params),
  tree: (parentId?: string) => api.get<OrgTreeNode[]>('/orgs/tree', { parentId }),
  get: (id: string) => api.get<Org>(`/orgs/${id}`),
  create: (body: CreateOrgBody) => api.post<Org>('/orgs', body),
  update: (id: string, body: UpdateOrgBody) => api.patch<Org>(`/orgs/${id}`, body),
};

export function useOrg(id: string | undefined) {
  return useQuery({ queryKey: orgKeys.detail(id ?? ''), queryFn: () => orgApi.get(id ?? ''), enabled: Boolean(id) });
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: orgApi.create,
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
    meta: { silent: true },
  });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrgBody }) => orgApi.update(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
    meta: { silent: true },
  });
}
