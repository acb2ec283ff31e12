import { PASSWORD_MIN_LENGTH, type User } from '@red-engine/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useResetPassword } from './api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const mutation = useResetPassword();

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onFinish = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    mutation.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('user.passwordReset'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'WEAK_PASSWORD')
            form.setFields([{ name: 'newPassword', errors: [e.message] }]);
          else applyFormError(form, e);
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user ? t('user.resetPasswordTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <Alert type="info" showIcon title={t('user.resetPasswordHint')} className="re-modal-alert" />
      <Form form={form} name="reset-password" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="newPassword"
          label={t('user.newPassword')}
          extra={t('form.passwordHint', { n: PASSWORD_MIN_LENGTH })}
          rules={[
            { required: true, message: t('form.required') },
            { min: PASSWORD_MIN_LENGTH, message: t('form.minLength', { n: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('form.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
