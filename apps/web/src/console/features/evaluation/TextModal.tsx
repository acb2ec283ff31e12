import { Form, Input, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';

/**
 * One text to write and send (点评, 退回原因, 互评意见, 代录报告, 销号说明 …): the field is named `text`, so a
 * refusal naming the body field lands under it. `readOnly` shows a text without saving (查看报告).
 */
export function TextModal({
  open,
  title,
  label,
  initial,
  maxLength,
  rows = 6,
  required = true,
  readOnly = false,
  extra,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  label: string;
  initial?: string | null;
  maxLength: number;
  rows?: number;
  required?: boolean;
  readOnly?: boolean;
  extra?: ReactNode;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ text: initial ?? '' });
  }, [open, initial, form]);
  const submit = async () => {
    const { text } = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(text.trim());
      onClose();
    } catch (e) {
      applyFormError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={readOnly ? onClose : submit}
      okText={readOnly ? t('common.close') : t('common.submit')}
      cancelButtonProps={readOnly ? { style: { display: 'none' } } : undefined}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label={label}
          rules={required && !readOnly ? [{ required: true, whitespace: true, message: label }] : []}
        >
          <Input.TextArea rows={rows} maxLength={maxLength} showCount={!readOnly} readOnly={readOnly} />
        </Form.Item>
        {extra}
      </Form>
    </Modal>
  );
}
