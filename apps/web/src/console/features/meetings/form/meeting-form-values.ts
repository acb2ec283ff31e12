import type { CreateMeetingBody, MeetingDetail, UpdateMeetingBody } from '@red-engine/shared';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, isApiError } from '../../../../lib/http';
import { fromBeijing, toBeijing } from '../../../../lib/time';
import type { OrgOption } from '../../../components/OrgTreeSelect';
import type { CheckinFormValues } from './CheckinSettingsFields';
import type { MemberRef } from './MemberListField';

export interface MeetingFormValues {
  org?: OrgOption;
  title: string;
  typeCodes: string[];
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  venueId?: string | null;
  location?: string;
  agenda?: string;
  hostName?: string;
  recorderName?: string;
  organizers: MemberRef[];
  participantOrgs: OrgOption[];
  participantGroups: OrgOption[];
  participantMembers: MemberRef[];
  jointOrgs: OrgOption[];
  checkin: CheckinFormValues;
}

export const emptyMeetingValues = (): Partial<MeetingFormValues> => ({
  typeCodes: [],
  organizers: [],
  participantOrgs: [],
  participantGroups: [],
  participantMembers: [],
  jointOrgs: [],
  checkin: { geofenceEnabled: false },
});

/** Names of the ids in a meeting's participant spec, which the detail carries as bare ids. */
export interface NameLookup {
  org: (id: string) => string | undefined;
  member: (id: string) => string | undefined;
}

export function detailToValues(m: MeetingDetail, names: NameLookup): Partial<MeetingFormValues> {
  const org = (id: string): OrgOption => ({ value: id, label: names.org(id) ?? id });
  return {
    org: { value: m.orgId, label: m.orgName },
    title: m.title,
    typeCodes: m.typeCodes,
    startsAt: toBeijing(m.startsAt),
    endsAt: toBeijing(m.endsAt),
    venueId: m.venueId,
    location: m.location ?? undefined,
    agenda: m.agenda ?? undefined,
    hostName: m.hostName ?? undefined,
    recorderName: m.recorderName ?? undefined,
    organizers: m.organizers,
    participantOrgs: m.participantSpec.orgIds.map(org),
    participantGroups: m.participantSpec.groupIds.map(org),
    participantMembers: m.participantSpec.memberIds.map((id) => ({ id, name: names.member(id) ?? id })),
    jointOrgs: m.jointOrgs.map((o) => ({ value: o.id, label: o.name })),
    checkin: {
      rotationSeconds: m.checkin.rotationSeconds,
      opensAt: toBeijing(m.checkin.opensAt),
      closesAt: toBeijing(m.checkin.closesAt),
      lateAfter: toBeijing(m.checkin.lateAfter),
      geofenceEnabled: m.checkin.geofence.enabled,
      radiusMeters: m.checkin.geofence.radiusMeters,
    },
  };
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The check-in settings the user actually set: untouched fields are left out so the server keeps
 * deriving them from the meeting's times (and its rule_settings defaults).
 */
function checkinBody(form: FormInstance<MeetingFormValues>, c: CheckinFormValues): CreateMeetingBody['checkin'] {
  const touched = (name: keyof CheckinFormValues) => form.isFieldTouched(['checkin', name]);
  const out: NonNullable<CreateMeetingBody['checkin']> = {};
  if (touched('rotationSeconds') && c.rotationSeconds) out.rotationSeconds = c.rotationSeconds;
  if (touched('opensAt') && c.opensAt) out.opensAt = fromBeijing(c.opensAt);
  if (touched('closesAt') && c.closesAt) out.closesAt = fromBeijing(c.closesAt);
  if (touched('lateAfter') && c.lateAfter) out.lateAfter = fromBeijing(c.lateAfter);
  if (touched('geofenceEnabled') || touched('radiusMeters')) {
    out.geofence = { enabled: Boolean(c.geofenceEnabled), ...(c.radiusMeters ? { radiusMeters: c.radiusMeters } : {}) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function valuesToBody(
  form: FormInstance<MeetingFormValues>,
  v: MeetingFormValues,
): Omit<CreateMeetingBody, 'orgId'> & UpdateMeetingBody {
  return {
    title: v.title.trim(),
    typeCodes: v.typeCodes,
    // Picker values are Beijing wall-clock times.
    startsAt: v.startsAt ? fromBeijing(v.startsAt) : '',
    endsAt: v.endsAt ? fromBeijing(v.endsAt) : '',
    venueId: v.venueId ?? null,
    location: text(v.location),
    agenda: text(v.agenda),
    hostName: text(v.hostName),
    recorderName: text(v.recorderName),
    organizerMemberIds: v.organizers.map((m) => m.id),
    participants: {
      orgIds: v.participantOrgs.map((o) => o.value),
      groupIds: v.participantGroups.map((o) => o.value),
      memberIds: v.participantMembers.map((m) => m.id),
    },
    jointOrgIds: v.jointOrgs.map((o) => o.value),
    checkin: checkinBody(form, v.checkin ?? {}),
  };
}

/** Server field paths (body.participants.orgIds …) → this form's field names, so errors land under the field. */
const FIELD_OF: [RegExp, string][] = [
  [/^body\.orgId$/, 'body.org'],
  [/^body\.participants\.orgIds(\.\d+)?$/, 'body.participantOrgs'],
  [/^body\.participants\.groupIds(\.\d+)?$/, 'body.participantGroups'],
  [/^body\.participants\.memberIds(\.\d+)?$/, 'body.participantMembers'],
  [/^body\.participants$/, 'body.participantOrgs'],
  [/^body\.organizerMemberIds(\.\d+)?$/, 'body.organizers'],
  [/^body\.jointOrgIds(\.\d+)?$/, 'body.jointOrgs'],
  [/^body\.typeCodes\.\d+$/, 'body.typeCodes'],
  [/^body\.checkin\.geofence(\..*)?$/, 'body.checkin.geofenceEnabled'],
];

export function toFormError(e: unknown): unknown {
  if (!isApiError(e) || !Array.isArray(e.details)) return e;
  const details = (e.details as { path?: unknown; message?: unknown }[]).map((d) => {
    if (typeof d?.path !== 'string') return d;
    const hit = FIELD_OF.find(([re]) => re.test(d.path as string));
    return hit ? { ...d, path: hit[1] } : d;
  });
  return new ApiError(e.status, e.code, e.message, details, e.requestId);
}

/** An edit sends only what changed: after the start the server refuses any mention of time, venue or participants. */
export function changedOnly<T extends Record<string, unknown>>(body: T, initial: T | null): Partial<T> {
  if (!initial) return body;
  const out: Partial<T> = {};
  for (const key of Object.keys(body) as (keyof T)[]) {
    if (ALWAYS_SENT.includes(key as string) || JSON.stringify(body[key]) !== JSON.stringify(initial[key]))
      out[key] = body[key];
  }
  return out;
}

/**
 * UpdateMeetingBodySchema is CreateMeetingBodySchema.partial(), whose `.default([])` still fills these two
 * when they are left out: a PATCH without them would clear the organizers and joint organizations.
 */
const ALWAYS_SENT = ['organizerMemberIds', 'jointOrgIds'];
