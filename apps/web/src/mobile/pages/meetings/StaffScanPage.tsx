import { CameraOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import type { StaffSession } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar } from 'antd-mobile';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { unlockAudio } from '../../meetings/beep';
import { RecentScans, ScanFlash } from '../../meetings/StaffScanParts';
import { rememberStaffToken, staffRequest } from '../../meetings/staff-api';
import { useQrScanner } from '../../meetings/useQrScanner';
import { useStaffScans } from '../../meetings/useStaffScans';
import { useWakeLock } from '../../meetings/useWakeLock';
import '../../meetings/meetings.css';
import '../../meetings/staff-scan.css';

/**
 * 签到志愿者 (no login): the link `/m/staff?t=<token>` carries the credential. It moves to sessionStorage and off the
 * address bar at once, so a screenshot or a shared URL does not hand it on.
 */
export function StaffScanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [token] = useState(() => rememberStaffToken(params.get('t')));
  useEffect(() => {
    if (params.has('t')) navigate('/staff', { replace: true });
  }, [params, navigate]);

  return (
    <div className="m-page m-mm m-mm-staff">
      <NavBar backIcon={false}>{t('mm.staff.title')}</NavBar>
      {token ? (
        <StaffDesk token={token} />
      ) : (
        <ErrorBlock status="empty" className="m-empty" title={t('mm.staff.noToken')} description="">
          <p className="m-hint m-pad">{t('mm.staff.noTokenHint')}</p>
        </ErrorBlock>
      )}
    </div>
  );
}

function StaffDesk({ token }: { token: string }) {
  const { t } = useI18n();
  useWakeLock(true);
  const session = useQuery({
    queryKey: ['checkin', 'staff-session', token],
    queryFn: () => staffRequest<StaffSession>('GET', '/checkin/staff-session', token),
    refetchInterval: 10_000,
    retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
    meta: { silent: true },
  });
  const scans = useStaffScans(token, () => void session.refetch());

  if (session.isPending)
    return (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  const refused = isApiError(session.error) && session.error.status >= 400 && session.error.status < 500;
  if (session.isError && (!session.data || refused)) {
    const e = session.error;
    const unreachable = !isApiError(e) || e.status === 0 || e.status >= 500;
    return (
      <section className={`m-mm-result m-mm-result-${unreachable ? 'grey' : 'bad'}`} role="alert">
        <h1 className="m-mm-result-title">{unreachable ? t('app.loadFailed') : t('mm.staff.invalid')}</h1>
        <p className="m-mm-result-message">{e.message}</p>
        <div className="m-mm-result-actions">
          <Button block size="large" color="primary" onClick={() => void session.refetch()}>
            {t('mm.checkin.retry')}
          </Button>
        </div>
      </section>
    );
  }
  const s = session.data!;
  return (
    <>
      <section className="m-card m-mm-staff-head" aria-label={s.meetingTitle}>
        <h1 className="m-mm-detail-title">{s.meetingTitle}</h1>
        <div className="m-hint" style={{ margin: 0 }}>
          {s.label} ·{' '}
          {t('mm.staff.window', {
            from: formatBeijing(s.validFrom, 'M/D HH:mm'),
            to: formatBeijing(s.validUntil, 'M/D HH:mm'),
          })}
        </div>
        <div className="m-mm-summary m-mm-staff-counts" aria-live="polite">
          <Count label={t('mm.att.expected')} value={s.counts.expected} />
          <Count label={t('mm.status.present')} value={s.counts.present} tone="ok" />
          <Count label={t('mm.att.leave')} value={s.counts.onLeave} />
          <Count label={t('mm.status.pending')} value={s.counts.absent} />
          <Count
            label={t('mm.att.rate')}
            value={s.counts.rate === null ? '—' : `${Math.round(s.counts.rate * 100)}%`}
            tone="rate"
          />
        </div>
      </section>
      <ScanInputs onScan={scans.scan} paused={scans.flash !== null} />
      <RecentScans entries={scans.entries} onRetry={scans.retry} />
      {scans.flash && <ScanFlash entry={scans.flash} onClose={scans.dismiss} onRetry={scans.retry} />}
    </>
  );
}

function Count({ label, value, tone }: { label: string; value: number | string; tone?: 'ok' | 'rate' }) {
  return (
    <div className={tone ? `m-mm-count-${tone}` : undefined}>
      <div className="m-mm-summary-value">{value}</div>
      <div className="m-mm-summary-label">{label}</div>
    </div>
  );
}

/** (a) a text field for a hardware scanner (it types the code and Enter); (b) the camera with jsQR. */
function ScanInputs({ onScan, paused }: { onScan: (code: string) => void; paused: boolean }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [text, setText] = useState('');
  const [typing, setTyping] = useState(false);
  const camera = useQrScanner(video, onScan, paused);
  const cameraOn = camera.state.status === 'on' || camera.state.status === 'starting';

  // Back to the scanner field after every result, so the next member can be scanned without a tap.
  useEffect(() => {
    if (!paused && !cameraOn) input.current?.focus({ preventScroll: true });
  }, [paused, cameraOn]);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    unlockAudio();
    const code = text.trim();
    setText('');
    if (code) onScan(code);
  };
  const err = camera.state.status === 'error' ? camera.state : null;

  return (
    <section className="m-card" aria-label={t('mm.checkin.title')}>
      <form className="m-mm-scan-form" onSubmit={submit}>
        <input
          ref={input}
          className="m-mm-scan-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('mm.staff.inputPlaceholder')}
          aria-label={t('mm.staff.input')}
          // Hardware scanners type like a keyboard; keep the phone's own keyboard down unless asked for.
          inputMode={typing ? 'text' : 'none'}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
        />
        <Button type="submit" color="primary" size="large" disabled={!text.trim()}>
          {t('mm.staff.submit')}
        </Button>
      </form>
      <div className="m-mm-scan-tools">
        <Button
          size="small"
          fill="none"
          onClick={() => {
            setTyping(true);
            input.current?.focus();
          }}
        >
          <EditOutlined /> {t('mm.staff.keyboard')}
        </Button>
      </div>
      <Button
        block
        size="large"
        color={cameraOn ? 'default' : 'primary'}
        fill={cameraOn ? 'outline' : 'solid'}
        loading={camera.state.status === 'starting'}
        onClick={() => {
          unlockAudio();
          if (cameraOn) camera.stop();
          else void camera.start();
        }}
      >
        {cameraOn ? <StopOutlined /> : <CameraOutlined />} {cameraOn ? t('mm.staff.cameraOff') : t('mm.staff.cameraOn')}
      </Button>
      {err && (
        <div className="m-mm-camera-error" role="alert">
          {err.error === 'denied'
            ? t('mm.staff.cameraDenied')
            : err.error === 'missing'
              ? t('mm.staff.cameraMissing')
              : err.error === 'insecure'
                ? t('mm.staff.cameraInsecure')
                : t('mm.staff.cameraFailed', { message: err.message ?? '' })}
        </div>
      )}
      <div className="m-mm-camera" hidden={!cameraOn}>
        <video ref={video} muted playsInline className="m-mm-video" />
        <div className="m-mm-aim" aria-hidden="true" />
        <p className="m-mm-camera-hint">{t('mm.staff.aim')}</p>
      </div>
    </section>
  );
}
