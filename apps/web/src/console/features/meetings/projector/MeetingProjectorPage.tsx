import {
  ApartmentOutlined,
  ClockCircleOutlined,
  CompressOutlined,
  EnvironmentOutlined,
  ExpandOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../../../lib/http';
import { useI18n } from '../../../../lib/i18n';
import { formatBeijing } from '../../../../lib/time';
import { LogoMark } from '../../../components/Logo';
import { PageLoading } from '../../../components/PageLoading';
import { meetingApi, meetingKeys, useMeeting } from '../api';
import { formatSpan, useTypeName } from '../MeetingTags';
import { LiveBoard } from './LiveBoard';
import { RoomCodePanel } from './RoomCodePanel';
import './projector.css';

const BOARD_POLL_MS = 2_000;

function Clock() {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <div className="rp-clock" role="timer" aria-label={t('projector.clock')}>
      {formatBeijing(now, 'HH:mm:ss')}
    </div>
  );
}

function FullscreenToggle() {
  const { t } = useI18n();
  const [full, setFull] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const on = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const label = full ? t('projector.exitFullscreen') : t('projector.fullscreen');
  return (
    <Button
      type="text"
      className="rp-fullscreen"
      icon={full ? <CompressOutlined /> : <ExpandOutlined />}
      aria-label={label}
      title={label}
      onClick={() => (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {})}
    />
  );
}

/** 投屏签到: the room's rotating QR code beside the live attendance board, for a meeting-room projector. */
export default function MeetingProjectorPage() {
  const { t } = useI18n();
  const { id = '' } = useParams<{ id: string }>();
  const meeting = useMeeting(id);
  const typeName = useTypeName();
  const board = useQuery({
    queryKey: meetingKeys.board(id),
    queryFn: () => meetingApi.board(id),
    refetchInterval: BOARD_POLL_MS,
    refetchIntervalInBackground: true,
    retry: true,
    enabled: Boolean(id),
    meta: { silent: true },
  });

  useEffect(() => {
    const title = meeting.data?.title;
    if (title) document.title = `${t('projector.title')} · ${title}`;
  }, [meeting.data?.title, t]);

  if (meeting.isPending) return <PageLoading fullscreen />;
  const m = meeting.data;
  if (!m) {
    const missing = isApiError(meeting.error) && (meeting.error.status === 404 || meeting.error.status === 403);
    return <Result status={missing ? '404' : 'error'} title={missing ? t('meeting.notFound') : t('app.loadFailed')} />;
  }
  const phase = board.data?.phase ?? m.phase;
  // The server's clock decides the window; the board's serverTime (refreshed every poll) gives it.
  const serverNow = board.data ? Date.parse(board.data.serverTime) + (Date.now() - board.dataUpdatedAt) : Date.now();

  return (
    <div className="rp-screen" data-phase={phase}>
      <header className="rp-header">
        <div className="rp-brand">
          <LogoMark size={44} />
          <span>{t('app.name')}</span>
        </div>
        <div className="rp-heading">
          <h1 className="rp-title">{m.title}</h1>
          <div className="rp-meta">
            <span>
              <ApartmentOutlined /> {m.orgName}
            </span>
            <span>
              <ClockCircleOutlined /> {formatSpan(m.startsAt, m.endsAt)}
            </span>
            {(m.venueName || m.location) && (
              <span>
                <EnvironmentOutlined /> {[m.venueName, m.location].filter(Boolean).join(' · ')}
              </span>
            )}
          </div>
        </div>
        <div className="rp-header-right">
          <Clock />
          <FullscreenToggle />
        </div>
      </header>
      <main className="rp-main">
        <section className="rp-left">
          <RoomCodePanel meeting={m} phase={phase} serverNow={serverNow} />
        </section>
        <section className="rp-right">
          <LiveBoard board={board.data} />
        </section>
      </main>
      <footer className="rp-footer">
        <span className="rp-types">{m.typeCodes.map(typeName).join(' · ')}</span>
        <span>{t('app.fullName')}</span>
      </footer>
    </div>
  );
}
