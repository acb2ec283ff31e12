import type { CreateMemberEventBody, Member, MemberEventDetails } from '@red-engine/shared';
import { Alert, App, DatePicker, Empty, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday, todayInBeijing } from '../../../lib/time';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useRecordMemberEvent } from './api';
import { BRANCH_TYPES } from './MemberFormFields';

type RecordableType = CreateMemberEventBody['type'];
const LEFT_KINDS = ['removed', 'expelled', 'withdrew', 'self_lapsed'] as const;
/** Changes after which the person is no longer on the zone's roll. */
const LEAVING: readonly RecordableType[] = ['transferred_out', 'left', 'died', 'qualification_cancelled'];

/** The changes that make sense from the member's current state, in the order officials handle them. */
export function recordableTypes(m: Member): RecordableType[] {
  if (m.status !== 'active') return [];
  const types: RecordableType[] = [];
  if (m.category === 'probationary') types.push('converted', 'probation_extended');
  types.push('moved', 'transferred_out');
  types.push(m.flowing ? 'flow_back' : 'flow_out');
  types.push(m.lostContact ? 'found' : 'lost');
  types.push(m.partyStatus === 'suspended' ? 'restored' : 'suspended');
  if (m.category === 'probationary') types.push('qualification_cancelled');
  types.push('left', 'died');
  return types;
}

interface Values {
  type?: RecordableType;
  effectiveDate?: Dayjs;
  orgId?: OrgOption;
  destination?: string;
  documentNo?: string;
  months?: number;
  leftKind?: MemberEventDetails['leftKind'];
  reason?: string;
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** The inputs the form shows for a type (server errors can only be placed on those). */
function visibleFields(type: RecordableType | undefined): Set<string> {
  const fields = ['type', 'effectiveDate', 'reason'];
  if (type === 'moved') fields.push('orgId');
  if (type === 'transferred_out') fields.push('destination', 'documentNo');
  if (type === 'flow_out') fields.push('destination');
  if (type === 'probation_extended') fields.push('months');
  if (type === 'left') fields.push('leftKind');
  return new Set(fields);
}

/** 登记变动: one dated lifecycle event; the fields shown follow the type. */
export function MemberEventModal({ member, open, onClose }: { member: Member; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useRecordMemberEvent();
  const types = recordableTypes(member);
  const type = Form.useWatch('type', form);
  const required = { required: true, message: t('form.required') };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ effectiveDate: todayInBeijing() });
  }, [open, form]);

  const onFinish = (v: Values) => {
    if (!v.type || !v.effectiveDate) return;
    const details: MemberEventDetails = {
      destination: text(v.destination),
      documentNo: text(v.documentNo),
      months: v.type === 'probation_extended' ? v.months : undefined,
      leftKind: v.type === 'left' ? v.leftKind : undefined,
      reason: text(v.reason),
    };
    const body: CreateMemberEventBody = {
      type: v.type,
      effectiveDate: v.effectiveDate.format('YYYY-MM-DD'),
      orgId: v.type === 'moved' ? v.orgId?.value : undefined,
      details: Object.fromEntries(Object.entries(details).filter(([, x]) => x !== undefined)),
    };
    const label = t(`memberEvent.${v.type}`);
    mutation.mutate(
      { id: member.id, body },
      {
        onSuccess: () => {
          message.success(t('memberEvent.recorded', { type: label }));
          onClose();
        },
        onError,
      },
    );
  };

  /** The server names fields as body.details.destination …; our form keeps details flat. */
  const onError = (e: unknown) => {
    const issues = isApiError(e) ? e.fieldIssues() : [];
    const placed = issues
      .map((i) => ({ name: String(i.name[0] === 'details' ? i.name[1] : i.name[0]), message: i.message }))
      .filter((i) => visibleFields(type).has(i.name));
    if (placed.length === 0) return applyFormError(form, e);
    form.setFields(placed.map((i) => ({ name: i.name as keyof Values, errors: [i.message] })));
    if (placed.length < issues.length) reportError(e);
  };

  return (
    <Modal
      open={open}
      title={t('memberEvent.title', { name: member.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      okButtonProps={{ disabled: types.length === 0, danger: Boolean(type && LEAVING.includes(type)) }}
      confirmLoading={mutation.isPending}
      width={600}
      forceRender
    >
      {types.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberEvent.none')} />
      ) : (
        <Form form={form} name="member-event" layout="vertical" onFinish={onFinish} className="re-modal-form">
          <div className="re-form-grid">
            <Form.Item name="type" label={t('memberEvent.type')} rules={[required]}>
              <Select options={types.map((ty) => ({ value: ty, label: t(`memberEvent.${ty}`) }))} />
            </Form.Item>
            <Form.Item
              name="effectiveDate"
              label={t('memberEvent.effectiveDate')}
              rules={[
                required,
                {
                  validator: async (_r, d: Dayjs | undefined) => {
                    if (d && isAfterToday(d)) throw new Error(t('memberEvent.futureDate'));
                  },
                },
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={isAfterToday} />
            </Form.Item>
          </div>
          {type && LEAVING.includes(type) && (
            <Alert type="warning" showIcon title={t('memberEvent.irreversible')} className="re-modal-alert" />
          )}
          {type === 'moved' && (
            <Form.Item
              name="orgId"
              label={t('memberEvent.toOrg')}
              extra={
                member.orgName ? t('common.labelValue', { label: t('member.org'), value: member.orgName }) : undefined
              }
              rules={[
                { required: true, message: t('member.branchOnly') },
                {
                  validator: async (_r, v: OrgOption | undefined) => {
                    if (v && v.value === member.orgId) throw new Error(t('memberEvent.sameOrg'));
                  },
                },
              ]}
            >
              <OrgTreeSelect onlyTypes={BRANCH_TYPES} placeholder={t('member.branchOnly')} style={{ width: '100%' }} />
            </Form.Item>
          )}
          {(type === 'transferred_out' || type === 'flow_out') && (
            <Form.Item
              name="destination"
              label={t(type === 'flow_out' ? 'memberEvent.flowDestination' : 'memberEvent.destination')}
              rules={[required, { max: 200, message: t('form.maxLength', { n: 200 }) }]}
            >
              <Input />
            </Form.Item>
          )}
          {type === 'transferred_out' && (
            <Form.Item
              name="documentNo"
              label={t('memberEvent.documentNo')}
              rules={[{ max: 100, message: t('form.maxLength', { n: 100 }) }]}
            >
              <Input className="re-mono" />
            </Form.Item>
          )}
          {type === 'probation_extended' && (
            <Form.Item name="months" label={t('memberEvent.months')} rules={[required]} initialValue={6}>
              <InputNumber min={6} max={12} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
          {type === 'left' && (
            <Form.Item name="leftKind" label={t('memberEvent.leftKind')} rules={[required]}>
              <Select options={LEFT_KINDS.map((k) => ({ value: k, label: t(`leftKind.${k}`) }))} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('memberEvent.reason')}
            rules={[{ max: 500, message: t('form.maxLength', { n: 500 }) }]}
          >
            <Input.TextArea rows={3} showCount maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
