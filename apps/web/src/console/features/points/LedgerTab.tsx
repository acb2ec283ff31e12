import type { PointMemberRow } from '@red-engine/shared';
import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { pointKeys, pointsApi } from './api';
import { Stars } from './labels';
import { MemberPointsDrawer } from './MemberPointsDrawer';

/** 党员积分明细: members by name with their total and stars; opening one shows every entry and why. */
export function LedgerTab({ year, orgId }: { year: number; orgId: string | undefined }) {
  const { t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const [open, setOpen] = useState<PointMemberRow | null>(null);
  const table = useProTable<PointMemberRow>({
    queryKey: pointKeys.members(),
    request: pointsApi.members,
    params: { year, orgId, keyword: keyword || undefined },
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        <Input.Search
          aria-label={t('points.ledger.search')}
          placeholder={t('points.ledger.search')}
          allowClear
          onSearch={setKeyword}
          style={{ width: 240 }}
        />
        <Typography.Text type="secondary">{t('points.ledger.byName')}</Typography.Text>
      </Space>
      <Table<PointMemberRow>
        rowKey="memberId"
        size="small"
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        onRow={(r) => ({ onDoubleClick: () => setOpen(r) })}
        columns={[
          {
            title: t('points.ledger.name'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, r) => (
              <Button type="link" size="small" className="re-pt-name" onClick={() => setOpen(r)}>
                {name}
              </Button>
            ),
          },
          { title: t('points.ledger.branch'), dataIndex: 'orgName', render: (n: string | null) => n ?? '—' },
          {
            title: t('points.ledger.total'),
            dataIndex: 'total',
            width: 110,
            align: 'right',
            render: (n: number) => <span className="re-pt-total-cell">{n}</span>,
          },
          {
            title: t('points.ledger.stars'),
            dataIndex: 'stars',
            width: 170,
            render: (n: number, r) => (
              <Space size={6}>
                <Stars stars={n} />
                {r.basis !== 'thresholds' && r.basis !== 'below_threshold' && (
                  <Typography.Text type="danger" className="re-pt-sub">
                    {t(`points.basis.${r.basis}`)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r) => (
              <Button type="link" size="small" onClick={() => setOpen(r)}>
                {t('points.ledger.open')}
              </Button>
            ),
          },
        ]}
      />
      <MemberPointsDrawer memberId={open?.memberId ?? null} year={year} onClose={() => setOpen(null)} />
    </Space>
  );
}
