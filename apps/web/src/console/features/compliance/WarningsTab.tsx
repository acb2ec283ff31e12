import type { ComplianceWarning } from '@red-engine/shared';
import { Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useTypeName } from '../meetings/MeetingTags';
import { complianceApi, complianceKeys } from './api';
import { formatCycleKey, StatusTag } from './labels';

type StatusFilter = 'all' | 'warning' | 'overdue';

/** 预警: this cycle's rules about to end undone, and the overdue cycles of the last twelve months, newest first. */
export function WarningsTab({ orgId }: { orgId: string | undefined }) {
  const { t, locale } = useI18n();
  const typeName = useTypeName();
  const [status, setStatus] = useState<StatusFilter>('all');
  const table = useProTable<ComplianceWarning>({
    queryKey: complianceKeys.warnings(),
    request: complianceApi.warnings,
    params: { orgId, status: status === 'all' ? undefined : status },
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Segmented<StatusFilter>
          aria-label={t('compliance.warn.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'warning', label: t('compliance.status.warning') },
            { value: 'overdue', label: t('compliance.status.overdue') },
          ]}
        />
        <Typography.Text type="secondary">{t('compliance.warn.help')}</Typography.Text>
      </Space>
      <Table<ComplianceWarning>
        rowKey={(w) => `${w.orgId}|${w.ruleId}|${w.cycleKey}`}
        size="small"
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('compliance.warn.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ComplianceWarning['status']) => <StatusTag status={s} />,
          },
          {
            title: t('compliance.branch'),
            dataIndex: 'orgName',
            render: (name: string, w) => (
              <div>
                <div>{name}</div>
                {w.parentName && (
                  <Typography.Text type="secondary" className="re-cc-sub">
                    {w.parentName}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('compliance.warn.type'), dataIndex: 'typeCode', width: 140, render: (c: string) => typeName(c) },
          {
            title: t('compliance.warn.cycle'),
            dataIndex: 'cycleKey',
            width: 200,
            render: (k: string, w) => (
              <div>
                <div>{formatCycleKey(k, t, locale)}</div>
                <Typography.Text type="secondary" className="re-cc-sub">
                  {w.start} ~ {w.end}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('compliance.warn.progress'),
            key: 'progress',
            width: 90,
            render: (_: unknown, w) => `${w.done}/${w.expected}`,
          },
          {
            title: t('compliance.warn.days'),
            key: 'days',
            width: 130,
            render: (_: unknown, w) =>
              w.status === 'overdue' ? (
                <Typography.Text type="danger">
                  {t('compliance.warn.daysOverdue', { days: w.daysOverdue ?? 0 })}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">
                  {w.daysLeft === 0
                    ? t('compliance.warn.lastDay')
                    : t('compliance.warn.daysLeft', { days: w.daysLeft ?? 0 })}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Space>
  );
}
