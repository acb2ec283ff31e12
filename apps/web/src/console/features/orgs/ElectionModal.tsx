import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COMMITTEE_POSITIONS,
  type CommitteePosition,
  type CreateCommitteeBody,
  type Member,
  type Org,
} from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday, todayInBeijing } from '../../../lib/time';
import { memberApi } from '../members/api';
import { useElectCommittee } from './api';

interface Row {
  position?: CommitteePosition;
  memberId?: string;
  name?: string;
}
interface Values {
  electedOn?: Dayjs;
  termNumber?: number | null;
  notes?: string;
  members: Row[];
}

/** Searches the organization's members by name (or pinyin initials) for a committee seat. */
function MemberPicker({
  orgId,
  value,
  onChange,
  onPicked,
}: {
  orgId: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  onPicked: (m: Member | undefined) => void;
}) {
  const { t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const found = useQuery({
    queryKey: ['members', 'pick', orgId, keyword],
    queryFn: () => memberApi.list({ orgId, keyword: keyword || undefined, pageSize: 20 }),
  });
  const options = (found.data?.data ?? []).map((m) => ({ value: m.id, label: m.name, member: m }));
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      placeholder={t('committee.pickMember')}
      aria-label={t('committee.pickMember')}
      value={value}
      loading={found.isFetching}
      options={options}
      style={{ width: 200 }}
      onChange={(v, opt) => {
        onChange?.(v);
        onPicked(Array.isArray(opt) ? undefined : opt?.member);
      }}
    />
  );
}

/** 换届选举: a new term with its members and positions; the server refuses it for temporary branches. */
export function ElectionModal({ org, nextTerm, onClose }: { org: Org | null; nextTerm: number; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const elect = useElectCommittee();
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!org) return;
    form.resetFields();
    form.setFieldsValue({ electedOn: todayInBeijing(), members: [{ position: 'secretary' }] });
    setRefusal(null);
  }, [org, form]);

  const onFinish = (v: Values) => {
    if (!org) return;
    const body: CreateCommitteeBody = {
      electedOn: (v.electedOn ?? todayInBeijing()).format('YYYY-MM-DD'),
      termNumber: v.termNumber ?? undefined,
      notes: v.notes?.trim() || undefined,
      members: v.members.map((m) => ({
        position: m.position ?? 'member',
        memberId: m.memberId || undefined,
        name: m.memberId ? undefined : m.name?.trim() || undefined,
      })),
    };
    elect.mutate(
      { id: org.id, body },
      {
        onSuccess: (c) => {
          message.success(t('committee.elected', { n: c.termNumber }));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.fieldIssues().length === 0 && e.status < 500) setRefusal(e.message);
          else applyFormError(form, e);
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(org)}
      title={org ? t('committee.electTitle', { name: org.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={elect.isPending}
      width={760}
      forceRender
    >
      <Form form={form} name="election-form" layout="vertical" onFinish={onFinish} className="re-modal-form">
        {refusal && <Alert type="error" showIcon title={refusal} className="re-modal-alert" />}
        <Alert type="info" showIcon title={t('committee.termAuto')} className="re-modal-alert" />
        <div className="re-form-grid">
          <Form.Item
            name="electedOn"
            label={t('committee.electedOn')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
          </Form.Item>
          <Form.Item
            name="termNumber"
            label={t('committee.termNumber')}
            extra={t('committee.termNumberHint', { n: nextTerm })}
          >
            <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label={t('committee.members')} required>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" className="re-committee-row">
                    <Form.Item name={[f.name, 'position']} rules={[{ required: true, message: t('form.required') }]}>
                      <Select
                        aria-label={t('committee.position')}
                        style={{ width: 130 }}
                        options={COMMITTEE_POSITIONS.map((p) => ({ value: p, label: t(`committeePosition.${p}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'memberId']}>
                      <MemberPicker
                        orgId={org?.id ?? ''}
                        onPicked={(m) => m && form.setFieldValue(['members', f.name, 'name'], m.name)}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('form.required') }]}>
                      <Input
                        placeholder={t('committee.name')}
                        aria-label={t('committee.name')}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ position: 'member' })} block>
                  {t('committee.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="notes" label={t('committee.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
