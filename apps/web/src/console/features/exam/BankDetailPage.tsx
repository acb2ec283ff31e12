import { ArrowLeftOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { Question, QuestionKind } from '@red-engine/shared';
import { QUESTION_KINDS } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { examApi, examKeys } from './api';
import { BANKS, BankFormModal } from './BankModule';
import { ImportModal } from './ImportModal';
import { answerText, KindTag } from './labels';
import { QuestionDrawer } from './QuestionDrawer';

/** One bank: its live questions with filters, the question editor and the import wizard. */
export function BankDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const bank = useQuery({ queryKey: examKeys.bank(id), queryFn: () => examApi.bank(id) });
  const [filters, setFilters] = useState<{ q?: string; kind?: QuestionKind; tag?: string; difficulty?: number }>({});
  const [editing, setEditing] = useState<Question | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const table = useProTable<Question>({
    queryKey: examKeys.questions(id),
    request: (p) => examApi.questions(id, p),
    params: filters,
  });
  const retire = useMutation({
    mutationFn: (qid: string) => examApi.retireQuestion(qid),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: examKeys.all });
      message.success(t('common.saved'));
    },
    onError: reportError,
  });
  if (bank.isPending) return <PageLoading />;
  if (!bank.data) return null;
  const manage = can('learning:manage');
  const yes = t('exam.true');
  const no = t('exam.false');

  const columns: TableColumnsType<Question> = [
    { title: t('exam.q.kind'), dataIndex: 'kind', width: 90, render: (k: QuestionKind) => <KindTag kind={k} /> },
    {
      title: t('exam.q.stem'),
      dataIndex: 'stem',
      render: (v: string, q) => (
        <div>
          <div>{v}</div>
          {q.options.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {q.options.map((o) => `${o.key}. ${o.text}`).join('　')}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('exam.q.answer'),
      dataIndex: 'answer',
      width: 140,
      render: (a: Question['answer']) => answerText(a, yes, no),
    },
    {
      title: t('exam.q.tags'),
      dataIndex: 'tags',
      width: 140,
      render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>),
    },
    {
      title: t('exam.q.difficulty'),
      dataIndex: 'difficulty',
      width: 70,
      render: (d: number) => t(`exam.difficulty.${d}` as 'exam.difficulty.1'),
    },
    { title: t('exam.q.points'), dataIndex: 'points', width: 60, align: 'right' },
    ...(manage
      ? [
          {
            key: 'actions',
            width: 120,
            render: (_: unknown, q: Question) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(q)}>
                  {t('exam.edit')}
                </Button>
                <Popconfirm title={t('exam.q.retireConfirm')} onConfirm={() => retire.mutate(q.id)}>
                  <Button type="link" size="small" danger>
                    {t('exam.q.retire')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const kinds = QUESTION_KINDS.map((k) => ({ value: k, label: t(`exam.kind.${k}`) }));
  return (
    <PageContainer
      title={
        <Space>
          <Link to={BANKS} aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          {bank.data.name}
        </Space>
      }
      subTitle={`${bank.data.orgName} · ${bank.data.questionCount} ${t('exam.col.questions')}`}
      extra={
        manage && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setRenaming(true)}>
              {t('exam.bank.edit')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t('exam.import.title')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('exam.q.new')}
            </Button>
          </Space>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            placeholder={t('exam.q.search')}
            aria-label={t('exam.q.search')}
            style={{ width: 220 }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v || undefined }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('exam.q.kind')}
            aria-label={t('exam.q.kind')}
            options={kinds}
            onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('exam.q.tags')}
            aria-label={t('exam.q.tags')}
            options={bank.data.tags.map((x) => ({ value: x, label: x }))}
            onChange={(tag) => setFilters((f) => ({ ...f, tag }))}
          />
          <Select
            allowClear
            style={{ width: 100 }}
            placeholder={t('exam.q.difficulty')}
            aria-label={t('exam.q.difficulty')}
            options={[1, 2, 3].map((d) => ({ value: d, label: t(`exam.difficulty.${d}` as 'exam.difficulty.1') }))}
            onChange={(difficulty) => setFilters((f) => ({ ...f, difficulty }))}
          />
        </div>
        <Table<Question> rowKey="id" columns={columns} scroll={{ x: 1000 }} {...table.tableProps} />
      </Card>
      <QuestionDrawer
        bankId={id}
        editing={editing === 'new' ? null : editing}
        open={editing !== null}
        tags={bank.data.tags}
        onClose={() => setEditing(null)}
      />
      <ImportModal bankId={id} open={importing} onClose={() => setImporting(false)} />
      <BankFormModal open={renaming} editing={bank.data} onClose={() => setRenaming(false)} />
    </PageContainer>
  );
}
