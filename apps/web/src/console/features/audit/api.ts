import type { AuditEvent, AuditVerifyResult, Page } from '@red-engine/shared';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
};

export const auditApi = {
  list: (params: QueryParams) => api.get<Page<AuditEvent>>('/audit-events', params),
  verify: () => api.get<AuditVerifyResult>('/audit-events/verify'),
  /** The .xlsx export is a plain download: the session cookie goes along with the navigation. */
  exportUrl: (filters: QueryParams) => apiUrl('/audit-events/export', filters),
};
