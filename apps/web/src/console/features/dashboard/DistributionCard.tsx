import { Card, Empty, Progress, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';

export interface DistributionRow {
  key: string;
  label: string;
  extra?: ReactNode;
  value: number;
  color: string;
}

/** A bar per category (antd Progress), scaled to the largest, with count and share. */
export function DistributionCard({
  title,
  rows,
  total,
  unit,
  shareLabel,
  emptyText,
  loading,
}: {
  title: ReactNode;
  rows: DistributionRow[];
  total: number;
  unit: string;
  shareLabel: (percent: string) => string;
  emptyText: string;
  loading?: boolean;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Card title={title} loading={loading} className="re-dist-card">
      {rows.length === 0 || total === 0 ? (
        <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ul className="re-dist">
          {rows.map((r) => {
            const share = total > 0 ? ((r.value / total) * 100).toFixed(1) : '0.0';
            return (
              <li key={r.key} className="re-dist-row">
                <div className="re-dist-label">
                  <span className="re-dist-dot" style={{ background: r.color }} />
                  <span className="re-dist-name" title={r.label}>
                    {r.label}
                  </span>
                  {r.extra && <Tag className="re-dist-extra">{r.extra}</Tag>}
                </div>
                <Tooltip title={shareLabel(share)}>
                  <Progress
                    percent={(r.value / max) * 100}
                    showInfo={false}
                    strokeColor={r.color}
                    size="small"
                    aria-label={`${r.label} ${r.value}`}
                  />
                </Tooltip>
                <div className="re-dist-value">
                  <strong>{r.value}</strong>
                  {unit && <span className="re-dist-unit">{unit}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
