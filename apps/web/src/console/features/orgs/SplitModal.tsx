import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ALLOWED_CHILD_TYPES,
  type Member,
  type Org,
  type OrgType,
  type RestructurePreview,
  type SplitOrgBody,
} from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Divider, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday } from '../../../lib/time';
import { memberApi } from '../members/api';
import { orgApi, orgKeys, useOrg, useRestructure, useRestructurePreview } from './api';
import { OrgTypeTag } from './OrgTypeTag';
import { RestructurePreviewView } from './RestructurePreviewView';

interface NewOrgValues {
  name?: string;
  type?: OrgType;
  shortName?: string;
}
interface Values {
  newOrgs: NewOrgValues[];
  effectiveDate?: Dayjs | null;
  reason?: string;
  dissolveSource?: boolean;
}

const STAY = -1;
const MEMBER_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];
const noFuture = isAfterToday;

/** 拆分: new sibling organizations, and a 去向 for each member and sub-organization; 预览, then confirm. */
export function SplitModal({
  org,
  nameOf,
  onClose,
  onDone,
}: {
  org: Org | null;
  nameOf: (id: string) => string | undefined;
  onClose: () => void;
  onDone: (org: Org, preview: RestructurePreview) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const preview = useRestructurePreview();
  const apply = useRestructure();
  const [planned, setPlanned] = useState<{ body: SplitOrgBody; preview: RestructurePreview } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [memberTo, setMemberTo] = useState<Record<string, number>>({});
  const [childTo, setChildTo] = useState<Record<string, number>>({});
  const parent = useOrg(org?.parentId ?? undefined);
  const members = useQuery({
    queryKey: ['members', 'list', 'split', org?.id],
    queryFn: () => memberApi.list({ orgId: org?.id ?? '', pageSize: 200 }),
    enabled: Boolean(org && MEMBER_TYPES.includes(org.type)),
  });
  const children = useQuery({
    queryKey: [...orgKeys.lists(), 'split', org?.id],
    queryFn: () => orgApi.list({ parentId: org?.id ?? '', status: 'active', pageSize: 200 }),
    enabled: Boolean(org),
  });
  const newOrgs = Form.useWatch('newOrgs', form) ?? [];
  const ownMembers = useMemo(
    () => (members.data?.data ?? []).filter((m: Member) => m.orgId === org?.id),
    [members.data, org?.id],
  );

  useEffect(() => {
    if (!org) return;
    form.resetFields();
    form.setFieldsValue({ newOrgs: [{ type: org.type }] });
    setMemberTo({});
    setChildTo({});
    setPlanned(null);
    setRefusal(null);
  }, [org, form]);

  if (!org) return <Modal open={false} />;
  const allowedTypes = parent.data ? ALLOWED_CHILD_TYPES[parent.data.type] : [];
  const targetOptions = [
    { value: STAY, label: t('restructure.stay') },
    ...newOrgs.map((n, i) => ({
      value: i,
      label: n?.name?.trim() || t('restructure.newOrgN', { n: i + 1 }),
      disabled: false,
    })),
  ];
  const memberOptions = targetOptions.map((o) =>
    o.value === STAY ? o : { ...o, disabled: !MEMBER_TYPES.includes(newOrgs[o.value]?.type as OrgType) },
  );

  const toBody = (v: Values): SplitOrgBody => ({
    newOrgs: v.newOrgs.map((n) => ({
      name: n.name?.trim() ?? '',
      type: n.type ?? org.type,
      shortName: n.shortName?.trim() || undefined,
    })),
    members: Object.entries(memberTo)
      .filter(([, to]) => to !== STAY && to < v.newOrgs.length)
      .map(([memberId, to]) => ({ memberId, to })),
    children: Object.entries(childTo)
      .filter(([, to]) => to !== STAY && to < v.newOrgs.length)
      .map(([orgId, to]) => ({ orgId, to })),
    effectiveDate: v.effectiveDate?.format('YYYY-MM-DD'),
    reason: v.reason?.trim() || undefined,
    dissolveSource: v.dissolveSource || undefined,
  });

  /** Field errors of the new organizations under their fields; everything else as a banner. */
  const onError = (e: unknown) => {
    if (!isApiError(e) || e.status >= 500 || e.code === 'UNAUTHENTICATED') return reportError(e);
    const issues = e.fieldIssues();
    const placed = issues.filter((i) => ['newOrgs', 'effectiveDate', 'reason'].includes(String(i.name[0])));
    if (placed.length > 0) {
      setPlanned(null);
      form.setFields(placed.map((i) => ({ name: i.name as never, errors: [i.message] })));
    }
    setRefusal(placed.length === issues.length && placed.length > 0 ? null : e.message);
  };

  const onPreview = (v: Values) => {
    setRefusal(null);
    const body = toBody(v);
    preview.mutate(
      { id: org.id, action: 'split', body },
      { onSuccess: (p) => setPlanned({ body, preview: p }), onError },
    );
  };
  const onConfirm = () => {
    if (!planned) return;
    apply.mutate(
      { id: org.id, action: 'split', body: planned.body },
      {
        onSuccess: (p) => {
          message.success(t('restructure.done', { name: org.name, action: t('restructure.split') }));
          onDone(org, p);
        },
        onError,
      },
    );
  };
  const setAll = (kind: 'members' | 'children', to: number) => {
    if (kind === 'members') setMemberTo(Object.fromEntries(ownMembers.map((m) => [m.id, to])));
    else setChildTo(Object.fromEntries((children.data?.data ?? []).map((c) => [c.id, to])));
  };
  const allSelect = (kind: 'members' | 'children', options: typeof targetOptions) => (
    <Select
      size="small"
      placeholder={t('restructure.allocateAll')}
      style={{ width: 200 }}
      options={options}
      value={null}
      onChange={(to: number) => setAll(kind, to)}
      aria-label={`${t('restructure.allocateAll')} ${kind}`}
    />
  );

  const footer = planned ? (
    <Space>
      <Button onClick={() => setPlanned(null)}>{t('restructure.back')}</Button>
      <Button type="primary" danger loading={apply.isPending} onClick={onConfirm}>
        {t('restructure.confirm', { action: t('restructure.split') })}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={preview.isPending} onClick={() => form.submit()}>
        {t('restructure.preview')}
      </Button>
    </Space>
  );
  const required = [{ required: true, message: t('form.required') }];

  return (
    <Modal
      open
      title={t('restructure.splitTitle', { name: org.name })}
      onCancel={onClose}
      footer={footer}
      width={880}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} className="re-modal-alert" />}
      {planned && <RestructurePreviewView preview={planned.preview} nameOf={nameOf} />}
      <Form
        form={form}
        name="split-form"
        layout="vertical"
        onFinish={onPreview}
        className="re-modal-form"
        hidden={Boolean(planned)}
      >
        <Alert type="info" showIcon title={t('restructure.splitHint')} className="re-modal-alert" />
        <Divider titlePlacement="start" plain>
          {t('restructure.newOrgs')}
        </Divider>
        <Form.List name="newOrgs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" className="re-split-row" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={i === 0 ? t('restructure.newOrgName') : undefined}
                    rules={required}
                    style={{ width: 320 }}
                  >
                    <Input placeholder={t('restructure.newOrgN', { n: i + 1 })} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'type']}
                    label={i === 0 ? t('restructure.newOrgType') : undefined}
                    rules={required}
                    style={{ width: 160 }}
                  >
                    <Select
                      aria-label={t('restructure.newOrgType')}
                      options={allowedTypes.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'shortName']}
                    label={i === 0 ? t('restructure.newOrgShortName') : undefined}
                    style={{ width: 180 }}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('common.delete')}
                      style={i === 0 ? { marginTop: 30 } : undefined}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: org.type })}>
                  {t('restructure.addNewOrg')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        {MEMBER_TYPES.includes(org.type) && (
          <>
            <Divider titlePlacement="start" plain>
              {t('restructure.allocateMembers')} ({ownMembers.length})
            </Divider>
            <div className="re-split-all">{allSelect('members', memberOptions)}</div>
            <Table<Member>
              rowKey="id"
              size="small"
              loading={members.isPending}
              dataSource={ownMembers}
              locale={{ emptyText: t('restructure.noMembers') }}
              pagination={ownMembers.length > 8 ? { pageSize: 8, size: 'small' } : false}
              columns={[
                { title: t('member.name'), dataIndex: 'name', width: 160 },
                {
                  title: t('restructure.goesTo'),
                  key: 'to',
                  render: (_, m) => (
                    <Select
                      size="small"
                      style={{ width: 260 }}
                      aria-label={`${t('restructure.goesTo')} ${m.name}`}
                      value={memberTo[m.id] ?? STAY}
                      options={memberOptions}
                      onChange={(to: number) => setMemberTo((s) => ({ ...s, [m.id]: to }))}
                    />
                  ),
                },
              ]}
            />
          </>
        )}
        <Divider titlePlacement="start" plain>
          {t('restructure.allocateChildren')} ({children.data?.data.length ?? 0})
        </Divider>
        {(children.data?.data.length ?? 0) > 0 && (
          <div className="re-split-all">{allSelect('children', targetOptions)}</div>
        )}
        <Table<Org>
          rowKey="id"
          size="small"
          loading={children.isPending}
          dataSource={children.data?.data ?? []}
          locale={{ emptyText: t('restructure.noChildren') }}
          pagination={false}
          columns={[
            {
              title: t('org.name'),
              key: 'name',
              width: 260,
              render: (_, c) => (
                <Space>
                  {c.name}
                  <OrgTypeTag type={c.type} small />
                </Space>
              ),
            },
            {
              title: t('restructure.goesTo'),
              key: 'to',
              render: (_, c) => (
                <Select
                  size="small"
                  style={{ width: 260 }}
                  aria-label={`${t('restructure.goesTo')} ${c.name}`}
                  value={childTo[c.id] ?? STAY}
                  options={targetOptions}
                  onChange={(to: number) => setChildTo((s) => ({ ...s, [c.id]: to }))}
                />
              ),
            },
          ]}
        />
        <Divider />
        <div className="re-form-grid">
          <Form.Item
            name="effectiveDate"
            label={t('restructure.effectiveDate')}
            extra={t('restructure.effectiveDateHint')}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
          </Form.Item>
          <Form.Item name="reason" label={t('restructure.reason')}>
            <Input maxLength={500} />
          </Form.Item>
        </div>
        <Form.Item name="dissolveSource" valuePropName="checked">
          <Checkbox>{t('restructure.dissolveSource')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
