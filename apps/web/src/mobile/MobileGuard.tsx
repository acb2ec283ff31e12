import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

/** Logged in, password changed, second factor set up — or off to the step that is due. */
export function MobileGuard({ children, allowSetup = false }: { children: ReactNode; allowSetup?: boolean }) {
  const { t } = useI18n();
  const { data, isPending, isError, refetch } = useSession();
  const { pathname, search } = useLocation();

  if (isPending) {
    return (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (isError || !data) {
    return (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={t('error.network')} fullPage>
        <Button color="primary" onClick={() => void refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  if (!data.me) {
    const params = new URLSearchParams();
    if (pathname !== '/') params.set('redirect', `${pathname}${search}`);
    if (data.mfaPending) params.set('step', 'mfa');
    const qs = params.toString();
    return <Navigate to={qs ? `/login?${qs}` : '/login'} replace />;
  }
  if (!allowSetup) {
    if (data.me.mustChangePassword) return <Navigate to="/password?force=1" replace />;
    if (data.me.mfaRequired) return <Navigate to="/mfa-required" replace />;
  }
  return <>{children}</>;
}
