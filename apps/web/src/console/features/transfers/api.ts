import type {
  ApproveTransferBody,
  CreateTransferBody,
  Page,
  RejectTransferBody,
  RevokeTransferBody,
  Transfer,
  TransferReceiptBody,
} from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, type QueryParams } from '../../../lib/http';
import { memberWarningKeys } from '../member-warnings/api';

export const transferKeys = {
  all: ['transfers'] as const,
  lists: () => [...transferKeys.all, 'list'] as const,
  detail: (id: string) => [...transferKeys.all, 'detail', id] as const,
};

export const transferApi = {
  list: (params: QueryParams) => api.get<Page<Transfer>>('/transfers', params),
  get: (id: string) => api.get<Transfer>(`/transfers/${id}`),
  create: (body: CreateTransferBody) => api.post<Transfer>('/transfers', body),
  approve: (id: string, body: ApproveTransferBody) => api.post<Transfer>(`/transfers/${id}/approve`, body),
  reject: (id: string, body: RejectTransferBody) => api.post<Transfer>(`/transfers/${id}/reject`, body),
  revoke: (id: string, body: RevokeTransferBody) => api.post<Transfer>(`/transfers/${id}/revoke`, body),
  receipt: (id: string, body: TransferReceiptBody) => api.post<Transfer>(`/transfers/${id}/receipt`, body),
  letterUrl: (id: string) => `${API_BASE}/transfers/${id}/letter.html`,
};

export function useTransfer(id: string | undefined) {
  return useQuery({
    queryKey: transferKeys.detail(id ?? ''),
    queryFn: () => transferApi.get(id ?? ''),
    enabled: Boolean(id),
  });
}

function useInvalidateTransfers() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: transferKeys.all });
    // A finished transfer changes the member's record and the warnings.
    void qc.invalidateQueries({ queryKey: ['members'] });
    void qc.invalidateQueries({ queryKey: memberWarningKeys.all });
  };
}

export function useCreateTransfer() {
  const invalidate = useInvalidateTransfers();
  return useMutation({ mutationFn: transferApi.create, onSuccess: invalidate, meta: { silent: true } });
}

type Action = 'approve' | 'reject' | 'revoke' | 'receipt';
export type TransferActionVars =
  | { action: 'approve'; id: string; body: ApproveTransferBody }
  | { action: 'reject'; id: string; body: RejectTransferBody }
  | { action: 'revoke'; id: string; body: RevokeTransferBody }
  | { action: 'receipt'; id: string; body: TransferReceiptBody };

/** approve / reject / revoke / receipt: one mutation, the detail and lists refresh afterwards. */
export function useTransferAction() {
  const invalidate = useInvalidateTransfers();
  return useMutation({
    mutationFn: (v: TransferActionVars): Promise<Transfer> => {
      const run: Record<Action, () => Promise<Transfer>> = {
        approve: () => transferApi.approve(v.id, v.body as ApproveTransferBody),
        reject: () => transferApi.reject(v.id, v.body as RejectTransferBody),
        revoke: () => transferApi.revoke(v.id, v.body as RevokeTransferBody),
        receipt: () => transferApi.receipt(v.id, v.body as TransferReceiptBody),
      };
      return run[v.action]();
    },
    onSuccess: invalidate,
    meta: { silent: true },
  });
}
