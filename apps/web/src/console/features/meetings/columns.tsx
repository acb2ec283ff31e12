import { DesktopOutlined, EnvironmentOutlined, FlagOutlined, MoreOutlined, StopOutlined } from '@ant-design/icons';
import type { Meeting } from '@red-engine/shared';
import { Button, Dropdown, type MenuProps, Progress, Space, type TableColumnsType, Tooltip } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatRate } from '../../../lib/meeting-labels';
import { toBeijing } from '../../../lib/time';
import { PhaseBadge, TypeTags } from './MeetingTags';

export const isClosed = (m: Pick<Meeting, 'phase'>) => m.phase === 'cancelled' || m.phase === 'archived';

/** 实到/应到 with a thin bar of the rate. */
export function AttendanceCell({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const { counts } = meeting;
  if (meeting.phase === 'cancelled') return <span className="re-muted">—</span>;
  if (meeting.phase === 'upcoming')
    return <span className="re-muted">{t('meeting.expectedValue', { n: counts.expected })}</span>;
  return (
    <div className="re-attendance-cell">
      <div>
        <strong>{counts.present}</strong>
        <span className="re-muted">/{counts.expected}</span>
        <span className="re-attendance-rate">{formatRate(counts.rate)}</span>
      </div>
      {counts.expected > 0 && (
        <Tooltip
          title={`${t('meeting.late')} ${counts.late} · ${t('meeting.madeUp')} ${counts.madeUp} · ${t('meeting.onLeave')} ${counts.onLeave}`}
        >
          <Progress
            percent={Math.round((counts.rate ?? 0) * 100)}
            showInfo={false}
            size="small"
            strokeColor="#c8102e"
            aria-label={t('meeting.rate')}
          />
        </Tooltip>
      )}
    </div>
  );
}

export function useMeetingColumns({
  canWrite,
  onOpen,
  onEdit,
  onCancel,
}: {
  canWrite: boolean;
  onOpen: (m: Meeting) => void;
  onEdit: (m: Meeting) => void;
  onCancel: (m: Meeting) => void;
}): TableColumnsType<Meeting> {
  const { t } = useI18n();
  return [
    {
      title: t('meeting.title'),
      dataIndex: 'title',
      width: 220,
      fixed: 'left',
      render: (_, m) => (
        <Link to={`/meetings/${m.id}`} className="re-meeting-title-link">
          {m.title}
        </Link>
      ),
    },
    {
      title: t('meeting.types'),
      dataIndex: 'typeCodes',
      width: 120,
      render: (codes: string[]) => <TypeTags codes={codes} />,
    },
    { title: t('meeting.org'), dataIndex: 'orgName', width: 150, ellipsis: true },
    {
      title: t('meeting.time'),
      key: 'time',
      width: 125,
      render: (_, m) => {
        const s = toBeijing(m.startsAt);
        const e = toBeijing(m.endsAt);
        return (
          <div>
            <div>{s.format('YYYY-MM-DD ddd')}</div>
            <div className="re-cell-sub">
              {s.format('HH:mm')}–{e.isSame(s, 'day') ? e.format('HH:mm') : e.format('MM-DD HH:mm')}
            </div>
          </div>
        );
      },
    },
    {
      title: t('meeting.place'),
      key: 'place',
      width: 150,
      ellipsis: true,
      render: (_, m) =>
        m.venueName || m.location ? (
          <div>
            {m.venueName && (
              <div>
                <FlagOutlined className="re-venue-icon" /> {m.venueName}
              </div>
            )}
            {m.location && (
              <div className={m.venueName ? 're-cell-sub' : undefined}>
                <EnvironmentOutlined /> {m.location}
              </div>
            )}
          </div>
        ) : (
          '—'
        ),
    },
    { title: t('meeting.status'), dataIndex: 'phase', width: 90, render: (_, m) => <PhaseBadge phase={m.phase} /> },
    { title: t('meeting.attendance'), key: 'attendance', width: 110, render: (_, m) => <AttendanceCell meeting={m} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canWrite ? 130 : 70,
      render: (_, m) => {
        const more: MenuProps['items'] = [
          ...(m.phase !== 'cancelled'
            ? [{ key: 'projector', icon: <DesktopOutlined />, label: t('meeting.projector') }]
            : []),
          ...(!isClosed(m) && m.phase !== 'ended'
            ? [{ key: 'cancel', icon: <StopOutlined />, danger: true, label: t('meeting.cancel') }]
            : []),
        ];
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onOpen(m)}>
              {t('meeting.viewDetail')}
            </Button>
            {canWrite && !isClosed(m) && (
              <Button type="link" size="small" onClick={() => onEdit(m)}>
                {t('common.edit')}
              </Button>
            )}
            {canWrite && more.length > 0 && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: more,
                  onClick: ({ key }) =>
                    key === 'cancel' ? onCancel(m) : window.open(`/meetings/${m.id}/projector`, '_blank', 'noopener'),
                }}
              >
                <Button type="link" size="small" aria-label={t('common.more')} icon={<MoreOutlined />} />
              </Dropdown>
            )}
          </Space>
        );
      },
    },
  ];
}
