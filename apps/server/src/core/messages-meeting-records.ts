import type { Locale } from '@red-engine/shared';

type LocalizedText = Record<Locale, string>;
const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** 活动记录 (minutes, photos, attachments, archive, amendments): spread into MESSAGES. */
export const MEETING_RECORD_MESSAGES = {
  meetingRecordsCancelled: t(
    '活动已取消，不能再补充会议记录、照片或附件',
    'The meeting was cancelled; minutes, photos and attachments can no longer be added',
  ),
  meetingAmendReasonRequired: t(
    '活动记录已归档，修改须作为更正并填写更正原因',
    'The record is archived: a change is an amendment and needs a reason',
  ),
  meetingFileKind: t('请选择文件类别：照片或附件', 'Choose the kind of file: photo or attachment'),
  meetingPhotoUnreadable: t(
    '无法读取这张图片，请上传完整的 JPEG、PNG 或 WebP 照片',
    'This image cannot be read; upload a complete JPEG, PNG or WebP photo',
  ),
  meetingTooManyFiles: (n: number) =>
    t(`每次活动最多保存 ${n} 个照片和附件`, `A meeting can hold at most ${n} photos and attachments`),
  meetingFileRemoved: t('该文件已移除', 'This file has already been removed'),
  meetingReasonTooLong: t('原因最多 500 个字符', 'The reason can be at most 500 characters'),
  meetingArchiveBlocked: {
    not_ended: t('活动尚未结束，结束后才能归档', 'The meeting has not ended yet; archive it afterwards'),
    no_minutes: t('请先填写会议记录再归档', 'Write the minutes before archiving'),
    cancelled: t('活动已取消，不能归档', 'A cancelled meeting cannot be archived'),
    archived: t('活动记录已归档', 'The record is already archived'),
  },
};
