import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken } from '@red-engine/shared';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { type Translate, useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useRevokeToken, useTokens } from './api';
import { TokenCreateModal } from './TokenCreateModal';

const fmt = (v: string | null, fallback: string) => formatDateTime(v, fallback);

function statusOf(tk: ApiToken): 'revoked' | 'expired' | 'active' {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && Date.parse(tk.expiresAt) < Date.now()) return 'expired';
  return 'active';
}

function columns(t: Translate, revoke: (tk: ApiToken) => void): ColumnsType<ApiToken> {
  return [
    { title: t('account.tokenName'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('account.tokenPrefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
    {
      title: t('account.tokenPermissions'),
      dataIndex: 'permissions',
      render: (ps: ApiToken['permissions']) => (
        <Space size={[4, 4]} wrap>
          {ps.map((p) => (
            <Tag key={p}>{t(`perm.${p}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('account.tokenOrg'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
    { title: t('account.tokenCreatedAt'), dataIndex: 'createdAt', render: (v: string) => fmt(v, '—') },
    {
      title: t('account.tokenExpiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => fmt(v, t('account.tokenNoExpiry')),
    },
    {
      title: t('account.tokenLastUsed'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => fmt(v, t('common.never')),
    },
    {
      title: t('account.tokenStatus'),
      key: 'status',
      render: (_, tk) => {
        const s = statusOf(tk);
        const color = s === 'active' ? 'success' : s === 'revoked' ? 'default' : 'warning';
        const label =
          s === 'active'
            ? t('account.tokenActive')
            : s === 'revoked'
              ? t('account.tokenRevoked')
              : t('account.tokenExpired');
        return <Tag color={color}>{label}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, tk) =>
        tk.revokedAt ? null : (
          <Popconfirm
            title={t('account.tokenRevokeConfirm', { name: tk.name })}
            onConfirm={() => revoke(tk)}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" danger size="small">
              {t('account.tokenRevoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}

export function TokensTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [open, setOpen] = useState(false);

  const onRevoke = (tk: ApiToken) =>
    revoke.mutate(tk.id, { onSuccess: () => message.success(t('account.tokenRevoked.ok')) });

  return (
    <div>
      <div className="re-toolbar">
        <Typography.Text type="secondary">{t('account.tokenIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('account.tokenCreate')}
        </Button>
      </div>
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        loading={tokens.isFetching}
        dataSource={tokens.data ?? []}
        columns={columns(t, onRevoke)}
        pagination={false}
        locale={{ emptyText: t('account.tokenEmpty') }}
        scroll={{ x: 960 }}
      />
      <TokenCreateModal open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
