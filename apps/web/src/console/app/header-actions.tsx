import { LogoutOutlined, MobileOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Space } from 'antd';
import { useNavigate } from 'react-router';
import { reportError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { logout, useMe } from '../../lib/session';
import { LocaleSwitch } from '../components/LocaleSwitch';
import { NotificationBell } from '../features/notifications/NotificationBell';

export function HeaderActions() {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onMenu = ({ key }: { key: string }) => {
    if (key === 'account') navigate('/account');
    if (key === 'mobile') window.open('/m/', '_blank', 'noopener');
    if (key === 'logout') {
      logout()
        .then(() => {
          message.success(t('layout.loggedOut'));
          navigate('/login', { replace: true });
        })
        .catch(reportError);
    }
  };

  return (
    <Space size={4}>
      <NotificationBell />
      <LocaleSwitch />
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          onClick: onMenu,
          items: [
            { key: 'account', icon: <SettingOutlined />, label: t('menu.account') },
            { key: 'mobile', icon: <MobileOutlined />, label: t('layout.mobileEntry') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), danger: true },
          ],
        }}
      >
        <button type="button" className="re-user-trigger" aria-label={t('layout.userMenu')}>
          <Avatar size={28} className="re-avatar">
            {me.displayName.slice(0, 1)}
          </Avatar>
          <span className="re-user-name">{me.displayName}</span>
        </button>
      </Dropdown>
    </Space>
  );
}
