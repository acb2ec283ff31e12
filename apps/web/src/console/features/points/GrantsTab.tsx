import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { PointGrant } from '@red-engine/shared';
import { App, Button, Form, Input, Modal, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { apiUrl } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijingDate } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { pointKeys, pointsApi, useApproveGrant, useRejectGrant, useUploadEvidence } from './api';
import { GrantFormModal } from './GrantFormModal';
import { PointsValue } from './labels';

type StatusFilter = 'all' | PointGrant['status'];
const STATUS_COLORS: Record<PointGrant['status'], string> = { pending: 'gold', approved: 'green', rejected: 'default' };

function DecideModal({
  target,
  onClose,
}: {
  target: { grant: PointGrant; action: 'approve' | 'reject' } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const approve = useApproveGrant();
  const reject = useRejectGrant();
  const [form] = Form.useForm<{ note?: string }>();
  const rejecting = target?.action === 'reject';
  return (
    <Modal
      open={target !== null}
      title={
        target ? `${t(rejecting ? 'points.grants.reject' : 'points.grants.approve')} · ${target.grant.member.name}` : ''
      }
      okText={t(rejecting ? 'points.grants.reject' : 'points.grants.approve')}
      okButtonProps={{ danger: rejecting }}
      confirmLoading={approve.isPending || reject.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const { note } = await form.validateFields();
        const done = {
          onSuccess: () => {
            message.success(t(rejecting ? 'points.grants.rejected' : 'points.grants.approved'));
            onClose();
          },
          onError: reportError,
        };
        if (rejecting) reject.mutate({ id: target!.grant.id, note: note! }, done);
        else approve.mutate({ id: target!.grant.id, ...(note ? { note } : {}) }, done);
      }}
    >
      {target && (
        <Typography.Paragraph>
          {target.grant.ruleNameZh} · <PointsValue points={target.grant.points} /> · {target.grant.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="note"
          label={t(rejecting ? 'points.grants.rejectNote' : 'points.grants.approveNote')}
          rules={[{ required: rejecting, max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 加减分审批: requests with evidence, waiting for approval by someone other than the requester, and their outcome. */
export function GrantsTab({ orgId }: { orgId: string | undefined }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { can, me } = useAccess();
  const manage = can('points:manage');
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ grant: PointGrant; action: 'approve' | 'reject' } | null>(null);
  const upload = useUploadEvidence();
  const table = useProTable<PointGrant>({
    queryKey: pointKeys.grants(),
    request: pointsApi.grants,
    params: { orgId, status: status === 'all' ? undefined : status },
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap size={16}>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('points.grants.new')}
          </Button>
        )}
        <Segmented<StatusFilter>
          aria-label={t('points.grants.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: t('points.grants.status.pending') },
            { value: 'approved', label: t('points.grants.status.approved') },
            { value: 'rejected', label: t('points.grants.status.rejected') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Space>
      <Table<PointGrant>
        rowKey="id"
        size="small"
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            title: t('points.grants.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: PointGrant['status']) => <Tag color={STATUS_COLORS[s]}>{t(`points.grants.status.${s}`)}</Tag>,
          },
          {
            title: t('points.grants.member'),
            key: 'member',
            width: 170,
            render: (_: unknown, g) => (
              <div>
                <div>{g.member.name}</div>
                <Typography.Text type="secondary" className="re-pt-sub">
                  {g.member.orgName}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('points.grants.item'),
            key: 'item',
            render: (_: unknown, g) => (
              <div>
                <Space size={4} wrap>
                  <span>{locale === 'zh-CN' ? g.ruleNameZh : g.ruleNameEn}</span>
                  <PointsValue points={g.points} />
                  {g.approvalRequired && <Tag color="orange">{t('points.rules.approval')}</Tag>}
                </Space>
                <Typography.Text type="secondary" className="re-pt-sub">
                  {g.occurredOn} · {g.reason}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('points.grants.evidence'),
            key: 'evidence',
            width: 200,
            render: (_: unknown, g) => (
              <Space direction="vertical" size={2}>
                {g.evidence.map((f) => (
                  <a key={f.id} href={apiUrl(`/point-evidence/${f.id}`)} target="_blank" rel="noopener">
                    <PaperClipOutlined /> {f.fileName}
                  </a>
                ))}
                {g.evidence.length === 0 && (
                  <Typography.Text type={g.evidenceRequired ? 'warning' : 'secondary'} className="re-pt-sub">
                    {g.evidenceRequired ? t('points.grants.needEvidence') : t('points.grants.noEvidence')}
                  </Typography.Text>
                )}
                {manage && g.status === 'pending' && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xlsx"
                    customRequest={({ file }) =>
                      upload.mutate(
                        { id: g.id, file: file as File },
                        {
                          onSuccess: () => message.success(t('points.grants.uploaded', { name: (file as File).name })),
                          onError: reportError,
                        },
                      )
                    }
                  >
                    <Button
                      size="small"
                      icon={<UploadOutlined />}
                      loading={upload.isPending && upload.variables?.id === g.id}
                    >
                      {t('points.grants.upload')}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: t('points.grants.requestedBy'),
            key: 'requested',
            width: 140,
            render: (_: unknown, g) => (
              <div>
                <div>{g.requestedByName ?? '—'}</div>
                <Typography.Text type="secondary" className="re-pt-sub">
                  {formatBeijingDate(g.createdAt)}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('points.grants.decision'),
            key: 'decision',
            width: 170,
            render: (_: unknown, g) =>
              g.status === 'pending' ? (
                manage ? (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      disabled={g.approvalRequired && g.requestedByName === me?.displayName}
                      onClick={() => setDeciding({ grant: g, action: 'approve' })}
                    >
                      {t('points.grants.approve')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setDeciding({ grant: g, action: 'reject' })}>
                      {t('points.grants.reject')}
                    </Button>
                  </Space>
                ) : (
                  '—'
                )
              ) : (
                <div>
                  <div>
                    {g.decidedByName}
                    {g.status === 'approved' && g.bookedPoints !== null && (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('points.grants.booked', { points: g.bookedPoints })}
                      </Typography.Text>
                    )}
                  </div>
                  {g.decisionNote && (
                    <Typography.Text type="secondary" className="re-pt-sub">
                      {g.decisionNote}
                    </Typography.Text>
                  )}
                </div>
              ),
          },
        ]}
      />
      <GrantFormModal open={creating} onClose={() => setCreating(false)} />
      <DecideModal target={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}
