import type { MemberWarnings, MemberWarningsQuery } from '@red-engine/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http';

export const memberWarningKeys = {
  all: ['member-warnings'] as const,
  list: (q: MemberWarningsQuery) => [...memberWarningKeys.all, q] as const,
};

export const memberWarningApi = {
  list: (q: MemberWarningsQuery) => api.get<MemberWarnings>('/members/warnings', { ...q }),
};

export function useMemberWarnings(q: MemberWarningsQuery) {
  return useQuery({
    queryKey: memberWarningKeys.list(q),
    queryFn: () => memberWarningApi.list(q),
    placeholderData: keepPreviousData,
  });
}
