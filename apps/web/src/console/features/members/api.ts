import type {
  CreateMemberBody,
  CreateMemberEventBody,
  Member,
  MemberEvent,
  MemberStats,
  Page,
  UpdateMemberBody,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export type SensitiveField = 'idNumber' | 'phone' | 'address';

export const memberKeys = {
  all: ['members'] as const,
  lists: () => [...memberKeys.all, 'list'] as const,
  stats: (orgId?: string, asOf?: string) => [...memberKeys.all, 'stats', orgId ?? '', asOf ?? ''] as const,
  detail: (id: string) => [...memberKeys.all, 'detail', id] as const,
  events: (id: string) => [...memberKeys.all, 'events', id] as const,
};

export const memberApi = {
  list: (params: QueryParams) => api.get<Page<Member>>('/members', params),
  stats: (orgId?: string, asOf?: string) => api.get<MemberStats>('/members/stats', { orgId, asOf }),
  get: (id: string) => api.get<Member>(`/members/${id}`),
  events: (id: string) => api.get<MemberEvent[]>(`/members/${id}/events`),
  reveal: (id: string, field: SensitiveField) =>
    api.get<{ field: string; value: string | null }>(`/members/${id}/sensitive`, { field }),
  create: (body: CreateMemberBody) => api.post<Member>('/members', body),
  update: (id: string, body: UpdateMemberBody) => api.patch<Member>(`/members/${id}`, body),
  recordEvent: (id: string, body: CreateMemberEventBody) => api.post<MemberEvent>(`/members/${id}/events`, body),
};

export function useMemberStats(orgId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: memberKeys.stats(orgId, asOf),
    queryFn: () => memberApi.stats(orgId, asOf),
    placeholderData: keepPreviousData,
    enabled: Boolean(orgId),
  });
}

export function useMember(id: string | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? ''),
    queryFn: () => memberApi.get(id ?? ''),
    enabled: Boolean(id),
    meta: { silent: true },
  });
}

export function useMemberEvents(id: string | undefined) {
  return useQuery({
    queryKey: memberKeys.events(id ?? ''),
    queryFn: () => memberApi.events(id ?? ''),
    enabled: Boolean(id),
  });
}

function useInvalidateMembers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: memberKeys.all });
}

export function useCreateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({ mutationFn: memberApi.create, onSuccess: invalidate, meta: { silent: true } });
}

export function useUpdateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMemberBody }) => memberApi.update(id, body),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useRecordMemberEvent() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateMemberEventBody }) => memberApi.recordEvent(id, body),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}
