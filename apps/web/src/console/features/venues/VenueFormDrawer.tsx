import { CreateVenueBodySchema, type UpdateVenueBody, type Venue } from '@red-engine/shared';
import { App, Drawer, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { rulesFrom } from '../../../lib/zod-rules';
import { DrawerSaveActions } from '../../components/DrawerSaveActions';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useSaveVenue } from './api';

export type VenueFormTarget = { mode: 'create' } | { mode: 'edit'; venue: Venue };

interface Values {
  name?: string;
  ownerOrgId?: OrgOption;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  capacity?: number | null;
  facilities?: string[];
  openHours?: string;
  contactPerson?: string;
  contactPhone?: string;
  description?: string;
}

const S = CreateVenueBodySchema.shape;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function toBody(v: Values) {
  return {
    name: v.name?.trim() ?? '',
    ownerOrgId: v.ownerOrgId?.value ?? '',
    address: text(v.address),
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    capacity: v.capacity ?? null,
    facilities: (v.facilities ?? []).map((f) => f.trim()).filter(Boolean),
    openHours: text(v.openHours),
    contactPerson: text(v.contactPerson),
    contactPhone: text(v.contactPhone),
    description: text(v.description),
  };
}

function initial(target: VenueFormTarget): Values {
  if (target.mode === 'create') return { facilities: [] };
  const v = target.venue;
  return {
    name: v.name,
    ownerOrgId: { value: v.ownerOrgId, label: v.ownerOrgName },
    address: v.address ?? undefined,
    longitude: v.longitude,
    latitude: v.latitude,
    capacity: v.capacity,
    facilities: v.facilities,
    openHours: v.openHours ?? undefined,
    contactPerson: v.contactPerson ?? undefined,
    contactPhone: v.contactPhone ?? undefined,
    description: v.description ?? undefined,
  };
}

/** 新建阵地 / 编辑阵地 (党群活动中心): an emptied field is cleared on edit. */
export function VenueFormDrawer({ target, onClose }: { target: VenueFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveVenue();
  const editing = target?.mode === 'edit' ? target.venue : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(initial(target));
  }, [target, form]);

  const onFinish = (v: Values) => {
    const all = toBody(v);
    const body = editing ? all : Object.fromEntries(Object.entries(all).filter(([, x]) => x !== null));
    save.mutate(
      { id: editing?.id, body: body as UpdateVenueBody },
      {
        onSuccess: (saved) => {
          message.success(t(editing ? 'venue.updated' : 'venue.created', { name: saved.name }));
          onClose();
        },
        onError: (e) => applyFormError(form, e),
      },
    );
  };
  const full = { width: '100%' };

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      size={640}
      title={editing ? t('venue.editTitle', { name: editing.name }) : t('venue.create')}
      forceRender
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <Form form={form} name="venue-form" layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('venue.name')} rules={rulesFrom(S.name, t, { required: true })}>
          <Input />
        </Form.Item>
        <Form.Item
          name="ownerOrgId"
          label={t('venue.ownerOrg')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <OrgTreeSelect style={full} />
        </Form.Item>
        <Form.Item name="address" label={t('venue.address')} rules={rulesFrom(S.address, t)}>
          <Input />
        </Form.Item>
        <div className="re-form-grid">
          <Form.Item name="longitude" label={t('venue.longitude')}>
            <InputNumber min={-180} max={180} precision={6} style={full} />
          </Form.Item>
          <Form.Item name="latitude" label={t('venue.latitude')}>
            <InputNumber min={-90} max={90} precision={6} style={full} />
          </Form.Item>
          <Form.Item name="capacity" label={t('venue.capacity')}>
            <InputNumber min={1} max={100_000} precision={0} style={full} />
          </Form.Item>
          <Form.Item name="openHours" label={t('venue.openHours')} rules={rulesFrom(S.openHours, t)}>
            <Input placeholder={t('venue.openHoursPlaceholder')} />
          </Form.Item>
          <Form.Item name="contactPerson" label={t('venue.contactPerson')} rules={rulesFrom(S.contactPerson, t)}>
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('venue.contactPhone')}
            rules={rulesFrom(S.contactPhone, t, { invalid: t('org.phoneInvalid') })}
          >
            <Input />
          </Form.Item>
        </div>
        <Form.Item name="facilities" label={t('venue.facilities')} extra={t('venue.facilitiesHint')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="description" label={t('venue.description')} rules={rulesFrom(S.description, t)}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
