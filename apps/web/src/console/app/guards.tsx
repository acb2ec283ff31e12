import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { PageLoading } from '../components/PageLoading';

function SessionError({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('app.loadFailed')}
      subTitle={t('error.network')}
      extra={
        <Button type="primary" onClick={retry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}

function loginPath(pathname: string, search: string, mfaPending: boolean): string {
  const params = new URLSearchParams();
  const here = `${pathname}${search}`;
  if (here !== '/' && !pathname.startsWith('/setup')) params.set('redirect', here);
  if (mfaPending) params.set('step', 'mfa');
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/**
 * Lets the children render only for a logged-in user who has nothing left to set up:
 * no session → login (remembering where to come back); must change password → that page first;
 * admin without the required second factor → enrolment.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, isError, refetch } = useSession();
  const { pathname, search } = useLocation();
  if (isPending) return <PageLoading fullscreen />;
  if (isError || !data) return <SessionError retry={() => void refetch()} />;
  if (!data.me) return <Navigate to={loginPath(pathname, search, data.mfaPending)} replace />;
  if (data.me.mustChangePassword) return <Navigate to="/setup/password" replace />;
  if (data.me.mfaRequired) return <Navigate to="/setup/mfa" replace />;
  return <>{children}</>;
}

/** The forced first-login steps: only reachable while that step is actually due. */
export function SetupGate({ step, children }: { step: 'password' | 'mfa'; children: ReactNode }) {
  const { data, isPending, isError, refetch } = useSession();
  if (isPending) return <PageLoading fullscreen />;
  if (isError || !data) return <SessionError retry={() => void refetch()} />;
  const me = data.me;
  if (!me) return <Navigate to={loginPath('/', '', data.mfaPending)} replace />;
  if (step === 'mfa' && me.mustChangePassword) return <Navigate to="/setup/password" replace />;
  const due = step === 'password' ? me.mustChangePassword : me.mfaRequired;
  if (!due) return <Navigate to="/" replace />;
  return <Suspense fallback={<PageLoading fullscreen />}>{children}</Suspense>;
}
