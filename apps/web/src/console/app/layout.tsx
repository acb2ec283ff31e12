import { HomeOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Layout, Menu } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { nowInBeijing } from '../../lib/time';
import { LogoMark } from '../components/Logo';
import { PageLoading } from '../components/PageLoading';
import { useAccess } from './access';
import { HeaderActions } from './header-actions';
import { appRoutes, findRoute, type MenuGroupKey, menuGroups } from './routes';

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

  const visible = appRoutes.filter((r) => !r.hideInMenu && can(r.access));
  const item = (r: (typeof visible)[number]) => ({ key: r.path, icon: r.icon, label: t(r.nameKey) });
  const seenGroups = new Set<MenuGroupKey>();
  const menuItems = visible.flatMap((r) => {
    if (!r.group) return [item(r)];
    if (seenGroups.has(r.group)) return [];
    seenGroups.add(r.group);
    const g = menuGroups[r.group];
    const children = visible.filter((x) => x.group === r.group).map(item);
    return [{ key: `group:${r.group}`, icon: g.icon, label: t(g.nameKey), children }];
  });
  const current = findRoute(pathname);
  const currentGroup = current?.group;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [`group:${currentGroup}`] : []);
  useEffect(() => {
    if (currentGroup)
      setOpenKeys((keys) => (keys.includes(`group:${currentGroup}`) ? keys : [...keys, `group:${currentGroup}`]));
  }, [currentGroup]);

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
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
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
                ...(currentGroup ? [{ title: t(menuGroups[currentGroup].nameKey) }] : []),
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
        <Layout.Footer className="re-footer">{t('app.footer', { year: nowInBeijing().year() })}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
