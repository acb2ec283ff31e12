import {
  DesktopOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  QrcodeOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { LOCALES } from '@red-engine/shared';
import { ActionSheet, Button, Dialog, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { reportError } from '../../lib/errors';
import { LOCALE_LABELS, useI18n } from '../../lib/i18n';
import { logout, useMe } from '../../lib/session';
import { useToggleLocale } from '../components/LocaleToggle';

/** 我的: who I am, my roles in which organizations, language, password, logout. */
export function MinePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const switchLocale = useToggleLocale();
  const [langOpen, setLangOpen] = useState(false);
  const hasConsole = me.permissions.some((p) => p !== 'profile:read' && p !== 'checkin:scan');

  const onLogout = async () => {
    const ok = await Dialog.confirm({
      content: t('m.logoutConfirm'),
      confirmText: t('layout.logout'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <div className="m-mine">
      <header className="m-profile">
        <div className="m-avatar" aria-hidden="true">
          {me.displayName.slice(0, 1)}
        </div>
        <div>
          <div className="m-profile-name">{me.displayName}</div>
          <div className="m-profile-username">{me.username}</div>
        </div>
      </header>

      <List header={t('m.rolesTitle')} className="m-list">
        {me.roles.map((r) => (
          <List.Item
            key={`${r.role}-${r.orgId}`}
            extra={
              <Tag color="danger" fill="outline">
                {t(`role.${r.role}`)}
              </Tag>
            }
          >
            {r.orgName ?? '—'}
          </List.Item>
        ))}
      </List>

      <List className="m-list">
        <List.Item prefix={<IdcardOutlined />} onClick={() => navigate('/record')}>
          {t('m.record')}
        </List.Item>
        <List.Item prefix={<QrcodeOutlined />} onClick={() => navigate('/my-code')}>
          {t('mm.mine.code')}
        </List.Item>
        <List.Item prefix={<HomeOutlined />} onClick={() => navigate('/community')}>
          {t('m.cs.title')}
        </List.Item>
        <List.Item prefix={<SwapOutlined />} onClick={() => navigate('/transfers')}>
          {t('m.tr.title')}
        </List.Item>
        <List.Item prefix={<GlobalOutlined />} extra={LOCALE_LABELS[locale]} onClick={() => setLangOpen(true)}>
          {t('common.language')}
        </List.Item>
        <List.Item prefix={<LockOutlined />} onClick={() => navigate('/password')}>
          {t('account.changePassword')}
        </List.Item>
        {hasConsole && (
          <List.Item prefix={<DesktopOutlined />} onClick={() => window.location.assign('/')}>
            {t('m.console')}
          </List.Item>
        )}
      </List>

      <div className="m-logout">
        <Button block color="danger" fill="outline" size="large" onClick={onLogout}>
          {t('layout.logout')}
        </Button>
      </div>

      <ActionSheet
        visible={langOpen}
        onClose={() => setLangOpen(false)}
        cancelText={t('common.cancel')}
        actions={LOCALES.map((l) => ({ key: l, text: LOCALE_LABELS[l], bold: l === locale }))}
        onAction={(action) => {
          switchLocale(action.key as (typeof LOCALES)[number]);
          setLangOpen(false);
        }}
      />
    </div>
  );
}
