import { PlusOutlined } from '@ant-design/icons';
import { LEARNING_CONTENT_KINDS, LEARNING_CONTENT_STATUSES, type LearningContentSummary } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { useContents } from './api';
import { ContentEditorDrawer } from './ContentEditorDrawer';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  in_review: 'orange',
  published: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** 学习资料: the library with search and filters; the editor drawer carries the review workflow. */
export default function LearningContentsPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const qc = useQueryClient();
  const [q, setQ] = useState<{ q?: string; kind?: string; status?: string; current: number; pageSize: number }>({
    current: 1,
    pageSize: 20,
  });
  const list = useContents(q);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Card
      title={t('menu.learning.contents')}
      extra={
        can('learning:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('lrn.new')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('lrn.search')}
          onSearch={(v) => setQ({ ...q, q: v || undefined, current: 1 })}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('lrn.kind')}
          style={{ width: 140 }}
          options={LEARNING_CONTENT_KINDS.map((k) => ({ value: k, label: t(`lrn.kind.${k}` as MessageKey) }))}
          onChange={(v) => setQ({ ...q, kind: v, current: 1 })}
        />
        <Select
          allowClear
          placeholder={t('lrn.status')}
          style={{ width: 140 }}
          options={LEARNING_CONTENT_STATUSES.map((k) => ({ value: k, label: t(`lrn.status.${k}` as MessageKey) }))}
          onChange={(v) => setQ({ ...q, status: v, current: 1 })}
        />
      </Space>
      <Table<LearningContentSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.data ?? []}
        pagination={{
          current: q.current,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (current, pageSize) => setQ({ ...q, current, pageSize }),
        }}
        onRow={(r) => ({ onClick: () => setEditing(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('lrn.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('lrn.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: string) => t(`lrn.kind.${k}` as MessageKey),
          },
          { title: t('lrn.category'), dataIndex: 'categoryName', width: 110 },
          {
            title: t('lrn.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`lrn.status.${s}` as MessageKey)}</Tag>,
          },
          {
            title: t('lrn.audience'),
            dataIndex: 'audience',
            width: 100,
            render: (a: string) => t(a === 'zone' ? 'lrn.audience.zone' : 'lrn.audience.orgs'),
          },
          { title: t('lrn.org'), dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: t('lrn.author'), dataIndex: 'authorName', width: 100 },
          {
            title: t('lrn.publishedAt'),
            dataIndex: 'publishedAt',
            width: 150,
            render: (v: string | null) => formatDateTime(v),
          },
        ]}
      />
      {editing && (
        <ContentEditorDrawer
          id={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
            qc.invalidateQueries({ queryKey: ['learning'] });
          }}
          onCreated={(id) => setEditing(id)}
        />
      )}
    </Card>
  );
}
