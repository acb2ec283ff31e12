import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, InputNumber, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { apiUrl } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { nowInBeijing } from '../../../lib/time';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { hoursOf, learningApi } from './api';

/** 学习统计: per member of the caller's scope, online and offline study hours of a year; Excel export. */
export default function LearningStatsPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(nowInBeijing().year());
  const [org, setOrg] = useState<OrgOption | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const query = { year, ...(org ? { orgId: org.value } : {}), ...(q ? { q } : {}) };
  const stats = useQuery({
    queryKey: ['learning', 'stats', query, page],
    queryFn: () => learningApi.stats({ ...query, ...page }),
  });
  const s = stats.data;
  return (
    <Card
      title={t('menu.learning.stats')}
      extra={
        <Button icon={<DownloadOutlined />} href={apiUrl('/learning/stats/export', query)}>
          {t('lrn.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16, display: 'flex' }}>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonBefore={t('lrn.year')} />
        <OrgTreeSelect allowClear value={org ?? null} onChange={setOrg} style={{ width: 280 }} />
        <Input.Search allowClear placeholder={t('lrn.member')} onSearch={setQ} style={{ width: 200 }} />
      </Space>
      {s && (
        <Space size={48} style={{ marginBottom: 16, display: 'flex' }}>
          <Statistic title={t('lrn.membersStudied')} value={s.totals.studied} suffix={`/ ${s.totals.members}`} />
          <Statistic title={t('lrn.online')} value={hoursOf(s.totals.onlineSeconds)} suffix="h" />
          <Statistic title={t('lrn.offline')} value={hoursOf(s.totals.offlineSeconds)} suffix="h" />
        </Space>
      )}
      <Table
        rowKey="memberId"
        loading={stats.isFetching}
        dataSource={s?.data ?? []}
        pagination={{ ...page, total: s?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }) }}
        columns={[
          { title: t('lrn.member'), dataIndex: 'memberName', width: 120 },
          { title: t('lrn.org'), dataIndex: 'orgName', ellipsis: true },
          { title: `${t('lrn.online')} (h)`, dataIndex: 'onlineSeconds', render: hoursOf, width: 110 },
          { title: `${t('lrn.offline')} (h)`, dataIndex: 'offlineSeconds', render: hoursOf, width: 110 },
          { title: `${t('lrn.total')} (h)`, render: (_, r) => hoursOf(r.onlineSeconds + r.offlineSeconds), width: 100 },
          { title: t('lrn.studyDays'), dataIndex: 'studyDays', width: 100 },
          { title: t('lrn.lessonsCompleted'), dataIndex: 'lessonsCompleted', width: 100 },
        ]}
      />
    </Card>
  );
}
