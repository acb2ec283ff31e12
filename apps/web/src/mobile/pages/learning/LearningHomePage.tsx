import { Button, DotLoading, ErrorBlock, List, NavBar, SearchBar, Tabs, Tag } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatDuration, useMyContents, useMyCourses } from './api';

/** 学习: my courses (plans with deadlines and lesson progress) and the library with search. */
export function LearningHomePage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'courses';
  const [q, setQ] = useState('');
  const courses = useMyCourses();
  const contents = useMyContents(q);
  const zh = locale === 'zh-CN';
  return (
    <div className="m-page">
      <NavBar
        back={t('common.back')}
        onBack={() => navigate('/')}
        right={
          <Button size="mini" fill="none" onClick={() => navigate('/learning/record')}>
            {t('m.lrn.record')}
          </Button>
        }
      >
        {t('m.lrn.title')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })}>
        <Tabs.Tab title={t('m.lrn.courses')} key="courses">
          {courses.isLoading && <DotLoading />}
          {courses.data?.length === 0 && <ErrorBlock status="empty" title={t('m.lrn.empty')} description="" />}
          {courses.data?.map((c) => {
            const done = c.lessons.filter((l) => l.completedAt).length;
            return (
              <List
                key={c.id}
                header={
                  <span>
                    {c.title}{' '}
                    <Tag color={done === c.lessons.length ? 'success' : 'primary'} fill="outline">
                      {done}/{c.lessons.length}
                    </Tag>{' '}
                    {c.dueOn && <span style={{ color: '#999' }}>{t('m.lrn.due', { date: c.dueOn })}</span>}
                  </span>
                }
              >
                {c.lessons.map((l) => (
                  <List.Item
                    key={l.id}
                    data-testid="lesson-item"
                    onClick={() => navigate(`/learning/contents/${l.contentId}?lesson=${l.id}`)}
                    prefix={
                      l.completedAt ? (
                        <CheckCircleFill color="#52c41a" />
                      ) : (
                        <span style={{ width: 16, display: 'inline-block' }}>{l.position}</span>
                      )
                    }
                    description={`${t('m.lrn.studied', { time: formatDuration(Math.min(l.creditedSeconds ?? 0, l.requiredSeconds), zh) })} · ${t('m.lrn.required', { time: formatDuration(l.requiredSeconds, zh) })}`}
                    extra={l.completedAt ? t('m.lrn.completed') : t('m.lrn.notCompleted')}
                  >
                    {l.title}
                  </List.Item>
                ))}
              </List>
            );
          })}
        </Tabs.Tab>
        <Tabs.Tab title={t('m.lrn.library')} key="library">
          <SearchBar placeholder={t('lrn.search')} onSearch={setQ} onClear={() => setQ('')} />
          {contents.isLoading && <DotLoading />}
          <List>
            {contents.data?.data.map((c) => (
              <List.Item
                key={c.id}
                onClick={() => navigate(`/learning/contents/${c.id}`)}
                description={c.summary}
                extra={<Tag fill="outline">{t(`lrn.kind.${c.kind}`)}</Tag>}
              >
                {c.title}
              </List.Item>
            ))}
          </List>
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}
