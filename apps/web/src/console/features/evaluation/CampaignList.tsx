import { CAMPAIGN_STATUSES, type Campaign, type CampaignStatus, type EvaluationKind } from '@red-engine/shared';
import { InputNumber, Progress, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { evaluationApi, evaluationKeys } from './api';
import { StatusTag, statusLabel } from './labels';

/** The campaigns of one kind in scope: filters by organization, year and stage; a row opens the campaign. */
export function CampaignList({ kind, base }: { kind: EvaluationKind; base: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [org, setOrg] = useState<OrgOption>();
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<CampaignStatus>();
  const statuses = CAMPAIGN_STATUSES.filter(
    (s) => kind === 'member_evaluation' || s === 'preparing' || s === 'voting' || s === 'closed',
  );
  const table = useProTable<Campaign>({
    queryKey: [...evaluationKeys.lists(), kind],
    request: evaluationApi.list,
    params: { kind, orgId: org?.value, year: year ?? undefined, status },
  });
  const columns: TableColumnsType<Campaign> = [
    {
      title: t('ev.col.title'),
      dataIndex: 'title',
      width: 300,
      render: (v: string, c) => (
        <Typography.Link onClick={() => navigate(`${base}/${c.id}`)} strong>
          {v}
        </Typography.Link>
      ),
    },
    { title: t('ev.col.org'), dataIndex: 'orgName', width: 240, ellipsis: true },
    { title: t('ev.col.year'), dataIndex: 'year', width: 80 },
    {
      title: t('ev.col.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: CampaignStatus) => <StatusTag kind={kind} status={s} />,
    },
    {
      title: t('ev.col.subjects'),
      dataIndex: 'subjectCount',
      width: 110,
      render: (n: number) => t(kind === 'secretary_review' ? 'ev.secretaries' : 'ev.members', { n }),
    },
    {
      title: t('ev.col.turnout'),
      key: 'turnout',
      width: 200,
      render: (_, c) =>
        c.turnout.eligible > 0 ? (
          <div className="re-ev-turnout-cell">
            <Progress percent={c.turnout.percent ?? 0} size="small" strokeColor="#c8102e" showInfo={false} />
            <span>{t('ev.turnoutText', { cast: c.turnout.cast, eligible: c.turnout.eligible })}</span>
          </div>
        ) : (
          <span className="re-muted">—</span>
        ),
    },
    {
      title: t('ev.col.period'),
      key: 'period',
      width: 200,
      render: (_, c) => (c.startsOn || c.endsOn ? `${c.startsOn ?? ''} ~ ${c.endsOn ?? ''}` : '—'),
    },
  ];
  return (
    <>
      <div className="re-filter-bar">
        <OrgTreeSelect
          allowClear
          value={org}
          onChange={setOrg}
          placeholder={t('ev.filterOrg')}
          aria-label={t('ev.filterOrg')}
        />
        <InputNumber<number>
          aria-label={t('ev.filterYear')}
          placeholder={t('ev.filterYear')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v)}
          style={{ width: 110 }}
        />
        <Select<CampaignStatus>
          allowClear
          aria-label={t('ev.filterStatus')}
          placeholder={t('ev.filterStatus')}
          style={{ width: 150 }}
          value={status}
          onChange={setStatus}
          options={statuses.map((s) => ({ value: s, label: statusLabel(t, kind, s) }))}
        />
      </div>
      <Table<Campaign>
        rowKey="id"
        size="middle"
        scroll={{ x: 1000 }}
        {...table.tableProps}
        locale={{ emptyText: t('ev.emptyList') }}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={columns}
        onRow={(c) => ({ onDoubleClick: () => navigate(`${base}/${c.id}`) })}
      />
    </>
  );
}
