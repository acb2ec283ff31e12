import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PageContainer } from '../../components/PageContainer';
import { useCommunityRules } from './api';
import { NeedsTab } from './NeedsTab';
import { MemberReportsTab, NotReportedTab, OrgReportsTab } from './ReportsTabs';
import { StatsTab } from './StatsTab';

const TABS = ['org-reports', 'member-reports', 'needs', 'stats', 'not-reported'] as const;

/** 双报到: 组织报到 / 党员报到 / 社区需求 / 服务统计 / 未报到党员. Both sides of 双重管理 see the same records. */
export default function CommunityServicePage() {
  const { t } = useI18n();
  const rules = useCommunityRules();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'needs';
  return (
    <PageContainer
      title={t('menu.communityService')}
      subTitle={t('cs.subTitle')}
      extra={
        rules.data && (
          <Typography.Text type="secondary">
            {t('cs.rules', { months: rules.data.reReportMonths, hours: rules.data.hoursTarget })}
          </Typography.Text>
        )
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          destroyOnHidden
          items={[
            { key: 'org-reports', label: t('cs.tab.orgReports'), children: <OrgReportsTab /> },
            { key: 'member-reports', label: t('cs.tab.memberReports'), children: <MemberReportsTab /> },
            { key: 'needs', label: t('cs.tab.needs'), children: <NeedsTab /> },
            { key: 'stats', label: t('cs.tab.stats'), children: <StatsTab /> },
            { key: 'not-reported', label: t('cs.tab.notReported'), children: <NotReportedTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
