import { PlusOutlined } from '@ant-design/icons';
import {
  type MemberReport,
  type NotReported,
  type OrgReport,
  REPORT_STATUSES,
  SERVICE_CATEGORY_CODES,
  WITHDRAW_REASONS,
} from '@red-engine/shared';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import {
  csApi,
  csKeys,
  useCommunities,
  useCreateMemberReport,
  useCreateOrgReport,
  useRenewMemberReport,
  useWithdrawMemberReport,
  useWithdrawOrgReport,
} from './api';
import { CategoryTags, ReportStatusTag } from './CsTags';

export function CommunitySelect(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const communities = useCommunities();
  return (
    <Select
      {...props}
      aria-label={props.placeholder ?? t('cs.community')}
      loading={communities.isPending}
      options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

// ---------- 组织报到 ----------

export function OrgReportsTab() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('active');
  const [communityOrgId, setCommunity] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<OrgReport | null>(null);
  const withdraw = useWithdrawOrgReport();
  const table = useProTable<OrgReport>({
    queryKey: csKeys.list('org-reports'),
    request: csApi.orgReports,
    params: { status, communityOrgId },
  });
  return (
    <>
      <Space wrap className="re-filter-bar">
        <Select
          allowClear
          aria-label={t('cs.filterStatus')}
          placeholder={t('cs.filterStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))}
        />
        <CommunitySelect
          allowClear
          placeholder={t('cs.filterCommunity')}
          style={{ width: 200 }}
          value={communityOrgId}
          onChange={setCommunity}
        />
        {can('community:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cs.orgReport.create')}
          </Button>
        )}
      </Space>
      <Table<OrgReport>
        rowKey="id"
        size="middle"
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('cs.empty') }}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('cs.orgReport.org'), dataIndex: 'orgName', width: 240 },
          { title: t('cs.community'), dataIndex: 'communityName', width: 160 },
          { title: t('cs.reportedOn'), dataIndex: 'reportedOn', width: 110 },
          {
            title: t('cs.contact'),
            key: 'contact',
            width: 160,
            render: (_, r) => (
              <span>
                {r.contactPerson}
                {r.contactPhone && <Typography.Text type="secondary"> {r.contactPhone}</Typography.Text>}
              </span>
            ),
          },
          { title: t('cs.commitments'), dataIndex: 'commitments', ellipsis: true },
          {
            title: t('cs.status'),
            dataIndex: 'status',
            width: 100,
            render: (_, r) => <ReportStatusTag status={r.status} />,
          },
          ...(can('community:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: OrgReport) =>
                    r.status === 'active' && (
                      <Typography.Link onClick={() => setWithdrawing(r)}>{t('cs.withdraw')}</Typography.Link>
                    ),
                },
              ]
            : []),
        ]}
      />
      <OrgReportModal open={creating} onClose={() => setCreating(false)} />
      <ReasonModal
        open={withdrawing !== null}
        title={`${t('cs.withdrawTitle')} · ${withdrawing?.orgName ?? ''}`}
        onClose={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          await withdraw.mutateAsync({ id: withdrawing!.id, body: { reason } });
          message.success(t('cs.withdrawn'));
          setWithdrawing(null);
        }}
      />
    </>
  );
}

