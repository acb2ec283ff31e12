import type { User } from '@red-engine/shared';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { NewPasswordFields } from '../../components/NewPasswordFields';
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
        <NewPasswordFields label={t('user.newPassword')} confirmLabel={t('user.confirmPassword')} />
      </Form>
    </Modal>
  );
}
