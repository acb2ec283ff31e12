import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { setSessionMe, verifyMfa } from '../../../lib/session';

const CODE_PATTERN = /^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/;

/** Second login step: a 6-digit TOTP code or a recovery code. */
export function MfaStep({ onDone, onBack }: { onDone: () => void; onBack: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [alert, setAlert] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const back = () => {
    setSessionMe(null, false);
    onBack();
  };

  const onFinish = async ({ code }: { code: string }) => {
    setAlert(null);
    setSubmitting(true);
    try {
      const result = await verifyMfa(code.trim().toLowerCase());
      if (result.status === 'ok') {
        message.success(t('auth.loginSuccess'));
        onDone();
      }
    } catch (e) {
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
        // The half-finished login expired: start again from the password.
        back();
        message.error(e.message);
      } else if (isApiError(e) && e.code !== 'VALIDATION_FAILED' && e.code !== 'INTERNAL') setAlert(e.message);
      else applyFormError(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="re-auth-title">
        <SafetyCertificateOutlined /> {t('auth.mfaTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.mfaHint')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon title={alert} className="re-auth-alert" role="alert" />}
      <Form form={form} name="mfa" layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="code"
          label={t('auth.mfaCode')}
          rules={[
            { required: true, message: t('auth.mfaCodeInvalid') },
            {
              pattern: CODE_PATTERN,
              transform: (v: string) => v?.trim().toLowerCase(),
              message: t('auth.mfaCodeInvalid'),
            },
          ]}
        >
          <Input
            placeholder={t('auth.mfaCodePlaceholder')}
            autoComplete="one-time-code"
            inputMode="text"
            maxLength={11}
            autoFocus
            className="re-otp-input"
          />
        </Form.Item>
        <Form.Item className="re-auth-submit">
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('auth.verify')}
          </Button>
        </Form.Item>
      </Form>
      <Button type="link" onClick={back} className="re-auth-back">
        {t('auth.backToLogin')}
      </Button>
    </>
  );
}
