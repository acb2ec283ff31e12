import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { CampaignDetail, Subject } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { AttachmentLinks, UploadButton } from './Attachments';
import { evaluationApi, evaluationKeys } from './api';
import { ChoiceTag } from './labels';
import { RectificationFormModal } from './RectificationModals';
import { TextModal } from './TextModal';

type Dialog = { kind: 'view' | 'enter' | 'comment' | 'rectify'; s: Subject } | null;

/** 述职报告: each secretary's report and files, the overall grade and 点评 once voting has closed. */
export function ReportsTab({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
  const open = c.status === 'preparing' || c.status === 'voting';
  const write = can('evaluation:manage');
  const closed = c.status === 'closed';

  const columns: TableColumnsType<Subject> = [
    { title: t('ev.col.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('ev.col.secretary'), dataIndex: 'name', width: 100 },
    {
      title: t('ev.col.report'),
      key: 'report',
      width: 150,
      render: (_, s) =>
        s.report ? (
          <Space size={4}>
            <Tag icon={<CheckCircleFilled />} color="green">
              {t('ev.reportSubmitted')}
            </Tag>
            <Typography.Link onClick={() => setDialog({ kind: 'view', s })}>{t('ev.viewReport')}</Typography.Link>
          </Space>
        ) : (
          <Tag icon={<ClockCircleOutlined />}>{t('ev.reportMissing')}</Tag>
        ),
    },
    {
      title: t('ev.col.attachments'),
      key: 'files',
      width: 220,
      render: (_, s) => <AttachmentLinks files={s.attachments} />,
    },
    {
      title: t('ev.col.resultGrade'),
      dataIndex: 'resultGrade',
      width: 100,
      render: (g: Subject['resultGrade']) => <ChoiceTag choice={g} />,
    },
    {
      title: t('ev.col.comment'),
      dataIndex: 'comment',
      ellipsis: true,
      render: (v: string | null) => v ?? <span className="re-muted">—</span>,
    },
    {
      title: t('ev.col.actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_, s) => (
        <Space size={4} wrap>
          {write && open && (
            <Button size="small" onClick={() => setDialog({ kind: 'enter', s })}>
              {t('ev.enterReport')}
            </Button>
          )}
          {write && open && <UploadButton upload={(file) => evaluationApi.uploadReport(s.id, file)} onDone={refresh} />}
          {c.canManage && closed && (
            <Button size="small" onClick={() => setDialog({ kind: 'comment', s })}>
              {t('ev.commentAction')}
            </Button>
          )}
          {c.canManage && closed && (
            <Button size="small" onClick={() => setDialog({ kind: 'rectify', s })}>
              {t('ev.addRectification')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const s = dialog?.s;
  return (
    <>
      {!c.canManage && <Alert type="info" showIcon className="re-modal-alert" title={t('ev.detail.scopeNote')} />}
      <Table<Subject>
        rowKey="id"
        size="middle"
        scroll={{ x: 1200 }}
        dataSource={c.subjects}
        columns={columns}
        pagination={false}
      />
      <TextModal
        open={dialog?.kind === 'view' || dialog?.kind === 'enter'}
        readOnly={dialog?.kind === 'view'}
        title={t('ev.reportModalTitle', { name: s?.name ?? '' })}
        label={
          s?.reportSubmittedAt
            ? `${t('ev.reportText')}（${t('ev.reportBy', { name: s.reportByName ?? '', time: formatDateTime(s.reportSubmittedAt) })}）`
            : t('ev.reportText')
        }
        initial={s?.report}
        maxLength={20_000}
        rows={14}
        onClose={() => setDialog(null)}
        onSubmit={async (report) => {
          await evaluationApi.updateSubject(s!.id, { report });
          refresh();
        }}
      />
      <TextModal
        open={dialog?.kind === 'comment'}
        title={t('ev.commentModalTitle', { name: `${s?.orgName ?? ''} ${s?.name ?? ''}` })}
        label={t('ev.commentText')}
        initial={s?.comment}
        maxLength={2_000}
        onClose={() => setDialog(null)}
        onSubmit={async (comment) => {
          await evaluationApi.comment(s!.id, comment);
          refresh();
        }}
      />
      <RectificationFormModal
        subject={dialog?.kind === 'rectify' ? (s ?? null) : null}
        onClose={() => setDialog(null)}
        onSaved={refresh}
      />
    </>
  );
}
