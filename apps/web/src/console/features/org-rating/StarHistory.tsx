import type { OrgStarHistoryEntry } from '@red-engine/shared';
import { Drawer, Empty, Space, Timeline, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatBeijingDate } from '../../../lib/time';
import { useStarHistory } from './api';
import { ChangeTag, Stars } from './labels';

/** 历年星级: every final rating and every later adjustment, newest first. */
export function StarTimeline({ entries }: { entries: OrgStarHistoryEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return <Empty description={t('rating.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="rating-timeline"
      items={entries.map((e) => ({
        color: e.change === 'up' ? 'red' : e.change === 'down' ? 'orange' : 'gray',
        children: (
          <div>
            <Space wrap size={8}>
              <Typography.Text strong>{t('rating.yearN', { year: e.year })}</Typography.Text>
              <Stars value={e.stars} />
              <ChangeTag change={e.change} />
              <Typography.Text type="secondary">
                {e.kind === 'adjustment' ? t('rating.kind.adjustment') : t('rating.kind.rating')}
                {e.score !== null && e.kind === 'rating' ? ` · ${t('rating.scoreN', { n: e.score })}` : ''}
              </Typography.Text>
            </Space>
            <div className="rating-timeline-meta">
              {formatBeijingDate(e.at)}
              {e.byName ? ` · ${e.byName}` : ''}
              {e.reason ? ` · ${e.reason}` : ''}
            </div>
          </div>
        ),
      }))}
    />
  );
}

export function StarHistoryDrawer({ org, onClose }: { org: { id: string; name: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const history = useStarHistory(org?.id);
  return (
    <Drawer open={Boolean(org)} onClose={onClose} title={t('rating.historyOf', { name: org?.name ?? '' })} width={460}>
      {history.data && <StarTimeline entries={history.data.entries} />}
    </Drawer>
  );
}
