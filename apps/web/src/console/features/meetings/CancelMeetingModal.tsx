import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useCancelMeeting } from './api';

/** 取消活动 with a reason (the participants are told). */
export function CancelMeetingModal({
  meeting,
  onClose,
}: {
  meeting: { id: string; title: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelMeeting();

  useEffect(() => {
    if (meeting) form.resetFields();
  }, [meeting, form]);

  return (
    <Modal
      open={Boolean(meeting)}
      title={meeting ? t('meeting.cancelTitle', { title: meeting.title }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('meeting.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.close')}
      confirmLoading={cancel.isPending}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        name="meeting-cancel"
        className="re-modal-form"
        onFinish={(v) =>
          meeting &&
          cancel.mutate(
            { id: meeting.id, reason: v.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('meeting.cancelled'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('meeting.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 500, message: t('form.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} placeholder={t('meeting.cancelReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
