import { CheckOutlined, CloseOutlined, PrinterOutlined, RollbackOutlined, SnippetsOutlined } from '@ant-design/icons';
import type { Transfer, TransferStep } from '@red-engine/shared';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Steps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { applyFormError, reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime, isAfterToday as noFuture, todayInBeijing, todayIsoInBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { transferApi, useTransfer, useTransferAction } from './api';
import { OverdueTag, TransferKindTag, TransferStatusTag } from './TransferTags';

type Dialog = 'approve' | 'reject' | 'receipt' | null;
const fmtTime = (s: string) => formatDateTime(s);

function stepState(s: TransferStep, tr: Transfer): 'wait' | 'process' | 'finish' | 'error' {
  if (s.status === 'approved') return 'finish';
  if (s.status === 'rejected') return 'error';
  return tr.status === 'pending' && s.stepNo === tr.currentStepNo ? 'process' : 'wait';
}

/** The transfer's record, its approval chain and the actions the user may take now. */
export function TransferDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message } = App.useApp();
  const query = useTransfer(id);
  const tr = query.data;
  const action = useTransferAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ comment?: string; reason?: string; date?: Dayjs }>();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog !== 'reject') form.setFieldsValue({ date: todayInBeijing() });
  }, [dialog, form]);

  const pending = tr?.status === 'pending';
  const canApprove = Boolean(tr && pending && can('transfer:approve'));
  const canRevoke = Boolean(tr && pending && can('transfer:create'));
  const hasLetter = Boolean(tr && tr.kind === 'out_of_zone' && tr.letterNo);
  const canReceipt = Boolean(tr && hasLetter && !tr.receiptOn && can('transfer:create'));

  const submit = (v: { comment?: string; reason?: string; date?: Dayjs }) => {
    if (!tr || !dialog) return;
    const date = v.date?.format('YYYY-MM-DD');
    const vars =
      dialog === 'approve'
        ? ({ action: 'approve', id: tr.id, body: { date, comment: v.comment?.trim() || undefined } } as const)
        : dialog === 'reject'
          ? ({ action: 'reject', id: tr.id, body: { reason: v.reason?.trim() ?? '' } } as const)
          : ({ action: 'receipt', id: tr.id, body: { date: date ?? todayIsoInBeijing() } } as const);
    const done = {
      approve: 'transfer.approved',
      reject: 'transfer.rejected',
      receipt: 'transfer.receiptRecorded',
    } as const;
    action.mutate(vars, {
      onSuccess: () => {
        message.success(t(done[dialog]));
        setDialog(null);
      },
      onError: (e) => applyFormError(form, e),
    });
  };

  const revoke = () => {
    if (!tr) return;
    action.mutate(
      { action: 'revoke', id: tr.id, body: {} },
      { onSuccess: () => message.success(t('transfer.revoked')), onError: reportError },
    );
  };

  const actions = tr && (
    <Space wrap>
      {hasLetter && (
        <Button icon={<PrinterOutlined />} href={transferApi.letterUrl(tr.id)} target="_blank" rel="noopener">
          {t('transfer.printLetter')}
        </Button>
      )}
      {canReceipt && (
        <Button icon={<SnippetsOutlined />} onClick={() => setDialog('receipt')}>
          {t('transfer.receipt')}
        </Button>
      )}
      {canRevoke && (
        <Popconfirm title={t('transfer.revokeConfirm')} onConfirm={revoke}>
          <Button icon={<RollbackOutlined />} loading={action.isPending && action.variables?.action === 'revoke'}>
            {t('transfer.revoke')}
          </Button>
        </Popconfirm>
      )}
      {canApprove && (
        <Button danger icon={<CloseOutlined />} onClick={() => setDialog('reject')}>
          {t('transfer.reject')}
        </Button>
      )}
      {canApprove && (
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')}>
          {t('transfer.approve')}
        </Button>
      )}
    </Space>
  );

  const dash = (v: string | null | undefined) => v || '—';

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={640}
      title={tr ? t('transfer.detailTitle', { name: tr.memberName }) : t('menu.transfers')}
      extra={tr && <TransferStatusTag status={tr.status} />}
      footer={actions}
    >
      {!tr ? (
        <Skeleton active loading={query.isPending} />
      ) : (
        <>
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'member', label: t('transfer.member'), children: tr.memberName },
              {
                key: 'kind',
                label: t('transfer.kind'),
                children: (
                  <Space size={4}>
                    <TransferKindTag kind={tr.kind} />
                    {tr.overdue && <OverdueTag />}
                  </Space>
                ),
              },
              { key: 'from', label: t('transfer.from'), children: dash(tr.fromOrgName ?? tr.source) },
              { key: 'to', label: t('transfer.to'), children: dash(tr.toOrgName ?? tr.destination) },
              { key: 'requestedOn', label: t('transfer.requestedOn'), children: tr.requestedOn },
              { key: 'requestedBy', label: t('transfer.requestedBy'), children: dash(tr.requestedBy) },
              ...(tr.kind === 'into_zone'
                ? [{ key: 'sourceLetterNo', label: t('transfer.sourceLetterNo'), children: dash(tr.sourceLetterNo) }]
                : []),
              ...(tr.kind === 'out_of_zone'
                ? [
                    { key: 'dues', label: t('transfer.duesPaidUntil'), children: dash(tr.duesPaidUntil) },
                    {
                      key: 'letterNo',
                      label: t('transfer.letterNo'),
                      children: <span className="re-mono">{dash(tr.letterNo)}</span>,
                    },
                    { key: 'issued', label: t('transfer.letterIssuedOn'), children: dash(tr.letterIssuedOn) },
                    { key: 'valid', label: t('transfer.letterValidUntil'), children: dash(tr.letterValidUntil) },
                    { key: 'receipt', label: t('transfer.receiptOn'), children: dash(tr.receiptOn) },
                  ]
                : []),
              ...(tr.completedOn ? [{ key: 'done', label: t('transfer.completedOn'), children: tr.completedOn }] : []),
              { key: 'reason', label: t('transfer.reason'), span: 2, children: tr.reason },
              ...(tr.rejectionReason
                ? [
                    {
                      key: 'rejection',
                      label: t('transfer.rejectionReason'),
                      span: 2,
                      children: <Typography.Text type="danger">{tr.rejectionReason}</Typography.Text>,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('transfer.chain')}
          </Typography.Title>
          {tr.steps.length === 0 ? (
            <Typography.Text type="secondary">{t('transfer.noSteps')}</Typography.Text>
          ) : (
            <Steps
              orientation="vertical"
              size="small"
              items={tr.steps.map((s) => ({
                key: s.stepNo,
                status: stepState(s, tr),
                title: s.orgName,
                subTitle: t(`transferStep.${s.status}`),
                content: (
                  <div>
                    {s.actorName && <div>{t('transfer.stepActor', { name: s.actorName })}</div>}
                    {s.actedAt && <div>{t('transfer.stepTime', { time: fmtTime(s.actedAt) })}</div>}
                    {s.comment && <div>{t('transfer.stepComment', { comment: s.comment })}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'reject'
            ? t('transfer.rejectTitle')
            : dialog === 'receipt'
              ? t('transfer.receiptTitle')
              : t('transfer.approveTitle')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={t('common.submit')}
        okButtonProps={{ danger: dialog === 'reject' }}
        confirmLoading={action.isPending}
        forceRender
      >
        <Form form={form} name="transfer-action" layout="vertical" onFinish={submit} className="re-modal-form">
          {dialog === 'approve' && (
            <>
              <Form.Item name="date" label={t('transfer.approveDate')}>
                <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
              </Form.Item>
              <Form.Item
                name="comment"
                label={t('transfer.approveComment')}
                rules={[{ max: 500, message: t('form.maxLength', { n: 500 }) }]}
              >
                <Input.TextArea rows={3} showCount maxLength={500} />
              </Form.Item>
            </>
          )}
          {dialog === 'reject' && (
            <Form.Item
              name="reason"
              label={t('transfer.rejectReason')}
              rules={[
                { required: true, whitespace: true, message: t('form.required') },
                { max: 500, message: t('form.maxLength', { n: 500 }) },
              ]}
            >
              <Input.TextArea rows={3} showCount maxLength={500} />
            </Form.Item>
          )}
          {dialog === 'receipt' && (
            <Form.Item
              name="date"
              label={t('transfer.receiptDate')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
