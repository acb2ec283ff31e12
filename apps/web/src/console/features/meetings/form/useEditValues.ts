import type { MeetingDetail } from '@red-engine/shared';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgApi, orgKeys } from '../../orgs/api';
import { useAttendance } from '../api';
import { detailToValues, type MeetingFormValues } from './meeting-form-values';

/**
 * Form values of a meeting being edited. The detail names its participant organizations and members
 * by id only, so their names come from the organizations (GET /orgs/:id) and the attendance list.
 * null while they load.
 */
export function useEditValues(meeting: MeetingDetail | undefined): Partial<MeetingFormValues> | null {
  const spec = meeting?.participantSpec;
  const orgIds = useMemo(() => [...(spec?.orgIds ?? []), ...(spec?.groupIds ?? [])], [spec]);
  const orgs = useQueries({
    queries: orgIds.map((id) => ({
      queryKey: orgKeys.detail(id),
      queryFn: () => orgApi.get(id),
      staleTime: 60_000,
      meta: { silent: true },
    })),
  });
  const needMembers = Boolean(meeting && (spec?.memberIds.length ?? 0) > 0);
  const attendance = useAttendance(meeting?.id ?? '', needMembers);
  const orgsSettled = orgs.every((q) => !q.isPending);
  const membersSettled = !needMembers || !attendance.isPending;
  // A string, not the query array (a new one each render), so the values stay the same object between renders.
  const orgNames = JSON.stringify(orgs.flatMap((q) => (q.data ? [[q.data.id, q.data.name]] : [])));

  return useMemo(() => {
    if (!meeting || !orgsSettled || !membersSettled) return null;
    const names = new Map<string, string>(JSON.parse(orgNames) as [string, string][]);
    const members = new Map((attendance.data ?? []).map((r) => [r.memberId, r.memberName]));
    return detailToValues(meeting, { org: (id) => names.get(id), member: (id) => members.get(id) });
  }, [meeting, orgsSettled, membersSettled, orgNames, attendance.data]);
}
