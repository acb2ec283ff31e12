import type {
  ActivityType,
  ComplianceOverview,
  ComplianceRule,
  ComplianceRules,
  ComplianceWarning,
  CreateActivityTypeBody,
  CreateComplianceRuleBody,
  MeetingCalendar,
  Page,
  UpdateActivityTypeBody,
  UpdateComplianceRuleBody,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const complianceKeys = {
  all: ['compliance'] as const,
  overview: () => [...complianceKeys.all, 'overview'] as const,
  warnings: () => [...complianceKeys.all, 'warnings'] as const,
  rules: () => [...complianceKeys.all, 'rules'] as const,
  calendar: (q: QueryParams) => ['meetings', 'calendar', q] as const,
};

export const complianceApi = {
  overview: (q: QueryParams) => api.get<ComplianceOverview>('/compliance/orgs', q),
  warnings: (q: QueryParams) => api.get<Page<ComplianceWarning>>('/compliance/warnings', q),
  rules: () => api.get<ComplianceRules>('/compliance/rules'),
  calendar: (q: QueryParams) => api.get<MeetingCalendar>('/meetings/calendar', q),
};

export function useComplianceRules() {
  return useQuery({ queryKey: complianceKeys.rules(), queryFn: complianceApi.rules, staleTime: 60_000 });
}

export function useMeetingCalendar(q: QueryParams) {
  return useQuery({
    queryKey: complianceKeys.calendar(q),
    queryFn: () => complianceApi.calendar(q),
    placeholderData: keepPreviousData,
  });
}

/** Rules and types change what every figure says: refresh compliance and the meetings' type list alike. */
function useRulesMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: complianceKeys.all });
      void qc.invalidateQueries({ queryKey: ['activity-types'] });
    },
  });
}

export const useCreateRule = () =>
  useRulesMutation((body: CreateComplianceRuleBody) => api.post<ComplianceRule>('/compliance/rules', body));
export const useUpdateRule = () =>
  useRulesMutation(({ id, body }: { id: string; body: UpdateComplianceRuleBody }) =>
    api.patch<ComplianceRule>(`/compliance/rules/${id}`, body),
  );
export const useCreateActivityType = () =>
  useRulesMutation((body: CreateActivityTypeBody) => api.post<ActivityType>('/activity-types', body));
export const useUpdateActivityType = () =>
  useRulesMutation(({ code, body }: { code: string; body: UpdateActivityTypeBody }) =>
    api.patch<ActivityType>(`/activity-types/${code}`, body),
  );
