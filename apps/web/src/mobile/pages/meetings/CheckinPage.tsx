import {
  CheckCircleFilled,
  CloseCircleFilled,
  DisconnectOutlined,
  EnvironmentOutlined,
  ExclamationCircleFilled,
  QrcodeOutlined,
} from '@ant-design/icons';
import type { CheckinResult } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, NavBar, Tag } from 'antd-mobile';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { api, isApiError } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { clockTime, MY_MEETINGS_KEY, rejectionOf } from '../../meetings/api';
import {
  type CheckinOutcome,
  currentPosition,
  nonceForCode,
  outcomeOfError,
  rejectionHint,
} from '../../meetings/checkin-outcome';
import '../../meetings/meetings.css';

type Stage = 'submitting' | 'locating' | 'done';

/** Rejections that the same code may pass later (a position, a few steps, the window opening); a forged or expired
 * code never will, so those offer no 重试 and their message says to scan again. */
const RETRYABLE = new Set<string>(['location_required', 'outside_fence', 'outside_window']);

/**
 * 扫码签到: the phone camera opened the projector's link `/m/checkin?c=<code>`. One nonce per code in this tab, so a
 * reload or 重试 repeats the same attempt; the position is asked for only when the server says the meeting needs it.
 */
export function CheckinPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const code = params.get('c')?.trim() ?? '';
  return (
    <div className="m-page m-mm">
      <NavBar back={t('common.back')} onBack={() => navigate('/')}>
        {t('mm.checkin.title')}
      </NavBar>
      {code ? <CheckinRun code={code} /> : <CheckinHowTo />}
    </div>
  );
}

function CheckinRun({ code }: { code: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const nonce = useMemo(() => nonceForCode(code), [code]);
  const needsLocation = useRef(false);
  const started = useRef(false);
  const [stage, setStage] = useState<Stage>('submitting');
  const [outcome, setOutcome] = useState<CheckinOutcome | null>(null);

  const run = useCallback(async () => {
    setOutcome(null);
    for (;;) {
      let body: Record<string, unknown> = { code, nonce };
      if (needsLocation.current) {
        setStage('locating');
        body = { ...body, ...(await currentPosition(8000)) };
      }
      setStage('submitting');
      try {
        const result = await api.post<CheckinResult>('/me/checkins', body);
        setOutcome({ kind: 'success', result });
        void qc.invalidateQueries({ queryKey: MY_MEETINGS_KEY });
        break;
      } catch (e) {
        if (isApiError(e) && (e.code === 'UNAUTHENTICATED' || e.code === 'MFA_REQUIRED')) {
          reportError(e); // back through the login page, which returns here with the same code
          return;
        }
        if (rejectionOf(e)?.reason === 'location_required' && !needsLocation.current) {
          needsLocation.current = true;
          continue;
        }
        setOutcome(outcomeOfError(e));
        break;
      }
    }
    setStage('done');
  }, [code, nonce, qc]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run();
  }, [run]);

  if (stage !== 'done' || !outcome)
    return (
      <section className="m-mm-result m-mm-result-busy" aria-busy="true">
        {stage === 'locating' ? <EnvironmentOutlined className="m-mm-result-icon" /> : null}
        <h1 className="m-mm-result-title">
          {stage === 'locating' ? t('mm.checkin.locating') : t('mm.checkin.submitting')}
        </h1>
        {stage === 'locating' && <p className="m-mm-result-text">{t('mm.checkin.locatingHint')}</p>}
        <DotLoading color="primary" />
      </section>
    );
  return <OutcomeView outcome={outcome} onRetry={() => void run()} />;
}

function OutcomeView({ outcome, onRetry }: { outcome: CheckinOutcome; onRetry: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const hint = outcome.kind === 'rejected' ? rejectionHint(t, outcome.details) : null;
  let tone: 'ok' | 'warn' | 'bad' | 'grey';
  let icon: ReactNode;
  let title: string;
  let body: ReactNode;
  switch (outcome.kind) {
    case 'success': {
      const r = outcome.result;
      const late = r.status === 'late';
      tone = 'ok';
      icon = <CheckCircleFilled />;
      title = t('mm.checkin.success');
      body = (
        <>
          <p className="m-mm-result-meeting">{r.meetingTitle}</p>
          <p className="m-mm-result-text">
            {r.memberName} · {t('mm.checkin.at', { time: clockTime(r.checkedInAt) })}
          </p>
          {late && (
            <Tag color="warning" className="m-mm-result-tag">
              {t('mm.status.late')}
            </Tag>
          )}
        </>
      );
      break;
    }
    case 'already':
      tone = 'warn';
      icon = <ExclamationCircleFilled />;
      title = t('mm.checkin.already');
      body = <p className="m-mm-result-text">{outcome.message}</p>;
      break;
    case 'rejected':
      tone = 'bad';
      icon = <CloseCircleFilled />;
      title = t('mm.checkin.rejected');
      body = (
        <>
          <p className="m-mm-result-message">{outcome.message}</p>
          {hint && <p className="m-mm-result-text">{hint}</p>}
        </>
      );
      break;
    default:
      tone = 'grey';
      icon = <DisconnectOutlined />;
      title = t('mm.checkin.notRecorded');
      body = <p className="m-mm-result-text">{t('mm.checkin.notRecordedText')}</p>;
  }
  const retryable =
    outcome.kind === 'unrecorded' ||
    (outcome.kind === 'rejected' && (!outcome.details || RETRYABLE.has(outcome.details.reason)));
  return (
    <section className={`m-mm-result m-mm-result-${tone}`} aria-live="polite">
      <div className="m-mm-result-icon">{icon}</div>
      <h1 className="m-mm-result-title">{title}</h1>
      {body}
      <div className="m-mm-result-actions">
        {retryable && (
          <Button block size="large" color="primary" onClick={onRetry}>
            {t('mm.checkin.retry')}
          </Button>
        )}
        {outcome.kind === 'rejected' && outcome.details?.reason === 'location_required' && (
          <Button block size="large" color="primary" fill="outline" onClick={() => navigate('/my-code')}>
            <QrcodeOutlined /> {t('mm.showCode')}
          </Button>
        )}
        <Button block size="large" fill="outline" onClick={() => navigate('/meetings', { replace: true })}>
          {t('mm.checkin.myMeetings')}
        </Button>
      </div>
    </section>
  );
}

/** The 扫码签到 tile without a code: how to check in, and the way to the personal code. */
function CheckinHowTo() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <section className="m-card m-mm-howto" aria-label={t('mm.checkin.howTitle')}>
      <h2 className="m-section-title">{t('mm.checkin.howTitle')}</h2>
      <ol className="m-mm-steps">
        <li>{t('mm.checkin.how1')}</li>
        <li>{t('mm.checkin.how2')}</li>
        <li>{t('mm.checkin.how3')}</li>
      </ol>
      <Button block size="large" color="primary" onClick={() => navigate('/my-code')}>
        <QrcodeOutlined /> {t('mm.checkin.openMyCode')}
      </Button>
    </section>
  );
}
