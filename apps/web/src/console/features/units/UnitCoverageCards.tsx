import type { UnitCoverage } from '@red-engine/shared';
import { Card, Col, Progress, Row, Statistic } from 'antd';
import { useI18n } from '../../../lib/i18n';

type Cov = { total: number; covered: number; rate: number };

/** 党组织覆盖: all units, enterprises, and enterprises above designated size (GET /units/coverage). */
export function UnitCoverageCards({ coverage, loading }: { coverage: UnitCoverage | undefined; loading: boolean }) {
  const { t } = useI18n();
  const empty: Cov = { total: 0, covered: 0, rate: 0 };
  const tiles: { key: string; title: string; cov: Cov; color: string }[] = [
    { key: 'all', title: t('unitCoverage.all'), cov: coverage ?? empty, color: '#c8102e' },
    {
      key: 'enterprise',
      title: t('unitCoverage.enterprise'),
      cov: coverage?.byKind.enterprise ?? empty,
      color: '#fa8c16',
    },
    { key: 'aboveSize', title: t('unitCoverage.aboveSize'), cov: coverage?.aboveSize ?? empty, color: '#d4a017' },
  ];
  return (
    <Row gutter={[12, 12]} className="re-member-stats">
      {tiles.map(({ key, title, cov, color }) => (
        <Col key={key} xs={24} md={8}>
          <Card size="small" loading={loading && !coverage} className="re-coverage-card">
            <div className="re-coverage">
              <Statistic title={title} value={Math.round(cov.rate * 1000) / 10} suffix="%" />
              <Progress
                type="circle"
                size={64}
                percent={Math.round(cov.rate * 100)}
                strokeColor={color}
                showInfo={false}
              />
            </div>
            <div className="re-member-stat-note">
              {t('unitCoverage.counts', { covered: cov.covered, total: cov.total })}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
