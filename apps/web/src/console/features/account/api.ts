import type { ApiToken, Me, Permission } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/http';
import { sessionKey, setSessionMe } from '../../../lib/session';

export const accountKeys = {
  all: ['account'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
};

export interface MfaEnrollment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

export interface CreateTokenInput {
  name: string;
  permissions: Permission[];
  orgId: string;
  expiresInDays?: number;
}

export const accountApi = {
  updatePreferences: (body: { locale?: Me['locale']; displayName?: string }) =>
    api.patch<Me>('/account/preferences', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/account/password', body),
  enrollMfa: () => api.post<MfaEnrollment>('/account/mfa/enroll'),
  activateMfa: (code: string) => api.post<{ recoveryCodes: string[] }>('/account/mfa/activate', { code }),
  disableMfa: (password: string) => api.post<void>('/account/mfa/disable', { password }),
  listTokens: () => api.get<ApiToken[]>('/account/tokens'),
  createToken: (body: CreateTokenInput) => api.post<{ token: ApiToken; secret: string }>('/account/tokens', body),
  revokeToken: (id: string) => api.del(`/account/tokens/${id}`),
};

/** Re-reads /auth/me (flags such as mustChangePassword, mfaEnabled change server-side). */
export function useRefreshSession() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sessionKey });
}

export function useUpdatePreferences() {
  return useMutation({
    mutationFn: accountApi.updatePreferences,
    onSuccess: (me) => setSessionMe(me),
    meta: { silent: true },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: accountApi.changePassword, meta: { silent: true } });
}

export function useTokens() {
  return useQuery({ queryKey: accountKeys.tokens(), queryFn: accountApi.listTokens });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: accountApi.createToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens() }),
    meta: { silent: true },
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: accountApi.revokeToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
