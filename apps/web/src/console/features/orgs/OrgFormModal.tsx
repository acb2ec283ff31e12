import {
  ALLOWED_CHILD_TYPES,
  CreateOrgBodySchema,
  ORG_DOMAINS,
  type Org,
  type OrgDomain,
  type OrgType,
} from '@red-engine/shared';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { rulesFrom } from '../../../lib/zod-rules';
import { useCreateOrg, useUpdateOrg } from './api';

export type OrgParent = Pick<Org, 'id' | 'type' | 'domain' | 'name'>;
export type OrgFormTarget = { mode: 'create'; parent: OrgParent } | { mode: 'edit'; org: Org };

interface Values {
  type?: OrgType;
  domain?: OrgDomain | null;
  name: string;
  shortName?: string;
  code?: string;
  sortOrder?: number | null;
}

const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const S = CreateOrgBodySchema.shape;

/** 新建下级组织 / 编辑组织. Type choices follow ALLOWED_CHILD_TYPES of the parent; rules follow the Zod schema. */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const update = useUpdateOrg();

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      const allowed = ALLOWED_CHILD_TYPES[target.parent.type];
      form.setFieldsValue({ type: allowed[0], domain: target.parent.domain ?? undefined });
    } else {
      const o = target.org;
      form.setFieldsValue({
        name: o.name,
        shortName: o.shortName ?? undefined,
        code: o.code ?? undefined,
        domain: o.domain ?? undefined,
        sortOrder: o.sortOrder,
      });
    }
  }, [target, form]);

  const onFinish = (v: Values) => {
    const common = {
      name: v.name.trim(),
      shortName: blankToUndefined(v.shortName),
      code: blankToUndefined(v.code),
      domain: v.domain ?? undefined,
      sortOrder: v.sortOrder ?? undefined,
    };
    const done = (org: Org, key: 'org.created' | 'org.updated') => {
      message.success(t(key, { name: org.name }));
      onSaved(org);
    };
    if (target?.mode === 'create') {
      create.mutate(
        { parentId: target.parent.id, type: v.type as OrgType, ...common },
        { onSuccess: (org) => done(org, 'org.created'), onError: (e) => applyFormError(form, e) },
      );
    } else if (target?.mode === 'edit') {
      update.mutate(
        { id: target.org.id, body: common },
        { onSuccess: (org) => done(org, 'org.updated'), onError: (e) => applyFormError(form, e) },
      );
    }
  };

  const title =
    target?.mode === 'create'
      ? t('org.createChildOf', { name: target.parent.name })
      : target?.mode === 'edit'
        ? t('org.editTitle', { name: target.org.name })
        : '';
  const allowedTypes = target?.mode === 'create' ? ALLOWED_CHILD_TYPES[target.parent.type] : [];

  return (
    <Modal
      open={Boolean(target)}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      width={640}
      forceRender
    >
      <Form form={form} name="org-form" layout="vertical" onFinish={onFinish} className="re-modal-form">
        {target?.mode === 'create' && (
          <Form.Item name="type" label={t('org.type')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={allowedTypes.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.name')} rules={rulesFrom(S.name, t, { required: true })}>
          <Input placeholder={t('org.namePlaceholder')} />
        </Form.Item>
        <div className="re-form-grid">
          <Form.Item name="shortName" label={t('org.shortName')} rules={rulesFrom(S.shortName, t)}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('org.code')} rules={rulesFrom(S.code, t, { invalid: t('org.codeInvalid') })}>
            <Input />
          </Form.Item>
          <Form.Item name="domain" label={t('org.domain')}>
            <Select allowClear options={ORG_DOMAINS.map((d) => ({ value: d, label: t(`orgDomain.${d}`) }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('org.sortOrder')}>
            <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
