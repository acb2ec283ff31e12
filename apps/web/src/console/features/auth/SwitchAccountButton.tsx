import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { logout } from '../../../lib/session';

/** Leaves a forced first-login step by logging out and going back to the login page. */
export function SwitchAccountButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      className="re-auth-back"
      onClick={() =>
        logout()
          .then(() => navigate('/login'))
          .catch(reportError)
      }
    >
      {t('auth.switchAccount')}
    </Button>
  );
}
