import type { Board } from '@red-engine/shared';
import { useI18n } from '../../../../lib/i18n';
import { formatRate } from '../../../../lib/meeting-labels';
import { formatBeijing } from '../../../../lib/time';
import { useMeetingLabels } from '../MeetingTags';

function Ring({ rate, label }: { rate: number | null; label: string }) {
  const r = 52;
  const c = 2 * Math.PI * r;
  const value = Math.max(0, Math.min(1, rate ?? 0));
  return (
    <div
      className="rp-ring"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value * 100)}
    >
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle cx="60" cy="60" r={r} className="rp-ring-track" />
        <circle
          cx="60"
          cy="60"
          r={r}
          className="rp-ring-value"
          strokeDasharray={c}
          strokeDashoffset={c * (1 - value)}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <div className="rp-ring-text">
        <strong>{formatRate(rate)}</strong>
        <span>{label}</span>
      </div>
    </div>
  );
}

function Figure({ label, value, tone }: { label: string; value: number | undefined; tone: string }) {
  return (
    <div className={`rp-figure rp-figure-${tone}`}>
      <output className="rp-figure-value" aria-label={label}>
        {value ?? '—'}
      </output>
      <div className="rp-figure-label" aria-hidden="true">
        {label}
      </div>
    </div>
  );
}

/** 实到 / 应到 / 请假 in big numbers, the attendance ring and the latest check-ins (newest on top). */
export function LiveBoard({ board }: { board: Board | undefined }) {
  const { t } = useI18n();
  const labels = useMeetingLabels();
  const c = board?.counts;
  return (
    <div className="rp-board">
      <div className="rp-board-top">
        <div className="rp-figures">
          <Figure label={t('meeting.present')} value={c?.present} tone="present" />
          <Figure label={t('meeting.expected')} value={c?.expected} tone="expected" />
          <Figure label={t('meeting.onLeave')} value={c?.onLeave} tone="leave" />
        </div>
        <Ring rate={c?.rate ?? null} label={t('projector.rate')} />
      </div>
      <div className="rp-recent">
        <div className="rp-recent-title">{t('projector.recent')}</div>
        <ul className="rp-recent-list" aria-label={t('projector.recent')} aria-live="polite">
          {(board?.recent ?? []).length === 0 && <li className="rp-recent-empty">{t('projector.noneYet')}</li>}
          {(board?.recent ?? []).map((r) => (
            <li key={`${r.memberName}-${r.at}`} className="rp-recent-item" data-status={r.status}>
              <span className="rp-avatar" aria-hidden="true">
                {r.memberName.slice(0, 1)}
              </span>
              <span className="rp-recent-name">{r.memberName}</span>
              <span className="rp-recent-meta">
                {labels.method(r.method)}
                {r.status === 'late' && <em className="rp-late">{labels.attendance('late')}</em>}
              </span>
              <span className="rp-recent-time">{formatBeijing(r.at, 'HH:mm:ss')}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
