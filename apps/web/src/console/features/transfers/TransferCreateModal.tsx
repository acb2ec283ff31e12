import type { CreateTransferBody, Member } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { memberApi, memberKeys } from '../members/api';
import { BRANCH_TYPES } from '../members/MemberFormFields';
import { useCreateTransfer } from './api';

type CreatableKind = 'within_zone' | 'out_of_zone';

interface Values {
  memberId?: string;
  kind: CreatableKind;
  toOrgId?: OrgOption;
  destination?: string;
  duesPaidUntil?: Dayjs;
  reason?: string;
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Searches the members in the user's scope by keyword (name, pinyin initials, ID / phone tail). */
export function MemberPicker({
  value,
  onChange,
  id,
  onPicked,
  'aria-label': ariaLabel,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
  onPicked?: (m: Member | undefined) => void;
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  const [keyword, setKeyword] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(keyword.trim()), 300);
    return () => clearTimeout(timer);
  }, [keyword]);
  const params = { keyword: debounced || undefined, current: 1, pageSize: 20 };
  const members = useQuery({
    queryKey: [...memberKeys.lists(), 'picker', params],
    queryFn: () => memberApi.list(params),
  });
  const list = members.data?.data ?? [];
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel ?? t('transfer.pickMember')}
      value={value}
      allowClear
      placeholder={t('transfer.searchMember')}
      loading={members.isFetching}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onChange={(v) => {
        onChange?.(v);
        onPicked?.(list.find((m) => m.id === v));
      }}
      options={list.map((m) => ({ value: m.id, label: m.orgName ? `${m.name}（${m.orgName}）` : m.name }))}
    />
  );
}

/** 发起转接: within the zone (to another branch) or out of the zone (introduction letter after approval). */
export function TransferCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useCreateTransfer();
  const kind = Form.useWatch('kind', form);
  const [member, setMember] = useState<Member>();
  const required = { required: true, message: t('form.required') };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setMember(undefined);
  }, [open, form]);

  const onFinish = (v: Values) => {
    const body: CreateTransferBody = {
      kind: v.kind,
      memberId: v.memberId,
      reason: v.reason?.trim() ?? '',
      ...(v.kind === 'within_zone'
        ? { toOrgId: v.toOrgId?.value }
        : { destination: text(v.destination), duesPaidUntil: v.duesPaidUntil?.format('YYYY-MM') }),
    };
    mutation.mutate(body, {
      onSuccess: (tr) => {
        message.success(t('transfer.created'));
        onClose();
        onCreated?.(tr.id);
      },
      onError: (e) => applyFormError(form, e),
    });
  };

  return (
    <Modal
      open={open}
      title={t('transfer.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      confirmLoading={mutation.isPending}
      width={600}
      forceRender
      destroyOnHidden={false}
    >
      <Form<Values>
        form={form}
        name="transfer-create"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'within_zone' }}
        className="re-modal-form"
      >
        <Form.Item name="memberId" label={t('transfer.pickMember')} rules={[required]}>
          <MemberPicker onPicked={setMember} />
        </Form.Item>
        <Form.Item name="kind" label={t('transfer.kind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={(['within_zone', 'out_of_zone'] as const).map((k) => ({
              value: k,
              label: t(`transferKind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'within_zone' && (
          <Form.Item
            name="toOrgId"
            label={t('transfer.toBranch')}
            extra={
              member?.orgName ? t('common.labelValue', { label: t('transfer.from'), value: member.orgName }) : undefined
            }
            rules={[
              { required: true, message: t('member.branchOnly') },
              {
                validator: async (_r, v: OrgOption | undefined) => {
                  if (v && member && v.value === member.orgId) throw new Error(t('transfer.sameOrg'));
                },
              },
            ]}
          >
            <OrgTreeSelect onlyTypes={BRANCH_TYPES} placeholder={t('member.branchOnly')} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'out_of_zone' && (
          <div className="re-form-grid">
            <Form.Item
              name="destination"
              label={t('transfer.destination')}
              rules={[required, { max: 200, message: t('form.maxLength', { n: 200 }) }]}
            >
              <Input placeholder={t('transfer.destinationPlaceholder')} />
            </Form.Item>
            <Form.Item name="duesPaidUntil" label={t('transfer.duesPaidUntil')} rules={[required]}>
              <DatePicker
                picker="month"
                format="YYYY-MM"
                placeholder={t('transfer.duesPaidUntilPlaceholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </div>
        )}
        <Form.Item
          name="reason"
          label={t('transfer.reason')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 500, message: t('form.maxLength', { n: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
