import { StopOutlined, WarningFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { CalendarBooking } from './calendar-model';

/** How a booking is drawn: conflicts red, other organizations' bookings neutral, cancelled struck through. */
export type BookingTone = 'own' | 'other' | 'conflict' | 'cancelled';

export function toneOf(b: CalendarBooking): BookingTone {
  if (b.status === 'cancelled') return 'cancelled';
  if (b.conflict) return 'conflict';
  return b.inScope ? 'own' : 'other';
}

/** `09:00–11:00`, or with the end's date when the booking runs over midnight. */
export function spanText(b: CalendarBooking): string {
  return b.start.isSame(b.end, 'day')
    ? `${b.start.format('HH:mm')}–${b.end.format('HH:mm')}`
    : `${b.start.format('MM-DD HH:mm')} – ${b.end.format('MM-DD HH:mm')}`;
}

export function useBookingTitle(): (b: CalendarBooking) => string {
  const { t } = useI18n();
  return (b) => b.title ?? t('venueCal.bookedOther');
}

/** The tooltip of a booking: what, when, who, and why it is marked. */
export function BookingTooltip({ booking: b }: { booking: CalendarBooking }) {
  const { t } = useI18n();
  const title = useBookingTitle();
  return (
    <div className="re-vc-tip">
      <div className="re-vc-tip-title">{title(b)}</div>
      <div>{`${b.start.format('YYYY-MM-DD')} ${spanText(b)}`}</div>
      {b.orgName ? <div>{b.orgName}</div> : <div className="re-vc-tip-muted">{t('venueCal.bookedOtherHelp')}</div>}
      {b.status === 'cancelled' && (
        <div>
          <StopOutlined /> {t('venueCal.cancelled')}
        </div>
      )}
      {b.status === 'archived' && <div>{t('venueCal.archived')}</div>}
      {b.conflict && (
        <div className="re-vc-tip-conflict">
          <WarningFilled /> {t('venueCal.conflictHelp')}
        </div>
      )}
    </div>
  );
}

/** The colour key above the calendar. */
export function Legend() {
  const { t } = useI18n();
  const items: [BookingTone, string][] = [
    ['own', t('venueCal.legendOwn')],
    ['other', t('venueCal.legendOther')],
    ['conflict', t('venueCal.legendConflict')],
    ['cancelled', t('venueCal.legendCancelled')],
  ];
  return (
    <ul className="re-vc-legend" aria-label={t('venueCal.title')}>
      {items.map(([tone, label]) => (
        <li key={tone}>
          <span className="re-vc-swatch" data-tone={tone} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

export function ConflictTag() {
  const { t } = useI18n();
  return (
    <Tag color="#cf1322" icon={<WarningFilled />} className="re-vc-conflict-tag">
      {t('venueCal.conflict')}
    </Tag>
  );
}
