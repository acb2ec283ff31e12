import {
  AuditOutlined,
  BellOutlined,
  CrownOutlined,
  DesktopOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  LockOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  StarOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { LOCALES } from '@red-engine/shared';
import { ActionSheet, Badge, Button, Dialog, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { reportError } from '../../lib/errors';
import { LOCALE_LABELS, useI18n } from '../../lib/i18n';
import { useUnreadCount } from '../../lib/notifications';
import { logout, useMe } from '../../lib/session';
import { useToggleLocale } from '../components/LocaleToggle';

/** 我的: who I am, my roles in which organizations, language, password, logout. */
export function MinePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const switchLocale = useToggleLocale();
  const [langOpen, setLangOpen] = useState(false);
  const unread = useUnreadCount().data?.unread ?? 0;
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
        <List.Item
          prefix={<BellOutlined />}
          extra={unread > 0 ? <Badge content={unread > 99 ? '99+' : unread} /> : null}
          onClick={() => navigate('/messages')}
        >
          {t('notif.title')}
        </List.Item>
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
        <List.Item prefix={<CrownOutlined />} onClick={() => navigate('/points')}>
          {t('mp.title')}
        </List.Item>
        <List.Item prefix={<TrophyOutlined />} onClick={() => navigate('/points/stars')}>
          {t('mp.stars')}
        </List.Item>
        <List.Item prefix={<ProfileOutlined />} onClick={() => navigate('/points/rules')}>
          {t('mp.rules')}
        </List.Item>
        <List.Item prefix={<FileSearchOutlined />} onClick={() => navigate('/points/objections')}>
          {t('mp.objections')}
        </List.Item>
        <List.Item prefix={<StarOutlined />} onClick={() => navigate('/org-rating')}>
          {t('m.or.title')}
        </List.Item>
        <List.Item prefix={<AuditOutlined />} onClick={() => navigate('/evaluations')}>
          {t('m.ev.entry')}
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
