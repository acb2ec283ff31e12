import {
  CheckCircleFilled,
  CloseCircleFilled,
  DisconnectOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { Button, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { type Translate, useI18n } from '../../lib/i18n';
import { clockTime } from './api';
import { type CheckinOutcome, rejectionHint } from './checkin-outcome';
import type { ScanEntry } from './useStaffScans';

type Tone = 'ok' | 'warn' | 'bad' | 'grey';

const toneOf = (o: CheckinOutcome): Tone =>
  o.kind === 'success' ? 'ok' : o.kind === 'already' ? 'warn' : o.kind === 'rejected' ? 'bad' : 'grey';

const ICON: Record<Tone, ReactNode> = {
  ok: <CheckCircleFilled />,
  warn: <ExclamationCircleFilled />,
  bad: <CloseCircleFilled />,
  grey: <DisconnectOutlined />,
};

/** Title, whose name, and one line of detail for a scan result. */
function describe(t: Translate, e: ScanEntry): { title: string; name: string; text: string; late: boolean } {
  const o = e.outcome;
  if (!o) return { title: t('mm.checkin.submitting'), name: '', text: '', late: false };
  switch (o.kind) {
    case 'success':
      return {
        title: t('mm.checkin.success'),
        name: o.result.memberName,
        text: t('mm.checkin.at', { time: clockTime(o.result.checkedInAt) }),
        late: o.result.status === 'late',
      };
    case 'already':
      return {
        title: t('mm.checkin.already'),
        name: o.details.memberName ?? '',
        text: o.message,
        late: false,
      };
    case 'rejected':
      return {
        title: t('mm.checkin.rejected'),
        name: o.details?.memberName ?? '',
        text: e.roomCode
          ? t('mm.staff.roomCode')
          : o.details?.reason === 'forged' || o.details?.reason === 'expired'
            ? t(`mm.staff.${o.details.reason}`)
            : [o.message, rejectionHint(t, o.details)].filter(Boolean).join(' '),
        late: false,
      };
    default:
      return { title: t('mm.checkin.notRecorded'), name: '', text: t('mm.staff.notRecordedText'), late: false };
  }
}

/** The last result, full screen in its colour; a tap (or a few seconds) closes it. */
export function ScanFlash({
  entry,
  onClose,
  onRetry,
}: {
  entry: ScanEntry;
  onClose: () => void;
  onRetry: (id: string) => void;
}) {
  const { t } = useI18n();
  if (!entry.outcome) return null;
  const tone = toneOf(entry.outcome);
  const d = describe(t, entry);
  return (
    <div className={`m-mm-flash m-mm-flash-${tone}`} role="alert" onClick={onClose} onKeyDown={onClose}>
      <div className="m-mm-flash-icon">{ICON[tone]}</div>
      <h2 className="m-mm-flash-title">{d.title}</h2>
      {d.name && <div className="m-mm-flash-name">{d.name}</div>}
      {d.late && (
        <Tag color="warning" className="m-mm-result-tag">
          {t('mm.status.late')}
        </Tag>
      )}
      <p className="m-mm-flash-text">{d.text}</p>
      {tone === 'grey' && (
        <Button
          size="large"
          color="default"
          onClick={(ev) => {
            ev.stopPropagation();
            onRetry(entry.id);
          }}
        >
          {t('mm.staff.retry')}
        </Button>
      )}
      <p className="m-mm-flash-close">{t('mm.staff.tapToClose')}</p>
    </div>
  );
}

/** The last 20 scans, newest first; one not recorded can be sent again with its own nonce. */
export function RecentScans({ entries, onRetry }: { entries: ScanEntry[]; onRetry: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="m-card" aria-label={t('mm.staff.recent')}>
      <h2 className="m-section-title">{t('mm.staff.recent')}</h2>
      {entries.length === 0 && <p className="m-hint">{t('mm.staff.recentEmpty')}</p>}
      <ul className="m-mm-scans">
        {entries.map((e) => {
          const tone = e.outcome ? toneOf(e.outcome) : 'grey';
          const d = describe(t, e);
          return (
            <li key={e.id} className={`m-mm-scan m-mm-scan-${tone}`}>
              <span className="m-mm-scan-icon">{e.outcome ? ICON[tone] : <LoadingOutlined />}</span>
              <div className="m-mm-row-main">
                <div className="m-mm-row-title">
                  {d.name ? `${d.name} · ` : ''}
                  {d.title}
                </div>
                <div className="m-mm-row-sub">
                  {clockTime(new Date(e.at).toISOString())}{' '}
                  {e.outcome?.kind === 'success' ? (d.late ? t('mm.status.late') : '') : d.text}
                </div>
              </div>
              {e.outcome?.kind === 'unrecorded' && (
                <Button size="small" onClick={() => onRetry(e.id)}>
                  {t('mm.staff.retry')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
