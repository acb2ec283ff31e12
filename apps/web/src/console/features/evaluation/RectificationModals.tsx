import type { Rectification, Subject } from '@red-engine/shared';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi } from './api';

type CreateValues = { problem: string; measure?: string; ownerName: string; dueOn: Dayjs };
type UpdateValues = {
  problem: string;
  measure?: string;
  ownerName: string;
  dueOn: Dayjs;
  status: 'open' | 'in_progress';
  progressNote?: string;
};

/** 列入整改清单 for one secretary: problem, measure, owner (the secretary by default), due date. */
export function RectificationFormModal({
  subject,
  onClose,
  onSaved,
}: {
  subject: Subject | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (subject) form.setFieldsValue({ ownerName: subject.name, dueOn: dayjs().add(3, 'month') });
  }, [subject, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await evaluationApi.createRectification(subject!.id, {
        problem: v.problem.trim(),
        measure: v.measure?.trim() || null,
        ownerName: v.ownerName.trim(),
        dueOn: v.dueOn.format('YYYY-MM-DD'),
      });
      message.success(t('ev.rect.saved'));
      onSaved();
      onClose();
      form.resetFields();
    } catch (e) {
      applyFormError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={Boolean(subject)}
      title={t('ev.rect.createTitle', { name: `${subject?.orgName ?? ''} ${subject?.name ?? ''}` })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('common.submit')}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="problem"
          label={t('ev.col.problem')}
          rules={[{ required: true, whitespace: true, message: t('ev.col.problem') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="measure" label={t('ev.col.measure')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label={t('ev.col.owner')}
          rules={[{ required: true, whitespace: true, message: t('ev.col.owner') }]}
        >
          <Input maxLength={40} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('ev.col.due')} rules={[{ required: true, message: t('ev.col.due') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 更新进展: status, progress note, and the item's own fields. */
export function RectificationUpdateModal({
  item,
  onClose,
  onSaved,
}: {
  item: Rectification | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<UpdateValues>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (item)
      form.setFieldsValue({
        problem: item.problem,
        measure: item.measure ?? '',
        ownerName: item.ownerName,
        dueOn: dayjs(item.dueOn),
        status: item.status === 'closed' ? 'in_progress' : item.status,
        progressNote: item.progressNote ?? '',
      });
  }, [item, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await evaluationApi.updateRectification(item!.id, {
        problem: v.problem.trim(),
        measure: v.measure?.trim() || null,
        ownerName: v.ownerName.trim(),
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        status: v.status,
        progressNote: v.progressNote?.trim() || null,
      });
      onSaved();
      onClose();
    } catch (e) {
      applyFormError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={Boolean(item)}
      title={t('ev.rect.editTitle')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="problem" label={t('ev.col.problem')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="measure" label={t('ev.col.measure')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="status" label={t('ev.col.rectStatus')}>
          <Select
            style={{ width: 160 }}
            options={(['open', 'in_progress'] as const).map((s) => ({ value: s, label: t(`ev.rect.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="progressNote" label={t('ev.rect.progressNote')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="ownerName" label={t('ev.col.owner')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('ev.col.due')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
