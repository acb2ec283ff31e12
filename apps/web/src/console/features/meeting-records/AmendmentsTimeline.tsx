import type { MeetingAmendment } from '@red-engine/shared';
import { Card, Empty, Timeline, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatAt } from './FileTiles';

const fileName = (v: unknown) =>
  v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : '—';
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function MinutesChange({ a }: { a: MeetingAmendment }) {
  const { t } = useI18n();
  return (
    <div className="re-amendment-diff">
      {(
        [
          ['before', a.before],
          ['after', a.after],
        ] as const
      ).map(([side, value]) => (
        <div key={side} className={`re-amendment-side re-amendment-${side}`}>
          <Typography.Text type="secondary">{t(`meetingRecords.amendment.${side}`)}</Typography.Text>
          <Typography.Paragraph className="re-wrap" ellipsis={{ rows: 3, expandable: 'collapsible' }}>
            {text(value) || '—'}
          </Typography.Paragraph>
        </div>
      ))}
    </div>
  );
}

/** 更正记录: what changed after archiving, by whom, when and why; the minutes with their text before and after. */
export function AmendmentsTimeline({ amendments, loading }: { amendments: MeetingAmendment[]; loading: boolean }) {
  const { t } = useI18n();
  const titleOf = (a: MeetingAmendment) =>
    a.field === 'minutes'
      ? t('meetingRecords.amendment.minutes')
      : a.before === null
        ? t('meetingRecords.amendment.fileAdded', { name: fileName(a.after) })
        : t('meetingRecords.amendment.fileRemoved', { name: fileName(a.before) });
  return (
    <Card size="small" className="re-records-card" title={t('meetingRecords.amendments')} loading={loading}>
      {amendments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetingRecords.amendmentsEmpty')} />
      ) : (
        <Timeline
          items={[...amendments].reverse().map((a) => ({
            key: a.id,
            color: a.field === 'files' && a.after === null ? 'red' : 'blue',
            content: (
              <div data-testid="meeting-amendment">
                <strong>{titleOf(a)}</strong>
                <div className="re-cell-sub">
                  {t('meetingRecords.amendment.by', { name: a.byName ?? '—', at: formatAt(a.at) })}
                </div>
                <div>{t('meetingRecords.amendment.reason', { reason: a.reason })}</div>
                {a.field === 'minutes' && <MinutesChange a={a} />}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
