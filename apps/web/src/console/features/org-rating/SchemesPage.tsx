import { ArrowLeftOutlined, CopyOutlined, EditOutlined } from '@ant-design/icons';
import type { RatingScheme } from '@red-engine/shared';
import { Badge, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { useSchemes } from './api';
import { Stars } from './labels';
import { type SchemeTarget, SchemeVersionModal } from './SchemeVersionModal';

const STATE_BADGE = { current: 'success', scheduled: 'processing', superseded: 'default' } as const;

/** 评定方案: every version of the rubric — indicators, criteria, evidence, thresholds, quotas, vetoes. */
export default function SchemesPage() {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const schemes = useSchemes();
  const [target, setTarget] = useState<SchemeTarget | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  useEffect(() => {
    if (schemes.data && expanded === null)
      setExpanded(schemes.data.filter((s) => s.state === 'current').map((s) => s.id));
  }, [schemes.data, expanded]);
  const zh = locale === 'zh-CN';
  const editable = can('rating:scheme');

  return (
    <PageContainer
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/org-rating')}
            aria-label={t('rating.backToBoard')}
          />
          {t('menu.ratingSchemes')}
        </Space>
      }
      subTitle={t('rating.schemesSubTitle')}
    >
      <Card>
        <Table<RatingScheme>
          rowKey="id"
          loading={schemes.isPending}
          dataSource={schemes.data ?? []}
          pagination={false}
          expandable={{
            expandedRowRender: (s) => <Rubric scheme={s} />,
            expandedRowKeys: expanded ?? [],
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
          columns={[
            {
              title: t('rating.schemeName'),
              key: 'name',
              render: (_, s) => (
                <Space>
                  <Typography.Text strong>{zh ? s.nameZh : s.nameEn}</Typography.Text>
                  <Tag>v{s.version}</Tag>
                </Space>
              ),
            },
            { title: t('rating.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
            {
              title: t('rating.schemeState'),
              key: 'state',
              width: 120,
              render: (_, s) => <Badge status={STATE_BADGE[s.state]} text={t(`rating.schemeState.${s.state}`)} />,
            },
            { title: t('rating.cycle'), key: 'cycle', width: 100, render: (_, s) => t(`rating.cycle.${s.cycle}`) },
            {
              title: t('rating.maxScoreCol'),
              key: 'max',
              width: 150,
              render: (_, s) =>
                s.maxScore > s.baseMax ? t('rating.maxWithBonus', { base: s.baseMax, max: s.maxScore }) : s.maxScore,
            },
            {
              title: t('rating.publicationDays'),
              key: 'days',
              width: 100,
              render: (_, s) => t('rating.daysN', { n: s.publicationDays }),
            },
            {
              title: t('rating.inUse'),
              key: 'inUse',
              width: 100,
              render: (_, s) =>
                s.inUse ? <Tag color="blue">{t('rating.locked')}</Tag> : <Tag>{t('rating.editable')}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 220,
              render: (_, s) =>
                editable && (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      icon={<CopyOutlined />}
                      onClick={() => setTarget({ mode: 'version', scheme: s })}
                    >
                      {t('rating.newVersion')}
                    </Button>
                    {!s.inUse && (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setTarget({ mode: 'edit', scheme: s })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <SchemeVersionModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}

function Rubric({ scheme: s }: { scheme: RatingScheme }) {
  const { t, locale } = useI18n();
  const zh = locale === 'zh-CN';
  return (
    <div className="rating-rubric">
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={16}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={s.indicators}
            columns={[
              {
                title: t('rating.indicator'),
                key: 'n',
                width: 130,
                render: (_, i) => <Typography.Text strong>{zh ? i.nameZh : i.nameEn}</Typography.Text>,
              },
              {
                title: t('rating.points'),
                key: 'p',
                width: 90,
                render: (_, i) => (
                  <Space size={4}>
                    {i.maxPoints}
                    {i.kind === 'bonus' && <Tag color="gold">{t('rating.bonus')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('rating.criteria'),
                key: 'c',
                render: (_, i) => (zh ? i.criteriaZh : i.criteriaEn || i.criteriaZh),
              },
              {
                title: t('rating.source'),
                key: 's',
                width: 150,
                render: (_, i) =>
                  i.source ? <Tag color="blue">{t(`rating.source.${i.source}`)}</Tag> : <Tag>{t('rating.manual')}</Tag>,
              },
              {
                title: t('rating.evidence'),
                key: 'e',
                width: 80,
                render: (_, i) => (i.evidenceRequired ? t('rating.required') : '—'),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('rating.thresholds')}>
              {s.thresholds.map((x) => (
                <div key={x.stars}>
                  <Stars value={x.stars} size={12} /> ≥ {x.minScore}
                  {x.stars === 5 && s.requiresInnovationFor5Star ? ` ${t('rating.needsInnovation')}` : ''}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('rating.quotas')}>
              {s.quotas.length === 0
                ? t('common.none')
                : s.quotas.map((q) => (
                    <div key={q.stars}>
                      <Stars value={q.stars} size={12} /> ≤ {q.maxPercent}%
                    </div>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('rating.vetoTitle')}>
              {s.vetoRules.map((v) => (
                <div key={v.id}>
                  · {zh ? v.nameZh : v.nameEn}
                  {v.source && <Tag className="rating-inline-tag">{t('rating.vetoComputed')}</Tag>}
                </div>
              ))}
              <Typography.Text type="secondary">
                {s.vetoStars === null ? t('rating.vetoRuleUnrated') : t('rating.vetoRuleStars', { n: s.vetoStars })}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('rating.orgTypes')}>
              {s.orgTypes.map((x) => t(`orgType.${x}` as never)).join('、')}
            </Descriptions.Item>
            {s.note && <Descriptions.Item label={t('rating.note')}>{s.note}</Descriptions.Item>}
          </Descriptions>
        </Col>
      </Row>
    </div>
  );
}
