import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Form, Input, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { accountApi, type MfaEnrollment } from './api';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * Enrolment: POST enroll → show QR + secret → POST activate with a code → show recovery codes once.
 * `autoStart` begins at once (forced enrolment); otherwise a button starts it.
 */
export function MfaEnrollFlow({ autoStart = false, onFinished }: { autoStart?: boolean; onFinished: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const [enrollment, setEnrollment] = useState<MfaEnrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const start = async () => {
    if (started.current) return;
    started.current = true;
    setBusy(true);
    try {
      setEnrollment(await accountApi.enrollMfa());
    } catch (e) {
      started.current = false;
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: start once on mount when asked to
  useEffect(() => {
    if (autoStart) void start();
  }, [autoStart]);

  const activate = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const res = await accountApi.activateMfa(code.trim());
      setCodes(res.recoveryCodes);
    } catch (e) {
      if (isApiError(e) && e.code === 'INVALID_MFA_CODE') form.setFields([{ name: 'code', errors: [e.message] }]);
      else applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };

  if (!enrollment) {
    return autoStart ? (
      <Spin spinning />
    ) : (
      <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={start}>
        {t('account.mfaEnable')}
      </Button>
    );
  }

  const current = codes ? 2 : 1;
  return (
    <div className="re-mfa-flow">
      <Steps
        size="small"
        current={current}
        items={[{ title: t('account.mfaStep1') }, { title: t('account.mfaStep2') }, { title: t('account.mfaStep3') }]}
      />
      {codes ? (
        <div className="re-mfa-step">
          <RecoveryCodes codes={codes} onDone={onFinished} />
        </div>
      ) : (
        <div className="re-mfa-step re-mfa-grid">
          <div className="re-mfa-qr">
            <img src={enrollment.qrDataUrl} alt={t('account.mfaStep1')} width={180} height={180} />
          </div>
          <div>
            <Typography.Paragraph type="secondary">{t('account.mfaStep1Hint')}</Typography.Paragraph>
            <Typography.Paragraph>
              {t('common.labelValue', { label: t('account.mfaSecret'), value: '' })}
              <Typography.Text code copyable className="re-mfa-secret">
                {enrollment.secret}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('account.mfaStep2Hint')}</Typography.Paragraph>
            <Form form={form} name="mfa-activate" layout="inline" onFinish={activate}>
              <Form.Item
                name="code"
                label={t('auth.mfaCode')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.mfaCodeInvalid') }]}
              >
                <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" className="re-otp-input" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('account.mfaActivate')}
                </Button>
              </Form.Item>
            </Form>
          </div>
        </div>
      )}
    </div>
  );
}
