import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { MyMeeting } from '@red-engine/shared';
import { Tag } from 'antd-mobile';
import type { CSSProperties } from 'react';
import { useI18n } from '../../lib/i18n';
import { LEAVE_COLOR, placeOf, STATUS_COLOR, useActivityTypeName, useMeetingTime } from './api';

const TYPE_TAG_STYLE = { '--text-color': '#c8102e' } as CSSProperties;

/** My status on a meeting: 已签到 / 迟到 / 请假 / 缺席 / 补签 / 未签到. */
export function StatusTag({ status }: { status: MyMeeting['myStatus'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} className="m-mm-status">
      {t(`mm.status.${status}`)}
    </Tag>
  );
}

export function TypeTags({ codes }: { codes: string[] }) {
  const typeName = useActivityTypeName();
  return (
    <>
      {codes.map((c) => (
        <Tag key={c} color="#fff1f0" style={TYPE_TAG_STYLE}>
          {typeName(c)}
        </Tag>
      ))}
    </>
  );
}

/** One meeting in 我的活动: title, types, time, place, my status and leave state; the whole card opens it. */
export function MeetingCard({ meeting: m, onOpen }: { meeting: MyMeeting; onOpen: () => void }) {
  const { t } = useI18n();
  const timeOf = useMeetingTime();
  const place = placeOf(m);
  const cancelled = m.phase === 'cancelled';
  return (
    <button type="button" className="m-card m-mm-card" onClick={onOpen}>
      <div className="m-mm-card-head">
        <span className="m-mm-card-title">{m.title}</span>
        {cancelled ? <Tag color="default">{t('mm.phase.cancelled')}</Tag> : <StatusTag status={m.myStatus} />}
      </div>
      <div className="m-mm-tags">
        <TypeTags codes={m.typeCodes} />
      </div>
      <div className="m-mm-line">
        <ClockCircleOutlined />
        <span>{timeOf(m.startsAt, m.endsAt)}</span>
      </div>
      {place && (
        <div className="m-mm-line">
          <EnvironmentOutlined />
          <span>{place}</span>
        </div>
      )}
      {(m.leave || m.phase === 'checkin_open' || m.phase === 'in_progress' || m.geofenceEnabled) && (
        <div className="m-mm-card-foot">
          {m.leave && (
            <Tag color={LEAVE_COLOR[m.leave.status]} fill="outline">
              {t(`mm.leave.${m.leave.status}`)}
            </Tag>
          )}
          {(m.phase === 'checkin_open' || m.phase === 'in_progress') && (
            <Tag color="success" fill="outline">
              {t(`mm.phase.${m.phase}`)}
            </Tag>
          )}
          {m.geofenceEnabled && !cancelled && (
            <Tag color="default" fill="outline">
              {t('mm.geofence')}
            </Tag>
          )}
        </div>
      )}
    </button>
  );
}
