import { CHECKIN_REJECTIONS, type CheckinRejection, type RejectionRow } from '@red-engine/shared';
import { Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { useRejections } from '../api';
import { formatDateTime, useMeetingLabels } from '../MeetingTags';

/** Reasons that point at misuse (forwarded screenshots, forged codes) stand out in red. */
const SUSPICIOUS: readonly CheckinRejection[] = [
  'forged',
  'expired',
  'other_meeting',
  'outside_fence',
  'staff_token_invalid',
];

function detailText(detail: unknown, t: ReturnType<typeof useI18n>['t']): string | null {
  if (!detail || typeof detail !== 'object') return null;
  const d = detail as Record<string, unknown>;
  if (typeof d.distanceMeters === 'number') return t('rejection.distance', { n: Math.round(d.distanceMeters) });
  if (typeof d.checkedInAt === 'string') return formatDateTime(d.checkedInAt);
  return null;
}

/** 签到异常: every refused scan with its reason, newest first. */
export function RejectionsTab({ meetingId, live }: { meetingId: string; live: boolean }) {
  const { t } = useI18n();
  const labels = useMeetingLabels();
  const rejections = useRejections(meetingId, live);
  const [reason, setReason] = useState<CheckinRejection>();
  const all = rejections.data ?? [];
  const rows = reason ? all.filter((r) => r.reason === reason) : all;
  const present = CHECKIN_REJECTIONS.filter((r) => all.some((x) => x.reason === r));

  return (
    <div>
      <div className="re-filter-bar">
        <Typography.Text type="secondary">{t('rejection.help')}</Typography.Text>
        <Select<CheckinRejection>
          allowClear
          className="re-toolbar-right"
          aria-label={t('rejection.reason')}
          placeholder={t('rejection.reason')}
          style={{ width: 260 }}
          value={reason}
          onChange={setReason}
          options={present.map((r) => ({
            value: r,
            label: `${labels.rejection(r)} (${all.filter((x) => x.reason === r).length})`,
          }))}
        />
      </div>
      <Table<RejectionRow>
        rowKey="id"
        size="middle"
        loading={rejections.isPending}
        dataSource={rows}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('rejection.empty') }}
        pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          { title: t('rejection.at'), dataIndex: 'at', width: 160, render: formatDateTime },
          { title: t('rejection.member'), dataIndex: 'memberName', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: t('rejection.method'),
            dataIndex: 'method',
            width: 130,
            render: (m: string) => (m === 'room_code' || m === 'staff_scan' ? t(`rejectionMethod.${m}`) : m),
          },
          {
            title: t('rejection.reason'),
            dataIndex: 'reason',
            render: (r: CheckinRejection) => (
              <Tag color={SUSPICIOUS.includes(r) ? 'red' : 'default'} data-reason={r}>
                {labels.rejection(r)}
              </Tag>
            ),
          },
          {
            title: t('rejection.detail'),
            dataIndex: 'detail',
            width: 180,
            render: (d: unknown) => detailText(d, t) ?? '—',
          },
        ]}
      />
    </div>
  );
}
