import {
  type ActivityType,
  COMPLIANCE_CYCLES,
  COMPLIANCE_ORG_TYPES,
  type ComplianceCycle,
  type ComplianceOrgType,
  type ComplianceRule,
} from '@red-engine/shared';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateRule, useUpdateRule } from './api';

export type RuleTarget = { mode: 'create' } | { mode: 'edit'; rule: ComplianceRule };

type Values = {
  typeCode?: string;
  orgType?: ComplianceOrgType;
  cycle: ComplianceCycle;
  expectedCount: number;
  perGroup: boolean;
  effectiveFrom?: Dayjs | null;
  note?: string;
};

/** 新增 / 调整考核规则. A rule already in use becomes a new version from the effective date; see docs/compliance.md. */
export function RuleFormModal({
  target,
  today,
  types,
  onClose,
}: {
  target: RuleTarget | null;
  today: string | undefined;
  types: ActivityType[];
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRule();
  const update = useUpdateRule();
  const rule = target?.mode === 'edit' ? target.rule : null;
  const inPlace = rule ? rule.effectiveFrom >= (today ?? '') : false;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(
      rule
        ? {
            cycle: rule.cycle,
            expectedCount: rule.expectedCount,
            perGroup: rule.perGroup,
            effectiveFrom: inPlace ? dayjs(rule.effectiveFrom) : dayjs(today),
            note: rule.note ?? undefined,
          }
        : { cycle: 'month', expectedCount: 1, perGroup: false, effectiveFrom: dayjs(today) },
    );
  }, [target, rule, inPlace, today, form]);

  const onFinish = (v: Values) => {
    const common = {
      cycle: v.cycle,
      expectedCount: v.expectedCount,
      perGroup: v.perGroup,
      effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : undefined,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    const done = {
      onSuccess: () => {
        message.success(t('rules.saved'));
        onClose();
      },
      onError: (e: unknown) => applyFormError(form, e),
    };
    if (rule) update.mutate({ id: rule.id, body: common }, done);
    else create.mutate({ ...common, typeCode: v.typeCode!, orgType: v.orgType! }, done);
  };
  const typeName = (x: ActivityType) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);
  const ruleType = rule ? types.find((x) => x.code === rule.typeCode) : undefined;

  return (
    <Modal
      open={Boolean(target)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      title={
        rule
          ? t('rules.editTitle', {
              type: ruleType ? typeName(ruleType) : rule.typeCode,
              orgType: t(`orgType.${rule.orgType}`),
            })
          : t('rules.createTitle')
      }
      forceRender
      destroyOnHidden={false}
    >
      {rule && <Alert type="info" showIcon message={t(inPlace ? 'rules.inPlaceHint' : 'rules.newVersionHint')} />}
      <Form form={form} name="compliance-rule" layout="vertical" onFinish={onFinish} style={{ marginTop: 16 }}>
        {!rule && (
          <>
            <Form.Item
              name="typeCode"
              label={t('rules.type')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={types.filter((x) => x.active).map((x) => ({ value: x.code, label: typeName(x) }))}
              />
            </Form.Item>
            <Form.Item
              name="orgType"
              label={t('rules.orgType')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select options={COMPLIANCE_ORG_TYPES.map((o) => ({ value: o, label: t(`orgType.${o}`) }))} />
            </Form.Item>
          </>
        )}
        <div className="re-form-grid">
          <Form.Item name="cycle" label={t('rules.cycle')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={COMPLIANCE_CYCLES.map((c) => ({ value: c, label: t(`compliance.cycle.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="expectedCount"
            label={t('rules.expectedCount')}
            extra={t('rules.expectedCountHelp')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="perGroup" valuePropName="checked" extra={t('rules.perGroupHelp')}>
          <Checkbox>{t('rules.perGroup')}</Checkbox>
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('rules.effectiveFrom')} extra={t('rules.effectiveFromHelp')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => Boolean(today) && d.format('YYYY-MM-DD') < (today ?? '')}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item name="note" label={t('rules.note')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
