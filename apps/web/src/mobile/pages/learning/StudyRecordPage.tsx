import { DotLoading, List, NavBar } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { formatDuration, useMyStudyRecord } from './api';

const hours = (s: number) => Math.round((s / 3600) * 10) / 10;

/** 学习档案: this year's hours online and offline, online study by day, and the attended study meetings. */
export function StudyRecordPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const record = useMyStudyRecord();
  const r = record.data;
  const zh = locale === 'zh-CN';
  return (
    <div className="m-page">
      <NavBar back={t('common.back')} onBack={() => navigate('/learning')}>
        {t('m.lrn.record')}
      </NavBar>
      {!r && <DotLoading />}
      {r && (
        <>
          <div style={{ padding: 16, background: '#c8102e', color: '#fff' }} data-testid="study-hours">
            <div style={{ fontSize: 13, opacity: 0.85 }}>
              {t('m.lrn.thisYear')} · {r.year}
            </div>
            <div style={{ fontSize: 30, fontWeight: 600 }}>
              {t('lrn.hours', { h: hours(r.onlineSeconds + r.offlineSeconds) })}
            </div>
            <div style={{ fontSize: 13 }}>
              {t('m.lrn.onlineHours', { h: hours(r.onlineSeconds) })} ·{' '}
              {t('m.lrn.offlineHours', { h: hours(r.offlineSeconds) })} · {t('lrn.lessonsCompleted')}{' '}
              {r.lessonsCompleted}
            </div>
          </div>
          <List header={t('m.lrn.offlineSessions')}>
            {r.offline.length === 0 && <List.Item>{t('m.lrn.empty')}</List.Item>}
            {r.offline.map((o) => (
              <List.Item
                key={o.meetingId}
                description={formatDateTime(o.startsAt)}
                extra={formatDuration(o.seconds, zh)}
              >
                {o.title}
              </List.Item>
            ))}
          </List>
          <List header={t('m.lrn.byDay')}>
            {r.days.length === 0 && <List.Item>{t('m.lrn.empty')}</List.Item>}
            {[...r.days].reverse().map((d) => (
              <List.Item key={d.day} extra={formatDuration(d.seconds, zh)}>
                {d.day}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
