import { PlusOutlined } from '@ant-design/icons';
import { EXEMPTION_CATEGORIES, type PointExemption } from '@red-engine/shared';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijingDate, toBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { MemberPicker } from '../transfers/TransferCreateModal';
import { pointKeys, pointsApi, useCreateExemption, useEndExemption } from './api';

type Values = { memberId: string; category: string; range: [Dayjs, Dayjs | null]; reason: string };

function ExemptionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateExemption();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={t('points.ex.new')}
      okText={t('common.submit')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        create.mutate(
          {
            memberId: v.memberId,
            category: v.category,
            startsOn: v.range[0].format('YYYY-MM-DD'),
            endsOn: v.range[1] ? v.range[1].format('YYYY-MM-DD') : null,
            reason: v.reason.trim(),
          },
          {
            onSuccess: () => {
              message.success(t('points.ex.created'));
              onClose();
            },
            onError: (e) => applyFormError(form, e),
          },
        );
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ category: 'long_ill', range: [toBeijing(new Date()), null] }}
      >
        <Form.Item name="memberId" label={t('points.grants.member')} rules={[{ required: true }]}>
          <MemberPicker aria-label={t('points.grants.member')} />
        </Form.Item>
        <Form.Item name="category" label={t('points.ex.category')} rules={[{ required: true }]}>
          <Select
            aria-label={t('points.ex.category')}
            options={EXEMPTION_CATEGORIES.filter((c) => c !== 'elderly').map((c) => ({
              value: c,
              label: t(`points.exemption.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="range" label={`${t('points.ex.from')} ~ ${t('points.ex.to')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            allowEmpty={[false, true]}
            placeholder={[t('points.ex.from'), t('points.ex.openEnded')]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('points.ex.reason')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 免扣登记: members exempted from deductions for a time (long ill, limited mobility …); age needs no record. */
export function ExemptionsTab({ orgId }: { orgId: string | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const manage = can('points:manage');
  const [creating, setCreating] = useState(false);
  const end = useEndExemption();
  const table = useProTable<PointExemption>({
    queryKey: pointKeys.exemptions(),
    request: pointsApi.exemptions,
    params: { orgId },
  });
  const today = formatBeijingDate(new Date());
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('points.ex.new')}
          </Button>
        )}
      </Space>
      <Alert type="info" showIcon message={t('points.ex.help')} />
      <Table<PointExemption>
        rowKey="id"
        size="small"
        {...table.tableProps}
        columns={[
          {
            title: t('points.grants.member'),
            key: 'member',
            render: (_: unknown, x) => (
              <div>
                <div>{x.member.name}</div>
                <Typography.Text type="secondary" className="re-pt-sub">
                  {x.member.orgName}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('points.ex.category'),
            dataIndex: 'category',
            width: 120,
            render: (c: PointExemption['category']) => (
              <Tag color="blue">{t(`points.exemption.${c === 'elderly' ? 'elderlyShort' : c}`)}</Tag>
            ),
          },
          {
            title: `${t('points.ex.from')} ~ ${t('points.ex.to')}`,
            key: 'range',
            width: 220,
            render: (_: unknown, x) => `${x.startsOn} ~ ${x.endsOn ?? t('points.ex.openEnded')}`,
          },
          { title: t('points.ex.reason'), dataIndex: 'reason' },
          { title: t('points.grants.requestedBy'), dataIndex: 'createdByName', width: 110 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, x) =>
              manage &&
              (x.endsOn === null || x.endsOn >= today) && (
                <Popconfirm
                  title={t('points.ex.end')}
                  onConfirm={() =>
                    end.mutate(
                      { id: x.id, endsOn: [today, x.startsOn].sort().at(-1)! },
                      { onSuccess: () => message.success(t('points.ex.ended')), onError: reportError },
                    )
                  }
                >
                  <Button type="link" size="small">
                    {t('points.ex.end')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <ExemptionModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}
