import { MeetingRecordsPanel } from '../../meeting-records';

/** 记录: minutes, photos, attachments and the archive, owned by the meeting-records feature. */
export function RecordsTab({ meetingId, canWrite }: { meetingId: string; canWrite: boolean }) {
  return <MeetingRecordsPanel meetingId={meetingId} canWrite={canWrite} />;
}
