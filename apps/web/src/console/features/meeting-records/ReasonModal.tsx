import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';

export type ReasonRequest = {
  title: string;
  notice: string;
  okText?: string;
  danger?: boolean;
  /** Runs the change with the reason; a refusal that names `reason` is shown under the field. */
  submit: (reason: string) => Promise<unknown>;
};

/** Asks for the reason of a removal or of an amendment to an archived record, then runs the change. */
export function ReasonModal({ request, onClose }: { request: ReasonRequest | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (request) form.resetFields();
  }, [request, form]);

  return (
    <Modal
      open={Boolean(request)}
      title={request?.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={request?.okText ?? t('common.ok')}
      okButtonProps={{ danger: request?.danger }}
      confirmLoading={busy}
      destroyOnHidden
      forceRender
    >
      {request && <Alert type="warning" showIcon className="re-modal-alert" title={request.notice} />}
      <Form
        form={form}
        layout="vertical"
        name="meeting-record-reason"
        className="re-modal-form"
        onFinish={async (v) => {
          if (!request) return;
          setBusy(true);
          try {
            await request.submit(v.reason.trim());
            onClose();
          } catch (e) {
            applyFormError(form, e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('meetingRecords.reason')}
          rules={[
            { required: true, whitespace: true, message: t('meetingRecords.reasonRequired') },
            { max: 500, message: t('form.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} placeholder={t('meetingRecords.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
