import { CalculatorOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { ExemptionsTab } from './ExemptionsTab';
import { GrantsTab } from './GrantsTab';
import { LedgerTab } from './LedgerTab';
import { OverviewTab } from './OverviewTab';
import { PublicationsTab } from './PublicationsTab';
import { RunGrantsModal } from './RunGrantsModal';
import './points.css';
import { toBeijing } from '../../../lib/time';

const TABS = ['overview', 'ledger', 'grants', 'publications', 'exemptions'] as const;
type TabKey = (typeof TABS)[number];

/** 党员积分: the overview for organizations, members' ledgers ("why"), requests, publication and objections, exemptions. */
export default function PointsModule() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'overview';
  const thisYear = toBeijing(new Date()).year();
  const [year, setYear] = useState(thisYear);
  const [org, setOrg] = useState<OrgOption | undefined>();
  const [running, setRunning] = useState(false);
  const filters = (
    <Space wrap>
      {(tab === 'overview' || tab === 'ledger') && (
        <>
          <Typography.Text type="secondary">{t('points.year')}</Typography.Text>
          <Select
            aria-label={t('points.year')}
            value={year}
            onChange={setYear}
            style={{ width: 100 }}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('points.yearValue', { year: y }),
            }))}
          />
        </>
      )}
      <Typography.Text type="secondary">{t('points.org')}</Typography.Text>
      <OrgTreeSelect
        aria-label={t('points.org')}
        value={org ?? null}
        onChange={setOrg}
        allowClear
        style={{ width: 240 }}
      />
    </Space>
  );
  return (
    <PageContainer
      title={t('menu.points')}
      subTitle={t('points.subTitle')}
      extra={
        can('points:manage') && (
          <Button icon={<CalculatorOutlined />} onClick={() => setRunning(true)}>
            {t('points.run')}
          </Button>
        )
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          destroyOnHidden
          tabBarExtraContent={filters}
          items={[
            { key: 'overview', label: t('points.tab.overview'), children: <OverviewTab year={year} org={org} /> },
            { key: 'ledger', label: t('points.tab.ledger'), children: <LedgerTab year={year} orgId={org?.value} /> },
            { key: 'grants', label: t('points.tab.grants'), children: <GrantsTab orgId={org?.value} /> },
            {
              key: 'publications',
              label: t('points.tab.publications'),
              children: <PublicationsTab org={org} />,
            },
            { key: 'exemptions', label: t('points.tab.exemptions'), children: <ExemptionsTab orgId={org?.value} /> },
          ]}
        />
      </Card>
      <RunGrantsModal open={running} org={org} onClose={() => setRunning(false)} />
    </PageContainer>
  );
}
