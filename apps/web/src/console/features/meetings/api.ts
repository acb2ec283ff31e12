import type {
  ActivityType,
  AttendanceRow,
  Board,
  CreateMeetingBody,
  IssuedStaffToken,
  Leave,
  Meeting,
  MeetingDetail,
  MeetingPhase,
  Page,
  RejectionRow,
  RoomCode,
  StaffToken,
  UpdateMeetingBody,
  VenueConflict,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  attendance: (id: string) => [...meetingKeys.all, 'attendance', id] as const,
  leaves: (id: string) => [...meetingKeys.all, 'leaves', id] as const,
  rejections: (id: string) => [...meetingKeys.all, 'rejections', id] as const,
  staffTokens: (id: string) => [...meetingKeys.all, 'staff-tokens', id] as const,
  board: (id: string) => [...meetingKeys.all, 'board', id] as const,
  roomCode: (id: string) => [...meetingKeys.all, 'room-code', id] as const,
  availability: (q: QueryParams) => [...meetingKeys.all, 'venue-availability', q] as const,
};

/** Lists may come as a bare array or as a page; the tabs show them whole either way. */
type ListLike<T> = T[] | Page<T> | { data: T[] };
const rows = <T>(r: ListLike<T>): T[] => (Array.isArray(r) ? r : (r?.data ?? []));
/** venue-availability: `{ conflicts }` or the bare list of conflicting bookings. */
type Availability = VenueConflict[] | { conflicts: VenueConflict[] };
const conflictsOf = (r: Availability): VenueConflict[] => (Array.isArray(r) ? r : (r?.conflicts ?? []));

const M = '/meetings';

export const meetingApi = {
  activityTypes: () => api.get<ListLike<ActivityType>>('/activity-types').then(rows),
  list: (params: QueryParams) => api.get<Page<Meeting>>(M, params),
  get: (id: string) => api.get<MeetingDetail>(`${M}/${id}`),
  create: (body: CreateMeetingBody) => api.post<MeetingDetail>(M, body),
  update: (id: string, body: UpdateMeetingBody) => api.patch<MeetingDetail>(`${M}/${id}`, body),
  cancel: (id: string, reason: string) => api.post<MeetingDetail>(`${M}/${id}/cancel`, { reason }),
  venueAvailability: (q: QueryParams) => api.get<Availability>(`${M}/venue-availability`, q).then(conflictsOf),
  attendance: (id: string) => api.get<ListLike<AttendanceRow>>(`${M}/${id}/attendance`).then(rows),
  makeup: (id: string, body: { memberIds: string[]; reason: string; kind: 'makeup' | 'organizer' }) =>
    api.post<{ recorded: number; skipped: number }>(`${M}/${id}/makeup`, body),
  leaves: (id: string) => api.get<ListLike<Leave>>(`${M}/${id}/leaves`).then(rows),
  leaveOnBehalf: (id: string, body: { memberId: string; reason: string }) => api.post<Leave>(`${M}/${id}/leaves`, body),
  decideLeave: (leaveId: string, decision: 'approve' | 'reject', note?: string) =>
    api.post<Leave>(`/meeting-leaves/${leaveId}/${decision}`, { note: note?.trim() || undefined }),
  rejections: (id: string) => api.get<ListLike<RejectionRow>>(`${M}/${id}/rejections`).then(rows),
  staffTokens: (id: string) => api.get<ListLike<StaffToken>>(`${M}/${id}/staff-tokens`).then(rows),
  createStaffToken: (id: string, body: { label: string; validFrom?: string; validUntil?: string }) =>
    api.post<IssuedStaffToken>(`${M}/${id}/staff-tokens`, body),
  revokeStaffToken: (tokenId: string) => api.post<StaffToken>(`/staff-tokens/${tokenId}/revoke`),
  board: (id: string) => api.get<Board>(`${M}/${id}/board`),
  roomCode: (id: string) => api.get<RoomCode>(`${M}/${id}/room-code`),
};

export function useActivityTypes() {
  return useQuery({ queryKey: ['activity-types'], queryFn: meetingApi.activityTypes, staleTime: 300_000 });
}

export const isLivePhase = (phase: MeetingPhase | undefined) => phase === 'checkin_open' || phase === 'in_progress';
/** While check-in runs, figures on the console pages follow it without a reload. */
const LIVE_REFRESH_MS = 10_000;

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: () => meetingApi.get(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (q) => (isLivePhase(q.state.data?.phase) ? LIVE_REFRESH_MS : false),
    meta: { silent: true },
  });
}

export function useAttendance(id: string, enabled = true, live = false) {
  return useQuery({
    queryKey: meetingKeys.attendance(id),
    queryFn: () => meetingApi.attendance(id),
    enabled,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useLeaves(id: string) {
  return useQuery({ queryKey: meetingKeys.leaves(id), queryFn: () => meetingApi.leaves(id) });
}

export function useRejections(id: string, live = false) {
  return useQuery({
    queryKey: meetingKeys.rejections(id),
    queryFn: () => meetingApi.rejections(id),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

export function useStaffTokens(id: string) {
  return useQuery({ queryKey: meetingKeys.staffTokens(id), queryFn: () => meetingApi.staffTokens(id) });
}

/** Conflicting bookings of a venue for a time span (live while the plan form is edited). */
export function useVenueConflicts(q: {
  venueId?: string;
  startsAt?: string;
  endsAt?: string;
  excludeMeetingId?: string;
}) {
  const enabled = Boolean(q.venueId && q.startsAt && q.endsAt && q.startsAt < q.endsAt);
  return useQuery({
    queryKey: meetingKeys.availability(q),
    queryFn: () => meetingApi.venueAvailability(q),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** Every change may move counts, phases and lists: refresh the whole module. */
function useMeetingMutation<A, R>(fn: (args: A) => Promise<R>, silent = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingKeys.all }),
    meta: { silent },
  });
}

export const useSaveMeeting = () =>
  useMeetingMutation(
    ({ id, body }: { id?: string; body: CreateMeetingBody | UpdateMeetingBody }) =>
      id ? meetingApi.update(id, body as UpdateMeetingBody) : meetingApi.create(body as CreateMeetingBody),
    true,
  );
export const useCancelMeeting = () =>
  useMeetingMutation(({ id, reason }: { id: string; reason: string }) => meetingApi.cancel(id, reason), true);
export const useMakeup = () =>
  useMeetingMutation(
    ({ id, ...body }: { id: string; memberIds: string[]; reason: string; kind: 'makeup' | 'organizer' }) =>
      meetingApi.makeup(id, body),
    true,
  );
export const useLeaveOnBehalf = () =>
  useMeetingMutation(
    ({ id, ...body }: { id: string; memberId: string; reason: string }) => meetingApi.leaveOnBehalf(id, body),
    true,
  );
export const useDecideLeave = () =>
  useMeetingMutation(
    ({ leaveId, decision, note }: { leaveId: string; decision: 'approve' | 'reject'; note?: string }) =>
      meetingApi.decideLeave(leaveId, decision, note),
    true,
  );
export const useCreateStaffToken = () =>
  useMeetingMutation(
    ({ id, ...body }: { id: string; label: string; validFrom?: string; validUntil?: string }) =>
      meetingApi.createStaffToken(id, body),
    true,
  );
export const useRevokeStaffToken = () => useMeetingMutation((tokenId: string) => meetingApi.revokeStaffToken(tokenId));
