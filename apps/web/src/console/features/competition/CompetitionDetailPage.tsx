import { DesktopOutlined, DownloadOutlined, EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { AnomalyFlag, IndividualStanding, TeamStanding } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Result,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { PageLoading } from '../../components/PageLoading';
import { competitionApi, competitionKeys } from './api';
import { CompetitionFormDrawer } from './CompetitionFormDrawer';
import { BASE, StatusTag } from './CompetitionModule';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function Flags({ flags }: { flags: AnomalyFlag[] }) {
  const { t } = useI18n();
  if (flags.length === 0) return <span className="re-muted">—</span>;
  return (
    <>
      {flags.map((f) => (
        <Tag key={f.kind} color="orange">
          {t(`cmp.flag.${f.kind}`, { n: f.count })}
        </Tag>
      ))}
    </>
  );
}

/** One competition: settings and actions, team and individual results with anomaly flags, export, live board. */
export function CompetitionDetailPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams<{ id: string }>();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const detail = useQuery({ queryKey: competitionKeys.detail(id), queryFn: () => competitionApi.get(id) });
  const results = useQuery({
    queryKey: competitionKeys.results(id),
    queryFn: () => competitionApi.results(id),
    refetchInterval: detail.data?.status === 'running' ? 5000 : false,
  });
  const act = useMutation({
    mutationFn: (step: 'schedule' | 'cancel') => competitionApi[step](id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: competitionKeys.all });
      message.success(t('common.saved'));
    },
    onError: reportError,
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <Result status="404" title={detail.error.message} />;
  const c = detail.data;
  const editable = c.canManage && (c.status === 'draft' || c.status === 'scheduled');
  const teamColumns: TableColumnsType<TeamStanding> = [
    { title: t('cmp.col.rank'), dataIndex: 'rank', width: 70 },
    { title: t('cmp.col.branch'), dataIndex: 'orgName' },
    { title: t('cmp.col.members'), dataIndex: 'members', width: 100 },
    { title: t(`cmp.team.${c.teamAggregate}`), dataIndex: 'score', width: 120 },
  ];
  const peopleColumns: TableColumnsType<IndividualStanding> = [
    { title: t('cmp.col.rank'), dataIndex: 'rank', width: 70 },
    { title: t('cmp.col.name'), dataIndex: 'name', width: 120 },
    { title: t('cmp.col.branch'), dataIndex: 'orgName', ellipsis: true },
    { title: t('cmp.col.score'), dataIndex: 'score', width: 90 },
    {
      title: t('cmp.col.correct'),
      key: 'correct',
      width: 90,
      render: (_, e) => `${e.correct}/${e.answered}`,
    },
    { title: t('cmp.col.time2'), dataIndex: 'totalMs', width: 100, render: seconds },
    {
      title: t('cmp.col.flags'),
      dataIndex: 'flags',
      width: 220,
      filters: [{ text: t('cmp.col.flags'), value: 'flagged' }],
      onFilter: (_, e) => e.flags.length > 0,
      render: (f: AnomalyFlag[]) => <Flags flags={f} />,
    },
  ];
  return (
    <div className="re-page">
      <Breadcrumb items={[{ title: <Link to={BASE}>{t('menu.competitions')}</Link> }, { title: c.title }]} />
      <Card
        style={{ marginTop: 12 }}
        title={
          <Space>
            {c.title}
            <StatusTag status={c.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('cmp.edit')}
              </Button>
            )}
            {c.canManage && c.status === 'draft' && (
              <Popconfirm title={t('cmp.scheduleConfirm')} onConfirm={() => act.mutate('schedule')}>
                <Button type="primary" icon={<SendOutlined />} loading={act.isPending}>
                  {t('cmp.schedule')}
                </Button>
              </Popconfirm>
            )}
            {c.canManage && (c.status === 'scheduled' || c.status === 'running' || c.status === 'draft') && (
              <Popconfirm title={t('cmp.cancelConfirm')} onConfirm={() => act.mutate('cancel')}>
                <Button danger icon={<StopOutlined />}>
                  {t('cmp.cancel')}
                </Button>
              </Popconfirm>
            )}
            <Button icon={<DesktopOutlined />} href={`/competitions/${c.id}/board`} target="_blank">
              {t('cmp.board')}
            </Button>
            <Button icon={<DownloadOutlined />} href={competitionApi.exportUrl(c.id)}>
              {t('cmp.export')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('cmp.col.org')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('cmp.col.time')}>
            {`${formatBeijing(c.startsAt)} ~ ${formatBeijing(c.endsAt, 'HH:mm')}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('cmp.f.questionSeconds')}>{c.questionSeconds}</Descriptions.Item>
          <Descriptions.Item label={t('cmp.f.banks')}>{c.banks.map((b) => b.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('cmp.f.rules')}>
            {c.drawRules
              .map(
                (r) =>
                  `${r.tags?.join('/') ?? ''}${r.difficulty ? ` ${t(`cmp.difficulty.${r.difficulty}` as 'cmp.difficulty.1')}` : ''} ${t('cmp.detail.rules', { n: r.count })}`,
              )
              .join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('cmp.f.audience')}>{c.audience.map((a) => a.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('cmp.f.standings')}>
            {t(`cmp.standings.${c.standings}`)} · {t(`cmp.team.${c.teamAggregate}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('cmp.col.participants')}>{c.participants}</Descriptions.Item>
        </Descriptions>
        <Alert type="info" showIcon title={t('cmp.scoreRule')} />
      </Card>
      <Card style={{ marginTop: 16 }} title={t('cmp.detail.teams')}>
        <Table<TeamStanding>
          rowKey="orgId"
          size="small"
          columns={teamColumns}
          dataSource={results.data?.teams ?? []}
          loading={results.isPending}
          pagination={{ pageSize: 10 }}
        />
      </Card>
      <Card style={{ marginTop: 16 }} title={t('cmp.detail.individuals')}>
        <Alert type="warning" showIcon title={t('cmp.detail.flagsNote')} style={{ marginBottom: 12 }} />
        <Table<IndividualStanding>
          rowKey="memberId"
          size="small"
          columns={peopleColumns}
          dataSource={results.data?.individuals ?? []}
          loading={results.isPending}
          scroll={{ x: 900 }}
        />
      </Card>
      <CompetitionFormDrawer open={editing} editing={c} onClose={() => setEditing(false)} />
    </div>
  );
}
