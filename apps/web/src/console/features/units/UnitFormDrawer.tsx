import {
  CreateUnitBodySchema,
  ECONOMIC_TYPES,
  ENTERPRISE_SCALES,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
  type UpdateUnitBody,
} from '@red-engine/shared';
import { App, Divider, Drawer, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { rulesFrom } from '../../../lib/zod-rules';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useSaveUnit } from './api';

export type UnitFormTarget = { mode: 'create' } | { mode: 'edit'; unit: Unit };

interface Values {
  name?: string;
  creditCode?: string;
  kind?: UnitKind;
  industry?: string;
  economicType?: Unit['economicType'];
  enterpriseScale?: Unit['enterpriseScale'];
  aboveDesignatedSize?: boolean;
  employees?: number | null;
  employeesUnder35?: number | null;
  legalRepIsMember?: boolean;
  address?: string;
  ownerOrgId?: OrgOption;
}

const S = CreateUnitBodySchema.shape;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function toBody(v: Values) {
  return {
    name: v.name?.trim() ?? '',
    creditCode: text(v.creditCode)?.toUpperCase() ?? null,
    kind: v.kind ?? 'enterprise',
    industry: text(v.industry),
    economicType: v.economicType ?? null,
    enterpriseScale: v.enterpriseScale ?? null,
    aboveDesignatedSize: Boolean(v.aboveDesignatedSize),
    employees: v.employees ?? null,
    employeesUnder35: v.employeesUnder35 ?? null,
    legalRepIsMember: Boolean(v.legalRepIsMember),
    address: text(v.address),
    ownerOrgId: v.ownerOrgId?.value ?? '',
  };
}

function initial(target: UnitFormTarget): Values {
  if (target.mode === 'create') return { kind: 'enterprise', aboveDesignatedSize: false, legalRepIsMember: false };
  const u = target.unit;
  return {
    name: u.name,
    creditCode: u.creditCode ?? undefined,
    kind: u.kind,
    industry: u.industry ?? undefined,
    economicType: u.economicType,
    enterpriseScale: u.enterpriseScale,
    aboveDesignatedSize: u.aboveDesignatedSize,
    employees: u.employees,
    employeesUnder35: u.employeesUnder35,
    legalRepIsMember: u.legalRepIsMember,
    address: u.address ?? undefined,
    ownerOrgId: { value: u.ownerOrgId, label: u.ownerOrgName },
  };
}

/** 新建单位 / 编辑单位; the credit code's check character and the headcounts are checked by the server. */
export function UnitFormDrawer({ target, onClose }: { target: UnitFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnit();
  const kind = Form.useWatch('kind', form);
  const editing = target?.mode === 'edit' ? target.unit : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initial(target));
  }, [target, form]);

  const onFinish = (v: Values) => {
    const all = toBody(v);
    const body = editing
      ? (all as UpdateUnitBody)
      : Object.fromEntries(Object.entries(all).filter(([, x]) => x !== null));
    save.mutate(
      { id: editing?.id, body: body as UpdateUnitBody },
      {
        onSuccess: (u) => {
          message.success(t(editing ? 'unit.updated' : 'unit.created', { name: u.name }));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );
  };
  const full = { width: '100%' };
  const required = [{ required: true, message: t('form.required') }];

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={680}
      title={editing ? t('unit.editTitle', { name: editing.name }) : t('unit.create')}
      forceRender
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <Form form={form} name="unit-form" layout="vertical" onFinish={onFinish}>
        <Divider titlePlacement="start" plain>
          {t('unit.sectionBasic')}
        </Divider>
        <Form.Item name="name" label={t('unit.name')} rules={rulesFrom(S.name, t, { required: true })}>
          <Input />
        </Form.Item>
        <div className="re-form-grid">
          <Form.Item
            name="creditCode"
            label={t('unit.creditCode')}
            rules={rulesFrom(S.creditCode, t, { invalid: t('unit.creditCodeInvalid') })}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input className="re-mono" maxLength={18} />
          </Form.Item>
          <Form.Item name="kind" label={t('unit.kind')} rules={required}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="ownerOrgId" label={t('unit.ownerOrg')} rules={required}>
            <OrgTreeSelect style={full} />
          </Form.Item>
          <Form.Item name="industry" label={t('unit.industry')} rules={rulesFrom(S.industry, t)}>
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="address" label={t('unit.address')} rules={rulesFrom(S.address, t)}>
          <Input />
        </Form.Item>
        {kind === 'enterprise' && (
          <>
            <Divider titlePlacement="start" plain>
              {t('unit.sectionEnterprise')}
            </Divider>
            <div className="re-form-grid">
              <Form.Item name="economicType" label={t('unit.economicType')}>
                <Select allowClear options={ECONOMIC_TYPES.map((e) => ({ value: e, label: t(`economicType.${e}`) }))} />
              </Form.Item>
              <Form.Item name="enterpriseScale" label={t('unit.enterpriseScale')}>
                <Select
                  allowClear
                  options={ENTERPRISE_SCALES.map((e) => ({ value: e, label: t(`enterpriseScale.${e}`) }))}
                />
              </Form.Item>
              <Form.Item name="aboveDesignatedSize" label={t('unit.aboveDesignatedSize')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </div>
          </>
        )}
        <Divider titlePlacement="start" plain>
          {t('unit.sectionPeople')}
        </Divider>
        <div className="re-form-grid">
          <Form.Item name="employees" label={t('unit.employees')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={full} />
          </Form.Item>
          <Form.Item name="employeesUnder35" label={t('unit.employeesUnder35')}>
            <InputNumber min={0} max={10_000_000} precision={0} style={full} />
          </Form.Item>
          <Form.Item name="legalRepIsMember" label={t('unit.legalRepIsMember')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
      </Form>
    </Drawer>
  );
}
