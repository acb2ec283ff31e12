import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import type { Venue, VenueConflict } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Typography } from 'antd';
import { useI18n } from '../../../../lib/i18n';
import { venueApi, venueKeys } from '../../venues/api';
import { useVenueConflicts } from '../api';
import { formatSpan } from '../MeetingTags';

/** The venues in scope, for the select and for their coordinates (geofence). */
export function useVenueOptions() {
  const params = { current: 1, pageSize: 200 };
  return useQuery({
    queryKey: [...venueKeys.lists(), 'meeting-form', params],
    queryFn: () => venueApi.list(params),
    staleTime: 60_000,
    meta: { silent: true },
  });
}

export function VenueSelect({
  value,
  onChange,
  id,
  venues,
  loading,
  disabled,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  venues: Venue[];
  loading: boolean;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Select<string>
      id={id}
      disabled={disabled}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={loading}
      placeholder={t('meeting.venuePlaceholder')}
      options={venues.map((v) => ({
        value: v.id,
        label: v.name,
        title: v.address ?? v.name,
      }))}
      optionRender={(o) => {
        const v = venues.find((x) => x.id === o.value);
        return (
          <div>
            <div>{v?.name}</div>
            <Typography.Text type="secondary" className="re-option-sub">
              {[v?.ownerOrgName, v?.capacity ? t('venue.capacityValue', { n: v.capacity }) : null]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}

export function ConflictList({ conflicts }: { conflicts: VenueConflict[] }) {
  const { t } = useI18n();
  return (
    <ul className="re-conflict-list">
      {conflicts.map((c) => (
        <li key={c.meetingId}>
          {c.inScope && c.title !== null
            ? t('meeting.venueConflictItem', {
                time: formatSpan(c.startsAt, c.endsAt),
                title: c.title,
                org: c.orgName ?? '',
              })
            : t('venueCal.conflictOtherItem', { time: formatSpan(c.startsAt, c.endsAt) })}
        </li>
      ))}
    </ul>
  );
}

/** Live 阵地 availability for the chosen time: a warning with the conflicting bookings, or a quiet ok. */
export function VenueAvailability({
  venueId,
  startsAt,
  endsAt,
  excludeMeetingId,
}: {
  venueId?: string | null;
  startsAt?: string;
  endsAt?: string;
  excludeMeetingId?: string;
}) {
  const { t } = useI18n();
  const q = useVenueConflicts({ venueId: venueId ?? undefined, startsAt, endsAt, excludeMeetingId });
  if (!venueId || !startsAt || !endsAt || startsAt >= endsAt) return null;
  if (q.isPending || (q.isFetching && q.isPlaceholderData)) {
    return (
      <Typography.Text type="secondary" className="re-venue-status" role="status">
        <LoadingOutlined /> {t('meeting.venueChecking')}
      </Typography.Text>
    );
  }
  const conflicts = q.data ?? [];
  if (conflicts.length === 0) {
    if (q.isError) return null;
    return (
      <Typography.Text type="success" className="re-venue-status" role="status">
        <CheckCircleOutlined /> {t('meeting.venueFree')}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="re-venue-conflict"
      title={t('meeting.venueConflictTitle')}
      description={<ConflictList conflicts={conflicts} />}
    />
  );
}
