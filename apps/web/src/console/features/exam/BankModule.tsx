import { PlusOutlined } from '@ant-design/icons';
import type { Bank } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { examApi, examKeys } from './api';
import { BankDetailPage } from './BankDetailPage';

export const BANKS = '/question-banks';

/** 新建 / 编辑题库 in a small modal. */
export function BankFormModal({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: Bank | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ org?: OrgOption; name: string; description?: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { org?: OrgOption; name: string; description?: string }) =>
      editing
        ? examApi.updateBank(editing.id, { name: v.name, description: v.description?.trim() || null })
        : examApi.createBank({ name: v.name, description: v.description?.trim() || null, orgId: v.org?.value ?? '' }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: examKeys.all });
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });
  return (
    <Modal
      open={open}
      title={editing ? t('exam.bank.edit') : t('exam.bank.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? { name: editing.name, description: editing.description ?? undefined } : {}}
        onFinish={(v) => save.mutate(v)}
      >
        {!editing && (
          <Form.Item name="org" label={t('exam.bank.org')} rules={[{ required: true, message: t('exam.bank.org') }]}>
            <OrgTreeSelect aria-label={t('exam.bank.org')} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('exam.bank.name')} rules={[{ required: true, max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t('exam.bank.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 题库管理: the banks the caller may use (their own and their superiors'); a row opens its questions. */
function BankListPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState<string>();
  const table = useProTable<Bank>({ queryKey: examKeys.banks(), request: examApi.banks, params: { q } });
  const columns: TableColumnsType<Bank> = [
    {
      title: t('exam.bank.name'),
      dataIndex: 'name',
      width: 260,
      render: (v: string, b) => (
        <Typography.Link strong onClick={() => navigate(`${BANKS}/${b.id}`)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: t('exam.bank.org'), dataIndex: 'orgName', width: 240, ellipsis: true },
    { title: t('exam.bank.count'), dataIndex: 'questionCount', width: 90, align: 'right' },
    {
      title: t('exam.bank.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('exam.bank.updated'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatBeijing(v) },
  ];
  return (
    <PageContainer
      title={t('menu.questionBanks')}
      extra={
        can('learning:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('exam.bank.new')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            placeholder={t('exam.bank.search')}
            aria-label={t('exam.bank.search')}
            style={{ width: 240 }}
            onSearch={(v) => setQ(v || undefined)}
          />
        </div>
        <Table<Bank> rowKey="id" columns={columns} scroll={{ x: 960 }} {...table.tableProps} />
      </Card>
      <BankFormModal open={creating} editing={null} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}

export default function BankModule() {
  return (
    <Routes>
      <Route index element={<BankListPage />} />
      <Route path=":id" element={<BankDetailPage />} />
    </Routes>
  );
}
