import {
  ApartmentOutlined,
  BookOutlined,
  BulbOutlined,
  CalendarOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  PayCircleOutlined,
  ScanOutlined,
  ScheduleOutlined,
  StarOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Grid, NoticeBar, Tag, Toast } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { type MessageKey, useI18n } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { nowInBeijing } from '../../lib/time';
import { BrandMark } from '../components/BrandMark';
import { MessagesEntry } from '../notifications/MessagesEntry';
import { TodoSection } from '../notifications/TodoSection';

interface Entry {
  key: MessageKey;
  icon: ReactNode;
  color: string;
  to?: string;
}

const ENTRIES: Entry[] = [
  { key: 'mm.list.title', icon: <CalendarOutlined />, color: '#c8102e', to: '/meetings' },
  { key: 'm.entry.checkin', icon: <ScanOutlined />, color: '#fa541c', to: '/checkin' },
  { key: 'mm.entry.attendance', icon: <ScheduleOutlined />, color: '#389e0d', to: '/attendance' },
  { key: 'm.entry.study', icon: <BookOutlined />, color: '#d48806', to: '/learning' },
  { key: 'm.cmp.title', icon: <TrophyOutlined />, color: '#cf1322', to: '/competitions' },
  { key: 'exam.h5.title', icon: <FormOutlined />, color: '#d4380d', to: '/exams' },
  { key: 'm.entry.points', icon: <StarOutlined />, color: '#eb2f96', to: '/points' },
  { key: 'm.entry.dues', icon: <PayCircleOutlined />, color: '#13a8a8' },
  { key: 'm.entry.volunteer', icon: <HeartOutlined />, color: '#f5222d' },
  { key: 'm.entry.suggestions', icon: <BulbOutlined />, color: '#faad14' },
  { key: 'm.entry.profile', icon: <IdcardOutlined />, color: '#2f54eb', to: '/record' },
  { key: 'm.entry.community', icon: <HomeOutlined />, color: '#c8102e', to: '/community' },
  { key: 'm.entry.transfers', icon: <SwapOutlined />, color: '#722ed1', to: '/transfers' },
];

function partOfDay(): 'morning' | 'noon' | 'afternoon' | 'evening' {
  const h = nowInBeijing().hour();
  if (h < 11) return 'morning';
  if (h < 13) return 'noon';
  if (h < 18) return 'afternoon';
  return 'evening';
}

/** 首页: greeting, my organization, and the service entries (modules not yet built are marked 即将上线). */
export function HomePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const primary = me.roles.find((r) => r.role === 'member') ?? me.roles[0];
  const date = nowInBeijing().format(locale === 'zh-CN' ? 'M月D日 dddd' : 'dddd, MMM D');

  return (
    <div className="m-home">
      <header className="m-hero">
        <div className="m-hero-top">
          <div className="m-hero-brand">
            <BrandMark size={28} />
            <span>{t('app.name')}</span>
          </div>
          <MessagesEntry />
        </div>
        <h1 className="m-hero-greeting">
          {t('m.greeting', { part: t(`dashboard.${partOfDay()}`), name: me.displayName })}
        </h1>
        <p className="m-hero-date">{date}</p>
      </header>

      <section className="m-card m-org-card" aria-label={t('m.myOrg')}>
        <div className="m-org-icon">
          <ApartmentOutlined />
        </div>
        <div className="m-org-text">
          <div className="m-card-label">{t('m.myOrg')}</div>
          <div className="m-org-name">{primary?.orgName ?? t('m.noOrg')}</div>
        </div>
        {primary && (
          <Tag color="danger" fill="outline">
            {t(`role.${primary.role}`)}
          </Tag>
        )}
      </section>

      <TodoSection />

      <NoticeBar content={t('m.notice')} color="alert" className="m-notice" />

      <section className="m-card">
        <h2 className="m-section-title">{t('m.services')}</h2>
        <Grid columns={4} gap={8}>
          {ENTRIES.map((e) => {
            const enabled = Boolean(e.to);
            return (
              <Grid.Item key={e.key}>
                <button
                  type="button"
                  className={enabled ? 'm-entry' : 'm-entry m-entry-disabled'}
                  aria-disabled={!enabled}
                  onClick={() => (e.to ? navigate(e.to) : Toast.show({ content: t('common.comingSoon') }))}
                >
                  <span className="m-entry-icon" style={{ background: e.color }}>
                    {e.icon}
                  </span>
                  <span className="m-entry-label">{t(e.key)}</span>
                  {!enabled && <span className="m-entry-badge">{t('common.comingSoon')}</span>}
                </button>
              </Grid.Item>
            );
          })}
        </Grid>
      </section>
    </div>
  );
}
