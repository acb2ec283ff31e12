import { KeyOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useRefreshSession } from '../account/api';
import { ChangePasswordForm } from '../account/ChangePasswordForm';
import { AuthShell } from './AuthShell';
import { SwitchAccountButton } from './SwitchAccountButton';

/** First login (or after a reset): a new password before anything else. */
export default function SetupPasswordPage() {
  const { t } = useI18n();
  const refresh = useRefreshSession();
  const _navigate = useNavigate();
  return (
    <AuthShell>
      <Typography.Title level={3} className="re-auth-title">
        <KeyOutlined /> {t('auth.setupPasswordTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.setupPasswordHint')}</Typography.Paragraph>
      <ChangePasswordForm onDone={() => void refresh()} />
      <SwitchAccountButton />
    </AuthShell>
  );
}
