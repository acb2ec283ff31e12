import { ArrowRightOutlined, PlusOutlined } from '@ant-design/icons';
import { TRANSFER_KINDS, TRANSFER_STATUSES, type Transfer } from '@red-engine/shared';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { transferApi, transferKeys } from './api';
import { TransferCreateModal } from './TransferCreateModal';
import { TransferDrawer } from './TransferDrawer';
import { OverdueTag, TransferKindTag, TransferStatusTag } from './TransferTags';

interface Filters {
  status?: string;
  kind?: string;
  overdue?: 'true' | 'false';
}

const currentStepOrg = (tr: Transfer) =>
  tr.status === 'pending' ? (tr.steps.find((s) => s.stepNo === tr.currentStepNo)?.orgName ?? null) : null;

/** 组织关系转接: requests in the user's scope, their approval chain and the letters. */
export default function TransfersPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const openId = params.get('id') ?? undefined;
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const table = useProTable<Transfer>({
    queryKey: transferKeys.lists(),
    request: transferApi.list,
    params: { ...filters },
  });

  const setOpen = (id: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('id', id);
      else next.delete('id');
      return next;
    });
  const set =
    <K extends keyof Filters>(key: K) =>
    (v: Filters[K]) =>
      setFilters((f) => ({ ...f, [key]: v }));

  return (
    <PageContainer
      title={t('menu.transfers')}
      subTitle={t('transfer.subTitle')}
      extra={
        can('transfer:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('transfer.create')}
          </Button>
        )
      }
    >
      <Card>
        <Space wrap className="re-filter-bar">
          <Select
            allowClear
            aria-label={t('transfer.filterStatus')}
            placeholder={t('transfer.filterStatus')}
            style={{ width: 140 }}
            value={filters.status}
            onChange={set('status')}
            options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transferStatus.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('transfer.filterKind')}
            placeholder={t('transfer.filterKind')}
            style={{ width: 140 }}
            value={filters.kind}
            onChange={set('kind')}
            options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(`transferKind.${k}`) }))}
          />
          <Select
            allowClear
            aria-label={t('transfer.filterOverdue')}
            placeholder={t('transfer.filterOverdue')}
            style={{ width: 140 }}
            value={filters.overdue}
            onChange={set('overdue')}
            options={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
          />
        </Space>
        <Table<Transfer>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('transfer.empty') }}
          onRow={(tr) => ({ onClick: () => setOpen(tr.id), className: 're-row-link' })}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            {
              title: t('transfer.member'),
              dataIndex: 'memberName',
              width: 120,
              render: (name: string, tr) => <Typography.Link onClick={() => setOpen(tr.id)}>{name}</Typography.Link>,
            },
            {
              title: t('transfer.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (_, tr) => <TransferKindTag kind={tr.kind} />,
            },
            {
              title: t('transfer.fromTo'),
              key: 'fromTo',
              render: (_, tr) => (
                <Space size={6} wrap>
                  <span>{tr.fromOrgName ?? tr.source ?? '—'}</span>
                  <ArrowRightOutlined className="re-card-note" />
                  <span>{tr.toOrgName ?? tr.destination ?? '—'}</span>
                </Space>
              ),
            },
            {
              title: t('transfer.status'),
              dataIndex: 'status',
              width: 100,
              render: (_, tr) => <TransferStatusTag status={tr.status} />,
            },
            {
              title: t('transfer.currentStep'),
              key: 'currentStep',
              width: 180,
              render: (_, tr) => currentStepOrg(tr) ?? '—',
            },
            { title: t('transfer.requestedOn'), dataIndex: 'requestedOn', width: 120 },
            {
              title: t('transfer.overdue'),
              dataIndex: 'overdue',
              width: 90,
              render: (o: boolean) => (o ? <OverdueTag /> : null),
            },
          ]}
        />
      </Card>
      <TransferDrawer id={openId} onClose={() => setOpen(undefined)} />
      {can('transfer:create') && (
        <TransferCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setOpen} />
      )}
    </PageContainer>
  );
}
