import { ALLOWED_CHILD_TYPES, ORG_TYPES, type Org, type OrgType, type RestructurePreview } from '@red-engine/shared';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { isAfterToday, todayInBeijing } from '../../../lib/time';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { type RestructureAction, type RestructureBody, useRestructure, useRestructurePreview } from './api';
import { RestructurePreviewView } from './RestructurePreviewView';

export interface RestructureTarget {
  action: RestructureAction;
  org: Org;
}

interface Values {
  newParentId?: OrgOption;
  intoId?: OrgOption;
  effectiveDate?: Dayjs | null;
  date?: Dayjs;
  endedOn?: Dayjs;
  returnToId?: OrgOption;
  reason?: string;
}

const FIELDS = ['newParentId', 'intoId', 'effectiveDate', 'date', 'endedOn', 'returnToId', 'reason'];
/** Branches that can take members back when a temporary branch closes. */
const RETURN_TYPES: readonly OrgType[] = ['branch', 'joint_branch'];
const noFuture = isAfterToday;
const BRANCH_LIKE: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];
const COMMITTEE_LIKE: readonly OrgType[] = ['work_committee', 'party_committee', 'general_branch'];
/** Where an organization may be merged: a branch into a branch, a committee into a committee (the server decides). */
const mergeTargetTypes = (org: Org) => (BRANCH_LIKE.includes(org.type) ? BRANCH_LIKE : COMMITTEE_LIKE);

function toBody(action: RestructureAction, v: Values): RestructureBody {
  const reason = v.reason?.trim() || undefined;
  if (action === 'move') return { newParentId: v.newParentId?.value ?? '' };
  if (action === 'merge')
    return { intoId: v.intoId?.value ?? '', effectiveDate: v.effectiveDate?.format('YYYY-MM-DD'), reason };
  if (action === 'projectEnd')
    return { endedOn: (v.endedOn ?? todayInBeijing()).format('YYYY-MM-DD'), reason, returnToId: v.returnToId?.value };
  return { date: (v.date ?? todayInBeijing()).format('YYYY-MM-DD'), reason: reason ?? '' };
}

/** 迁移 / 合并 / 撤销 / 项目结束: fill in, 预览 what will change (server preview endpoint), then confirm. */
export function RestructureModal({
  target,
  nameOf,
  onClose,
  onDone,
}: {
  target: RestructureTarget | null;
  nameOf: (id: string) => string | undefined;
  onClose: () => void;
  onDone: (target: RestructureTarget, preview: RestructurePreview) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const preview = useRestructurePreview();
  const apply = useRestructure();
  const [planned, setPlanned] = useState<{ body: RestructureBody; preview: RestructurePreview } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.action === 'dissolve') form.setFieldsValue({ date: todayInBeijing() });
    if (target.action === 'projectEnd') {
      const planned = target.org.temporaryUntil ? dayjs(target.org.temporaryUntil) : null;
      form.setFieldsValue({ endedOn: planned && !isAfterToday(planned) ? planned : todayInBeijing() });
    }
    setPlanned(null);
    setRefusal(null);
  }, [target, form]);

  /** Field errors under their fields (and back to the form step); the rest as a banner in the dialog. */
  const onError = (e: unknown) => {
    if (!isApiError(e) || e.status >= 500 || e.code === 'UNAUTHENTICATED') return reportError(e);
    const issues = e.fieldIssues();
    const placed = issues.filter((i) => FIELDS.includes(String(i.name[0])));
    if (placed.length > 0) {
      setPlanned(null);
      form.setFields(placed.map((i) => ({ name: i.name[0] as keyof Values, errors: [i.message] })));
    }
    setRefusal(placed.length === issues.length && placed.length > 0 ? null : e.message);
  };

  if (!target) return <Modal open={false} />;
  const { action, org } = target;
  const actionName = t(`restructure.${action}`);
  const moveParentTypes = ORG_TYPES.filter((ty) => ALLOWED_CHILD_TYPES[ty].includes(org.type));

  const onPreview = (v: Values) => {
    setRefusal(null);
    const body = toBody(action, v);
    preview.mutate({ id: org.id, action, body }, { onSuccess: (p) => setPlanned({ body, preview: p }), onError });
  };
  const onConfirm = () => {
    if (!planned) return;
    apply.mutate(
      { id: org.id, action, body: planned.body },
      {
        onSuccess: (p) => {
          message.success(t('restructure.done', { name: org.name, action: actionName }));
          onDone(target, p);
        },
        onError,
      },
    );
  };

  const footer = planned ? (
    <Space>
      <Button onClick={() => setPlanned(null)}>{t('restructure.back')}</Button>
      <Button
        type="primary"
        danger={action !== 'move'}
        loading={apply.isPending}
        disabled={
          action === 'projectEnd' &&
          planned.preview.unplaced > 0 &&
          !('returnToId' in planned.body && planned.body.returnToId)
        }
        onClick={onConfirm}
      >
        {t('restructure.confirm', { action: actionName })}
      </Button>
    </Space>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" loading={preview.isPending} onClick={() => form.submit()}>
        {t('restructure.preview')}
      </Button>
    </Space>
  );
  const required = [{ required: true, message: t('form.required') }];

  return (
    <Modal
      open
      title={t(`restructure.${action}Title`, { name: org.name })}
      onCancel={onClose}
      footer={footer}
      width={760}
      forceRender
    >
      {refusal && <Alert type="error" showIcon title={refusal} className="re-modal-alert" />}
      {planned && <RestructurePreviewView preview={planned.preview} nameOf={nameOf} />}
      <Form
        form={form}
        name="restructure-form"
        layout="vertical"
        onFinish={onPreview}
        className="re-modal-form"
        hidden={Boolean(planned)}
      >
        <Alert type="info" showIcon title={t(`restructure.${action}Hint`)} className="re-modal-alert" />
        {action === 'move' && (
          <Form.Item name="newParentId" label={t('restructure.newParent')} rules={required}>
            <OrgTreeSelect onlyTypes={moveParentTypes} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'merge' && (
          <>
            <Form.Item name="intoId" label={t('restructure.into')} rules={required}>
              <OrgTreeSelect onlyTypes={mergeTargetTypes(org)} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="effectiveDate"
              label={t('restructure.effectiveDate')}
              extra={t('restructure.effectiveDateHint')}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
            <Form.Item name="reason" label={t('restructure.reason')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'dissolve' && (
          <>
            <Form.Item name="date" label={t('restructure.date')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
            <Form.Item name="reason" label={t('restructure.dissolveReason')} rules={required}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'projectEnd' && (
          <>
            <Form.Item name="endedOn" label={t('restructure.endedOn')} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
            <Form.Item name="returnToId" label={t('restructure.returnTo')} extra={t('restructure.returnToHint')}>
              <OrgTreeSelect onlyTypes={RETURN_TYPES} allowClear style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="reason" label={t('restructure.reason')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
