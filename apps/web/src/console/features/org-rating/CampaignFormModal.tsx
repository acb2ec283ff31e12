import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { nowInBeijing } from '../../../lib/time';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useCreateCampaign, useSchemes } from './api';

type Values = {
  year: number;
  root?: OrgOption;
  schemeId?: string;
  name?: string;
  selfDueOn?: Dayjs | null;
  reviewDueOn?: Dayjs | null;
};

/** 新建评定: a year and an organization (with everything below it); the applicable branches get a rating each. */
export function CampaignFormModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const schemes = useSchemes();
  const create = useCreateCampaign();

  useEffect(() => {
    if (open) form.setFieldsValue({ year: nowInBeijing().year() });
  }, [open, form]);

  const onFinish = (v: Values) =>
    create.mutate(
      {
        year: v.year,
        rootOrgId: v.root!.value,
        schemeId: v.schemeId,
        name: v.name?.trim() || undefined,
        selfDueOn: v.selfDueOn?.format('YYYY-MM-DD') ?? null,
        reviewDueOn: v.reviewDueOn?.format('YYYY-MM-DD') ?? null,
      },
      {
        onSuccess: (c) => {
          message.success(t('rating.campaignCreated', { n: c.counts.total }));
          form.resetFields();
          onCreated(c.id);
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  return (
    <Modal
      open={open}
      title={t('rating.newCampaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('rating.openCampaign')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Alert type="info" showIcon className="rating-form-alert" message={t('rating.campaignHelp')} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark>
        <Form.Item name="year" label={t('rating.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="root"
          label={t('rating.rootOrg')}
          rules={[{ required: true, message: t('rating.rootOrgRequired') }]}
        >
          <OrgTreeSelect aria-label={t('rating.rootOrg')} />
        </Form.Item>
        <Form.Item name="schemeId" label={t('rating.scheme')} extra={t('rating.schemeDefault')}>
          <Select
            allowClear
            loading={schemes.isPending}
            options={(schemes.data ?? [])
              .filter((s) => s.state !== 'superseded')
              .map((s) => ({
                value: s.id,
                label: `${s.nameZh} v${s.version}（${s.effectiveFrom}${t('rating.effective')}）`,
              }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('rating.campaignName')} extra={t('rating.campaignNameHelp')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('rating.deadlines')} style={{ marginBottom: 0 }}>
          <Form.Item name="selfDueOn" style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <DatePicker placeholder={t('rating.selfDue')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reviewDueOn" style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}>
            <DatePicker placeholder={t('rating.reviewDue')} style={{ width: '100%' }} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
