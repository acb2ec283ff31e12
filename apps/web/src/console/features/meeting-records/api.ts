import type { MeetingAmendment, MeetingFile, MeetingFileKind, MeetingRecords } from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api } from '../../../lib/http';

export const meetingRecordKeys = {
  all: ['meeting-records'] as const,
  records: (id: string) => [...meetingRecordKeys.all, 'records', id] as const,
  files: (id: string) => [...meetingRecordKeys.all, 'files', id] as const,
  amendments: (id: string) => [...meetingRecordKeys.all, 'amendments', id] as const,
};

export const meetingRecordsApi = {
  records: (id: string) => api.get<MeetingRecords>(`/meetings/${id}/records`),
  files: (id: string) => api.get<MeetingFile[]>(`/meetings/${id}/files`),
  amendments: (id: string) => api.get<MeetingAmendment[]>(`/meetings/${id}/amendments`),
  saveMinutes: (id: string, body: { minutes: string; reason?: string }) =>
    api.put<MeetingRecords>(`/meetings/${id}/minutes`, body),
  upload: (id: string, v: { kind: MeetingFileKind; file: File; reason?: string }) => {
    // Fields before the file: the server reads them with the file part.
    const form = new FormData();
    form.append('kind', v.kind);
    if (v.reason) form.append('reason', v.reason);
    form.append('file', v.file, v.file.name);
    return api.upload<MeetingFile>(`/meetings/${id}/files`, form);
  },
  remove: (fileId: string, reason: string) => api.post<MeetingFile>(`/meeting-files/${fileId}/remove`, { reason }),
  archive: (id: string) => api.post<MeetingRecords>(`/meetings/${id}/archive`),
  fileUrl: (fileId: string) => `${API_BASE}/meeting-files/${fileId}`,
  thumbnailUrl: (fileId: string) => `${API_BASE}/meeting-files/${fileId}/thumbnail`,
};

export function useMeetingRecords(id: string) {
  return useQuery({ queryKey: meetingRecordKeys.records(id), queryFn: () => meetingRecordsApi.records(id) });
}

export function useMeetingFiles(id: string) {
  return useQuery({ queryKey: meetingRecordKeys.files(id), queryFn: () => meetingRecordsApi.files(id) });
}

export function useAmendments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingRecordKeys.amendments(id),
    queryFn: () => meetingRecordsApi.amendments(id),
    enabled,
  });
}

/** Every change refreshes this meeting's records, files and amendments, and the meetings module's views of it. */
function useInvalidate(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: meetingRecordKeys.records(id) });
    void qc.invalidateQueries({ queryKey: meetingRecordKeys.files(id) });
    void qc.invalidateQueries({ queryKey: meetingRecordKeys.amendments(id) });
    void qc.invalidateQueries({ queryKey: ['meetings'] });
  };
}

export function useSaveMinutes(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (body: { minutes: string; reason?: string }) => meetingRecordsApi.saveMinutes(id, body),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useUploadMeetingFile(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (v: { kind: MeetingFileKind; file: File; reason?: string }) => meetingRecordsApi.upload(id, v),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useRemoveMeetingFile(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({
    mutationFn: (v: { fileId: string; reason: string }) => meetingRecordsApi.remove(v.fileId, v.reason),
    onSuccess: invalidate,
    meta: { silent: true },
  });
}

export function useArchiveMeeting(id: string) {
  const invalidate = useInvalidate(id);
  return useMutation({ mutationFn: () => meetingRecordsApi.archive(id), onSuccess: invalidate });
}
