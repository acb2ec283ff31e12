import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { MeetingFile, MeetingFileKind } from '@red-engine/shared';
import { Button, Tooltip, Upload } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { meetingRecordsApi } from './api';
import { ACCEPT } from './useFileUpload';

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const formatAt = (iso: string) => formatDateTime(iso);

/** "1.2 MB · 张三 · 2026-03-01 10:00" */
export function useFileMeta() {
  const { t } = useI18n();
  return (f: MeetingFile) =>
    t('meetingRecords.fileMeta', { size: formatSize(f.size), by: f.uploadedByName ?? '—', at: formatAt(f.createdAt) });
}

/** The file picker of a section: several files at once, handed over without antd's own upload. */
export function UploadButton({
  kind,
  label,
  loading,
  onPick,
}: {
  kind: MeetingFileKind;
  label: string;
  loading: boolean;
  onPick: (files: File[]) => void;
}) {
  return (
    <Upload
      accept={ACCEPT[kind]}
      multiple
      showUploadList={false}
      // antd calls this once per file with the whole batch: take the batch when its last file comes by.
      beforeUpload={(file, batch) => {
        if (file === batch[batch.length - 1]) onPick(batch as File[]);
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={loading} data-testid={`upload-${kind}`}>
        {label}
      </Button>
    </Upload>
  );
}

export function DownloadLink({ file }: { file: MeetingFile }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('meetingRecords.download')}>
      <Button
        type="text"
        size="small"
        icon={<DownloadOutlined />}
        href={meetingRecordsApi.fileUrl(file.id)}
        download={file.name}
        aria-label={t('meetingRecords.download')}
      />
    </Tooltip>
  );
}

export function RemoveButton({ onClick, className }: { onClick: () => void; className?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('meetingRecords.remove')}>
      <Button
        type="text"
        size="small"
        danger
        className={className}
        icon={<DeleteOutlined />}
        onClick={onClick}
        aria-label={t('meetingRecords.remove')}
      />
    </Tooltip>
  );
}
