import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FilePptOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import type { MeetingFile } from '@red-engine/shared';
import { Card, Empty, List, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { meetingRecordsApi } from './api';
import { DownloadLink, RemoveButton, UploadButton, useFileMeta } from './FileTiles';
import { limitMb } from './useFileUpload';

function FileIcon({ mime }: { mime: string }) {
  if (mime === 'application/pdf') return <FilePdfOutlined className="re-file-icon re-file-pdf" />;
  if (mime.includes('wordprocessingml')) return <FileWordOutlined className="re-file-icon re-file-word" />;
  if (mime.includes('spreadsheetml')) return <FileExcelOutlined className="re-file-icon re-file-excel" />;
  if (mime.includes('presentationml')) return <FilePptOutlined className="re-file-icon re-file-ppt" />;
  if (mime.startsWith('image/')) return <FileImageOutlined className="re-file-icon" />;
  return <FileOutlined className="re-file-icon" />;
}

/** 附件: name (downloads), size, who and when; download and remove at the end of the line. */
export function AttachmentList({
  attachments,
  canAdd,
  canRemove,
  uploading,
  onPick,
  onRemove,
}: {
  attachments: MeetingFile[];
  canAdd: boolean;
  canRemove: boolean;
  uploading: boolean;
  onPick: (files: File[]) => void;
  onRemove: (file: MeetingFile) => void;
}) {
  const { t } = useI18n();
  const meta = useFileMeta();
  return (
    <Card
      size="small"
      className="re-records-card"
      title={t('meetingRecords.attachmentsCount', { n: attachments.length })}
      extra={
        canAdd && (
          <UploadButton
            kind="attachment"
            label={t('meetingRecords.uploadAttachments')}
            loading={uploading}
            onPick={onPick}
          />
        )
      }
    >
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRecords.attachmentsEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          renderItem={(f) => (
            <List.Item
              data-testid="meeting-attachment"
              actions={[
                <DownloadLink key="dl" file={f} />,
                ...(canRemove ? [<RemoveButton key="rm" onClick={() => onRemove(f)} />] : []),
              ]}
            >
              <List.Item.Meta
                avatar={<FileIcon mime={f.mime} />}
                title={
                  <a href={meetingRecordsApi.fileUrl(f.id)} download={f.name}>
                    {f.name}
                  </a>
                }
                description={meta(f)}
              />
            </List.Item>
          )}
        />
      )}
      {canAdd && (
        <Typography.Text type="secondary" className="re-records-hint">
          {t('meetingRecords.attachmentHint', { mb: limitMb('attachment') })}
        </Typography.Text>
      )}
    </Card>
  );
}
