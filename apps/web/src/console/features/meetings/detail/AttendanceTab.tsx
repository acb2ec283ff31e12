import { CheckSquareOutlined, EditOutlined } from '@ant-design/icons';
import {
  ATTENDANCE_STATUSES,
  type AttendanceRow,
  type AttendanceStatus,
  type CheckinMethod,
  type MeetingDetail,
} from '@red-engine/shared';
import { Button, Input, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { useAttendance } from '../api';
import { AttendanceTag, formatDateTime, useMeetingLabels } from '../MeetingTags';
import { type MakeupKind, MakeupModal } from './MakeupModal';

/** Who can still be recorded as present: not yet there, absent, or on leave but came after all. */
const MAKEUP_ABLE: readonly AttendanceStatus[] = ['pending', 'absent', 'leave'];

/** 出勤: everyone expected, their status and how / when / by whom it was recorded; bulk 补签 and 代签. */
export function AttendanceTab({
  meeting,
  canWrite,
  live,
}: {
  meeting: MeetingDetail;
  canWrite: boolean;
  live: boolean;
}) {
  const { t } = useI18n();
  const labels = useMeetingLabels();
  const attendance = useAttendance(meeting.id, true, live);
  const [status, setStatus] = useState<AttendanceStatus | 'all'>('all');
  const [keyword, setKeyword] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [makeup, setMakeup] = useState<MakeupKind | null>(null);

  // 补签 records attendance after the fact: the server takes it once the meeting has started.
  const started = meeting.phase !== 'upcoming' && meeting.phase !== 'checkin_open';
  const all = attendance.data ?? [];
  const counts = useMemo(() => {
    const c: Partial<Record<AttendanceStatus, number>> = {};
    for (const r of all) c[r.status] = (c[r.status] ?? 0) + 1;
    return c;
  }, [all]);
  const k = keyword.trim();
  const rows = all.filter((r) => (status === 'all' || r.status === status) && (!k || r.memberName.includes(k)));
  const chosen = all.filter((r) => selected.includes(r.memberId));

  return (
    <div>
      <div className="re-filter-bar re-attendance-toolbar">
        <Segmented<AttendanceStatus | 'all'>
          aria-label={t('attendance.filterStatus')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: `${t('common.all')} ${all.length}` },
            ...ATTENDANCE_STATUSES.filter((s) => counts[s]).map((s) => ({
              value: s,
              label: `${labels.attendance(s)} ${counts[s]}`,
            })),
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('attendance.searchMember')}
          placeholder={t('attendance.searchMember')}
          style={{ width: 200 }}
          onSearch={setKeyword}
          onChange={(e) => !e.target.value && setKeyword('')}
        />
        {canWrite && (
          <Space className="re-toolbar-right">
            {selected.length > 0 && (
              <Typography.Text type="secondary">{t('attendance.selected', { n: selected.length })}</Typography.Text>
            )}
            <Button
              icon={<CheckSquareOutlined />}
              disabled={selected.length === 0}
              onClick={() => setMakeup('organizer')}
            >
              {t('attendance.bulkProxy')}
            </Button>
            <Tooltip title={started ? undefined : t('attendance.makeupAfterStart')}>
              <Button
                type="primary"
                icon={<EditOutlined />}
                disabled={!started || selected.length === 0}
                onClick={() => setMakeup('makeup')}
              >
                {t('attendance.bulkMakeup')}
              </Button>
            </Tooltip>
          </Space>
        )}
      </div>
      <Table<AttendanceRow>
        rowKey="memberId"
        size="middle"
        loading={attendance.isPending}
        dataSource={rows}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('attendance.empty') }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (n) => t('common.total', { total: n }) }}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: !MAKEUP_ABLE.includes(r.status),
                  'aria-label': r.memberName,
                }),
              }
            : undefined
        }
        columns={[
          {
            title: t('attendance.member'),
            dataIndex: 'memberName',
            width: 120,
            render: (v: string) => <strong>{v}</strong>,
          },
          { title: t('attendance.org'), dataIndex: 'orgName', width: 200, ellipsis: true },
          {
            title: t('attendance.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: AttendanceStatus) => <AttendanceTag status={s} />,
          },
          {
            title: t('attendance.method'),
            dataIndex: 'method',
            width: 130,
            render: (m: CheckinMethod | null) => (m ? labels.method(m) : '—'),
          },
          { title: t('attendance.at'), dataIndex: 'checkedInAt', width: 150, render: formatDateTime },
          { title: t('attendance.by'), dataIndex: 'byName', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: t('attendance.reason'),
            key: 'reason',
            render: (_, r) => {
              const text = r.reason ?? (r.leave ? t('attendance.leaveShown', { reason: r.leave.reason }) : null);
              return text ? <span className="re-cell-sub re-wrap">{text}</span> : '—';
            },
          },
        ]}
      />
      <MakeupModal
        meetingId={meeting.id}
        kind={makeup}
        members={chosen}
        onClose={() => setMakeup(null)}
        onDone={() => setSelected([])}
      />
    </div>
  );
}
