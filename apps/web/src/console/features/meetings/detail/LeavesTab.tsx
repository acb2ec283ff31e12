import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { Leave, LeaveStatus, MeetingDetail } from '@red-engine/shared';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { useLeaves } from '../api';
import { formatDateTime, LeaveTag } from '../MeetingTags';
import { LeaveDecisionModal, LeaveOnBehalfModal } from './LeaveModals';

/** 请假: requests with their decision; approve / reject with a note, or record leave for a member. */
export function LeavesTab({ meeting, canWrite }: { meeting: MeetingDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const leaves = useLeaves(meeting.id);
  const [deciding, setDeciding] = useState<{ leave: Leave; decision: 'approve' | 'reject' } | null>(null);
  const [onBehalf, setOnBehalf] = useState(false);

  return (
    <div>
      {canWrite && (
        <div className="re-filter-bar">
          <Typography.Text type="secondary">{t('leave.onBehalfHelp')}</Typography.Text>
          <Button className="re-toolbar-right" icon={<PlusOutlined />} onClick={() => setOnBehalf(true)}>
            {t('leave.onBehalf')}
          </Button>
        </div>
      )}
      <Table<Leave>
        rowKey="id"
        size="middle"
        loading={leaves.isPending}
        dataSource={leaves.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('leave.empty') }}
        columns={[
          {
            title: t('leave.member'),
            dataIndex: 'memberName',
            width: 110,
            render: (v: string) => <strong>{v}</strong>,
          },
          {
            title: t('leave.reason'),
            dataIndex: 'reason',
            render: (v: string) => <span className="re-wrap">{v}</span>,
          },
          { title: t('leave.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
          {
            title: t('leave.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: LeaveStatus) => <LeaveTag status={s} />,
          },
          {
            title: t('leave.decision'),
            key: 'decision',
            width: 220,
            render: (_, l) =>
              l.decidedAt ? (
                <div>
                  <div className="re-cell-sub">
                    {t('leave.decidedBy', { name: l.decidedByName ?? '—', at: formatDateTime(l.decidedAt) })}
                  </div>
                  {l.decisionNote && <div className="re-wrap">{l.decisionNote}</div>}
                </div>
              ) : (
                '—'
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
                  render: (_: unknown, l: Leave) =>
                    l.status === 'pending' ? (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          icon={<CheckOutlined />}
                          onClick={() => setDeciding({ leave: l, decision: 'approve' })}
                        >
                          {t('leave.approve')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<CloseOutlined />}
                          onClick={() => setDeciding({ leave: l, decision: 'reject' })}
                        >
                          {t('leave.reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <LeaveDecisionModal target={deciding} onClose={() => setDeciding(null)} />
      <LeaveOnBehalfModal meetingId={meeting.id} open={onBehalf} onClose={() => setOnBehalf(false)} />
    </div>
  );
}
