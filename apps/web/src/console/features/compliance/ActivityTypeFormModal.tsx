import { ACTIVITY_CATEGORIES, type ActivityType } from '@red-engine/shared';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateActivityType, useUpdateActivityType } from './api';

export type TypeTarget = { mode: 'create' } | { mode: 'edit'; type: ActivityType };

type Values = Pick<ActivityType, 'code' | 'nameZh' | 'nameEn' | 'category' | 'sortOrder'>;

/** 新增 / 编辑活动类型. The code is fixed once created; built-in types are edited the same way. */
export function ActivityTypeFormModal({ target, onClose }: { target: TypeTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivityType();
  const update = useUpdateActivityType();
  const editing = target?.mode === 'edit' ? target.type : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(editing ?? { category: 'other', sortOrder: 50 });
  }, [target, editing, form]);

  const onFinish = (v: Values) => {
    const done = {
      onSuccess: () => {
        message.success(t('types.saved'));
        onClose();
      },
      onError: (e: unknown) => applyFormError(form, e),
    };
    const body = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), category: v.category, sortOrder: v.sortOrder };
    if (editing) {
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, x]) => x !== editing[k as keyof typeof body]),
      ) as Partial<typeof body>;
      if (Object.keys(changed).length === 0) return onClose();
      update.mutate({ code: editing.code, body: changed }, done);
    } else create.mutate({ ...body, code: v.code.trim() }, done);
  };

  return (
    <Modal
      open={Boolean(target)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      title={editing ? t('types.editTitle', { name: editing.nameZh }) : t('types.createTitle')}
      forceRender
    >
      <Form form={form} name="activity-type" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="code"
          label={t('types.code')}
          extra={editing ? undefined : t('types.codeHelp')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('types.codeHelp') },
          ]}
        >
          <Input disabled={Boolean(editing)} className="re-mono" />
        </Form.Item>
        <div className="re-form-grid">
          <Form.Item name="nameZh" label={t('types.nameZh')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('types.nameEn')} rules={[{ required: true, whitespace: true, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="category" label={t('types.category')} rules={[{ required: true }]}>
            <Select options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: t(`compliance.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('types.sortOrder')} rules={[{ required: true }]}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
