import { ArrowRightOutlined } from '@ant-design/icons';
import type { MemberEvent } from '@red-engine/shared';
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type Translate, useI18n } from '../../../lib/i18n';
import { eventColor, TONE_HEX } from '../../../lib/member-labels';
import { formatDateTime } from '../../../lib/time';

/** What an event carries besides its type and date, as short "label: value" lines. */
export function eventDetailLines(e: MemberEvent, t: Translate): string[] {
  const d = e.details;
  const line = (label: string, value: string) => t('common.labelValue', { label, value });
  const lines: string[] = [];
  if (d.category) lines.push(line(t('memberEvent.categoryOnArrival'), t(`memberCategory.${d.category}`)));
  if (d.source) lines.push(line(t('memberEvent.source'), d.source));
  if (d.destination)
    lines.push(
      line(t(e.type === 'flow_out' ? 'memberEvent.flowDestination' : 'memberEvent.destination'), d.destination),
    );
  if (d.documentNo) lines.push(line(t('memberEvent.documentNo'), d.documentNo));
  if (d.months) lines.push(line(t('memberEvent.months'), t('memberEvent.monthsValue', { n: d.months })));
  if (d.leftKind) lines.push(line(t('memberEvent.leftKind'), t(`leftKind.${d.leftKind}`)));
  if (d.reason) lines.push(line(t('memberEvent.reason'), d.reason));
  return lines;
}

/** Branch line: "A → B" for a transfer, the receiving branch for arrivals. */
function orgLine(e: MemberEvent): ReactNode {
  if (e.fromOrgName && e.orgName && e.fromOrgId !== e.orgId) {
    return (
      <div className="re-history-orgs">
        <span>{e.fromOrgName}</span> <ArrowRightOutlined className="re-history-arrow" /> <strong>{e.orgName}</strong>
      </div>
    );
  }
  if (['joined', 'registered', 'transferred_in'].includes(e.type) && e.orgName) {
    return <span className="re-history-orgs">{e.orgName}</span>;
  }
  return null;
}

/** 历史沿革: the member's dated events, newest first. */
export function MemberHistory({ events, loading }: { events: MemberEvent[] | undefined; loading?: boolean }) {
  const { t } = useI18n();
  if (!loading && (!events || events.length === 0)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.historyEmpty')} />;
  }
  const sorted = [...(events ?? [])].sort((a, b) =>
    a.effectiveDate === b.effectiveDate ? b.seq - a.seq : a.effectiveDate < b.effectiveDate ? 1 : -1,
  );
  return (
    <Timeline
      className="re-history"
      items={sorted.map((e) => ({
        key: e.id,
        color: TONE_HEX[eventColor(e.type)],
        content: (
          <div className="re-history-item">
            <div className="re-history-head">
              <span className="re-history-date re-mono">{e.effectiveDate}</span>
              <Tag color={eventColor(e.type)}>{t(`memberEvent.${e.type}`)}</Tag>
            </div>
            {orgLine(e)}
            {eventDetailLines(e, t).map((l) => (
              <div key={l} className="re-history-detail">
                {l}
              </div>
            ))}
            <Typography.Text type="secondary" className="re-history-meta">
              {[e.recordedBy, t('memberEvent.recordedAt', { time: formatDateTime(e.recordedAt) })]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
