import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { PointStats } from '@red-engine/shared';
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import { apiUrl } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import type { OrgOption } from '../../components/OrgTreeSelect';
import { usePointStats } from './api';
import { Stars } from './labels';

const BAND_COLORS = ['#bfbfbf', '#f3b7a7', '#ec8f77', '#e05d46', '#c8102e', '#8c0a1f'];

/** One horizontal bar per band or star level: label, bar, count and share. */
function Bars({
  rows,
  total,
}: {
  rows: { key: string; label: React.ReactNode; count: number; color: string }[];
  total: number;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="re-pt-bars">
      {rows.map((r) => (
        <div key={r.key} className="re-pt-bar-row">
          <div className="re-pt-bar-label">{r.label}</div>
          <div className="re-pt-bar-track">
            <div className="re-pt-bar" style={{ width: `${(r.count / max) * 100}%`, background: r.color }} />
          </div>
          <div className="re-pt-bar-count">
            {r.count}
            <span className="re-pt-bar-share">{total ? ` · ${Math.round((r.count / total) * 100)}%` : ''}</span>
          </div>
        </div>
      ))}
    </div>
  );
}

/** 积分概况: members, average, median, the score bands and star counts, and each organization's figures. */
export function OverviewTab({ year, org }: { year: number; org: OrgOption | undefined }) {
  const { t } = useI18n();
  const q = { year, orgId: org?.value };
  const stats = usePointStats(q);
  const s: PointStats | undefined = stats.data;
  if (!s) return <Card loading bordered={false} />;
  const th = s.thresholds;
  const bands = s.distribution.map((count, i) => ({
    key: `b${i}`,
    label: i === 0 ? t('points.band.0', { min: th[0] ?? 60 }) : t('points.band.n', { stars: i, min: th[i - 1] ?? 0 }),
    count,
    color: BAND_COLORS[i]!,
  }));
  const stars = [5, 4, 3, 2, 1, 0].map((n) => ({
    key: `s${n}`,
    label: <Stars stars={n} size={12} />,
    count: s.stars[n] ?? 0,
    color: BAND_COLORS[n]!,
  }));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {[
          { key: 'members', title: t('points.stat.members'), value: s.members, suffix: t('points.stat.people') },
          { key: 'average', title: t('points.stat.average'), value: s.average },
          { key: 'median', title: t('points.stat.median'), value: s.median },
          { key: 'vetoed', title: t('points.stat.vetoed'), value: s.vetoed, suffix: t('points.stat.people') },
        ].map((tile) => (
          <Col key={tile.key} xs={12} lg={6}>
            <Card size="small" className="re-pt-tile">
              <Statistic title={tile.title} value={tile.value} suffix={tile.suffix || undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('points.distribution')}>
            <Bars rows={bands} total={s.members} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('points.starCounts')}>
            <Bars rows={stars} total={s.members} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('points.byOrg')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/points/export', { year, orgId: org?.value })}
            target="_blank"
            rel="noopener"
          >
            {t('points.export')}
          </Button>
        }
      >
        {s.byOrg.length === 0 ? (
          <Empty />
        ) : (
          <Table
            rowKey="orgId"
            size="small"
            dataSource={s.byOrg}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t('points.byOrg.org'),
                dataIndex: 'orgName',
                render: (name: string, o) => (
                  <div>
                    <div>{name}</div>
                    {o.parentName && (
                      <Typography.Text type="secondary" className="re-pt-sub">
                        {o.parentName}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              { title: t('points.byOrg.members'), dataIndex: 'members', width: 80, align: 'right' },
              {
                title: t('points.byOrg.average'),
                dataIndex: 'average',
                width: 90,
                align: 'right',
                sorter: (a, b) => a.average - b.average,
              },
              {
                title: t('points.byOrg.stars'),
                key: 'stars',
                width: 300,
                render: (_: unknown, o) => (
                  <span className="re-pt-starcounts">
                    {[5, 4, 3, 2, 1, 0].map((n) => (
                      <span key={n} className={`re-pt-starcount re-pt-starcount-${n}`}>
                        {o.stars[n] ?? 0}
                      </span>
                    ))}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Alert type="info" showIcon icon={<InfoCircleOutlined />} message={t('points.privacyNote')} />
    </Space>
  );
}
