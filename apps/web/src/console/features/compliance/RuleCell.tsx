import type { ComplianceRuleCell } from '@red-engine/shared';
import { Popover, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatCycleKey, STATUS_TONE } from './labels';

/**
 * One branch × one rule: done / due so far on the colour of the status that needs attention first, and a strip
 * with one square per cycle (12 for monthly rules); the cycles are listed on hover.
 */
export function RuleCell({ cell }: { cell: ComplianceRuleCell | undefined }) {
  const { t, locale } = useI18n();
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  const assessed = cell.cycles.some((c) => c.status !== 'not_applicable');
  if (!assessed)
    return (
      <Typography.Text type="secondary" className="re-cc-na">
        {t('compliance.status.not_applicable')}
      </Typography.Text>
    );
  const details = (
    <div className="re-cc-details">
      {cell.cycles.map((c) => (
        <div key={c.key} className="re-cc-line">
          <span className="re-cc-dot" style={{ background: STATUS_TONE[c.status] }} />
          {t('compliance.cycleLine', {
            cycle: formatCycleKey(c.key, t, locale),
            done: c.done,
            expected: c.expected,
            status: t(`compliance.status.${c.status}`),
          })}
        </div>
      ))}
      <Typography.Text type="secondary">{t('compliance.held', { count: cell.held })}</Typography.Text>
    </div>
  );
  return (
    <Popover content={details} title={t('compliance.cellHelp')} mouseEnterDelay={0.2}>
      <button type="button" className="re-cc" data-status={cell.status} data-type={cell.typeCode}>
        <span
          className="re-cc-count"
          style={{ color: STATUS_TONE[cell.status], borderColor: STATUS_TONE[cell.status] }}
        >
          {cell.doneToDate}/{cell.expectedToDate}
        </span>
        <span className="re-cc-strip" aria-hidden>
          {cell.cycles.map((c) => (
            <span key={c.key} style={{ background: STATUS_TONE[c.status] }} />
          ))}
        </span>
      </button>
    </Popover>
  );
}
