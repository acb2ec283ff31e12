import { MEETING_FILE_LIMITS, type MeetingFile, type MeetingFileKind, type MeetingRecords } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { meetingRecordKeys, useUploadMeetingFile } from './api';
import type { ReasonRequest } from './ReasonModal';

/** What the file picker offers; the server decides by content whatever the browser says. */
export const ACCEPT: Record<MeetingFileKind, string> = {
  photo: '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp',
  attachment: '.pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png',
};

export const limitMb = (kind: MeetingFileKind) => MEETING_FILE_LIMITS[kind].maxBytes / 1024 / 1024;

/**
 * Uploads picked files one after another (an archived record asks for the reason once, for the whole batch) and
 * reports each result; files over the size limit are skipped before any upload.
 */
export function useFileUpload(
  records: MeetingRecords | undefined,
  kind: MeetingFileKind,
  askReason: (r: ReasonRequest) => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const upload = useUploadMeetingFile(records?.meetingId ?? '');
  const [pending, setPending] = useState(0);

  const run = async (files: File[], reason?: string) => {
    setPending(files.length);
    // The same bytes again answer with the file already recorded: known ids tell that apart from a new one.
    const known = new Set(
      (qc.getQueryData<MeetingFile[]>(meetingRecordKeys.files(records?.meetingId ?? '')) ?? []).map((f) => f.id),
    );
    try {
      for (const file of files) {
        try {
          const stored = await upload.mutateAsync({ kind, file, reason });
          const existed = known.has(stored.id);
          known.add(stored.id);
          message.success(t(existed ? 'meetingRecords.alreadyThere' : 'meetingRecords.uploaded', { name: file.name }));
        } catch (e) {
          // A refused reason goes back to the prompt; everything else is reported per file.
          if (reason && isApiError(e) && e.fieldIssues().some((i) => i.name[0] === 'reason')) throw e;
          message.error(
            t('meetingRecords.uploadFailed', { name: file.name, reason: e instanceof Error ? e.message : String(e) }),
          );
        }
        setPending((n) => n - 1);
      }
    } finally {
      setPending(0);
    }
  };

  const pick = (files: File[]) => {
    if (!records) return;
    const maxBytes = MEETING_FILE_LIMITS[kind].maxBytes;
    const fitting = files.filter((f) => {
      if (f.size <= maxBytes) return true;
      message.warning(t('meetingRecords.tooLarge', { name: f.name, mb: limitMb(kind) }));
      return false;
    });
    if (fitting.length === 0) return;
    if (records.status === 'archived') {
      askReason({
        title: t('meetingRecords.uploadReasonTitle', { n: fitting.length }),
        notice: t('meetingRecords.amendNotice'),
        submit: (reason) => run(fitting, reason),
      });
      return;
    }
    void run(fitting);
  };

  return { pick, pending };
}
