import { LockOutlined } from '@ant-design/icons';
import type { MeetingFile, MeetingRecords } from '@red-engine/shared';
import { Alert, App, Button, Col, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { AmendmentsTimeline } from './AmendmentsTimeline';
import { AttachmentList } from './AttachmentList';
import { useAmendments, useArchiveMeeting, useMeetingFiles, useMeetingRecords, useRemoveMeetingFile } from './api';
import { formatAt } from './FileTiles';
import { MinutesEditor } from './MinutesEditor';
import { PhotoWall } from './PhotoWall';
import { ReasonModal, type ReasonRequest } from './ReasonModal';
import { useFileUpload } from './useFileUpload';
import './meeting-records.css';

/** 归档: a confirmation first; disabled, with the reasons, until the meeting has ended and has minutes. */
function ArchiveBar({ records, canWrite }: { records: MeetingRecords; canWrite: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const archive = useArchiveMeeting(records.meetingId);
  if (records.status === 'archived')
    return (
      <Alert
        type="success"
        showIcon
        icon={<LockOutlined />}
        title={t('meetingRecords.archivedBanner', {
          at: records.archivedAt ? formatAt(records.archivedAt) : '—',
          name: records.archivedByName ?? '—',
        })}
      />
    );
  if (records.status === 'cancelled')
    return <Alert type="warning" showIcon title={t('meetingRecords.cancelledBanner')} />;
  if (!canWrite) return null;
  const blocked = records.archiveBlockers.length > 0;
  const reasons = records.archiveBlockers
    .map((b) => t(`meetingRecords.blocker.${b}`))
    .join(t('meetingRecords.listSeparator'));
  return (
    <div className="re-records-archive">
      {blocked && <span className="re-cell-sub">{t('meetingRecords.archiveBlocked', { reasons })}</span>}
      <Button
        type="primary"
        icon={<LockOutlined />}
        disabled={blocked}
        loading={archive.isPending}
        onClick={() =>
          modal.confirm({
            title: t('meetingRecords.archiveTitle'),
            content: t('meetingRecords.archiveContent'),
            okText: t('meetingRecords.archive'),
            onOk: () => archive.mutateAsync().then(() => message.success(t('meetingRecords.archiveDone'))),
          })
        }
      >
        {t('meetingRecords.archive')}
      </Button>
    </div>
  );
}

/**
 * 活动记录 of one meeting: minutes, photo wall, attachments, archiving and the amendments made afterwards. Embedded by
 * the meeting detail page as a tab; `canWrite` is whether the viewer holds meeting:write for this meeting.
 */
export function MeetingRecordsPanel({ meetingId, canWrite }: { meetingId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const records = useMeetingRecords(meetingId);
  const files = useMeetingFiles(meetingId);
  const r = records.data;
  const amendments = useAmendments(meetingId, Boolean(r && (r.status === 'archived' || r.counts.amendments > 0)));
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const photos = useFileUpload(r, 'photo', setReasonRequest);
  const attachments = useFileUpload(r, 'attachment', setReasonRequest);
  const remove = useRemoveMeetingFile(meetingId);

  if (records.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!r) return <Alert type="error" showIcon title={t('app.loadFailed')} />;
  const archived = r.status === 'archived';
  const canAdd = canWrite && r.status !== 'cancelled';
  const all = files.data ?? [];

  const askRemove = (f: MeetingFile) =>
    setReasonRequest({
      title: t('meetingRecords.removeTitle', { name: f.name }),
      notice: archived
        ? `${t('meetingRecords.amendNotice')}${t('meetingRecords.removeNotice')}`
        : t('meetingRecords.removeNotice'),
      okText: t('meetingRecords.remove'),
      danger: true,
      submit: (reason) =>
        remove.mutateAsync({ fileId: f.id, reason }).then(() => message.success(t('meetingRecords.removed'))),
    });

  return (
    <div className="re-records-panel" data-status={r.status}>
      <ArchiveBar records={r} canWrite={canWrite} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <MinutesEditor records={r} canWrite={canWrite} askReason={setReasonRequest} />
          {(archived || r.counts.amendments > 0) && (
            <AmendmentsTimeline amendments={amendments.data ?? []} loading={amendments.isPending} />
          )}
        </Col>
        <Col xs={24} xl={10}>
          <PhotoWall
            photos={all.filter((f) => f.kind === 'photo')}
            canAdd={canAdd}
            canRemove={canWrite}
            uploading={photos.pending > 0}
            onPick={photos.pick}
            onRemove={askRemove}
          />
          <AttachmentList
            attachments={all.filter((f) => f.kind === 'attachment')}
            canAdd={canAdd}
            canRemove={canWrite}
            uploading={attachments.pending > 0}
            onPick={attachments.pick}
            onRemove={askRemove}
          />
        </Col>
      </Row>
      <ReasonModal request={reasonRequest} onClose={() => setReasonRequest(null)} />
    </div>
  );
}
