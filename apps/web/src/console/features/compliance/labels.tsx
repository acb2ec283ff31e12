import type { ComplianceCycle, CycleStatus, Locale } from '@red-engine/shared';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { type Translate, useI18n } from '../../../lib/i18n';
import { TONE } from '../../../lib/meeting-labels';

/** Hex tones (the console theme maps antd's `blue` to the party red). */
export const STATUS_TONE: Record<CycleStatus, string> = {
  done: TONE.green!,
  in_progress: TONE.blue!,
  warning: TONE.orange!,
  overdue: TONE.red!,
  future: '#bfbfbf',
  not_applicable: '#e8e8e8',
};

export function StatusTag({ status }: { status: CycleStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TONE[status]} data-status={status}>
      {t(`compliance.status.${status}`)}
    </Tag>
  );
}

/** 2026-03 → 2026年3月 / March 2026; 2026-Q1 → 2026年第1季度 / Q1 2026; 2026 → 2026年 / 2026. */
export function formatCycleKey(key: string, t: Translate, locale: Locale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t('compliance.quarterKey', { year: quarter[1]!, quarter: quarter[2]! });
  if (/^\d{4}-\d{2}$/.test(key)) return dayjs(`${key}-01`).format(locale === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY');
  return t('compliance.yearKey', { year: key });
}

/** 每月 1 次 (每个党小组). */
export function expectedLabel(r: { cycle: ComplianceCycle; expectedCount: number; perGroup: boolean }, t: Translate) {
  const base = t(`compliance.per.${r.cycle}`, { count: r.expectedCount });
  return r.perGroup ? `${base} · ${t('compliance.perGroup')}` : base;
}

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
