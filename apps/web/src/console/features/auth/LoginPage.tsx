import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginBodySchema } from '@red-engine/shared';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { login, useSession } from '../../../lib/session';
import { safeRedirect } from '../../app/access';
import { PageLoading } from '../../components/PageLoading';
import { AuthShell } from './AuthShell';
import { MfaStep } from './MfaStep';

/** Errors the login form shows prominently rather than as a passing toast. */
export const LOGIN_ALERT_CODES = new Set([
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'INVALID_MFA_CODE',
]);

interface LoginForm {
  username: string;
  password: string;
}

function PasswordStep({ onMfa, onDone }: { onMfa: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LoginForm>();
  const [alert, setAlert] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: LoginForm) => {
    setAlert(null);
    setSubmitting(true);
    try {
      const result = await login(values.username.trim(), values.password);
      if (result.status === 'mfa_required') onMfa();
      else {
        message.success(t('auth.loginSuccess'));
        onDone();
      }
    } catch (e) {
      if (isApiError(e) && LOGIN_ALERT_CODES.has(e.code)) setAlert(e.message);
      else applyFormError(form, e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} className="re-auth-title">
        {t('auth.welcome')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
      {alert && <Alert type="error" showIcon title={alert} className="re-auth-alert" role="alert" />}
      <Form form={form} name="login" layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.usernamePlaceholder') }]}
        >
          <Input
            prefix={<UserOutlined />}
            placeholder={t('auth.usernamePlaceholder')}
            autoComplete="username"
            maxLength={LoginBodySchema.shape.username.maxLength ?? 64}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            placeholder={t('auth.passwordPlaceholder')}
            autoComplete="current-password"
          />
        </Form.Item>
        <Form.Item className="re-auth-submit">
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('auth.login')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" className="re-auth-tip">
        <LockOutlined /> {t('auth.securityTip')}
      </Typography.Text>
    </>
  );
}

export function LoginPage() {
  const { data, isPending } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const redirect = safeRedirect(params.get('redirect'));
  const [step, setStep] = useState<'password' | 'mfa'>(params.get('step') === 'mfa' ? 'mfa' : 'password');

  if (isPending) return <PageLoading fullscreen />;
  if (data?.me) return <Navigate to={redirect} replace />;
  const showMfa = step === 'mfa' || Boolean(data?.mfaPending);

  const done = () => navigate(redirect, { replace: true });
  return (
    <AuthShell>
      {showMfa ? (
        <MfaStep onDone={done} onBack={() => setStep('password')} />
      ) : (
        <PasswordStep onMfa={() => setStep('mfa')} onDone={done} />
      )}
    </AuthShell>
  );
}
