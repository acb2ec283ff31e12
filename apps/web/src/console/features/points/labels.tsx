import { StarFilled } from '@ant-design/icons';
import type { PointCategory, PointEntry, PointRule, PointSourceType } from '@red-engine/shared';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Translate } from '../../../lib/i18n';
import { useI18n } from '../../../lib/i18n';

export const SOURCE_COLORS: Record<PointSourceType, string> = {
  base: 'default',
  attendance: 'green',
  absence_without_leave: 'red',
  study: 'blue',
  quiz: 'geekblue',
  competition: 'magenta',
  volunteer_hours: 'cyan',
  adopted_suggestion: 'purple',
  dues_on_time: 'gold',
  manual: 'orange',
};

export const CATEGORY_COLORS: Record<PointCategory, string> = {
  basic: 'default',
  org_life: 'red',
  study: 'blue',
  duty: 'gold',
  pioneer: 'volcano',
  discipline: 'purple',
};

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** ★★★☆☆ with the count for screen readers. */
export function Stars({ stars, size = 14 }: { stars: number; size?: number }) {
  const { t } = useI18n();
  if (stars === 0) return <Typography.Text type="secondary">{t('points.stars.none')}</Typography.Text>;
  return (
    <span className="re-pt-stars" role="img" aria-label={`${stars}★`} style={{ fontSize: size }}>
      {[1, 2, 3, 4, 5].map((n) => (
        <StarFilled key={n} className={n <= stars ? 're-pt-star-on' : 're-pt-star-off'} />
      ))}
    </span>
  );
}

export function PointsValue({ points, struck }: { points: number; struck?: boolean }) {
  const cls = points > 0 ? 're-pt-plus' : points < 0 ? 're-pt-minus' : 're-pt-zero';
  return <span className={`re-pt-value ${cls}${struck ? ' re-pt-struck' : ''}`}>{signed(points)}</span>;
}

export function SourceTag({ type }: { type: PointSourceType }) {
  const { t } = useI18n();
  return <Tag color={SOURCE_COLORS[type]}>{t(`points.source.${type}`)}</Tag>;
}

export function CategoryTag({ category }: { category: PointCategory }) {
  const { t } = useI18n();
  return <Tag color={CATEGORY_COLORS[category]}>{t(`points.category.${category}`)}</Tag>;
}

/** The notes of an entry: caps, exemptions, corrections, who entered it. */
export function entryNotes(e: PointEntry, t: Translate): string[] {
  const out: string[] = [];
  if (e.adjustment === 'capped') out.push(t('points.why.capped', { points: e.points, nominal: e.nominalPoints }));
  if (e.adjustment?.startsWith('exempt:')) {
    const cat = e.adjustment.slice(7);
    out.push(
      t('points.why.exemptNote', {
        category: cat === 'elderly' ? t('points.exemption.elderlyShort') : t(`points.exemption.${cat}` as never),
        nominal: e.nominalPoints,
      }),
    );
  }
  if (e.reversesEntryId && e.reason) out.push(t('points.why.reversal', { reason: e.reason }));
  else if (e.reason && e.source.type === 'manual' && e.reason !== e.source.label) out.push(e.reason);
  if (e.createdByName && e.source.type === 'manual') out.push(t('points.why.by', { name: e.createdByName }));
  return out;
}

/** 上限：每日 2 / 每月 3 / 每年 30 */
export function capsText(r: Pick<PointRule, 'capDay' | 'capMonth' | 'capYear'>, t: Translate) {
  const c = (n: number | null) => (n === null ? '—' : String(n));
  if (r.capDay === null && r.capMonth === null && r.capYear === null) return t('points.rules.noCap');
  return `${c(r.capDay)} / ${c(r.capMonth)} / ${c(r.capYear)}`;
}

/** 2026年11月 / 2026年第4季度 */
export function periodLabel(key: string, t: Translate) {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return t('mp.period.quarter', { y: q[1]!, q: q[2]! });
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return t('mp.period.month', { y: m[1]!, m: Number(m[2]) });
  return key;
}

export function RuleFlags({ rule }: { rule: PointRule }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {rule.veto && <Tag color="magenta">{t('points.rules.veto')}</Tag>}
      {rule.approvalRequired && <Tag color="orange">{t('points.rules.approval')}</Tag>}
      {rule.evidenceRequired && <Tag color="blue">{t('points.rules.evidence')}</Tag>}
      {rule.exemptCategories.length > 0 && (
        <Tooltip
          title={t('points.rules.exempt', {
            list: rule.exemptCategories
              .map((c) => (c === 'elderly' ? t('points.exemption.elderlyShort') : t(`points.exemption.${c}`)))
              .join('、'),
          })}
        >
          <Tag>{t('points.rules.exemptShort')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
