import type { AttendanceRow } from '@red-engine/shared';
import { Alert, App, Form, Input, Modal, Tag } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../../lib/errors';
import { useI18n } from '../../../../lib/i18n';
import { useMakeup } from '../api';

export type MakeupKind = 'makeup' | 'organizer';

/** 补签 (after the meeting) or 代签 (at the door, now) for the chosen members, with a reason that is kept. */
export function MakeupModal({
  meetingId,
  kind,
  members,
  onClose,
  onDone,
}: {
  meetingId: string;
  kind: MakeupKind | null;
  members: AttendanceRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const makeup = useMakeup();
  const proxy = kind === 'organizer';

  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);

  return (
    <Modal
      open={Boolean(kind)}
      title={t(proxy ? 'attendance.proxyTitle' : 'attendance.makeupTitle', { n: members.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={proxy ? t('attendance.proxy') : t('attendance.makeup')}
      confirmLoading={makeup.isPending}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        className="re-modal-alert"
        title={proxy ? t('attendance.proxyHelp') : t('attendance.makeupHelp')}
      />
      <div className="re-member-tags re-makeup-members">
        {members.map((m) => (
          <Tag key={m.memberId}>{m.memberName}</Tag>
        ))}
      </div>
      <Form
        form={form}
        layout="vertical"
        name="meeting-makeup"
        className="re-modal-form"
        onFinish={(v) =>
          kind &&
          makeup.mutate(
            { id: meetingId, memberIds: members.map((m) => m.memberId), reason: v.reason.trim(), kind },
            {
              onSuccess: (r) => {
                const done = t(proxy ? 'attendance.proxied' : 'attendance.madeUp', { n: r.recorded });
                message.success(r.skipped > 0 ? `${done}${t('attendance.skipped', { n: r.skipped })}` : done);
                onDone();
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={proxy ? t('attendance.proxyReason') : t('attendance.makeupReason')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 500, message: t('form.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea
            rows={3}
            showCount
            maxLength={500}
            placeholder={proxy ? t('attendance.proxyReasonPlaceholder') : t('attendance.makeupReasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
