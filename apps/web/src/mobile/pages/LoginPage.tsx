import { Button, Form, Input, NoticeBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { applyFormError } from '../../lib/errors';
import { isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { login, setSessionMe, useSession, verifyMfa } from '../../lib/session';
import { BrandMark } from '../components/BrandMark';
import { LocaleToggle } from '../components/LocaleToggle';

const PASSWORD_STEP_ALERTS = new Set([
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
]);
const CODE_PATTERN = /^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/;

function safeRedirect(v: string | null): string {
  return v?.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : '/';
}

/** H5 login: password, then (for accounts with two-factor login) the 6-digit code. */
export function LoginPage() {
  const { t } = useI18n();
  const { data } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [step, setStep] = useState<'password' | 'mfa'>(params.get('step') === 'mfa' ? 'mfa' : 'password');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const redirect = safeRedirect(params.get('redirect'));

  if (data?.me) return <Navigate to={redirect} replace />;
  const mfa = step === 'mfa' || Boolean(data?.mfaPending);

  const done = () => {
    Toast.show({ icon: 'success', content: t('auth.loginSuccess') });
    navigate(redirect, { replace: true });
  };

  const onFinish = async (values: { username?: string; password?: string; code?: string }) => {
    setAlert(null);
    setBusy(true);
    try {
      if (mfa) {
        const r = await verifyMfa((values.code ?? '').trim().toLowerCase());
        if (r.status === 'ok') done();
      } else {
        const r = await login((values.username ?? '').trim(), values.password ?? '');
        if (r.status === 'mfa_required') setStep('mfa');
        else done();
      }
    } catch (e) {
      if (mfa && isApiError(e) && e.code === 'UNAUTHENTICATED') {
        setSessionMe(null, false);
        setStep('password');
        setAlert(e.message);
      } else if (isApiError(e) && (PASSWORD_STEP_ALERTS.has(e.code) || e.code === 'INVALID_MFA_CODE'))
        setAlert(e.message);
      else applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setSessionMe(null, false);
    setStep('password');
    setAlert(null);
  };

  return (
    <div className="m-login">
      <div className="m-login-hero">
        <div className="m-login-top">
          <LocaleToggle />
        </div>
        <BrandMark size={56} />
        <h1 className="m-login-title">{t('app.name')}</h1>
        <p className="m-login-sub">{t('app.fullName')}</p>
      </div>
      <div className="m-login-card">
        <h2 className="m-login-heading">{mfa ? t('auth.mfaTitle') : t('auth.welcome')}</h2>
        {mfa && <p className="m-hint">{t('auth.mfaHint')}</p>}
        {alert && (
          <div role="alert">
            <NoticeBar color="error" content={alert} wrap />
          </div>
        )}
        <Form
          form={form}
          name={mfa ? 'm-mfa' : 'm-login'}
          layout="vertical"
          onFinish={onFinish}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              {mfa ? t('auth.verify') : t('auth.login')}
            </Button>
          }
        >
          {mfa ? (
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
              <Input placeholder={t('auth.mfaCodePlaceholder')} autoComplete="one-time-code" maxLength={11} clearable />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="username"
                label={t('auth.username')}
                rules={[{ required: true, message: t('auth.usernamePlaceholder') }]}
              >
                <Input placeholder={t('auth.usernamePlaceholder')} autoComplete="username" clearable />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}
              >
                <Input
                  type="password"
                  placeholder={t('auth.passwordPlaceholder')}
                  autoComplete="current-password"
                  clearable
                />
              </Form.Item>
            </>
          )}
        </Form>
        {mfa && (
          <Button fill="none" size="small" className="m-link" onClick={back}>
            {t('auth.backToLogin')}
          </Button>
        )}
      </div>
      <p className="m-footer">{t('app.owner')}</p>
    </div>
  );
}
