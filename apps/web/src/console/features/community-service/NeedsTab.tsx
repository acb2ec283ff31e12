import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Claim,
  type CreateNeedBody,
  NEED_SOURCES,
  NEED_STATUSES,
  type Need,
  SERVICE_CATEGORY_CODES,
} from '@red-engine/shared';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatDateTime, fromBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { csApi, csKeys, useCloseNeed, useConfirmClaim, useCreateNeed, useNeed } from './api';
import { ClaimStatusTag, NeedStatusTag } from './CsTags';
import { CommunitySelect } from './ReportsTabs';

const when = (iso: string) => formatDateTime(iso);

/** 社区需求: the claims awaiting the community's confirmation first, then every need in view. */
export function NeedsTab() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [filters, setFilters] = useState<{ status?: string; communityOrgId?: string; category?: string }>({});
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<Claim | null>(null);
  const table = useProTable<Need>({ queryKey: csKeys.list('needs'), request: csApi.needs, params: filters });
  const pending = useProTable<Claim>({
    queryKey: csKeys.list('claims-pending'),
    request: csApi.claims,
    params: { status: 'completed' },
    defaultPageSize: 5,
  });
  const set = (key: keyof typeof filters) => (v: string | undefined) => setFilters((f) => ({ ...f, [key]: v }));

  return (
    <>
      {pending.total > 0 && (
        <div style={{ marginBottom: 24 }}>
          <Typography.Title level={5}>
            <CheckCircleOutlined /> {t('cs.claim.pendingTitle')}
            <Tag color="gold" style={{ marginLeft: 8 }}>
              {pending.total}
            </Tag>
          </Typography.Title>
          <Table<Claim>
            rowKey="id"
            size="small"
            {...pending.tableProps}
            columns={[
              { title: t('cs.member'), dataIndex: 'memberName', width: 100 },
              { title: t('cs.org'), dataIndex: 'memberOrgName', ellipsis: true },
              { title: t('cs.need.title'), dataIndex: 'needTitle', ellipsis: true },
              { title: t('cs.community'), dataIndex: 'communityName', width: 150 },
              { title: t('cs.need.time'), dataIndex: 'needStartsAt', width: 150, render: when },
              { title: t('cs.claim.reportedHours'), dataIndex: 'reportedHours', width: 90 },
              { title: t('cs.claim.note'), dataIndex: 'note', ellipsis: true },
              ...(can('community:manage')
                ? [
                    {
                      title: t('common.actions'),
                      key: 'a',
                      width: 100,
                      render: (_: unknown, c: Claim) => (
                        <Typography.Link onClick={() => setConfirming(c)}>{t('cs.claim.confirm')}</Typography.Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      <Space wrap className="re-filter-bar">
        <Select
          allowClear
          aria-label={t('cs.filterStatus')}
          placeholder={t('cs.filterStatus')}
          style={{ width: 120 }}
          value={filters.status}
          onChange={set('status')}
          options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatus.${s}`) }))}
        />
        <CommunitySelect
          allowClear
          placeholder={t('cs.filterCommunity')}
          style={{ width: 200 }}
          value={filters.communityOrgId}
          onChange={set('communityOrgId')}
        />
        <Select
          allowClear
          aria-label={t('cs.need.category')}
          placeholder={t('cs.need.category')}
          style={{ width: 140 }}
          value={filters.category}
          onChange={set('category')}
          options={SERVICE_CATEGORY_CODES.map((c) => ({ value: c, label: t(`serviceCategory.${c}`) }))}
        />
        {can('community:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cs.need.create')}
          </Button>
        )}
      </Space>
      <Table<Need>
        rowKey="id"
        size="middle"
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('cs.empty') }}
        onRow={(n) => ({ onClick: () => setOpen(n.id), className: 're-row-link' })}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('cs.need.title'),
            dataIndex: 'title',
            render: (title: string, n) => (
              <Space size={4}>
                <Typography.Link>{title}</Typography.Link>
                {n.source === 'resident' && <Tag color="magenta">{t('needSource.resident')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('cs.need.category'),
            dataIndex: 'category',
            width: 110,
            render: (c: Need['category']) => t(`serviceCategory.${c}`),
          },
          { title: t('cs.community'), dataIndex: 'communityName', width: 150 },
          { title: t('cs.need.time'), dataIndex: 'startsAt', width: 150, render: when },
          { title: t('cs.need.hours'), dataIndex: 'hours', width: 120 },
          {
            title: t('cs.need.claimed'),
            key: 'seats',
            width: 90,
            render: (_, n) => `${n.claimedCount}/${n.capacity}`,
          },
          {
            title: t('cs.status'),
            dataIndex: 'status',
            width: 90,
            render: (_, n) => <NeedStatusTag status={n.status} />,
          },
        ]}
      />
      <NeedDrawer id={open} onClose={() => setOpen(undefined)} onConfirm={setConfirming} />
      <NeedCreateModal open={creating} onClose={() => setCreating(false)} />
      <ConfirmModal claim={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}

function NeedDrawer({
  id,
  onClose,
  onConfirm,
}: {
  id: string | undefined;
  onClose: () => void;
  onConfirm: (c: Claim) => void;
}) {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message, modal } = App.useApp();
  const need = useNeed(id);
  const close = useCloseNeed();
  const n = need.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size="large"
      title={n?.title}
      extra={
        n &&
        can('community:manage') &&
        n.status !== 'closed' && (
          <Button
            danger
            onClick={() =>
              modal.confirm({
                title: t('cs.need.closeConfirm'),
                onOk: () =>
                  close
                    .mutateAsync(n.id)
                    .then(() => message.success(t('cs.need.closed')))
                    .catch(reportError),
              })
            }
          >
            {t('cs.need.close')}
          </Button>
        )
      }
    >
      {n && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('cs.status')}>
              <NeedStatusTag status={n.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cs.community')}>{n.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.category')}>{t(`serviceCategory.${n.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.source')}>{t(`needSource.${n.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.time')}>{when(n.startsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.place')}>{n.place}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.hours')}>{n.hours}</Descriptions.Item>
            <Descriptions.Item label={t('cs.need.claimed')}>
              {n.claimedCount}/{n.capacity}
            </Descriptions.Item>
            <Descriptions.Item label={t('cs.need.description')}>{n.description}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('cs.need.claims')}
          </Typography.Title>
          <List
            locale={{ emptyText: t('cs.need.noClaims') }}
            dataSource={n.claims}
            renderItem={(c) => (
              <List.Item
                actions={
                  c.status === 'completed' && can('community:manage')
                    ? [
                        <Typography.Link key="c" onClick={() => onConfirm(c)}>
                          {t('cs.claim.confirm')}
                        </Typography.Link>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {c.memberName}
                      <ClaimStatusTag status={c.status} />
                    </Space>
                  }
                  description={[
                    c.memberOrgName,
                    c.reportedHours !== null ? `${t('cs.claim.reportedHours')} ${c.reportedHours}` : null,
                    c.confirmedHours !== null ? `${t('cs.claim.confirmedHours')} ${c.confirmedHours}` : null,
                    c.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}

function ConfirmModal({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const confirm = useConfirmClaim();
  const [form] = Form.useForm<{ hours: number }>();
  return (
    <Modal
      open={claim !== null}
      title={t('cs.claim.confirmTitle', { name: claim?.memberName ?? '' })}
      onCancel={onClose}
      okText={t('cs.claim.confirm')}
      confirmLoading={confirm.isPending}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then((v) =>
          confirm.mutate(
            { id: claim!.id, hours: v.hours },
            {
              onSuccess: () => {
                message.success(t('cs.claim.confirmed'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          ),
        )
      }
    >
      {claim && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${claim.needTitle} · ${when(claim.needStartsAt)}`}
          description={claim.note ?? undefined}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ hours: claim?.reportedHours ?? 1 }}>
        <Form.Item name="hours" label={t('cs.claim.confirmHours')} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type NeedForm = Omit<CreateNeedBody, 'startsAt'> & { startsAt: Dayjs };

function NeedCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateNeed();
  const [form] = Form.useForm<NeedForm>();
  return (
    <Modal
      open={open}
      title={t('cs.need.create')}
      onCancel={onClose}
      okText={t('common.submit')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
      onOk={() =>
        form.validateFields().then((v) =>
          create.mutate(
            { ...v, startsAt: fromBeijing(v.startsAt) },
            {
              onSuccess: () => {
                message.success(t('cs.need.posted'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          ),
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ source: 'community', hours: 2, capacity: 5, category: 'environment' }}
      >
        <Form.Item
          name="communityOrgId"
          label={t('cs.community')}
          extra={t('cs.need.communityHint')}
          rules={[{ required: true }]}
        >
          <CommunitySelect />
        </Form.Item>
        <Form.Item name="title" label={t('cs.need.title')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="category" label={t('cs.need.category')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={SERVICE_CATEGORY_CODES.map((c) => ({ value: c, label: t(`serviceCategory.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="source" label={t('cs.need.source')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={NEED_SOURCES.map((s) => ({ value: s, label: t(`needSource.${s}`) }))}
            />
          </Form.Item>
        </Space>
        <Space size={16} wrap>
          <Form.Item name="startsAt" label={t('cs.need.time')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="hours" label={t('cs.need.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
          <Form.Item name="capacity" label={t('cs.need.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('cs.need.place')} rules={[{ required: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('cs.need.description')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
