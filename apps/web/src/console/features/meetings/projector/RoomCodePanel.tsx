import { ClockCircleOutlined, LoadingOutlined, StopOutlined } from '@ant-design/icons';
import type { MeetingDetail, MeetingPhase } from '@red-engine/shared';
import { isApiError } from '../../../../lib/http';
import { useI18n } from '../../../../lib/i18n';
import { formatBeijing } from '../../../../lib/time';
import { QrImage } from '../QrImage';
import { useRoomCode, useSecondsLeft } from './useRoomCode';

/**
 * The rotating QR code with its countdown while the check-in window is open (by the server's clock), or why
 * there is none: not open yet, closed, cancelled, or no right to show it.
 */
export function RoomCodePanel({
  meeting,
  phase,
  serverNow,
}: {
  meeting: MeetingDetail;
  phase: MeetingPhase;
  serverNow: number;
}) {
  const { t } = useI18n();
  const stopped = phase === 'cancelled' || phase === 'archived';
  const early = serverNow < Date.parse(meeting.checkin.opensAt);
  const late = serverNow > Date.parse(meeting.checkin.closesAt);
  const wanted = !stopped && !early && !late;
  const { code, dueAt, error } = useRoomCode(meeting.id, wanted);
  const left = useSecondsLeft(dueAt);
  const rotation = code?.rotationSeconds ?? meeting.checkin.rotationSeconds;
  const fraction = Math.min(1, left / rotation);

  if (!wanted || (error && !code)) {
    const forbidden = isApiError(error) && error.status === 403;
    const title = stopped
      ? t(phase === 'cancelled' ? 'projector.cancelled' : 'projector.closed')
      : late
        ? t('projector.closed')
        : early
          ? t('projector.notOpen')
          : forbidden
            ? t('error.forbidden')
            : t('projector.loadFailed');
    return (
      <div className="rp-qr-card rp-qr-idle" role="status">
        <div className="rp-idle-icon">{early ? <ClockCircleOutlined /> : <StopOutlined />}</div>
        <div className="rp-idle-title">{title}</div>
        {early && (
          <div className="rp-idle-sub">
            {t('projector.notOpenSub', { time: formatBeijing(meeting.checkin.opensAt, 'MM-DD HH:mm') })}
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="rp-qr-card" data-url={code?.url} data-valid-until={code?.validUntil}>
      <div className="rp-qr-frame">
        {code ? (
          <QrImage key={code.code} svg={code.svg} label={t('projector.qr')} className="rp-qr" />
        ) : (
          <div className="rp-qr rp-qr-loading" role="img" aria-label={t('projector.qr')}>
            <LoadingOutlined />
          </div>
        )}
        <span className="rp-corner rp-corner-tl" />
        <span className="rp-corner rp-corner-tr" />
        <span className="rp-corner rp-corner-bl" />
        <span className="rp-corner rp-corner-br" />
      </div>
      <div className="rp-scan-hint">{t('projector.scanHint')}</div>
      <div
        className="rp-countdown"
        role="progressbar"
        aria-label={t('projector.countdown')}
        aria-valuemin={0}
        aria-valuemax={rotation}
        aria-valuenow={Math.ceil(left)}
      >
        <div className="rp-countdown-bar" style={{ transform: `scaleX(${fraction})` }} data-low={left < 5} />
      </div>
      <div className="rp-countdown-text">
        {t('projector.nextIn', { n: Math.ceil(left) })} · {t('projector.scanSub', { n: rotation })}
      </div>
    </div>
  );
}
