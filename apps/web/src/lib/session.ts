import type { LoginResult, Me, Permission } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { onSessionLost } from './errors';
import { api, isApiError, setCsrfToken } from './http';
import { getLocale, setLocale } from './i18n';
import { queryClient } from './query-client';

export interface SessionState {
  me: Me | null;
  /** Password was accepted but the second factor is still due (MFA_REQUIRED). */
  mfaPending: boolean;
}

export const sessionKey = ['auth', 'session'] as const;

async function fetchSession(): Promise<SessionState> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    setLocale(me.locale);
    return { me, mfaPending: false };
  } catch (e) {
    if (isApiError(e) && e.code === 'UNAUTHENTICATED') return { me: null, mfaPending: false };
    if (isApiError(e) && e.code === 'MFA_REQUIRED') return { me: null, mfaPending: true };
    throw e;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    meta: { silent: true },
  });
}

/** The logged-in user; only call below a guard that has ensured there is one. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data?.me) throw new Error('useMe() outside an authenticated route');
  return data.me;
}

export function setSessionMe(me: Me | null, mfaPending = false): void {
  const prev = queryClient.getQueryData<SessionState>(sessionKey)?.me;
  // Some answers (e.g. PATCH /account/preferences) may omit the token: keep the one we have.
  const next = me && !me.csrfToken && prev ? { ...me, csrfToken: prev.csrfToken } : me;
  setCsrfToken(next?.csrfToken ?? null);
  queryClient.setQueryData<SessionState>(sessionKey, { me: next, mfaPending });
}

onSessionLost((mfaPending) => {
  const prev = queryClient.getQueryData<SessionState>(sessionKey);
  if (prev && !prev.me && prev.mfaPending === mfaPending) return;
  setSessionMe(null, mfaPending);
});

function acceptLogin(result: LoginResult): LoginResult {
  if (result.status === 'ok' && result.me) {
    // Drop anything cached for a previous user before the new one sees a page.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    setSessionMe(result.me);
    // The language the person is using on the login page wins, and becomes the account's preference.
    const chosen = getLocale();
    if (chosen !== result.me.locale) void saveLocalePreference(chosen).catch(() => undefined);
  } else if (result.status === 'mfa_required') {
    setSessionMe(null, true);
  }
  return result;
}

export async function login(username: string, password: string): Promise<LoginResult> {
  return acceptLogin(await api.post<LoginResult>('/auth/login', { username, password }));
}

export async function verifyMfa(code: string): Promise<LoginResult> {
  return acceptLogin(await api.post<LoginResult>('/auth/mfa/verify', { code: code.trim() }));
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } finally {
    queryClient.clear();
    setSessionMe(null);
  }
}

/** Saves the language on the server when logged in (the local switch has already happened). */
export async function saveLocalePreference(locale: Me['locale']): Promise<void> {
  const state = queryClient.getQueryData<SessionState>(sessionKey);
  if (!state?.me) return;
  const me = await api.patch<Me>('/account/preferences', { locale });
  setSessionMe(me);
}

export const hasPermission = (me: Me | null | undefined, p: Permission | null | undefined): boolean =>
  !p || Boolean(me?.permissions.includes(p));
