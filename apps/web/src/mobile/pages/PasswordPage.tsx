import { PASSWORD_MIN_LENGTH } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { applyFormError } from '../../lib/errors';
import { api, isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { sessionKey, useMe } from '../../lib/session';

/** 修改密码 — also the forced first-login step (?force=1). */
export function PasswordPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const forced = params.get('force') === '1' || me.mustChangePassword;
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { currentPassword: string; newPassword: string; confirm: string }) => {
    setBusy(true);
    try {
      await api.post<void>('/account/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      Toast.show({ icon: 'success', content: t('account.passwordChanged') });
      await qc.invalidateQueries({ queryKey: sessionKey });
      navigate(forced ? '/' : '/me', { replace: true });
    } catch (e) {
      if (isApiError(e) && e.code === 'WEAK_PASSWORD') form.setFields([{ name: 'newPassword', errors: [e.message] }]);
      else if (isApiError(e) && e.code === 'INVALID_CREDENTIALS')
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      else applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="m-page">
      <NavBar back={forced ? null : t('common.back')} onBack={() => navigate('/me')}>
        {forced ? t('auth.setupPasswordTitle') : t('account.changePassword')}
      </NavBar>
      {forced && <p className="m-hint m-pad">{t('auth.setupPasswordHint')}</p>}
      <Form
        form={form}
        name="m-password"
        layout="vertical"
        onFinish={onFinish}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('account.changePassword')}
          </Button>
        }
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          description={t('form.passwordHint', { n: PASSWORD_MIN_LENGTH })}
          rules={[
            { required: true, message: t('form.required') },
            { min: PASSWORD_MIN_LENGTH, message: t('form.minLength', { n: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: async (_r: unknown, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('form.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}
