import type { IssuedStaffToken, MeetingDetail } from '@red-engine/shared';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../../lib/errors';
import { useI18n } from '../../../../lib/i18n';
import { fromBeijing, todayInBeijing } from '../../../../lib/time';
import { CopyButton } from '../../../components/CopyButton';
import { useCreateStaffToken } from '../api';
import { formatDateTime } from '../MeetingTags';
import { QrImage } from '../QrImage';

interface Values {
  label: string;
  validity?: [Dayjs | null, Dayjs | null] | null;
}

export function StaffTokenCreateModal({
  meeting,
  open,
  onClose,
  onIssued,
}: {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
  onIssued: (token: IssuedStaffToken) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateStaffToken();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t('staff.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="staff-token"
        className="re-modal-form"
        onFinish={(v) =>
          create.mutate(
            {
              id: meeting.id,
              label: v.label.trim(),
              validFrom: v.validity?.[0] ? fromBeijing(v.validity[0]) : undefined,
              validUntil: v.validity?.[1] ? fromBeijing(v.validity[1]) : undefined,
            },
            { onSuccess: onIssued, onError: (e) => applyFormError(form, e) },
          )
        }
      >
        <Form.Item
          name="label"
          label={t('staff.label')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 60, message: t('form.maxLength', { n: 60 }) },
          ]}
        >
          <Input maxLength={60} placeholder={t('staff.labelPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="validity"
          label={t('staff.validity')}
          extra={`${t('staff.validityHelp')}：${formatDateTime(meeting.checkin.opensAt)} – ${formatDateTime(meeting.checkin.closesAt)}`}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            placeholder={[formatDateTime(meeting.checkin.opensAt), formatDateTime(meeting.checkin.closesAt)]}
            disabledDate={(d) => d.isBefore(todayInBeijing())}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The one moment the volunteer's link exists in the clear: QR code, link and a copy button. */
export function StaffTokenIssuedModal({ token, onClose }: { token: IssuedStaffToken | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={Boolean(token)}
      title={t('staff.issuedTitle')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.ok')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      width={520}
    >
      {token && (
        <div className="re-staff-issued">
          <Alert type="warning" showIcon className="re-modal-alert" title={t('staff.issuedHelp')} />
          <div className="re-staff-issued-qr">
            <QrImage svg={token.svg} label={t('staff.qr')} size={220} />
            <Typography.Text strong>{token.label}</Typography.Text>
            <Typography.Text type="secondary">
              {formatDateTime(token.validFrom)} – {formatDateTime(token.validUntil)}
            </Typography.Text>
          </div>
          <div className="re-staff-issued-link">
            <Input readOnly value={token.url} aria-label={t('staff.link')} className="re-mono" />
            <CopyButton text={token.url} label={t('staff.copyLink')} />
          </div>
        </div>
      )}
    </Modal>
  );
}
