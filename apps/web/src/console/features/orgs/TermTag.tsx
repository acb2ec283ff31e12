import type { TermWarningLevel } from '@red-engine/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** 已超期 red, 1个月内 orange, 3个月内 gold, 6个月内 blue. */
export const TERM_LEVEL_COLORS: Record<TermWarningLevel, string> = {
  overdue: 'red',
  '1m': 'orange',
  '3m': 'gold',
  '6m': 'blue',
};

export function TermLevelTag({ level }: { level: TermWarningLevel }) {
  const { t } = useI18n();
  return <Tag color={TERM_LEVEL_COLORS[level]}>{t(`termWarning.${level}`)}</Tag>;
}

/** "剩余 12 天" / "超期 20 天". */
export function DaysLeft({ days }: { days: number }) {
  const { t } = useI18n();
  return days < 0 ? (
    <span className="re-text-danger">{t('termWarning.daysOverdue', { n: -days })}</span>
  ) : (
    <span>{t('termWarning.daysLeft', { n: days })}</span>
  );
}
