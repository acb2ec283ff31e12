import { App, DatePicker, Form, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { toBeijing } from '../../../lib/time';
import type { OrgOption } from '../../components/OrgTreeSelect';
import { useRunGrants } from './api';

type Values = { kind: 'month' | 'quarter'; period: Dayjs };

/** 自动计分: books the automatic points of a month or quarter for the scope (or the organization filtered on). */
export function RunGrantsModal({
  open,
  org,
  onClose,
}: {
  open: boolean;
  org: OrgOption | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const run = useRunGrants();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'month';
  return (
    <Modal
      open={open}
      title={t('points.run.title')}
      okText={t('points.run')}
      confirmLoading={run.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const period =
          v.kind === 'month'
            ? v.period.format('YYYY-MM')
            : `${v.period.year()}-Q${Math.floor(v.period.month() / 3) + 1}`;
        run.mutate(
          { period, ...(org ? { orgId: org.value } : {}) },
          {
            onSuccess: (r) => {
              onClose();
              modal.success({
                title: t('points.run.title'),
                content: t('points.run.done', {
                  booked: r.booked,
                  points: r.points,
                  already: r.alreadyBooked,
                  capped: r.capped,
                  exempted: r.exempted,
                  reversed: r.reversed,
                }),
              });
            },
            onError: (e) => applyFormError(form, e),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('points.run.help')}</Typography.Paragraph>
      {org && <Typography.Paragraph>{`${t('points.org')}：${org.label ?? ''}`}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'month', period: toBeijing(new Date()) }}
      >
        <Form.Item label={t('points.run.period')} required>
          <Space>
            <Form.Item name="kind" noStyle>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'month', label: t('points.run.kind.month') },
                  { value: 'quarter', label: t('points.run.kind.quarter') },
                ]}
              />
            </Form.Item>
            <Form.Item name="period" noStyle rules={[{ required: true }]}>
              <DatePicker
                aria-label={t('points.run.period')}
                picker={kind}
                disabledDate={(d) => d.isAfter(toBeijing(new Date()), 'month')}
              />
            </Form.Item>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
