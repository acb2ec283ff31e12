import { PlusOutlined } from '@ant-design/icons';
import type { PointRule, PointRuleVersion } from '@red-engine/shared';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { usePointRules } from './api';
import { CategoryTag, capsText, PointsValue, RuleFlags, SourceTag } from './labels';
import { RuleVersionDrawer } from './RuleVersionDrawer';
import './points.css';

const STATE_COLORS: Record<PointRuleVersion['state'], string> = {
  current: 'green',
  scheduled: 'gold',
  superseded: 'default',
};

function SchemeCard({ version }: { version: PointRuleVersion }) {
  const { t } = useI18n();
  const s = version.scheme;
  const [a, b, c, d, e] = s.starThresholds;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('points.rules.thresholds')}>
        <span className="re-pt-thresholds">{t('points.rules.thresholdsValue', { a, b, c, d, e })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('points.rules.scheme')}>
        <Space direction="vertical" size={2}>
          {s.unqualifiedZeroStars && <span>{t('points.rules.unqualifiedZero')}</span>}
          {s.vetoZeroesScore && <span>{t('points.rules.vetoZero')}</span>}
          <span>{t('points.rules.objectionDays', { days: s.objectionWorkingDays })}</span>
          <span>{t('points.rules.elderly', { age: s.elderlyAge })}</span>
          <Typography.Text type="secondary">
            {t('points.rules.gradeBonus', {
              e: s.gradeBonus.excellent,
              q: s.gradeBonus.qualified,
              b: s.gradeBonus.basically_qualified,
              u: s.gradeBonus.unqualified,
            })}
          </Typography.Text>
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

function RulesTable({ rules }: { rules: PointRule[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<PointRule>
      rowKey="code"
      size="small"
      dataSource={rules}
      pagination={false}
      columns={[
        {
          title: t('points.rules.item'),
          key: 'item',
          render: (_: unknown, r) => (
            <div>
              <CategoryTag category={r.category} />
              <span>{locale === 'zh-CN' ? r.nameZh : r.nameEn}</span>
              <Typography.Text type="secondary" className="re-pt-sub re-mono">
                {r.code}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('points.rules.points'),
          dataIndex: 'points',
          width: 60,
          align: 'right',
          render: (p: number) => <PointsValue points={p} />,
        },
        {
          title: t('points.rules.unit'),
          dataIndex: 'unit',
          width: 90,
          render: (u: PointRule['unit']) => t(`points.unit.${u}`),
        },
        { title: t('points.rules.caps'), key: 'caps', width: 130, render: (_: unknown, r) => capsText(r, t) },
        {
          title: t('points.rules.source'),
          key: 'source',
          width: 160,
          render: (_: unknown, r) => (
            <Space size={4}>
              <SourceTag type={r.source} />
              {!r.available && (
                <Tooltip title={t('points.rules.notYetHelp')}>
                  <Tag>{t('points.rules.notYet')}</Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        { title: t('points.rules.flags'), key: 'flags', width: 200, render: (_: unknown, r) => <RuleFlags rule={r} /> },
      ]}
    />
  );
}

/** 积分规则: the version in force (scheme and items), scheduled and past versions, and new versions from a date. */
export default function RulesPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const rules = usePointRules();
  const [creating, setCreating] = useState(false);
  const versions = rules.data?.versions ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const shown = versions.find((v) => v.id === (picked ?? rules.data?.currentVersionId)) ?? versions[0];
  const current = versions.find((v) => v.id === rules.data?.currentVersionId);
  return (
    <PageContainer
      title={t('menu.pointRules')}
      subTitle={t('points.rules.subTitle')}
      extra={
        can('points:rules') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!current}>
            {t('points.rules.newVersion')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={6}>
          <Card size="small" title={t('points.rules.versions')} loading={rules.isPending}>
            <Timeline
              items={versions.map((v) => ({
                color: v.state === 'current' ? 'green' : v.state === 'scheduled' ? 'gold' : 'gray',
                children: (
                  <button
                    type="button"
                    className={`re-pt-version${shown?.id === v.id ? ' re-pt-version-on' : ''}`}
                    onClick={() => setPicked(v.id)}
                  >
                    <Space size={6}>
                      <strong>{v.effectiveFrom}</strong>
                      <Tag color={STATE_COLORS[v.state]}>{t(`points.rules.${v.state}`)}</Tag>
                    </Space>
                    <div className="re-pt-sub">
                      {t('points.rules.itemsCount', { n: v.rules.length })} ·{' '}
                      {v.createdByName === 'migration' ? t('points.rules.builtin') : (v.createdByName ?? '')}
                    </div>
                  </button>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={18}>
          {shown ? (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card
                size="small"
                title={
                  <Space>
                    <span>
                      {t('points.rules.effectiveFrom')} {shown.effectiveFrom}
                    </span>
                    <Tag color={STATE_COLORS[shown.state]}>{t(`points.rules.${shown.state}`)}</Tag>
                  </Space>
                }
              >
                <SchemeCard version={shown} />
                {shown.note && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    {shown.note}
                  </Typography.Paragraph>
                )}
              </Card>
              <Card size="small" bodyStyle={{ padding: 0 }}>
                <RulesTable rules={shown.rules} />
              </Card>
            </Space>
          ) : (
            <Card loading={rules.isPending}>{!rules.isPending && <Empty />}</Card>
          )}
        </Col>
      </Row>
      {current && (
        <RuleVersionDrawer
          open={creating}
          base={current}
          today={rules.data!.today}
          onClose={() => setCreating(false)}
        />
      )}
    </PageContainer>
  );
}
