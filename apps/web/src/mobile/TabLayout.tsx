import { AppstoreOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n';

/** Bottom tab bar: 首页 / 我的. */
export function TabLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div className="m-app">
      <main className="m-body">
        <Outlet />
      </main>
      <nav className="m-tabbar" aria-label={t('app.name')}>
        <TabBar activeKey={pathname === '/me' ? '/me' : '/'} onChange={(key) => navigate(key)} safeArea>
          <TabBar.Item key="/" icon={<AppstoreOutlined />} title={t('m.home')} />
          <TabBar.Item key="/me" icon={<UserOutlined />} title={t('m.mine')} />
        </TabBar>
      </nav>
    </div>
  );
}
