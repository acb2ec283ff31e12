import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useRefreshSession } from '../account/api';
import { MfaEnrollFlow } from '../account/MfaEnrollFlow';
import { AuthShell } from './AuthShell';
import { SwitchAccountButton } from './SwitchAccountButton';

/** Admin accounts that must use two-factor login enrol here before reaching the console. */
export default function SetupMfaPage() {
  const { t } = useI18n();
  const refresh = useRefreshSession();
  const _navigate = useNavigate();
  return (
    <AuthShell>
      <Typography.Title level={3} className="re-auth-title">
        <SafetyCertificateOutlined /> {t('auth.setupMfaTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.setupMfaHint')}</Typography.Paragraph>
      <MfaEnrollFlow autoStart onFinished={() => void refresh()} />
      <SwitchAccountButton />
    </AuthShell>
  );
}
