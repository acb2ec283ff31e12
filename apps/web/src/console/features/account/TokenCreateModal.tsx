import { CreateApiTokenBodySchema, type Permission } from '@red-engine/shared';
import { Alert, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { rulesFrom } from '../../../lib/zod-rules';
import { CopyButton } from '../../components/CopyButton';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useCreateToken } from './api';

interface Values {
  name: string;
  permissions: Permission[];
  org?: OrgOption;
  expiresInDays: number;
}

const EXPIRY_CHOICES = [30, 90, 180, 365, 0];

export function TokenCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const mutation = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    form.resetFields();
    onClose();
  };

  const onFinish = (v: Values) =>
    mutation.mutate(
      {
        name: v.name.trim(),
        permissions: v.permissions,
        orgId: v.org?.value ?? '',
        expiresInDays: v.expiresInDays > 0 ? v.expiresInDays : undefined,
      },
      {
        onSuccess: (res) => setSecret(res.secret),
        onError: (e) => applyFormError(form, e),
      },
    );

  if (secret) {
    return (
      <Modal
        open={open}
        title={t('account.tokenSecretTitle')}
        onCancel={close}
        onOk={close}
        cancelButtonProps={{ hidden: true }}
      >
        <Alert type="warning" showIcon title={t('account.tokenSecretHint')} />
        <Typography.Paragraph className="re-token-secret">
          <code data-testid="token-secret">{secret}</code>
        </Typography.Paragraph>
        <CopyButton text={secret} type="primary" />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('account.tokenCreate')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        name="token-create"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ permissions: [], expiresInDays: 90 }}
      >
        <Form.Item
          name="name"
          label={t('account.tokenName')}
          rules={rulesFrom(CreateApiTokenBodySchema.shape.name, t, { required: true })}
        >
          <Input placeholder={t('account.tokenNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('account.tokenPermissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}
        >
          <Checkbox.Group
            className="re-perm-grid"
            options={me.permissions.map((p) => ({ value: p, label: t(`perm.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="org"
          label={t('account.tokenOrg')}
          extra={t('account.tokenOrgHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.tokenExpires')}>
          <Select
            options={EXPIRY_CHOICES.map((n) => ({
              value: n,
              label: n > 0 ? t('account.tokenDays', { n }) : t('account.tokenNoExpiry'),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
