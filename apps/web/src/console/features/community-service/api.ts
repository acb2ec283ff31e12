import type {
  Claim,
  Community,
  CommunityRules,
  CreateMemberReportBody,
  CreateNeedBody,
  CreateOrgReportBody,
  MemberReport,
  MemberServiceStats,
  Need,
  NeedDetail,
  NotReported,
  OrgReport,
  OrgServiceStatsList,
  Page,
  WithdrawMemberReportBody,
  WithdrawOrgReportBody,
} from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

const P = '/community-service';

export const csKeys = {
  all: ['community-service'] as const,
  list: (kind: string) => [...csKeys.all, kind] as const,
  need: (id: string) => [...csKeys.all, 'need', id] as const,
};

export const csApi = {
  communities: () => api.get<Community[]>(`${P}/communities`),
  rules: () => api.get<CommunityRules>(`${P}/rules`),
  memberReports: (q: QueryParams) => api.get<Page<MemberReport>>(`${P}/member-reports`, q),
  orgReports: (q: QueryParams) => api.get<Page<OrgReport>>(`${P}/org-reports`, q),
  needs: (q: QueryParams) => api.get<Page<Need>>(`${P}/needs`, q),
  need: (id: string) => api.get<NeedDetail>(`${P}/needs/${id}`),
  claims: (q: QueryParams) => api.get<Page<Claim>>(`${P}/claims`, q),
  orgStats: (q: QueryParams) => api.get<OrgServiceStatsList>(`${P}/stats/orgs`, q),
  memberStats: (q: QueryParams) => api.get<Page<MemberServiceStats>>(`${P}/stats/members`, q),
  notReported: (q: QueryParams) => api.get<Page<NotReported>>(`${P}/not-reported`, q),
};

export function useCommunities() {
  return useQuery({ queryKey: [...csKeys.all, 'communities'], queryFn: csApi.communities, staleTime: 300_000 });
}

export function useCommunityRules() {
  return useQuery({ queryKey: [...csKeys.all, 'rules'], queryFn: csApi.rules, staleTime: 300_000 });
}

export function useNeed(id: string | undefined) {
  return useQuery({ queryKey: csKeys.need(id ?? ''), queryFn: () => csApi.need(id ?? ''), enabled: Boolean(id) });
}

/** Every change touches lists, statistics and the not-reported list alike: refresh the whole module. */
function useCsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: csKeys.all }) });
}

export const useCreateMemberReport = () =>
  useCsMutation((b: CreateMemberReportBody) => api.post<MemberReport>(`${P}/member-reports`, b));
export const useRenewMemberReport = () =>
  useCsMutation((id: string) => api.post<MemberReport>(`${P}/member-reports/${id}/renew`, {}));
export const useWithdrawMemberReport = () =>
  useCsMutation(({ id, body }: { id: string; body: WithdrawMemberReportBody }) =>
    api.post<MemberReport>(`${P}/member-reports/${id}/withdraw`, body),
  );
export const useCreateOrgReport = () =>
  useCsMutation((b: CreateOrgReportBody) => api.post<OrgReport>(`${P}/org-reports`, b));
export const useWithdrawOrgReport = () =>
  useCsMutation(({ id, body }: { id: string; body: WithdrawOrgReportBody }) =>
    api.post<OrgReport>(`${P}/org-reports/${id}/withdraw`, body),
  );
export const useCreateNeed = () => useCsMutation((b: CreateNeedBody) => api.post<Need>(`${P}/needs`, b));
export const useCloseNeed = () => useCsMutation((id: string) => api.post<Need>(`${P}/needs/${id}/close`, {}));
export const useConfirmClaim = () =>
  useCsMutation(({ id, hours }: { id: string; hours?: number }) =>
    api.post<Claim>(`${P}/claims/${id}/confirm`, hours === undefined ? {} : { hours }),
  );
export const useCancelClaim = () => useCsMutation((id: string) => api.post<Claim>(`${P}/claims/${id}/cancel`, {}));
