import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { CalendarMeeting } from '@red-engine/shared';
import { Alert, Button, Calendar, Card, Space, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PHASE_COLORS, TONE } from '../../../lib/meeting-labels';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { PhaseBadge, useTypeName } from '../meetings/MeetingTags';
import { useMeetingCalendar } from './api';
import './compliance.css';
import { nowInBeijing, toBeijing } from '../../../lib/time';

const PER_DAY = 4;

/** Every day the month view may show, whichever weekday the locale starts the week on. */
function visibleRange(month: Dayjs) {
  return { from: month.startOf('month').subtract(7, 'day'), to: month.endOf('month').add(14, 'day') };
}

/** Beijing wall-clock time of an instant, whatever the browser's zone (lib/time). */
const beijing = toBeijing;

/** 活动日历: the meetings in scope month by month, with their types; a click opens the meeting. */
export default function CalendarPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [month, setMonth] = useState(() => nowInBeijing().startOf('month'));
  const [org, setOrg] = useState<OrgOption | undefined>();
  const range = visibleRange(month);
  const calendar = useMeetingCalendar({
    from: range.from.format('YYYY-MM-DD'),
    to: range.to.format('YYYY-MM-DD'),
    orgId: org?.value,
  });
  const byDay = useMemo(() => {
    const map = new Map<string, CalendarMeeting[]>();
    for (const m of calendar.data?.meetings ?? []) {
      // A meeting over midnight shows on each day it covers.
      const last = beijing(m.endsAt).subtract(1, 'minute');
      for (let d = beijing(m.startsAt).startOf('day'); !d.isAfter(last, 'day'); d = d.add(1, 'day')) {
        const key = d.format('YYYY-MM-DD');
        map.set(key, [...(map.get(key) ?? []), m]);
      }
    }
    return map;
  }, [calendar.data]);
  const inMonth = (calendar.data?.meetings ?? []).filter((m) => beijing(m.startsAt).isSame(month, 'month')).length;

  return (
    <PageContainer title={t('menu.meetingCalendar')} subTitle={t('calendar.subTitle')}>
      <Card>
        {calendar.data?.truncated && <Alert type="warning" showIcon message={t('calendar.truncated')} />}
        <Calendar
          className="re-cal"
          mode="month"
          value={month.isSame(nowInBeijing(), 'month') ? nowInBeijing() : month}
          onChange={(d) => !d.isSame(month, 'month') && setMonth(d.startOf('month'))}
          headerRender={() => (
            <div className="re-cal-header">
              <Space>
                <Button
                  icon={<LeftOutlined />}
                  aria-label={t('calendar.prev')}
                  onClick={() => setMonth(month.subtract(1, 'month'))}
                />
                <Typography.Title level={5} style={{ margin: 0, minWidth: 120, textAlign: 'center' }}>
                  {month.format(locale === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY')}
                </Typography.Title>
                <Button
                  icon={<RightOutlined />}
                  aria-label={t('calendar.next')}
                  onClick={() => setMonth(month.add(1, 'month'))}
                />
                <Button onClick={() => setMonth(nowInBeijing().startOf('month'))}>{t('calendar.today')}</Button>
                <Typography.Text type="secondary">{t('calendar.monthCount', { count: inMonth })}</Typography.Text>
              </Space>
              <OrgTreeSelect
                aria-label={t('compliance.filterOrg')}
                placeholder={t('compliance.filterOrg')}
                value={org ?? null}
                onChange={setOrg}
                allowClear
                style={{ width: 260 }}
              />
            </div>
          )}
          cellRender={(date, info) => {
            if (info.type !== 'date') return info.originNode;
            const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
            return <DayMeetings list={list} onOpen={(id) => navigate(`/meetings/${id}`)} />;
          }}
        />
      </Card>
    </PageContainer>
  );
}

function DayMeetings({ list, onOpen }: { list: CalendarMeeting[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const typeName = useTypeName();
  if (list.length === 0) return null;
  return (
    <ul className="re-cal-list">
      {list.slice(0, PER_DAY).map((m) => (
        <li key={m.id}>
          <Tooltip
            title={
              <div>
                <div>{m.title}</div>
                <div>
                  {beijing(m.startsAt).format('MM-DD HH:mm')}–{beijing(m.endsAt).format('HH:mm')} · {m.orgName}
                </div>
                {m.venueName && <div>{m.venueName}</div>}
                <div>{m.typeCodes.map(typeName).join('、')}</div>
              </div>
            }
          >
            <button
              type="button"
              className="re-cal-item"
              data-phase={m.phase}
              style={{ borderLeftColor: TONE[PHASE_COLORS[m.phase]] }}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(m.id);
              }}
            >
              <span className="re-cal-time">{beijing(m.startsAt).format('HH:mm')}</span>
              {m.typeCodes[0] && <span className="re-cal-type">{typeName(m.typeCodes[0])}</span>}
              <span className="re-cal-title">{m.title}</span>
            </button>
          </Tooltip>
        </li>
      ))}
      {list.length > PER_DAY && (
        <li className="re-cal-more">
          <Tooltip
            title={list.slice(PER_DAY).map((m) => (
              <div key={m.id}>
                <PhaseBadge phase={m.phase} /> {beijing(m.startsAt).format('HH:mm')} {m.title}
              </div>
            ))}
          >
            <Typography.Text type="secondary">{t('calendar.more', { count: list.length - PER_DAY })}</Typography.Text>
          </Tooltip>
        </li>
      )}
    </ul>
  );
}
