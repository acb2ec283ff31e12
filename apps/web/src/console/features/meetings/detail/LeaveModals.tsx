import type { Leave } from '@red-engine/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../../lib/errors';
import { useI18n } from '../../../../lib/i18n';
import { useAttendance, useDecideLeave, useLeaveOnBehalf } from '../api';

/** 批准 / 驳回 a leave request with an optional note. */
export function LeaveDecisionModal({
  target,
  onClose,
}: {
  target: { leave: Leave; decision: 'approve' | 'reject' } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideLeave();
  const approve = target?.decision === 'approve';

  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);

  return (
    <Modal
      open={Boolean(target)}
      title={target ? t(approve ? 'leave.approveTitle' : 'leave.rejectTitle', { name: target.leave.memberName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={approve ? t('leave.approve') : t('leave.reject')}
      okButtonProps={{ danger: !approve }}
      confirmLoading={decide.isPending}
      forceRender
    >
      {target && (
        <Alert type="info" className="re-modal-alert" title={`${t('leave.reason')}：${target.leave.reason}`} />
      )}
      <Form
        form={form}
        layout="vertical"
        name="leave-decision"
        className="re-modal-form"
        onFinish={(v) =>
          target &&
          decide.mutate(
            { leaveId: target.leave.id, decision: target.decision, note: v.note },
            {
              onSuccess: () => {
                message.success(approve ? t('leave.approved') : t('leave.rejected'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          )
        }
      >
        <Form.Item name="note" label={t('leave.note')} rules={[{ max: 500, message: t('form.maxLength', { n: 500 }) }]}>
          <Input.TextArea rows={3} showCount maxLength={500} placeholder={t('leave.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 代为请假: the organizer records leave for a participant who cannot apply on the phone. */
export function LeaveOnBehalfModal({
  meetingId,
  open,
  onClose,
}: {
  meetingId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ memberId: string; reason: string }>();
  const create = useLeaveOnBehalf();
  const attendance = useAttendance(meetingId, open);
  const options = (attendance.data ?? [])
    .filter((r) => r.status === 'pending' || r.status === 'absent')
    .map((r) => ({ value: r.memberId, label: `${r.memberName}（${r.orgName}）` }));

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t('leave.onBehalfTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Alert type="info" showIcon className="re-modal-alert" title={t('leave.onBehalfHelp')} />
      <Form
        form={form}
        layout="vertical"
        name="leave-on-behalf"
        className="re-modal-form"
        onFinish={(v) =>
          create.mutate(
            { id: meetingId, memberId: v.memberId, reason: v.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('leave.created'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          )
        }
      >
        <Form.Item name="memberId" label={t('leave.member')} rules={[{ required: true, message: t('form.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={attendance.isPending}
            options={options}
            placeholder={t('attendance.searchMember')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('leave.reason')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 500, message: t('form.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
