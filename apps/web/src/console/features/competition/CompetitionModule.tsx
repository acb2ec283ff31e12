import { PlusOutlined } from '@ant-design/icons';
import { COMPETITION_STATUSES, type Competition, type CompetitionStatus } from '@red-engine/shared';
import { Button, Card, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { competitionApi, competitionKeys } from './api';
import { CompetitionDetailPage } from './CompetitionDetailPage';
import { CompetitionFormDrawer } from './CompetitionFormDrawer';

export const BASE = '/competitions';
const COLORS: Record<CompetitionStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  running: 'red',
  finished: 'green',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: CompetitionStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`cmp.status.${status}`)}</Tag>;
}

/** 知识竞赛: the competitions in scope; a row opens one (set-up, results, flags, export, live board). */
function CompetitionListPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<CompetitionStatus>();
  const [keyword, setKeyword] = useState<string>();
  const table = useProTable<Competition>({
    queryKey: competitionKeys.lists(),
    request: competitionApi.list,
    params: { status, keyword },
  });
  const columns: TableColumnsType<Competition> = [
    {
      title: t('cmp.col.title'),
      dataIndex: 'title',
      width: 300,
      render: (v: string, c) => (
        <Typography.Link strong onClick={() => navigate(`${BASE}/${c.id}`)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: t('cmp.col.org'), dataIndex: 'orgName', width: 240, ellipsis: true },
    {
      title: t('cmp.col.time'),
      key: 'time',
      width: 240,
      render: (_, c) => `${formatBeijing(c.startsAt)} ~ ${formatBeijing(c.endsAt, 'HH:mm')}`,
    },
    {
      title: t('cmp.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: CompetitionStatus) => <StatusTag status={s} />,
    },
    { title: t('cmp.col.questions'), dataIndex: 'questionCount', width: 80 },
    { title: t('cmp.col.participants'), dataIndex: 'participants', width: 100 },
  ];
  return (
    <PageContainer
      title={t('menu.competitions')}
      subTitle={t('cmp.scoreRule')}
      extra={
        can('learning:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cmp.new')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            placeholder={t('cmp.keyword')}
            aria-label={t('cmp.keyword')}
            style={{ width: 240 }}
            onSearch={(v) => setKeyword(v || undefined)}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('cmp.col.status')}
            aria-label={t('cmp.col.status')}
            value={status}
            onChange={setStatus}
            options={COMPETITION_STATUSES.map((s) => ({ value: s, label: t(`cmp.status.${s}`) }))}
          />
        </div>
        <Table<Competition> rowKey="id" columns={columns} scroll={{ x: 1060 }} {...table.tableProps} />
      </Card>
      <CompetitionFormDrawer
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`${BASE}/${c.id}`)}
      />
    </PageContainer>
  );
}

export default function CompetitionModule() {
  return (
    <Routes>
      <Route index element={<CompetitionListPage />} />
      <Route path=":id" element={<CompetitionDetailPage />} />
    </Routes>
  );
}
