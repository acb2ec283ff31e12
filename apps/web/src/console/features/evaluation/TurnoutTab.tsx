import { LockOutlined } from '@ant-design/icons';
import { type CampaignDetail, type TurnoutDetail, turnoutPercent } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Progress, Table, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi, evaluationKeys } from './api';

type Row = TurnoutDetail['byOrg'][number];

/** 投票进度: how many of each organization's voters have voted — never who chose what. */
export function TurnoutTab({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const turnout = useQuery({
    queryKey: evaluationKeys.turnout(c.id),
    queryFn: () => evaluationApi.turnout(c.id),
    refetchInterval: c.status === 'voting' ? 15_000 : false,
  });
  const rows = turnout.data?.byOrg ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary" className="re-ev-note">
        <LockOutlined /> {t('ev.turnoutHelp')}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="orgId"
        size="middle"
        loading={turnout.isPending}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('m.ev.notOpen') }}
        columns={[
          { title: t('ev.col.org'), dataIndex: 'orgName' },
          { title: t('ev.col.eligible'), dataIndex: 'eligible', width: 110, align: 'right' },
          { title: t('ev.col.cast'), dataIndex: 'cast', width: 110, align: 'right' },
          {
            title: t('ev.col.rate'),
            key: 'rate',
            width: 260,
            render: (_, r) => (
              <Progress percent={turnoutPercent(r.cast, r.eligible) ?? 0} size="small" strokeColor="#c8102e" />
            ),
          },
        ]}
        summary={() =>
          turnout.data && rows.length > 1 ? (
            <Table.Summary.Row className="re-ev-summary-row">
              <Table.Summary.Cell index={0}>{t('ev.totalRow')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {turnout.data.eligible}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {turnout.data.cast}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <Progress percent={turnout.data.percent ?? 0} size="small" strokeColor="#c8102e" />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
