import type { MeetingFile } from '@red-engine/shared';
import { Card, Empty, Image, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { meetingRecordsApi } from './api';
import { RemoveButton, UploadButton, useFileMeta } from './FileTiles';
import { limitMb } from './useFileUpload';

/** 活动照片: thumbnails in a grid; a click previews the original, the arrows walk through all of them. */
export function PhotoWall({
  photos,
  canAdd,
  canRemove,
  uploading,
  onPick,
  onRemove,
}: {
  photos: MeetingFile[];
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
      title={t('meetingRecords.photosCount', { n: photos.length })}
      extra={
        canAdd && (
          <UploadButton kind="photo" label={t('meetingRecords.uploadPhotos')} loading={uploading} onPick={onPick} />
        )
      }
    >
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRecords.photosEmpty')} />
      ) : (
        <Image.PreviewGroup>
          <div className="re-photo-wall">
            {photos.map((p) => (
              <figure key={p.id} className="re-photo-tile" data-testid="meeting-photo">
                <Image
                  src={meetingRecordsApi.thumbnailUrl(p.id)}
                  preview={{ src: meetingRecordsApi.fileUrl(p.id) }}
                  alt={p.name}
                  className="re-photo-thumb"
                />
                <figcaption title={`${p.name}\n${meta(p)}`}>{p.name}</figcaption>
                {canRemove && <RemoveButton className="re-photo-remove" onClick={() => onRemove(p)} />}
              </figure>
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {canAdd && (
        <Typography.Text type="secondary" className="re-records-hint">
          {t('meetingRecords.photoHint', { mb: limitMb('photo') })}
        </Typography.Text>
      )}
    </Card>
  );
}
