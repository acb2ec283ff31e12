import type {
  AuditEvent,
  Committee,
  CreateCommitteeBody,
  CreateOrgBody,
  DissolveOrgBody,
  EndProjectBody,
  MergeOrgBody,
  MoveOrgBody,
  Org,
  OrgTreeNode,
  Page,
  RestructurePreview,
  SetOrgUnitsBody,
  SplitOrgBody,
  TermWarnings,
  Unit,
  UpdateOrgBody,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const orgKeys = {
  all: ['orgs'] as const,
  lists: () => [...orgKeys.all, 'list'] as const,
  tree: (parentId?: string) => [...orgKeys.all, 'tree', parentId ?? '<roots>'] as const,
  detail: (id: string) => [...orgKeys.all, 'detail', id] as const,
  history: (id: string) => [...orgKeys.all, 'history', id] as const,
  units: (id: string) => [...orgKeys.all, 'units', id] as const,
  committees: (id: string) => [...orgKeys.all, 'committees', id] as const,
  termWarnings: (params: QueryParams) => [...orgKeys.all, 'term-warnings', params] as const,
};

export type RestructureAction = 'move' | 'merge' | 'split' | 'dissolve' | 'projectEnd';
export type RestructureBody = MoveOrgBody | MergeOrgBody | SplitOrgBody | DissolveOrgBody | EndProjectBody;
/** URL segment of each action: /orgs/:id/<segment> and /orgs/:id/<segment>/preview. */
const ACTION_PATH: Record<RestructureAction, string> = {
  move: 'move',
  merge: 'merge',
  split: 'split',
  dissolve: 'dissolve',
  projectEnd: 'project-end',
};

export const orgApi = {
  list: (params: QueryParams) => api.get<Page<Org>>('/orgs', params),
  tree: (parentId?: string) => api.get<OrgTreeNode[]>('/orgs/tree', { parentId }),
  get: (id: string) => api.get<Org>(`/orgs/${id}`),
  create: (body: CreateOrgBody) => api.post<Org>('/orgs', body),
  update: (id: string, body: UpdateOrgBody) => api.patch<Org>(`/orgs/${id}`, body),
  history: (id: string, params: QueryParams) => api.get<Page<AuditEvent>>(`/orgs/${id}/history`, params),
  units: (id: string) => api.get<Unit[]>(`/orgs/${id}/units`),
  setUnits: (id: string, body: SetOrgUnitsBody) => api.put<Unit[]>(`/orgs/${id}/units`, body),
  committees: (id: string) => api.get<Committee[]>(`/orgs/${id}/committees`),
  elect: (id: string, body: CreateCommitteeBody) => api.post<Committee>(`/orgs/${id}/committees`, body),
  termWarnings: (params: QueryParams) => api.get<TermWarnings>('/orgs/term-warnings', params),
  preview: (id: string, action: RestructureAction, body: RestructureBody) =>
    api.post<RestructurePreview>(`/orgs/${id}/${ACTION_PATH[action]}/preview`, body),
  restructure: (id: string, action: RestructureAction, body: RestructureBody) =>
    api.post<RestructurePreview>(`/orgs/${id}/${ACTION_PATH[action]}`, body),
};

export function useOrg(id: string | undefined) {
  return useQuery({ queryKey: orgKeys.detail(id ?? ''), queryFn: () => orgApi.get(id ?? ''), enabled: Boolean(id) });
}

export function useOrgUnits(id: string | undefined) {
  return useQuery({ queryKey: orgKeys.units(id ?? ''), queryFn: () => orgApi.units(id ?? ''), enabled: Boolean(id) });
}

export function useCommittees(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.committees(id ?? ''),
    queryFn: () => orgApi.committees(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useTermWarnings(params: QueryParams) {
  return useQuery({
    queryKey: orgKeys.termWarnings(params),
    queryFn: () => orgApi.termWarnings(params),
    placeholderData: keepPreviousData,
  });
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

export function useSetOrgUnits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, unitIds }: { id: string; unitIds: string[] }) => orgApi.setUnits(id, { unitIds }),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: orgKeys.all }), qc.invalidateQueries({ queryKey: ['units'] })]),
    meta: { silent: true },
  });
}

export function useElectCommittee() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateCommitteeBody }) => orgApi.elect(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
    meta: { silent: true },
  });
}

export function useRestructurePreview() {
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: RestructureAction; body: RestructureBody }) =>
      orgApi.preview(id, action, body),
    meta: { silent: true },
  });
}

export function useRestructure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: RestructureAction; body: RestructureBody }) =>
      orgApi.restructure(id, action, body),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: orgKeys.all }), qc.invalidateQueries({ queryKey: ['members'] })]),
    meta: { silent: true },
  });
}
