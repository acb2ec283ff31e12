import { HomeOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { LogoMark } from '../components/Logo';
import { PageLoading } from '../components/PageLoading';
import { useAccess } from './access';
import { HeaderActions } from './header-actions';
import { appRoutes, findRoute } from './routes';

const SIDER_KEY = 're.siderCollapsed';

/** A small ProLayout: dark-red sider with the logo and menu, white header with breadcrumb and user actions. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_KEY) === '1');

  const toggle = () => {
    setCollapsed((c) => {
      localStorage.setItem(SIDER_KEY, c ? '0' : '1');
      return !c;
    });
  };

  const menuItems = appRoutes
    .filter((r) => !r.hideInMenu && can(r.access))
    .map((r) => ({ key: r.path, icon: r.icon, label: t(r.nameKey) }));
  const current = findRoute(pathname);

  return (
    <Layout className="re-layout">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        collapsedWidth={64}
        className="re-sider"
        breakpoint="lg"
        onBreakpoint={(broken) => broken && setCollapsed(true)}
      >
        <button type="button" className="re-logo" onClick={() => navigate('/')} aria-label={t('app.fullName')}>
          <LogoMark size={32} />
          {!collapsed && (
            <span className="re-logo-text">
              <span className="re-logo-title">{t('app.name')}</span>
              <span className="re-logo-sub" title={t('app.owner')}>
                {t('app.owner')}
              </span>
            </span>
          )}
        </button>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={menuItems}
          onClick={({ key }) => navigate(key)}
          aria-label={t('app.fullName')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="re-header">
          <div className="re-header-left">
            <Button
              type="text"
              onClick={toggle}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
            />
            <Breadcrumb
              items={[
                {
                  title: (
                    <Link to="/" aria-label={t('menu.home')}>
                      <HomeOutlined />
                    </Link>
                  ),
                },
                ...(current ? [{ title: t(current.nameKey) }] : []),
              ]}
            />
          </div>
          <HeaderActions />
        </Layout.Header>
        <Layout.Content className="re-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="re-footer">{t('app.footer', { year: new Date().getFullYear() })}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
