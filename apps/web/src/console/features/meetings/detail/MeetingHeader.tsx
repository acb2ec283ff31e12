import {
  ApartmentOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MeetingDetail } from '@red-engine/shared';
import { Alert, Card, Descriptions, Progress } from 'antd';
import { useI18n } from '../../../../lib/i18n';
import { formatRate } from '../../../../lib/meeting-labels';
import { formatBeijing, sameBeijingDay } from '../../../../lib/time';
import { formatSpan, PhaseTag, TypeTags } from '../MeetingTags';

function Stat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="re-meeting-stat" data-tone={tone}>
      <output className="re-meeting-stat-value" aria-label={label}>
        {value}
      </output>
      <div className="re-meeting-stat-label">{label}</div>
    </div>
  );
}

/** Title, phase, when and where, and the attendance figures of one meeting. */
export function MeetingHeader({ meeting: m }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const c = m.counts;
  const over = m.phase === 'ended' || m.phase === 'archived';
  const hm = (v: string) => formatBeijing(v, sameBeijingDay(v, m.startsAt) ? 'HH:mm' : 'MM-DD HH:mm');
  return (
    <Card className="re-meeting-header">
      {m.phase === 'cancelled' && m.cancelReason && (
        <Alert
          type="error"
          showIcon
          className="re-modal-alert"
          title={t('meeting.cancelReasonShown', { reason: m.cancelReason })}
        />
      )}
      <div className="re-meeting-header-inner">
        <div className="re-meeting-header-main">
          <div className="re-meeting-header-title">
            <h2>{m.title}</h2>
            <PhaseTag phase={m.phase} />
          </div>
          <TypeTags codes={m.typeCodes} />
          <div className="re-meeting-facts">
            <span>
              <ApartmentOutlined /> {m.orgName}
              {m.jointOrgs.length > 0 && (
                <span className="re-muted"> · {m.jointOrgs.map((o) => o.name).join('、')}</span>
              )}
            </span>
            <span>
              <ClockCircleOutlined /> {formatSpan(m.startsAt, m.endsAt)}
            </span>
            {m.venueName && (
              <span>
                <FlagOutlined /> {m.venueName}
              </span>
            )}
            {m.location && (
              <span>
                <EnvironmentOutlined /> {m.location}
              </span>
            )}
          </div>
        </div>
        <div className="re-meeting-rate">
          <Progress
            type="circle"
            size={104}
            percent={Math.round((c.rate ?? 0) * 100)}
            strokeColor="#c8102e"
            format={() => (
              <span className="re-meeting-rate-text">
                <strong>{formatRate(c.rate)}</strong>
                <small>{t('meeting.rateShort')}</small>
              </span>
            )}
          />
        </div>
      </div>
      <div className="re-meeting-stats" role="group" aria-label={t('meeting.attendance')}>
        <Stat label={t('meeting.expected')} value={c.expected} />
        <Stat label={t('meeting.present')} value={c.present} tone="green" />
        <Stat label={t('meeting.late')} value={c.late} tone="orange" />
        <Stat label={t('meeting.madeUp')} value={c.madeUp} tone="purple" />
        <Stat label={t('meeting.onLeave')} value={c.onLeave} tone="blue" />
        <Stat
          label={over ? t('meeting.absent') : t('meeting.notYet')}
          value={c.absent}
          tone={over ? 'red' : undefined}
        />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        className="re-meeting-desc"
        items={[
          { key: 'host', label: t('meeting.host'), children: m.hostName ?? '—' },
          { key: 'recorder', label: t('meeting.recorder'), children: m.recorderName ?? '—' },
          {
            key: 'organizers',
            label: t('meeting.organizers'),
            children:
              m.organizers.length > 0 ? (
                <span>
                  <UserOutlined /> {m.organizers.map((o) => o.name).join('、')}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'window',
            label: t('meeting.checkinWindow'),
            children: t('meeting.checkinWindowValue', {
              opens: hm(m.checkin.opensAt),
              closes: hm(m.checkin.closesAt),
              late: hm(m.checkin.lateAfter),
            }),
          },
          {
            key: 'geofence',
            label: t('meeting.geofence'),
            children: m.checkin.geofence.enabled ? (
              <span>
                <SafetyCertificateOutlined />{' '}
                {t('meeting.geofenceValue', { radius: m.checkin.geofence.radiusMeters ?? '—' })}
              </span>
            ) : (
              t('meeting.geofenceOff')
            ),
          },
          {
            key: 'rotation',
            label: t('meeting.rotationSeconds'),
            children: `${m.checkin.rotationSeconds} ${t('meeting.rotationSecondsUnit')}`,
          },
          ...(m.agenda
            ? [
                {
                  key: 'agenda',
                  label: t('meeting.agenda'),
                  span: 'filled' as const,
                  children: <div className="re-pre">{m.agenda}</div>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
