import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, StarFilled } from '@ant-design/icons';
import type { RatingState, StarChange } from '@red-engine/shared';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';

const SLOTS = [1, 2, 3, 4, 5];

export const STATE_COLORS: Record<RatingState, string> = {
  self_assessment: 'default',
  under_review: 'processing',
  published: 'warning',
  final: 'success',
};

export function StateTag({ state }: { state: RatingState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`rating.state.${state}`)}</Tag>;
}

/** ★★★★☆ in the party red; "不定星" when not rated; a dash when there is nothing yet. */
export function Stars({
  value,
  size = 14,
  empty = '—',
}: {
  value: number | null | undefined;
  size?: number;
  empty?: string;
}) {
  const { t } = useI18n();
  if (value === undefined) return <span className="re-muted">{empty}</span>;
  if (value === null || value === 0) return <Tag className="rating-unrated">{t('rating.unrated')}</Tag>;
  return (
    <span
      className="rating-stars"
      role="img"
      aria-label={t('rating.starsLabel', { n: value })}
      title={t('rating.starsLabel', { n: value })}
    >
      {SLOTS.map((slot) => (
        <StarFilled key={slot} style={{ fontSize: size }} className={slot <= value ? 'on' : 'off'} />
      ))}
    </span>
  );
}

export function ChangeTag({ change }: { change: StarChange | null | undefined }) {
  const { t } = useI18n();
  if (!change) return <span className="re-muted">—</span>;
  const icon =
    change === 'up' ? (
      <ArrowUpOutlined />
    ) : change === 'down' ? (
      <ArrowDownOutlined />
    ) : change === 'same' ? (
      <MinusOutlined />
    ) : null;
  const color = change === 'up' ? 'red' : change === 'down' ? 'orange' : change === 'new' ? 'blue' : 'default';
  return (
    <Tooltip title={t(`rating.changeHelp.${change}`)}>
      <Tag color={color} icon={icon}>
        {t(`rating.change.${change}`)}
      </Tag>
    </Tooltip>
  );
}

export const fmtScore = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
export const fmtPct = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
