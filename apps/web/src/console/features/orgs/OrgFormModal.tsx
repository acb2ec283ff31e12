import {
  ALLOWED_CHILD_TYPES,
  CreateOrgBodySchema,
  type Org,
  type OrgDomain,
  type OrgType,
  type UnitSituation,
  type UpdateOrgBody,
} from '@red-engine/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { rulesFrom } from '../../../lib/zod-rules';
import { useCreateOrg, useUpdateOrg } from './api';
import { OrgFormFields } from './OrgFormFields';

export type OrgParent = Pick<Org, 'id' | 'type' | 'domain' | 'name'>;
export type OrgFormTarget = { mode: 'create'; parent: OrgParent } | { mode: 'edit'; org: Org };

interface Values {
  type?: OrgType;
  domain?: OrgDomain | null;
  name: string;
  shortName?: string;
  code?: string;
  sortOrder?: number | null;
  foundedOn?: Dayjs | null;
  foundingDocNo?: string;
  unitSituation?: UnitSituation | null;
  secretaryName?: string;
  address?: string;
  contactPerson?: string;
  contactPhone?: string;
  longitude?: number | null;
  latitude?: number | null;
  projectName?: string;
  temporaryUntil?: Dayjs | null;
}

const S = CreateOrgBodySchema.shape;
const TEXT_FIELDS = [
  'shortName',
  'code',
  'foundingDocNo',
  'secretaryName',
  'address',
  'contactPerson',
  'contactPhone',
  'projectName',
] as const;

/** Form values → body fields: an empty input is null (clears on edit); create leaves nulls out. */
function detailFields(v: Values) {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  const out: Record<string, string | number | null> = {};
  for (const k of TEXT_FIELDS) out[k] = text(v[k]);
  out.foundedOn = v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null;
  out.temporaryUntil = v.temporaryUntil ? v.temporaryUntil.format('YYYY-MM-DD') : null;
  out.unitSituation = v.unitSituation ?? null;
  out.longitude = v.longitude ?? null;
  out.latitude = v.latitude ?? null;
  return out;
}

const withoutNulls = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null));

function editValues(o: Org): Values {
  return {
    name: o.name,
    shortName: o.shortName ?? undefined,
    code: o.code ?? undefined,
    domain: o.domain ?? undefined,
    sortOrder: o.sortOrder,
    foundedOn: o.foundedOn ? dayjs(o.foundedOn) : null,
    foundingDocNo: o.foundingDocNo ?? undefined,
    unitSituation: o.unitSituation,
    secretaryName: o.secretaryName ?? undefined,
    address: o.address ?? undefined,
    contactPerson: o.contactPerson ?? undefined,
    contactPhone: o.contactPhone ?? undefined,
    longitude: o.longitude,
    latitude: o.latitude,
    projectName: o.projectName ?? undefined,
    temporaryUntil: o.temporaryUntil ? dayjs(o.temporaryUntil) : null,
  };
}

/** 新建下级组织 / 编辑组织: the whole organization record; on edit an emptied field is cleared (null). */
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
  const chosenType = Form.useWatch('type', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      const allowed = ALLOWED_CHILD_TYPES[target.parent.type];
      form.setFieldsValue({ type: allowed[0], domain: target.parent.domain ?? undefined });
    } else {
      form.setFieldsValue(editValues(target.org));
    }
  }, [target, form]);

  const onFinish = (v: Values) => {
    const details = detailFields(v);
    const done = (org: Org, key: 'org.created' | 'org.updated') => {
      message.success(t(key, { name: org.name }));
      onSaved(org);
    };
    const onError = (e: unknown) => applyFormError(form, e);
    if (target?.mode === 'create') {
      const body = {
        parentId: target.parent.id,
        type: v.type as OrgType,
        name: v.name.trim(),
        domain: v.domain ?? undefined,
        sortOrder: v.sortOrder ?? undefined,
        ...withoutNulls(details),
      };
      create.mutate(body, { onSuccess: (org) => done(org, 'org.created'), onError });
    } else if (target?.mode === 'edit') {
      const body = {
        name: v.name.trim(),
        domain: v.domain ?? undefined,
        sortOrder: v.sortOrder ?? undefined,
        ...details,
      } as UpdateOrgBody;
      update.mutate({ id: target.org.id, body }, { onSuccess: (org) => done(org, 'org.updated'), onError });
    }
  };

  const title =
    target?.mode === 'create'
      ? t('org.createChildOf', { name: target.parent.name })
      : target?.mode === 'edit'
        ? t('org.editTitle', { name: target.org.name })
        : '';
  const allowedTypes = target?.mode === 'create' ? ALLOWED_CHILD_TYPES[target.parent.type] : [];
  const type = target?.mode === 'edit' ? target.org.type : chosenType;

  return (
    <Modal
      open={Boolean(target)}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okText={t('common.save')}
      width={720}
      forceRender
    >
      <Form form={form} name="org-form" layout="vertical" onFinish={onFinish} className="re-modal-form">
        {target?.mode === 'edit' && (
          <Alert type="info" showIcon title={t('org.clearHint')} className="re-modal-alert" />
        )}
        {target?.mode === 'create' && (
          <Form.Item name="type" label={t('org.type')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={allowedTypes.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('org.name')} rules={rulesFrom(S.name, t, { required: true })}>
          <Input placeholder={t('org.namePlaceholder')} />
        </Form.Item>
        <OrgFormFields type={type} />
      </Form>
    </Modal>
  );
}
