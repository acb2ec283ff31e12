import { DownOutlined, LockOutlined } from '@ant-design/icons';
import type { User } from '@red-engine/shared';
import { Badge, Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { RoleTag } from '../../components/RoleTag';
import { PhoneCell } from './PhoneCell';

export interface UserColumnActions {
  canUpdate: boolean;
  canReset: boolean;
  canReveal: boolean;
  edit: (u: User) => void;
  resetPassword: (u: User) => void;
  unlock: (u: User) => void;
  toggleStatus: (u: User) => void;
}

export const isLocked = (u: User) => Boolean(u.lockedUntil && Date.parse(u.lockedUntil) > Date.now());
const fmt = (v: string | null) => formatDateTime(v);

export function userColumns(t: Translate, a: UserColumnActions): ColumnsType<User> {
  return [
    {
      title: t('user.displayName'),
      dataIndex: 'displayName',
      width: 160,
      render: (_, u) => (
        <div>
          <strong>{u.displayName}</strong>
          <div className="re-cell-sub re-mono">{u.username}</div>
        </div>
      ),
    },
    {
      title: t('user.phone'),
      dataIndex: 'phoneMasked',
      width: 160,
      render: (_, u) => <PhoneCell userId={u.id} masked={u.phoneMasked} canReveal={a.canReveal} />,
    },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      width: 340,
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <RoleTag key={`${r.role}-${r.orgId}`} grant={r} />
          ))}
        </Space>
      ),
    },
    {
      title: t('user.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, u) => (
        <Space size={4} wrap>
          <Badge status={u.status === 'active' ? 'success' : 'default'} text={t(`user.status.${u.status}`)} />
          {isLocked(u) && (
            <Tooltip title={t('user.lockedUntil', { time: fmt(u.lockedUntil) })}>
              <Tag color="error" icon={<LockOutlined />}>
                {t('user.locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('user.mfa'),
      dataIndex: 'mfaEnabled',
      width: 100,
      render: (v: boolean) =>
        v ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>,
    },
    { title: t('user.lastLoginAt'), dataIndex: 'lastLoginAt', width: 150, render: fmt },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 220,
      render: (_, u) => (
        <Space size={0}>
          {a.canUpdate && (
            <Button type="link" size="small" onClick={() => a.edit(u)}>
              {t('common.edit')}
            </Button>
          )}
          {a.canReset && (
            <Button type="link" size="small" onClick={() => a.resetPassword(u)}>
              {t('user.resetPassword')}
            </Button>
          )}
          {a.canUpdate && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  ...(isLocked(u) ? [{ key: 'unlock', label: t('user.unlock') }] : []),
                  u.status === 'active'
                    ? { key: 'status', label: t('user.disable'), danger: true }
                    : { key: 'status', label: t('user.enable') },
                ],
                onClick: ({ key }) => (key === 'unlock' ? a.unlock(u) : a.toggleStatus(u)),
              }}
            >
              <Button type="link" size="small" aria-label={`${t('common.more')} ${u.username}`}>
                {t('common.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      ),
    },
  ];
}
