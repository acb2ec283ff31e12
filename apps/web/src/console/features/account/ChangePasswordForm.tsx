import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';
import { App, Button, Form, Input } from 'antd';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useChangePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password + new password twice; WEAK_PASSWORD and wrong-password errors land on their fields. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useChangePassword();

  const onFinish = (v: Values) =>
    mutation.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('account.passwordChanged'));
          form.resetFields();
          onDone?.();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'WEAK_PASSWORD')
            form.setFields([{ name: 'newPassword', errors: [e.message] }]);
          else if (isApiError(e) && e.code === 'INVALID_CREDENTIALS')
            form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
          else applyFormError(form, e);
        },
      },
    );

  return (
    <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} className="re-narrow-form">
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
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
        label={t('account.confirmPassword')}
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
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form.Item>
    </Form>
  );
}
