import type { BranchCompliance, ComplianceOverview, ParentCompliance } from '@red-engine/shared';
import { Col, Empty, Progress, Row, Segmented, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { nowInBeijing } from '../../../lib/time';
import { complianceApi, complianceKeys } from './api';
import { percent, STATUS_TONE } from './labels';
import { RuleCell } from './RuleCell';

const thisYear = nowInBeijing().year();
type CompliantFilter = 'all' | 'true' | 'false';

/** 完成情况: branches (rows) × rules (cells), with the parents' share of compliant branches above. */
export function MatrixTab({ orgId }: { orgId: string | undefined }) {
  const { t, locale } = useI18n();
  const [year, setYear] = useState(thisYear);
  const [compliant, setCompliant] = useState<CompliantFilter>('all');
  const table = useProTable<BranchCompliance>({
    queryKey: complianceKeys.overview(),
    request: complianceApi.overview,
    params: { orgId, year, compliant: compliant === 'all' ? undefined : compliant },
    defaultPageSize: 20,
  });
  const overview = table.query.data as ComplianceOverview | undefined;
  const columns: ColumnsType<BranchCompliance> = [
    {
      title: t('compliance.branch'),
      dataIndex: 'orgName',
      key: 'name',
      fixed: 'left',
      width: 230,
      sorter: true,
      render: (_: unknown, b) => (
        <div className="re-cc-branch">
          <Typography.Text strong ellipsis={{ tooltip: b.orgName }}>
            {b.orgName}
          </Typography.Text>
          <Typography.Text type="secondary" className="re-cc-sub" ellipsis>
            {[b.parentName, b.groupCount ? t('compliance.groups', { count: b.groupCount }) : t('compliance.noGroups')]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    ...(overview?.columns ?? []).map((c) => ({
      title: locale === 'zh-CN' ? c.nameZh : c.nameEn,
      key: c.typeCode,
      width: 108,
      align: 'center' as const,
      render: (_: unknown, b: BranchCompliance) => <RuleCell cell={b.cells.find((x) => x.typeCode === c.typeCode)} />,
    })),
    {
      title: t('compliance.rate'),
      dataIndex: 'rate',
      key: 'rate',
      width: 130,
      sorter: true,
      render: (rate: number | null) =>
        rate === null ? (
          '—'
        ) : (
          <Progress
            percent={Math.round(rate * 100)}
            size="small"
            strokeColor={rate >= 1 ? STATUS_TONE.done : rate >= 0.8 ? STATUS_TONE.warning : STATUS_TONE.overdue}
          />
        ),
    },
    {
      title: t('compliance.compliant'),
      key: 'overdue',
      dataIndex: 'overdue',
      width: 120,
      fixed: 'right',
      sorter: true,
      render: (_: unknown, b) => (
        <Space size={4} wrap>
          <Tag color={b.compliant ? STATUS_TONE.done : STATUS_TONE.overdue}>
            {t(b.compliant ? 'compliance.yes' : 'compliance.no')}
          </Tag>
          {b.overdue > 0 && (
            <Typography.Text type="danger" className="re-cc-sub">
              {t('compliance.overdueCount', { count: b.overdue })}
            </Typography.Text>
          )}
          {b.warnings > 0 && (
            <Typography.Text type="warning" className="re-cc-sub">
              {t('compliance.warningCount', { count: b.warnings })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Space>
          <Typography.Text>{t('compliance.year')}</Typography.Text>
          <Select
            aria-label={t('compliance.year')}
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={[1, 0, -1, -2, -3].map((d) => ({ value: thisYear + d, label: String(thisYear + d) }))}
          />
        </Space>
        <Segmented<CompliantFilter>
          aria-label={t('compliance.compliantFilter')}
          value={compliant}
          onChange={setCompliant}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('compliance.onlyCompliant') },
            { value: 'false', label: t('compliance.onlyNonCompliant') },
          ]}
        />
        {overview && (
          <Typography.Text type="secondary">
            {t('compliance.asOf', { date: overview.today, days: overview.warnDays })}
          </Typography.Text>
        )}
      </Space>
      {overview && <Summary overview={overview} />}
      <Table<BranchCompliance>
        rowKey="orgId"
        size="small"
        bordered
        className="re-cc-table"
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('compliance.empty')} /> }}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
      />
    </Space>
  );
}

function Summary({ overview }: { overview: ComplianceOverview }) {
  const { t } = useI18n();
  const { summary, parents } = overview;
  const top = Math.min(...parents.map((p) => p.depth));
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={8}>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('compliance.branches')} value={summary.branches} />
          </Col>
          <Col span={8}>
            <Statistic title={t('compliance.compliantBranches')} value={summary.compliant} />
          </Col>
          <Col span={8}>
            <Statistic title={t('compliance.share')} value={percent(summary.share)} />
          </Col>
        </Row>
      </Col>
      {parents.length > 0 && (
        <Col xs={24} lg={16}>
          <Typography.Text strong>{t('compliance.parents')} </Typography.Text>
          <Tooltip title={t('compliance.parentsHelp')}>
            <Typography.Text type="secondary">ⓘ</Typography.Text>
          </Tooltip>
          <Table<ParentCompliance>
            rowKey="orgId"
            size="small"
            className="re-cc-parents"
            pagination={false}
            scroll={{ y: 200 }}
            dataSource={parents}
            columns={[
              {
                title: t('org.name'),
                dataIndex: 'orgName',
                render: (name: string, p) => <span style={{ paddingLeft: (p.depth - top) * 16 }}>{name}</span>,
              },
              { title: t('compliance.branches'), dataIndex: 'branches', width: 80 },
              { title: t('compliance.compliantBranches'), dataIndex: 'compliantBranches', width: 100 },
              {
                title: t('compliance.share'),
                dataIndex: 'share',
                width: 160,
                render: (share: number | null) =>
                  share === null ? '—' : <Progress percent={Math.round(share * 100)} size="small" />,
              },
            ]}
          />
        </Col>
      )}
    </Row>
  );
}
