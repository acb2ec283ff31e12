import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role, type User } from '@red-engine/shared';
import { App, Button, Card, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { userApi, userKeys, useUnlockUser, useUpdateUser } from './api';
import { userColumns } from './columns';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal, type UserFormTarget } from './UserFormModal';

/** 用户管理: accounts with their roles, lock state and the admin actions on them. */
export default function UsersPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message, modal } = App.useApp();
  const [keyword, setKeyword] = useState('');
  const [role, setRole] = useState<Role>();
  const [status, setStatus] = useState<User['status']>();
  const [org, setOrg] = useState<OrgOption>();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const unlock = useUnlockUser();
  const update = useUpdateUser();

  const table = useProTable<User>({
    queryKey: userKeys.lists(),
    request: userApi.list,
    params: { keyword: keyword.trim() || undefined, role, status, orgId: org?.value },
  });

  const columns = userColumns(t, {
    canUpdate: can('user:update'),
    canReset: can('user:reset-password'),
    canReveal: can('user:read-sensitive'),
    edit: (u) => setFormTarget({ mode: 'edit', user: u }),
    resetPassword: setResetting,
    unlock: (u) => unlock.mutate(u.id, { onSuccess: () => message.success(t('user.unlocked')) }),
    toggleStatus: (u) => {
      const next = u.status === 'active' ? 'disabled' : 'active';
      modal.confirm({
        title: next === 'disabled' ? t('user.disable') : t('user.enable'),
        content: t(next === 'disabled' ? 'user.disableConfirm' : 'user.enableConfirm', { name: u.displayName }),
        okButtonProps: { danger: next === 'disabled' },
        onOk: () =>
          update.mutateAsync(
            { id: u.id, body: { status: next } },
            { onSuccess: () => message.success(t('user.statusChanged')) },
          ),
      });
    },
  });

  return (
    <PageContainer
      title={t('menu.users')}
      extra={
        can('user:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('user.create')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            aria-label={t('common.keyword')}
            placeholder={t('user.keywordPlaceholder')}
            style={{ width: 240 }}
            onSearch={setKeyword}
          />
          <Select
            allowClear
            aria-label={t('user.filterRole')}
            placeholder={t('user.filterRole')}
            style={{ width: 160 }}
            value={role}
            onChange={setRole}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Select
            allowClear
            aria-label={t('user.filterStatus')}
            placeholder={t('user.filterStatus')}
            style={{ width: 130 }}
            value={status}
            onChange={setStatus}
            options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`user.status.${s}`) }))}
          />
          <OrgTreeSelect
            allowClear
            aria-label={t('user.filterOrg')}
            placeholder={t('user.filterOrg')}
            value={org}
            onChange={setOrg}
            style={{ width: 260 }}
          />
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1420 }}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </PageContainer>
  );
}
