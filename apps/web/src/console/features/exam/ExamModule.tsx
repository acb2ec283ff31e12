import { PlusOutlined } from '@ant-design/icons';
import { EXAM_STATUSES, type Exam, type ExamStatus } from '@red-engine/shared';
import { Button, Card, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { examApi, examKeys } from './api';
import { ExamDetailPage } from './ExamDetailPage';
import { ExamFormDrawer } from './ExamFormDrawer';
import { ExamStatusTag } from './labels';

export const EXAMS = '/exams';

/** 考试测验: exams and quizzes in scope; a row opens its set-up and results. */
function ExamListPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<ExamStatus>();
  const [q, setQ] = useState<string>();
  const table = useProTable<Exam>({ queryKey: examKeys.exams(), request: examApi.exams, params: { status, q } });
  const columns: TableColumnsType<Exam> = [
    {
      title: t('exam.col.title'),
      dataIndex: 'title',
      width: 260,
      render: (v: string, e) => (
        <Typography.Link strong onClick={() => navigate(`${EXAMS}/${e.id}`)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: t('exam.col.kind'), dataIndex: 'kind', width: 70, render: (k: Exam['kind']) => t(`exam.type.${k}`) },
    { title: t('exam.col.org'), dataIndex: 'orgName', width: 220, ellipsis: true },
    {
      title: t('exam.col.window'),
      key: 'window',
      width: 260,
      render: (_, e) => `${formatBeijing(e.opensAt)} ~ ${formatBeijing(e.closesAt)}`,
    },
    {
      title: t('exam.col.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: ExamStatus) => <ExamStatusTag status={s} />,
    },
    { title: t('exam.col.questions'), dataIndex: 'questionCount', width: 70, align: 'right' },
    { title: t('exam.col.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
  ];
  return (
    <PageContainer
      title={t('menu.exams')}
      extra={
        can('learning:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('exam.new')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            placeholder={t('exam.search')}
            aria-label={t('exam.search')}
            style={{ width: 240 }}
            onSearch={(v) => setQ(v || undefined)}
          />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('exam.col.status')}
            aria-label={t('exam.col.status')}
            value={status}
            onChange={setStatus}
            options={EXAM_STATUSES.map((s) => ({ value: s, label: t(`exam.status.${s}`) }))}
          />
        </div>
        <Table<Exam> rowKey="id" columns={columns} scroll={{ x: 1060 }} {...table.tableProps} />
      </Card>
      <ExamFormDrawer
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(e) => navigate(`${EXAMS}/${e.id}`)}
      />
    </PageContainer>
  );
}

export default function ExamModule() {
  return (
    <Routes>
      <Route index element={<ExamListPage />} />
      <Route path=":id" element={<ExamDetailPage />} />
    </Routes>
  );
}
