import { EditOutlined } from '@ant-design/icons';
import { maxUnitsFor, type Org, type Unit } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { unitApi } from '../units/api';
import { useOrgUnits, useSetOrgUnits } from './api';

type Option = { value: string; label: string };

/** The multi-select of units, searched on the server; at most `max` (a joint branch: 5). */
function UnitPicker({ value, onChange, max }: { value?: Option[]; onChange?: (v: Option[]) => void; max: number }) {
  const { t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const found = useQuery({
    queryKey: ['units', 'pick', keyword],
    queryFn: () => unitApi.list({ keyword: keyword || undefined, pageSize: 30 }),
  });
  return (
    <Select
      mode="multiple"
      labelInValue
      maxCount={max}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      placeholder={t('orgUnits.pick')}
      value={value}
      onChange={(v) => onChange?.(v as Option[])}
      loading={found.isFetching}
      options={(found.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** 所在单位: the units the organization sits in, and editing the links (limited by type, checked by the server). */
export function OrgUnitsTab({ org }: { org: Org }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const units = useOrgUnits(org.id);
  const save = useSetOrgUnits();
  const [form] = Form.useForm<{ unitIds: Option[] }>();
  const [editing, setEditing] = useState(false);
  const max = maxUnitsFor(org.type);
  const typeName = t(`orgType.${org.type}`);

  const open = () => {
    form.setFieldsValue({ unitIds: (units.data ?? []).map((u) => ({ value: u.id, label: u.name })) });
    setEditing(true);
  };
  const onFinish = (v: { unitIds: Option[] }) =>
    save.mutate(
      { id: org.id, unitIds: (v.unitIds ?? []).map((o) => o.value) },
      {
        onSuccess: () => {
          message.success(t('orgUnits.saved'));
          setEditing(false);
        },
        onError: (e) => applyFormError(form, e),
      },
    );

  return (
    <div>
      <div className="re-toolbar">
        <span className="re-card-note">
          {max === 0 ? t('orgUnits.notAllowed', { type: typeName }) : t('orgUnits.limit', { type: typeName, n: max })}
        </span>
        {can('org:update') && max > 0 && org.status === 'active' && (
          <Button icon={<EditOutlined />} onClick={open}>
            {t('orgUnits.edit')}
          </Button>
        )}
      </div>
      <Table<Unit>
        rowKey="id"
        size="middle"
        loading={units.isPending}
        pagination={false}
        dataSource={units.data ?? []}
        locale={{ emptyText: t('orgUnits.none') }}
        columns={[
          { title: t('unit.name'), dataIndex: 'name' },
          {
            title: t('unit.creditCode'),
            dataIndex: 'creditCode',
            width: 200,
            render: (v: string | null) => <span className="re-mono">{v ?? '—'}</span>,
          },
          { title: t('unit.kind'), dataIndex: 'kind', width: 110, render: (k: Unit['kind']) => t(`unitKind.${k}`) },
          {
            title: t('unit.aboveDesignatedSize'),
            dataIndex: 'aboveDesignatedSize',
            width: 130,
            render: (v: boolean) => (v ? <Tag color="gold">{t('unit.aboveSizeShort')}</Tag> : '—'),
          },
          { title: t('unit.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Modal
        open={editing}
        title={`${t('orgUnits.edit')} · ${org.name}`}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={save.isPending}
        forceRender
        width={640}
      >
        <Form form={form} name="org-units-form" layout="vertical" onFinish={onFinish} className="re-modal-form">
          <Alert
            type="info"
            showIcon
            className="re-modal-alert"
            title={t('orgUnits.limit', { type: typeName, n: max })}
          />
          <Form.Item name="unitIds" label={t('org.tabUnits')}>
            <UnitPicker max={max} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
