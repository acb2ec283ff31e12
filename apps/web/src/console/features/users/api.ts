import type { CreateUserBody, Page, UpdateUserBody, User } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};

export const userApi = {
  list: (params: QueryParams) => api.get<Page<User>>('/users', params),
  get: (id: string) => api.get<User>(`/users/${id}`),
  create: (body: CreateUserBody) => api.post<User>('/users', body),
  update: (id: string, body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: string, newPassword: string) => api.post<void>(`/users/${id}/reset-password`, { newPassword }),
  unlock: (id: string) => api.post<void>(`/users/${id}/unlock`),
  revealPhone: (id: string) => api.get<{ phone: string | null }>(`/users/${id}/phone`),
};

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: userApi.create, onSuccess: invalidate, meta: { silent: true } });
}

export function useUpdateUser(opts: { silent?: boolean } = {}) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => userApi.update(id, body),
    onSuccess: invalidate,
    meta: { silent: opts.silent ?? false },
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => userApi.resetPassword(id, newPassword),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: userApi.unlock, onSuccess: invalidate });
}
