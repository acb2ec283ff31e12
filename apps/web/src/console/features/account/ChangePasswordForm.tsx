import { App, Button, Form, Input } from 'antd';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { NewPasswordFields } from '../../components/NewPasswordFields';
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
      <NewPasswordFields label={t('account.newPassword')} confirmLabel={t('account.confirmPassword')} />
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form.Item>
    </Form>
  );
}