function ReasonModal(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      okText={t('common.submit')}
      confirmLoading={busy}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then(async (v) => {
          setBusy(true);
          try {
            await props.onSubmit(v.reason);
          } catch (e) {
            applyFormError(form, e);
          } finally {
            setBusy(false);
          }
        })
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('cs.withdrawReason')} rules={[{ required: true, max: 200 }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrgReportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateOrgReport();
  const [form] = Form.useForm<{
    org: OrgOption;
    communityOrgId: string;
    contactPerson: string;
    contactPhone?: string;
    commitments: string;
  }>();
  return (
    <Modal
      open={open}
      title={t('cs.orgReport.create')}
      onCancel={onClose}
      okText={t('common.submit')}
      confirmLoading={create.isPending}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then((v) =>
          create.mutate(
            {
              orgId: v.org.value,
              communityOrgId: v.communityOrgId,
              contactPerson: v.contactPerson,
              ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
              commitments: v.commitments,
            },
            {
              onSuccess: () => {
                message.success(t('cs.orgReport.created'));
                onClose();
              },
              onError: (e) => applyFormError(form, e),
            },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="org" label={t('cs.orgReport.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="communityOrgId" label={t('cs.community')} rules={[{ required: true }]}>
          <CommunitySelect />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="contactPerson"
            label={t('cs.contact')}
            rules={[{ required: true, max: 50 }]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('cs.orgReport.phone')} style={{ flex: 1, marginLeft: 12 }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="commitments" label={t('cs.commitments')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------- 党员报到 ----------

export function MemberReportsTab() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('active');
  const [communityOrgId, setCommunity] = useState<string>();
  const [keyword, setKeyword] = useState<string>();
  const renew = useRenewMemberReport();
  const withdraw = useWithdrawMemberReport();
  const [withdrawing, setWithdrawing] = useState<MemberReport | null>(null);
  const table = useProTable<MemberReport>({
    queryKey: csKeys.list('member-reports'),
    request: csApi.memberReports,
    params: { status, communityOrgId, keyword },
  });
  return (
    <>
      <Space wrap className="re-filter-bar">
        <Input.Search
          allowClear
          aria-label={t('cs.keyword')}
          placeholder={t('cs.keyword')}
          style={{ width: 220 }}
          onSearch={(v) => setKeyword(v || undefined)}
        />
        <Select
          allowClear
          aria-label={t('cs.filterStatus')}
          placeholder={t('cs.filterStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))}
        />
        <CommunitySelect
          allowClear
          placeholder={t('cs.filterCommunity')}
          style={{ width: 200 }}
          value={communityOrgId}
          onChange={setCommunity}
        />
      </Space>
      <Table<MemberReport>
        rowKey="id"
        size="middle"
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('cs.empty') }}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('cs.member'), dataIndex: 'memberName', width: 100 },
          { title: t('cs.org'), dataIndex: 'orgName', width: 220, ellipsis: true },
          { title: t('cs.community'), dataIndex: 'communityName', width: 150 },
          { title: t('cs.reportedOn'), dataIndex: 'reportedOn', width: 110 },
          { title: t('cs.lastReportedOn'), dataIndex: 'lastReportedOn', width: 110 },
          { title: t('cs.reReportDue'), dataIndex: 'reReportDueOn', width: 110, render: (d) => d ?? '—' },
          {
            title: t('cs.categories'),
            dataIndex: 'serviceCategories',
            render: (_, r) => <CategoryTags codes={r.serviceCategories} />,
          },
          {
            title: t('cs.status'),
            key: 'status',
            width: 150,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <ReportStatusTag status={r.status} overdue={r.reReportOverdue} />
                {r.withdrawReason && (
                  <Typography.Text type="secondary">
                    {r.withdrawnOn} {t(`withdrawReason.${r.withdrawReason}`)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(can('community:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, r: MemberReport) =>
                    r.status === 'active' && (
                      <Space>
                        <Typography.Link
                          onClick={() =>
                            modal.confirm({
                              title: `${t('cs.renew')} · ${r.memberName}`,
                              onOk: () =>
                                renew
                                  .mutateAsync(r.id)
                                  .then(() => message.success(t('cs.renewed')))
                                  .catch(reportError),
                            })
                          }
                        >
                          {t('cs.renew')}
                        </Typography.Link>
                        <Typography.Link onClick={() => setWithdrawing(r)}>{t('cs.withdraw')}</Typography.Link>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <WithdrawMemberModal
        report={withdrawing}
        onClose={() => setWithdrawing(null)}
        onSubmit={async (body) => {
          await withdraw.mutateAsync({ id: withdrawing!.id, body });
          message.success(t('cs.withdrawn'));
          setWithdrawing(null);
        }}
      />
    </>
  );
}

function WithdrawMemberModal(props: {
  report: MemberReport | null;
  onClose: () => void;
  onSubmit: (body: { reason: (typeof WITHDRAW_REASONS)[number]; note?: string }) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: (typeof WITHDRAW_REASONS)[number]; note?: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={props.report !== null}
      title={`${t('cs.withdrawTitle')} · ${props.report?.memberName ?? ''}`}
      onCancel={props.onClose}
      okText={t('common.submit')}
      confirmLoading={busy}
      destroyOnHidden
      onOk={() =>
        form.validateFields().then(async (v) => {
          setBusy(true);
          try {
            await props.onSubmit(v.note ? v : { reason: v.reason });
          } catch (e) {
            applyFormError(form, e);
          } finally {
            setBusy(false);
          }
        })
      }
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ reason: 'returned' }}>
        <Form.Item name="reason" label={t('cs.withdrawReason')} rules={[{ required: true }]}>
          <Select options={WITHDRAW_REASONS.map((r) => ({ value: r, label: t(`withdrawReason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('cs.claim.note')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------- 未报到党员 ----------

export function NotReportedTab() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const [reason, setReason] = useState<string>();
  const [registering, setRegistering] = useState<NotReported | null>(null);
  const create = useCreateMemberReport();
  const [form] = Form.useForm<{ communityOrgId: string; serviceCategories: string[] }>();
  const table = useProTable<NotReported>({
    queryKey: csKeys.list('not-reported'),
    request: csApi.notReported,
    params: { reason },
  });
  const colors: Record<string, string> = { never: 'red', withdrawn: 'default', overdue: 'orange' };
  return (
    <>
      <Space wrap className="re-filter-bar">
        <Select
          allowClear
          aria-label={t('cs.nr.reason')}
          placeholder={t('cs.nr.reason')}
          style={{ width: 180 }}
          value={reason}
          onChange={setReason}
          options={(['never', 'withdrawn', 'overdue'] as const).map((r) => ({
            value: r,
            label: t(`notReportedReason.${r}`),
          }))}
        />
      </Space>
      <Table<NotReported>
        rowKey="memberId"
        size="middle"
        locale={{ emptyText: t('cs.empty') }}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('cs.member'), dataIndex: 'memberName', width: 110 },
          { title: t('cs.org'), dataIndex: 'orgName' },
          {
            title: t('cs.nr.reason'),
            dataIndex: 'reason',
            width: 170,
            render: (r: NotReported['reason']) => <Tag color={colors[r]}>{t(`notReportedReason.${r}`)}</Tag>,
          },
          { title: t('cs.community'), dataIndex: 'communityName', width: 160, render: (v) => v ?? '—' },
          { title: t('cs.lastReportedOn'), dataIndex: 'lastReportedOn', width: 120, render: (v) => v ?? '—' },
          ...(can('community:manage')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, r: NotReported) =>
                    r.reason !== 'overdue' && (
                      <Typography.Link onClick={() => setRegistering(r)}>{t('cs.nr.register')}</Typography.Link>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={registering !== null}
        title={t('cs.memberReport.title', { name: registering?.memberName ?? '' })}
        onCancel={() => setRegistering(null)}
        okText={t('common.submit')}
        confirmLoading={create.isPending}
        destroyOnHidden
        onOk={() =>
          form.validateFields().then((v) =>
            create.mutate(
              {
                memberId: registering!.memberId,
                communityOrgId: v.communityOrgId,
                serviceCategories: (v.serviceCategories ?? []) as never,
              },
              {
                onSuccess: () => {
                  message.success(t('cs.memberReport.created'));
                  setRegistering(null);
                },
                onError: (e) => applyFormError(form, e),
              },
            ),
          )
        }
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="communityOrgId" label={t('cs.community')} rules={[{ required: true }]}>
            <CommunitySelect />
          </Form.Item>
          <Form.Item name="serviceCategories" label={t('cs.categories')}>
            <Select
              mode="multiple"
              options={SERVICE_CATEGORY_CODES.map((c) => ({ value: c, label: t(`serviceCategory.${c}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
