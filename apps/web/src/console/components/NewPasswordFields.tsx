import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';
import { Form, Input } from 'antd';
import { useI18n } from '../../lib/i18n';

/** "New password" and "confirm" fields with the server's length rule and a match check, for any password form. */
export function NewPasswordFields({ label, confirmLabel }: { label: string; confirmLabel: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={label}
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
        label={confirmLabel}
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
    </>
  );
}
