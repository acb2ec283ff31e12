import { Button, DotLoading, ErrorBlock, NavBar, ProgressBar, Tag } from 'antd-mobile';
import { useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { formatBeijingDate } from '../../../lib/time';
import { formatDuration, useMyContent, useMyCourses } from './api';
import { useStudyHeartbeat } from './useStudyHeartbeat';

/** Reads an article, plays a video or shows a PDF, with the study heartbeat and, for a lesson, its completion. */
export function ContentViewPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const lessonId = params.get('lesson') ?? undefined;
  const content = useMyContent(id);
  const courses = useMyCourses();
  const video = useRef<HTMLVideoElement>(null);
  const c = content.data;
  const lesson = courses.data?.flatMap((k) => k.lessons).find((l) => l.id === lessonId);
  const scrollFraction = () => {
    const el = document.documentElement;
    const room = el.scrollHeight - el.clientHeight;
    return room > 0 ? Math.min(1, el.scrollTop / room) : 1;
  };
  const { session, last } = useStudyHeartbeat(
    c?.id,
    lessonId,
    () => (c?.kind === 'video' ? (video.current?.currentTime ?? 0) : scrollFraction()),
    () => !!video.current && !video.current.paused && !video.current.ended,
  );
  const zh = locale === 'zh-CN';
  const required = last?.lessonRequiredSeconds ?? lesson?.requiredSeconds ?? null;
  const credited = last?.contentCreditedSeconds ?? session?.contentCreditedSeconds ?? c?.myCreditedSeconds ?? 0;
  const completed = !!(last?.lessonCompleted || lesson?.completedAt || (required !== null && credited >= required));
  const refusal = last?.refusal;
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/learning'));
  if (content.isError) return <ErrorBlock status="default" fullPage />;
  return (
    <div className="m-page">
      <NavBar back={t('common.back')} onBack={back}>
        {c ? t(`lrn.kind.${c.kind}` as MessageKey) : ''}
      </NavBar>
      {!c && <DotLoading />}
      {c && (
        <div style={{ padding: '12px 16px 80px' }}>
          <h2 style={{ fontSize: 20, margin: '4px 0 8px' }}>{c.title}</h2>
          <div style={{ color: '#999', fontSize: 12, marginBottom: 12 }}>
            {c.orgName} · {formatBeijingDate(c.publishedAt)}
            {c.docNumber ? ` · ${c.docNumber}` : ''}
            {c.kind === 'policy' ? ` · ${t('lrn.version')} ${c.version}` : ''}
          </div>
          {lessonId && (
            <div
              data-testid="lesson-status"
              style={{ background: '#fff7e6', borderRadius: 8, padding: 12, marginBottom: 12 }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 6 }}>
                <span data-testid="study-time">
                  {t('m.lrn.studied', { time: formatDuration(Math.min(credited, required ?? credited), zh) })}
                  {required !== null && ` / ${formatDuration(required, zh)}`}
                </span>
                {completed ? (
                  <Tag color="success" data-testid="lesson-completed">
                    {t('m.lrn.completed')}
                  </Tag>
                ) : (
                  <Tag color="warning">{t('m.lrn.notCompleted')}</Tag>
                )}
              </div>
              {required !== null && <ProgressBar percent={Math.min(100, (credited / Math.max(1, required)) * 100)} />}
            </div>
          )}
          {c.kind === 'video' &&
            (c.fileUrl ? (
              // biome-ignore lint/a11y/useMediaCaption: demo videos carry no caption track
              <video
                ref={video}
                src={c.fileUrl}
                controls
                playsInline
                preload="metadata"
                style={{ width: '100%', borderRadius: 8 }}
              />
            ) : (
              <ErrorBlock status="empty" title={t('m.lrn.noFile')} description="" />
            ))}
          {(c.kind === 'document' || c.kind === 'policy') && c.fileUrl && (
            <>
              <iframe
                title={c.title}
                src={c.fileUrl}
                style={{ width: '100%', height: '70vh', border: '1px solid #eee', borderRadius: 8 }}
              />
              <Button
                size="small"
                fill="none"
                onClick={() => {
                  window.open(c.fileUrl!, '_blank');
                }}
              >
                {t('m.lrn.openPdf')}
              </Button>
            </>
          )}
          {c.summary && !c.bodyHtml && <p style={{ color: '#666' }}>{c.summary}</p>}
          {/* The body was sanitized on the server when it was saved (scripts, handlers, iframes removed). */}
          <div
            className="m-lrn-body"
            style={{ lineHeight: 1.8, fontSize: 16 }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server when saved (learning.sanitize.ts)
            dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
          />
          <div style={{ color: '#999', fontSize: 12, marginTop: 16 }} data-testid="study-readout">
            {t('m.lrn.readout', {
              s: last?.sessionCreditedSeconds ?? 0,
              today: Math.floor((last?.todayCreditedSeconds ?? session?.todayCreditedSeconds ?? 0) / 60),
            })}
            {refusal && (refusal === 'hidden' || refusal === 'idle' ? ` · ${t('m.lrn.paused')}` : '')}
            {refusal && ['overlap', 'daily_cap', 'no_progress'].includes(refusal)
              ? ` · ${t(`m.lrn.refusal.${refusal}` as MessageKey)}`
              : ''}
          </div>
        </div>
      )}
    </div>
  );
}
