import { CreateUserBodySchema, type Member, PASSWORD_MIN_LENGTH, type Role, type User } from '@red-engine/shared';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { rulesFrom } from '../../../lib/zod-rules';
import type { OrgOption } from '../../components/OrgTreeSelect';
import { MemberPicker } from '../transfers/TransferCreateModal';
import { useCreateUser, useUpdateUser } from './api';
import { RoleGrantsField } from './RoleGrantsField';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values {
  username?: string;
  displayName: string;
  phone?: string;
  password?: string;
  memberId?: string;
  roles: { role: Role; orgId?: OrgOption }[];
}

const S = CreateUserBodySchema.shape;

/** 新建用户 / 编辑用户, with role + organization grants. */
export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser({ silent: true });
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        displayName: u.displayName,
        roles: u.roles.map((r) => ({ role: r.role, orgId: { value: r.orgId, label: r.orgName ?? r.orgId } })),
      });
    } else {
      form.setFieldsValue({ roles: [{ role: 'member' }] });
    }
  }, [target, form]);

  /** 关联党员: the account becomes the member's own H5 login, as 党员 of the member's branch. */
  const onMemberPicked = (m: Member | undefined) => {
    if (!m) return;
    form.setFieldsValue({
      displayName: m.name,
      roles: m.orgId ? [{ role: 'member', orgId: { value: m.orgId, label: m.orgName ?? m.orgId } }] : undefined,
    });
  };

  const onFinish = (v: Values) => {
    const roles = v.roles.map((r) => ({ role: r.role, orgId: r.orgId?.value ?? '' }));
    const phone = v.phone?.trim() || undefined;
    if (!editing) {
      create.mutate(
        {
          username: (v.username ?? '').trim(),
          displayName: v.displayName.trim(),
          phone,
          password: v.password ?? '',
          roles,
          memberId: v.memberId || undefined,
        },
        {
          onSuccess: (u) => {
            message.success(t('user.created', { name: u.displayName }));
            onClose();
          },
          onError: (e) => applyFormError(form, e),
        },
      );
    } else {
      update.mutate(
        { id: editing.id, body: { displayName: v.displayName.trim(), phone, roles } },
        {
          onSuccess: (u) => {
            message.success(t('user.updated', { name: u.displayName }));
            onClose();
          },
          onError: (e) => applyFormError(form, e),
        },
      );
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('user.editTitle', { name: editing.displayName }) : t('user.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      forceRender
    >
      <Form form={form} name="user-form" layout="vertical" onFinish={onFinish} className="re-modal-form">
        {!editing && (
          <Form.Item name="memberId" label={t('user.linkMember')} extra={t('user.linkMemberHint')}>
            <MemberPicker onPicked={onMemberPicked} />
          </Form.Item>
        )}
        <div className="re-form-grid">
          {!editing && (
            <Form.Item
              name="username"
              label={t('user.username')}
              rules={rulesFrom(S.username, t, { required: true, invalid: t('user.usernameInvalid') })}
            >
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item
            name="displayName"
            label={t('user.displayName')}
            rules={rulesFrom(S.displayName, t, { required: true })}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('user.phone')}
            rules={rulesFrom(S.phone, t, { invalid: t('user.phoneInvalid') })}
          >
            <Input inputMode="tel" maxLength={11} placeholder={editing?.phoneMasked ?? undefined} />
          </Form.Item>
          {!editing && (
            <Form.Item
              name="password"
              label={t('user.initialPassword')}
              extra={t('user.initialPasswordHint')}
              rules={[
                { required: true, message: t('form.required') },
                { min: PASSWORD_MIN_LENGTH, message: t('form.minLength', { n: PASSWORD_MIN_LENGTH }) },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </div>
        <Form.Item label={t('user.roles')} required>
          <RoleGrantsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
