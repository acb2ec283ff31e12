import { Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { MatrixTab } from './MatrixTab';
import { WarningsTab } from './WarningsTab';
import './compliance.css';

const TABS = ['matrix', 'warnings'] as const;

/** 三会一课: each branch's completion per rule and cycle, the parents' share of compliant branches, and warnings. */
export default function CompliancePage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'matrix';
  const [org, setOrg] = useState<OrgOption | undefined>();
  return (
    <PageContainer title={t('menu.compliance')} subTitle={t('compliance.subTitle')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          destroyOnHidden
          tabBarExtraContent={
            <Space>
              <Typography.Text type="secondary">{t('compliance.filterOrg')}</Typography.Text>
              <OrgTreeSelect
                aria-label={t('compliance.filterOrg')}
                value={org ?? null}
                onChange={setOrg}
                allowClear
                style={{ width: 260 }}
              />
            </Space>
          }
          items={[
            { key: 'matrix', label: t('compliance.tab.matrix'), children: <MatrixTab orgId={org?.value} /> },
            { key: 'warnings', label: t('compliance.tab.warnings'), children: <WarningsTab orgId={org?.value} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
