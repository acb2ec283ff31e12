import type {
  CreatePointRuleVersionBody,
  MemberPoints,
  Page,
  PointEntry,
  PointExemption,
  PointGrant,
  PointMemberRow,
  PointObjection,
  PointPublication,
  PointRules,
  PointRuleVersion,
  PointStats,
  RunPointGrantsResult,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const pointKeys = {
  all: ['points'] as const,
  rules: () => [...pointKeys.all, 'rules'] as const,
  stats: (q: QueryParams) => [...pointKeys.all, 'stats', q] as const,
  members: () => [...pointKeys.all, 'members'] as const,
  member: (id: string, year: number) => [...pointKeys.all, 'member', id, year] as const,
  grants: () => [...pointKeys.all, 'grants'] as const,
  publications: () => [...pointKeys.all, 'publications'] as const,
  objections: () => [...pointKeys.all, 'objections'] as const,
  exemptions: () => [...pointKeys.all, 'exemptions'] as const,
};

export const pointsApi = {
  rules: () => api.get<PointRules>('/points/rules'),
  stats: (q: QueryParams) => api.get<PointStats>('/points/stats', q),
  members: (q: QueryParams) => api.get<Page<PointMemberRow>>('/points/members', q),
  member: (id: string, year: number) => api.get<MemberPoints>(`/members/${id}/points`, { year }),
  grants: (q: QueryParams) => api.get<Page<PointGrant>>('/points/grants', q),
  publications: (q: QueryParams) => api.get<Page<PointPublication>>('/points/publications', q),
  objections: (q: QueryParams) => api.get<Page<PointObjection>>('/points/objections', q),
  exemptions: (q: QueryParams) => api.get<Page<PointExemption>>('/points/exemptions', q),
};

export const usePointRules = () =>
  useQuery({ queryKey: pointKeys.rules(), queryFn: pointsApi.rules, staleTime: 60_000 });

export const usePointStats = (q: QueryParams) =>
  useQuery({ queryKey: pointKeys.stats(q), queryFn: () => pointsApi.stats(q), placeholderData: keepPreviousData });

export const useMemberPoints = (id: string | null, year: number) =>
  useQuery({
    queryKey: pointKeys.member(id ?? '', year),
    queryFn: () => pointsApi.member(id!, year),
    enabled: Boolean(id),
  });

/** Every points write changes totals somewhere: refresh the whole module. */
function usePointsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pointKeys.all });
    },
  });
}

export const useRunGrants = () =>
  usePointsMutation((body: { period: string; orgId?: string }) =>
    api.post<RunPointGrantsResult>('/points/run-grants', body),
  );
export const useCreateGrant = () =>
  usePointsMutation((body: { memberId: string; ruleCode: string; occurredOn: string; reason: string }) =>
    api.post<PointGrant>('/points/grants', body),
  );
export const useApproveGrant = () =>
  usePointsMutation(({ id, note }: { id: string; note?: string }) =>
    api.post<PointGrant>(`/points/grants/${id}/approve`, { note: note || null }),
  );
export const useRejectGrant = () =>
  usePointsMutation(({ id, note }: { id: string; note: string }) =>
    api.post<PointGrant>(`/points/grants/${id}/reject`, { note }),
  );
export const useUploadEvidence = () =>
  usePointsMutation(({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<PointGrant>(`/points/grants/${id}/evidence`, form);
  });
export const useReverseEntry = () =>
  usePointsMutation(({ id, reason, objectionId }: { id: string; reason: string; objectionId?: string }) =>
    api.post<PointEntry>(`/point-entries/${id}/reverse`, { reason, objectionId: objectionId ?? null }),
  );
export const usePublish = () =>
  usePointsMutation((body: { orgId: string; period: string; note?: string }) =>
    api.post<PointPublication>('/points/publications', body),
  );
export const useAnswerObjection = () =>
  usePointsMutation(({ id, answer, upheld }: { id: string; answer: string; upheld: boolean }) =>
    api.post<PointObjection>(`/point-objections/${id}/answer`, { answer, upheld }),
  );
export const useCreateExemption = () =>
  usePointsMutation(
    (body: { memberId: string; category: string; startsOn: string; endsOn?: string | null; reason: string }) =>
      api.post<PointExemption>('/points/exemptions', body),
  );
export const useEndExemption = () =>
  usePointsMutation(({ id, endsOn }: { id: string; endsOn: string }) =>
    api.post<PointExemption>(`/point-exemptions/${id}/end`, { endsOn }),
  );
export const useCreateRuleVersion = () =>
  usePointsMutation((body: CreatePointRuleVersionBody) => api.post<PointRuleVersion>('/points/rule-versions', body));
