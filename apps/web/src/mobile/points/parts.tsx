import { StarFilled } from '@ant-design/icons';
import type { PointEntry } from '@red-engine/shared';
import type { Translate } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** 2026年11月 / 2026年第4季度 */
export function periodLabel(key: string, t: Translate) {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return t('mp.period.quarter', { y: q[1]!, q: q[2]! });
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return t('mp.period.month', { y: m[1]!, m: Number(m[2]) });
  return key;
}

export function Stars({ stars, size = 18 }: { stars: number; size?: number }) {
  return (
    <span className="m-pt-stars" role="img" aria-label={`${stars}★`} style={{ fontSize: size }}>
      {[1, 2, 3, 4, 5].map((n) => (
        <StarFilled key={n} className={n <= stars ? 'm-pt-star-on' : 'm-pt-star-off'} />
      ))}
    </span>
  );
}

/** Why an entry has the points it has: cap, exemption, correction. */
export function entryNote(e: PointEntry, t: Translate): string | null {
  if (e.adjustment === 'capped') return t('points.why.capped', { points: e.points, nominal: e.nominalPoints });
  if (e.adjustment?.startsWith('exempt:')) {
    const cat = e.adjustment.slice(7);
    return t('points.why.exemptNote', {
      category: cat === 'elderly' ? t('points.exemption.elderlyShort') : t(`points.exemption.${cat}` as never),
      nominal: e.nominalPoints,
    });
  }
  if (e.reversesEntryId && e.reason) return t('points.why.reversal', { reason: e.reason });
  return null;
}

/** One entry: the rule, the record behind it, the points (struck through once corrected). */
export function EntryRow({ e }: { e: PointEntry }) {
  const { t, locale } = useI18n();
  const note = entryNote(e, t);
  const cls = e.points > 0 ? 'm-pt-plus' : e.points < 0 ? 'm-pt-minus' : 'm-pt-zero';
  return (
    <div className={`m-pt-entry${e.reversedByEntryId ? ' m-pt-entry-reversed' : ''}`}>
      <div className="m-pt-entry-main">
        <div className="m-pt-entry-title">{locale === 'zh-CN' ? e.rule.nameZh : e.rule.nameEn}</div>
        <div className="m-pt-entry-source">
          <span className={`m-pt-source m-pt-source-${e.source.type}`}>{t(`points.source.${e.source.type}`)}</span>
          {e.source.label}
        </div>
        <div className="m-pt-entry-why">
          {e.occurredOn} · {t('mp.rule', { date: e.rule.versionEffectiveFrom })}
        </div>
        {note && <div className="m-pt-entry-note">{note}</div>}
        {e.reversedByEntryId && <div className="m-pt-entry-note">{t('points.why.reversed')}</div>}
      </div>
      <div className={`m-pt-entry-points ${cls}`}>{signed(e.points)}</div>
    </div>
  );
}
