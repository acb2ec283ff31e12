import type { MemberServiceStats, OrgServiceStats } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Col, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { nowInBeijing } from '../../../lib/time';
import { csApi, csKeys } from './api';

const thisYear = nowInBeijing().year();

/** 服务统计: report rates and hours of the year per organization and per member (the base of later points). */
export function StatsTab() {
  const { t } = useI18n();
  const [year, setYear] = useState(thisYear);
  const orgs = useQuery({ queryKey: [...csKeys.list('stats-orgs'), year], queryFn: () => csApi.orgStats({ year }) });
  const members = useProTable<MemberServiceStats>({
    queryKey: csKeys.list('stats-members'),
    request: csApi.memberStats,
    params: { year },
  });
  const rows = orgs.data?.rows ?? [];
  const sum = (f: (r: OrgServiceStats) => number) => rows.reduce((n, r) => n + f(r), 0);
  const inService = sum((r) => r.inService);
  const reported = sum((r) => r.reported);
  const target = orgs.data?.hoursTarget ?? 50;
  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('cs.stats.year')}</Typography.Text>
        <Select
          aria-label={t('cs.stats.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('cs.stats.inService')} value={inService} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('cs.stats.reportRate')}
            value={inService ? (reported / inService) * 100 : 0}
            precision={1}
            suffix="%"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('cs.stats.hours')} value={sum((r) => r.confirmedHours)} precision={1} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={`${t('cs.stats.metTarget')}（≥${target}h）`} value={sum((r) => r.metTarget)} />
        </Col>
      </Row>
      <div>
        <Typography.Title level={5}>{t('cs.stats.byOrg')}</Typography.Title>
        <Table<OrgServiceStats>
          rowKey="orgId"
          size="small"
          loading={orgs.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: true }}
          columns={[
            { title: t('cs.org'), dataIndex: 'orgName', ellipsis: true },
            {
              title: t('cs.stats.inService'),
              dataIndex: 'inService',
              width: 100,
              sorter: (a, b) => a.inService - b.inService,
            },
            { title: t('cs.stats.reported'), dataIndex: 'reported', width: 90 },
            {
              title: t('cs.stats.reportRate'),
              dataIndex: 'reportRate',
              width: 180,
              sorter: (a, b) => a.reportRate - b.reportRate,
              render: (r: number) => (
                <Progress
                  percent={Math.round(r * 1000) / 10}
                  size="small"
                  status={r < 0.95 ? 'exception' : 'success'}
                />
              ),
            },
            { title: t('cs.stats.overdue'), dataIndex: 'reReportOverdue', width: 110 },
            {
              title: t('cs.stats.hours'),
              dataIndex: 'confirmedHours',
              width: 130,
              sorter: (a, b) => a.confirmedHours - b.confirmedHours,
            },
            { title: t('cs.stats.completed'), dataIndex: 'completedClaims', width: 120 },
            { title: t('cs.stats.metTarget'), dataIndex: 'metTarget', width: 110 },
            {
              title: t('cs.stats.orgReported'),
              dataIndex: 'orgReported',
              width: 110,
              render: (v: boolean) => (v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('cs.stats.byMember')}</Typography.Title>
        <Table<MemberServiceStats>
          rowKey="memberId"
          size="small"
          {...members.tableProps}
          pagination={{ ...members.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('cs.member'), dataIndex: 'memberName', width: 100 },
            { title: t('cs.org'), dataIndex: 'orgName', ellipsis: true },
            { title: t('cs.community'), dataIndex: 'communityName', width: 150, render: (v) => v ?? '—' },
            {
              title: t('cs.stats.reportState'),
              dataIndex: 'reportStatus',
              width: 110,
              render: (s: MemberServiceStats['reportStatus']) =>
                s === 'active' ? (
                  <Tag color="green">{t('reportStatus.active')}</Tag>
                ) : s === 'overdue' ? (
                  <Tag color="orange">{t('cs.overdueTag')}</Tag>
                ) : (
                  <Tag color="red">{t('cs.stats.none')}</Tag>
                ),
            },
            {
              title: t('cs.stats.hours'),
              dataIndex: 'confirmedHours',
              width: 200,
              render: (h: number) => (
                <Progress percent={Math.min(100, (h / target) * 100)} size="small" format={() => `${h}h`} />
              ),
            },
            { title: t('cs.stats.pendingHours'), dataIndex: 'pendingHours', width: 120 },
            { title: t('cs.stats.completed'), dataIndex: 'completedClaims', width: 120 },
          ]}
        />
      </div>
    </Space>
  );
}
