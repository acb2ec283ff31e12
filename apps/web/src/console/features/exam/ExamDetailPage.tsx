import {
  ArrowLeftOutlined,
  DownloadOutlined,
  EditOutlined,
  SendOutlined,
  StopOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { ExamResults } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { examApi, examKeys } from './api';
import { ExamFormDrawer } from './ExamFormDrawer';
import { EXAMS } from './ExamModule';
import { ExamStatusTag } from './labels';
import { OverrideModal } from './OverrideModal';

type Row = ExamResults['rows'][number];

/** One exam: its set-up, publication and close, results per member with Excel export, per-member overrides. */
export function ExamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const results = useQuery({ queryKey: examKeys.results(id), queryFn: () => examApi.results(id) });
  const act = useMutation({
    mutationFn: (what: 'publish' | 'close') => (what === 'publish' ? examApi.publish(id) : examApi.close(id)),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: examKeys.all });
      message.success(t('common.saved'));
    },
    onError: reportError,
  });
  if (results.isPending) return <PageLoading />;
  if (!results.data) return null;
  const { exam: e, summary, rows, overrides } = results.data;
  const manage = can('learning:manage');
  const columns: TableColumnsType<Row> = [
    { title: t('exam.r.member'), dataIndex: 'memberName', width: 100 },
    { title: t('exam.r.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('exam.r.attemptNo'), dataIndex: 'attemptNo', width: 70, align: 'right' },
    { title: t('exam.r.status'), dataIndex: 'status', width: 90, render: (s: Row['status']) => t(`exam.attempt.${s}`) },
    { title: t('exam.r.started'), dataIndex: 'startedAt', width: 150, render: (v: string) => formatBeijing(v) },
    {
      title: t('exam.r.submitted'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (v: string | null) => formatBeijing(v),
    },
    {
      title: t('exam.r.score'),
      key: 'score',
      width: 80,
      align: 'right',
      render: (_, r) => (r.score === null ? '—' : `${r.score}/${r.maxScore}`),
    },
    {
      title: t('exam.r.percent'),
      dataIndex: 'percent',
      width: 80,
      align: 'right',
      render: (p: number | null) => (p === null ? '—' : `${p}%`),
    },
    {
      title: t('exam.r.passed'),
      dataIndex: 'passed',
      width: 80,
      render: (p: boolean | null) =>
        p === null ? '—' : <Tag color={p ? 'green' : 'red'}>{p ? t('exam.h5.passed') : t('exam.h5.failed')}</Tag>,
    },
  ];
  const rulesText = e.drawRules
    .map(
      (r) =>
        `${r.tags?.join('、') || t('exam.f.ruleTags')}${r.difficulty?.length ? `·${r.difficulty.map((d) => t(`exam.difficulty.${d}` as 'exam.difficulty.1')).join('/')}` : ''} × ${r.count}`,
    )
    .join('；');
  return (
    <PageContainer
      title={
        <Space>
          <Link to={EXAMS} aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          {e.title}
          <ExamStatusTag status={e.status} />
        </Space>
      }
      extra={
        manage && (
          <Space wrap>
            {e.status !== 'closed' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('exam.edit')}
              </Button>
            )}
            {e.status === 'draft' && (
              <Popconfirm title={t('exam.publishConfirm')} onConfirm={() => act.mutate('publish')}>
                <Button type="primary" icon={<SendOutlined />} loading={act.isPending}>
                  {t('exam.publish')}
                </Button>
              </Popconfirm>
            )}
            {e.status === 'published' && (
              <>
                <Button icon={<UserAddOutlined />} onClick={() => setOverriding(true)}>
                  {t('exam.override')}
                </Button>
                <Popconfirm title={t('exam.closeConfirm')} onConfirm={() => act.mutate('close')}>
                  <Button danger icon={<StopOutlined />} loading={act.isPending}>
                    {t('exam.close')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('exam.col.kind')}>{t(`exam.type.${e.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('exam.col.org')}>{e.orgName}</Descriptions.Item>
          <Descriptions.Item
            label={t('exam.col.window')}
          >{`${formatBeijing(e.opensAt)} ~ ${formatBeijing(e.closesAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('exam.f.rules')}>
            {e.paperMode === 'fixed' ? `${t('exam.f.paper.fixed')} × ${e.questionCount}` : rulesText}
          </Descriptions.Item>
          <Descriptions.Item label={t('exam.f.timeLimit')}>
            {e.timeLimitMinutes ? t('exam.minutes', { n: e.timeLimitMinutes }) : t('exam.unlimited')}
          </Descriptions.Item>
          <Descriptions.Item label={t('exam.f.grace')}>{e.graceSeconds}</Descriptions.Item>
          <Descriptions.Item label={t('exam.f.maxAttempts')}>{t('exam.times', { n: e.maxAttempts })}</Descriptions.Item>
          <Descriptions.Item label={t('exam.f.pass')}>{e.passPercent}%</Descriptions.Item>
          <Descriptions.Item label={t('exam.f.release')}>{t(`exam.f.release.${e.resultsRelease}`)}</Descriptions.Item>
          <Descriptions.Item label={t('exam.f.audience')}>
            {e.audienceOrgs.map((o) => o.name).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('exam.results')}
        extra={
          <Button icon={<DownloadOutlined />} href={examApi.exportUrl(id)}>
            {t('exam.export')}
          </Button>
        }
      >
        <Space size={48} style={{ marginBottom: 16 }} wrap>
          <Statistic title={t('exam.sum.eligible')} value={summary.eligible} />
          <Statistic title={t('exam.sum.participants')} value={summary.participants} />
          <Statistic title={t('exam.sum.passed')} value={summary.passed} />
          <Statistic
            title={t('exam.sum.average')}
            value={summary.averagePercent ?? '—'}
            suffix={summary.averagePercent === null ? '' : '%'}
          />
        </Space>
        {overrides.length > 0 && (
          <div style={{ marginBottom: 12 }}>
            {t('exam.override.list')}：
            {overrides.map((o) => (
              <Tag key={o.memberId}>{`${o.memberName} +${o.extraAttempts}/${o.extraMinutes}′`}</Tag>
            ))}
          </div>
        )}
        <Table<Row>
          rowKey="attemptId"
          size="small"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <ExamFormDrawer open={editing} editing={e} onClose={() => setEditing(false)} />
      <OverrideModal examId={id} open={overriding} onClose={() => setOverriding(false)} />
    </PageContainer>
  );
}
