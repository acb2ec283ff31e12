import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { accountApi, useRefreshSession } from './api';
import { MfaEnrollFlow } from './MfaEnrollFlow';

function DisableMfaButton({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ password: string }>();

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      await accountApi.disableMfa(password);
      message.success(t('account.mfaDisabled'));
      setOpen(false);
      onDone();
    } catch (e) {
      if (isApiError(e) && e.code === 'INVALID_CREDENTIALS')
        form.setFields([{ name: 'password', errors: [e.message] }]);
      else applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('account.mfaDisable')}
      </Button>
      <Modal
        open={open}
        title={t('account.mfaDisable')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('account.mfaDisableHint')}</Typography.Paragraph>
        <Form form={form} name="mfa-disable" layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function MfaTab() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const refresh = useRefreshSession();

  return (
    <div className="re-narrow">
      <Space align="start" size="middle" className="re-mfa-status">
        {me.mfaEnabled ? (
          <CheckCircleTwoTone twoToneColor="#52c41a" className="re-mfa-icon" />
        ) : (
          <ExclamationCircleTwoTone twoToneColor="#faad14" className="re-mfa-icon" />
        )}
        <div>
          <Typography.Title level={5}>
            {me.mfaEnabled ? t('account.mfaStatusOn') : t('account.mfaStatusOff')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('account.mfaDescription')}</Typography.Paragraph>
        </div>
      </Space>
      {me.mfaEnabled ? (
        <DisableMfaButton onDone={() => void refresh()} />
      ) : (
        // The session is refreshed only after the recovery codes were acknowledged, so they stay on screen.
        <MfaEnrollFlow
          onFinished={() => {
            message.success(t('account.mfaActivated'));
            void refresh();
          }}
        />
      )}
    </div>
  );
}
