import { Button, Result } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { reportError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { logout } from '../../lib/session';

/** Admins whose policy requires two-factor login set it up in the desktop console. */
export function MfaNoticePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="m-page m-pad">
      <Result status="warning" title={t('auth.setupMfaTitle')} description={t('m.mfaOnConsole')} />
      <Button block color="primary" size="large" onClick={() => window.location.assign('/setup/mfa')}>
        {t('m.openConsole')}
      </Button>
      <Button
        block
        fill="none"
        className="m-link"
        onClick={() =>
          logout()
            .then(() => navigate('/login', { replace: true }))
            .catch(reportError)
        }
      >
        {t('auth.switchAccount')}
      </Button>
    </div>
  );
}
