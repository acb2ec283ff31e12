import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { MEETING_MINUTES_MAX_LENGTH, type MeetingRecords } from '@red-engine/shared';
import { App, Button, Card, Empty, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useSaveMinutes } from './api';
import type { ReasonRequest } from './ReasonModal';

/**
 * 会议记录: edited in place until the meeting is archived; afterwards shown read-only, with 更正 opening the editor
 * and saving through the reason prompt.
 */
export function MinutesEditor({
  records,
  canWrite,
  askReason,
}: {
  records: MeetingRecords;
  canWrite: boolean;
  askReason: (r: ReasonRequest) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSaveMinutes(records.meetingId);
  const saved = records.minutes ?? '';
  const archived = records.status === 'archived';
  const editable = canWrite && records.status !== 'cancelled';
  const [draft, setDraft] = useState(saved);
  const [amending, setAmending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(saved), [saved]);
  const dirty = draft.trim() !== saved.trim();
  const editing = editable && (!archived || amending);

  const submit = (reason?: string) =>
    save.mutateAsync({ minutes: draft, reason }).then(() => {
      message.success(t(reason ? 'meetingRecords.minutesAmended' : 'meetingRecords.minutesSaved'));
      setAmending(false);
      setError(null);
    });

  const onSave = () => {
    if (archived) {
      askReason({ title: t('meetingRecords.amendMinutes'), notice: t('meetingRecords.amendNotice'), submit });
      return;
    }
    submit().catch((e: unknown) => {
      const issue = isApiError(e) ? e.fieldIssues()[0] : undefined;
      if (issue) setError(issue.message);
      else reportError(e);
    });
  };

  const actions = editing ? (
    <Space>
      {dirty && <Typography.Text type="warning">{t('meetingRecords.unsaved')}</Typography.Text>}
      {(dirty || amending) && (
        <Button
          onClick={() => {
            setDraft(saved);
            setAmending(false);
            setError(null);
          }}
        >
          {t('meetingRecords.discard')}
        </Button>
      )}
      <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={onSave}>
        {t('common.save')}
      </Button>
    </Space>
  ) : editable && archived ? (
    <Button icon={<EditOutlined />} onClick={() => setAmending(true)}>
      {t('meetingRecords.amendMinutes')}
    </Button>
  ) : null;

  return (
    <Card size="small" title={t('meetingRecords.minutes')} extra={actions} className="re-records-card">
      {editing ? (
        <>
          <Input.TextArea
            aria-label={t('meetingRecords.minutes')}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
            autoSize={{ minRows: 8, maxRows: 24 }}
            maxLength={MEETING_MINUTES_MAX_LENGTH}
            showCount
            status={error ? 'error' : undefined}
            className="re-records-minutes-input"
            placeholder={t('meetingRecords.minutesPlaceholder')}
          />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </>
      ) : saved ? (
        <Typography.Paragraph className="re-wrap re-records-minutes">{saved}</Typography.Paragraph>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRecords.minutesEmpty')} />
      )}
    </Card>
  );
}
