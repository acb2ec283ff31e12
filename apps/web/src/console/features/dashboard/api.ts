import type { DashboardSummary } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http';

export const dashboardKeys = { summary: () => ['dashboard', 'summary'] as const };

export function useDashboardSummary() {
  return useQuery({
    queryKey: dashboardKeys.summary(),
    queryFn: () => api.get<DashboardSummary>('/dashboard/summary'),
  });
}
