import type { Member, Page } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { api } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { examApi, examKeys } from './api';

type Values = { memberId: string; extraAttempts: number; extraMinutes: number; note?: string };

/** 个别调整: extra attempts or minutes for one member of the audience (0 and 0 remove the adjustment). */
export function OverrideModal({ examId, open, onClose }: { examId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [keyword, setKeyword] = useState('');
  const members = useQuery({
    queryKey: ['exam', 'override-members', keyword],
    queryFn: () => api.get<Page<Member>>('/members', { keyword, pageSize: 20 }),
    enabled: open && keyword.length > 0,
  });
  const save = useMutation({
    mutationFn: (v: Values) => examApi.override(examId, { ...v, note: v.note?.trim() || null }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: examKeys.results(examId) });
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => applyFormError(form, e),
  });
  return (
    <Modal
      open={open}
      title={t('exam.override.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ extraAttempts: 1, extraMinutes: 0 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="memberId" label={t('exam.override.member')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setKeyword}
            loading={members.isFetching}
            aria-label={t('exam.override.member')}
            options={(members.data?.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName ?? ''}）` }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item name="extraAttempts" label={t('exam.override.attempts')}>
            <InputNumber<number> min={0} max={20} />
          </Form.Item>
          <Form.Item name="extraMinutes" label={t('exam.override.minutes')}>
            <InputNumber<number> min={0} max={600} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('exam.override.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
