import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PageContainer } from '../../components/PageContainer';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaTab } from './MfaTab';
import { ProfileTab } from './ProfileTab';
import { TokensTab } from './TokensTab';

const TABS = ['profile', 'password', 'mfa', 'tokens'] as const;
type TabKey = (typeof TABS)[number];

/** 个人设置: profile, password, two-factor login and API tokens, one tab each (?tab=…). */
export default function AccountPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'profile';

  return (
    <PageContainer title={t('menu.account')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'profile', label: t('account.profile'), children: <ProfileTab /> },
            { key: 'password', label: t('account.password'), children: <ChangePasswordForm /> },
            { key: 'mfa', label: t('account.mfa'), children: <MfaTab /> },
            { key: 'tokens', label: t('account.tokens'), children: <TokensTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
