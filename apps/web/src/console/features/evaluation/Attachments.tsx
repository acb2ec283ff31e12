import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvaluationAttachment } from '@red-engine/shared';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi } from './api';

/** Links to the files of a report or of closing evidence. */
export function AttachmentLinks({ files }: { files: EvaluationAttachment[] }) {
  if (files.length === 0) return <span className="re-muted">—</span>;
  return (
    <div className="re-ev-files">
      {files.map((f) => (
        <a key={f.id} href={evaluationApi.attachmentUrl(f.id)} target="_blank" rel="noopener">
          <PaperClipOutlined /> {f.fileName}
        </a>
      ))}
    </div>
  );
}

/** Picks one file and sends it; the server checks the type by content (pdf, images, Office). */
export function UploadButton({
  upload,
  onDone,
  label,
  size = 'small',
}: {
  upload: (file: File) => Promise<EvaluationAttachment>;
  onDone: () => void;
  label?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xlsx"
      customRequest={async ({ file }) => {
        setBusy(true);
        try {
          const a = await upload(file as File);
          message.success(t('ev.uploaded', { name: a.fileName }));
          onDone();
        } catch (e) {
          reportError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size={size} icon={<UploadOutlined />} loading={busy}>
        {label ?? t('ev.upload')}
      </Button>
    </Upload>
  );
}
