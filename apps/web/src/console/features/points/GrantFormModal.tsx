import { App, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { toBeijing } from '../../../lib/time';
import { MemberPicker } from '../transfers/TransferCreateModal';
import { useCreateGrant, usePointRules } from './api';
import { PointsValue, RuleFlags, signed } from './labels';

type Values = { memberId: string; ruleCode: string; occurredOn: Dayjs; reason: string };

/** 录入加减分: a member, an item entered by hand (of the rules in force), the date and the reason. */
export function GrantFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rules = usePointRules();
  const create = useCreateGrant();
  const [form] = Form.useForm<Values>();
  const current = rules.data?.versions.find((v) => v.id === rules.data?.currentVersionId);
  const manual = (current?.rules ?? []).filter((r) => r.source === 'manual');
  const code = Form.useWatch('ruleCode', form);
  const picked = manual.find((r) => r.code === code);
  return (
    <Modal
      open={open}
      title={t('points.grants.new')}
      onCancel={onClose}
      okText={t('common.submit')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={620}
      onOk={async () => {
        const v = await form.validateFields();
        create.mutate(
          {
            memberId: v.memberId,
            ruleCode: v.ruleCode,
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            reason: v.reason.trim(),
          },
          {
            onSuccess: (g) => {
              message.success(t(g.status === 'approved' ? 'points.grants.createdBooked' : 'points.grants.created'));
              onClose();
            },
            onError: (e) => applyFormError(form, e),
          },
        );
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ occurredOn: toBeijing(new Date()) }}>
        <Form.Item name="memberId" label={t('points.grants.member')} rules={[{ required: true }]}>
          <MemberPicker aria-label={t('points.grants.member')} />
        </Form.Item>
        <Form.Item
          name="ruleCode"
          label={t('points.grants.item')}
          rules={[{ required: true }]}
          extra={t('points.grants.ruleHelp')}
        >
          <Select
            aria-label={t('points.grants.item')}
            placeholder={t('points.grants.pickRule')}
            showSearch={{ optionFilterProp: 'label' }}
            options={manual.map((r) => ({
              value: r.code,
              label: `${locale === 'zh-CN' ? r.nameZh : r.nameEn}（${signed(r.points)}）`,
            }))}
          />
        </Form.Item>
        {picked && (
          <Space style={{ marginTop: -8, marginBottom: 16 }} wrap>
            <PointsValue points={picked.points} />
            <Typography.Text type="secondary">{t(`points.unit.${picked.unit}`)}</Typography.Text>
            <RuleFlags rule={picked} />
          </Space>
        )}
        <Form.Item name="occurredOn" label={t('points.grants.date')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(toBeijing(new Date()), 'day')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('points.grants.reason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
