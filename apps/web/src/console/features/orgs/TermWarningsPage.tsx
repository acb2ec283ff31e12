import { TERM_WARNING_LEVELS, type TermWarning, type TermWarningLevel } from '@red-engine/shared';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { useTermWarnings } from './api';
import { OrgTypeTag } from './OrgTypeTag';
import { DaysLeft, TERM_LEVEL_COLORS, TermLevelTag } from './TermTag';

/** 换届提醒: organizations whose term expires within 6 months or is overdue, most urgent first. */
export default function TermWarningsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [level, setLevel] = useState<TermWarningLevel | 'all'>('all');
  const [scope, setScope] = useState<OrgOption>();
  const warnings = useTermWarnings({ level: level === 'all' ? undefined : level, orgId: scope?.value });
  const counts = warnings.data?.counts;
  const open = (w: TermWarning) => navigate(`/orgs?org=${w.orgId}&tab=committee`);

  return (
    <PageContainer
      title={t('menu.termWarnings')}
      subTitle={t('termWarnings.subTitle')}
      extra={
        warnings.data && (
          <Typography.Text type="secondary">{t('termWarnings.today', { date: warnings.data.today })}</Typography.Text>
        )
      }
    >
      <Row gutter={[12, 12]} className="re-member-stats">
        {TERM_WARNING_LEVELS.map((l) => (
          <Col key={l} xs={12} md={6}>
            <Card
              size="small"
              hoverable
              className={`re-term-card re-term-${TERM_LEVEL_COLORS[l]}${level === l ? ' re-term-card-active' : ''}`}
              onClick={() => setLevel(level === l ? 'all' : l)}
            >
              <Statistic title={t(`termWarning.${l}`)} value={counts?.[l] ?? 0} suffix={t('dashboard.unit')} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <div className="re-filter-bar">
          <Segmented
            aria-label={t('termWarnings.filterLevel')}
            value={level}
            onChange={(v) => setLevel(v as TermWarningLevel | 'all')}
            options={[
              { value: 'all', label: t('common.all') },
              ...TERM_WARNING_LEVELS.map((l) => ({ value: l, label: t(`termWarning.${l}`) })),
            ]}
          />
          <Space>
            <span>{t('termWarnings.scope')}</span>
            <OrgTreeSelect allowClear value={scope} onChange={setScope} aria-label={t('termWarnings.scope')} />
          </Space>
        </div>
        <Table<TermWarning>
          rowKey="committeeId"
          size="middle"
          loading={warnings.isFetching}
          dataSource={warnings.data?.data ?? []}
          locale={{ emptyText: t('termWarnings.empty') }}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          onRow={(w) => ({ onClick: () => open(w), className: 're-row-link' })}
          columns={[
            {
              title: t('termWarnings.org'),
              dataIndex: 'orgName',
              render: (_, w) => (
                <Space>
                  <Typography.Link onClick={() => open(w)}>{w.orgName}</Typography.Link>
                  <OrgTypeTag type={w.orgType} small />
                </Space>
              ),
            },
            {
              title: t('org.domain'),
              dataIndex: 'orgDomain',
              width: 120,
              render: (d: TermWarning['orgDomain']) => (d ? t(`orgDomain.${d}`) : '—'),
            },
            {
              title: t('committee.termNumber'),
              dataIndex: 'termNumber',
              width: 100,
              render: (n: number) => t('committee.termNumberValue', { n }),
            },
            { title: t('committee.electedOn'), dataIndex: 'electedOn', width: 120 },
            { title: t('committee.expiresOn'), dataIndex: 'expiresOn', width: 120 },
            {
              title: t('termWarnings.remaining'),
              dataIndex: 'daysLeft',
              width: 130,
              sorter: (a, b) => a.daysLeft - b.daysLeft,
              render: (n: number) => <DaysLeft days={n} />,
            },
            {
              title: t('termWarnings.level'),
              dataIndex: 'level',
              width: 120,
              render: (l: TermWarningLevel) => <TermLevelTag level={l} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
