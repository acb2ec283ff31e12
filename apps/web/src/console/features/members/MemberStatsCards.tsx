import { AGE_BANDS, type MemberStats } from '@red-engine/shared';
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { isCollegeOrAbove, isMinorityCode } from '../../../lib/member-labels';

const sum = (rec: Record<string, number>, keep: (k: string) => boolean) =>
  Object.entries(rec).reduce((acc, [k, v]) => (keep(k) ? acc + v : acc), 0);

const pct = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);

/** 35 岁及以下: the bands ≤30 and 31-35 of the statistics bulletin. */
const YOUNG_BANDS = new Set<string>(AGE_BANDS.slice(0, 2));

interface Tile {
  key: string;
  title: string;
  value: number | string;
  suffix?: string;
  note?: string;
}

/** The headline numbers of the selected organization (and its subtree) on the as-of date. */
export function MemberStatsCards({ stats, loading }: { stats: MemberStats | undefined; loading: boolean }) {
  const { t } = useI18n();
  const total = stats?.total ?? 0;
  const full = stats?.byCategory.full ?? 0;
  const probationary = stats?.byCategory.probationary ?? 0;
  const female = stats?.byGender.female ?? 0;
  const minority = stats ? sum(stats.byEthnicity, isMinorityCode) : 0;
  const college = stats ? sum(stats.byEducation, isCollegeOrAbove) : 0;
  const young = stats ? sum(stats.byAgeBand, (k) => YOUNG_BANDS.has(k)) : 0;
  const share = (n: number) => t('memberStats.share', { p: pct(n, total) });
  const people = t('memberStats.people') || undefined;
  const count = (n: number) => t('memberStats.count', { n });

  const tiles: Tile[] = [
    {
      key: 'total',
      title: t('memberStats.total'),
      value: total,
      suffix: people,
      note: t('memberStats.flowingLost', { flowing: stats?.flowing ?? 0, lost: stats?.lostContact ?? 0 }),
    },
    { key: 'category', title: t('memberStats.fullProbationary'), value: `${full} / ${probationary}` },
    { key: 'female', title: t('memberStats.female'), value: pct(female, total), suffix: '%', note: count(female) },
    {
      key: 'minority',
      title: t('memberStats.minority'),
      value: pct(minority, total),
      suffix: '%',
      note: count(minority),
    },
    { key: 'college', title: t('memberStats.college'), value: pct(college, total), suffix: '%', note: count(college) },
    { key: 'young', title: t('memberStats.young'), value: young, suffix: people, note: share(young) },
  ];

  return (
    <Row gutter={[12, 12]} className="re-member-stats">
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} md={8} xxl={4}>
          <Card size="small" loading={loading && !stats} className="re-member-stat">
            <Statistic title={tile.title} value={tile.value} suffix={tile.suffix} />
            {tile.note && <div className="re-member-stat-note">{tile.note}</div>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
