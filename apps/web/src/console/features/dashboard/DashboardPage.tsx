import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  FlagOutlined,
  RightOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ORG_DOMAINS, ORG_TYPES, type OrgType } from '@red-engine/shared';
import { Card, Col, Row, Space, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { nowInBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { appRoutes } from '../../app/routes';
import { RoleTag } from '../../components/RoleTag';
import { TodoCard } from '../notifications/TodoCard';
import { useDashboardSummary } from './api';
import { DistributionCard, type DistributionRow } from './DistributionCard';

const TYPE_COLORS = ['#c8102e', '#d4380d', '#fa8c16', '#d48806', '#a0d911', '#13a8a8', '#2f54eb'];
const DOMAIN_COLORS = ['#c8102e', '#fa541c', '#faad14', '#52c41a', '#13c2c2', '#722ed1'];

function partOfDay(): 'morning' | 'noon' | 'afternoon' | 'evening' {
  const h = nowInBeijing().hour();
  if (h < 11) return 'morning';
  if (h < 13) return 'noon';
  if (h < 18) return 'afternoon';
  return 'evening';
}

function StatCard({
  title,
  value,
  icon,
  tone,
  loading,
}: {
  title: string;
  value?: number;
  icon: ReactNode;
  tone: string;
  loading: boolean;
}) {
  return (
    <Card className="re-stat-card" loading={loading}>
      <div className="re-stat">
        <div className="re-stat-icon" style={{ background: tone }}>
          {icon}
        </div>
        <Statistic title={title} value={value ?? 0} />
      </div>
    </Card>
  );
}

/** 工作台: greeting, headline counts and the type / domain distribution of party organizations. */
export default function DashboardPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { can } = useAccess();
  const { data, isPending } = useDashboardSummary();

  const byType: Partial<Record<OrgType, number>> = data?.orgsByType ?? {};
  const count = (k: OrgType) => byType[k] ?? 0;
  const branches = count('branch') + count('joint_branch') + count('temporary_branch');
  const committees = count('party_committee') + count('general_branch');
  const domainRows: DistributionRow[] = ORG_DOMAINS.map((d, i) => ({
    key: d,
    label: t(`orgDomain.${d}`),
    extra: t(`orgBrand.${d}`),
    value: data?.orgsByDomain[d] ?? 0,
    color: DOMAIN_COLORS[i] ?? '#c8102e',
  }));
  const otherDomains = Object.entries(data?.orgsByDomain ?? {})
    .filter(([k]) => !(ORG_DOMAINS as readonly string[]).includes(k))
    .reduce((sum, [, v]) => sum + v, 0);
  if (otherDomains > 0)
    domainRows.push({
      key: 'other',
      label: t('dashboard.unclassified'),
      extra: '',
      value: otherDomains,
      color: '#bfbfbf',
    });

  const date = nowInBeijing().format(locale === 'zh-CN' ? 'YYYY年M月D日 dddd' : 'dddd, MMMM D, YYYY');
  const links = appRoutes.filter((r) => !r.hideInMenu && r.path !== '/dashboard' && can(r.access));

  return (
    <div className="re-page">
      <Card className="re-welcome">
        <div className="re-welcome-inner">
          <div>
            <div className="re-welcome-title">
              {t('dashboard.greeting', { part: t(`dashboard.${partOfDay()}`), name: me.displayName })}
            </div>
            <div className="re-welcome-sub">{t('dashboard.intro', { date })}</div>
            <Space size={[6, 6]} wrap className="re-welcome-roles">
              {me.roles.map((r) => (
                <RoleTag key={`${r.role}-${r.orgId}`} grant={r} />
              ))}
            </Space>
          </div>
          <FlagOutlined className="re-welcome-flag" />
        </div>
      </Card>

      <TodoCard />

      <Row gutter={[16, 16]} className="re-stat-row">
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.orgTotal')}
            value={data?.orgTotal}
            icon={<ApartmentOutlined />}
            tone="#c8102e"
            loading={isPending}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.branchTotal')}
            value={branches}
            icon={<FlagOutlined />}
            tone="#fa541c"
            loading={isPending}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.userTotal')}
            value={data?.userTotal}
            icon={<TeamOutlined />}
            tone="#d48806"
            loading={isPending}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <StatCard
            title={t('dashboard.auditToday')}
            value={data?.auditEventsToday}
            icon={<AuditOutlined />}
            tone="#13a8a8"
            loading={isPending}
          />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DistributionCard
            title={
              <Space>
                <BankOutlined />
                {t('dashboard.byType')}
                <span className="re-card-note">
                  {t('common.labelValue', { label: t('dashboard.committeeTotal'), value: committees })}
                </span>
              </Space>
            }
            loading={isPending}
            total={data?.orgTotal ?? 0}
            unit={t('dashboard.unit')}
            shareLabel={(p) => t('dashboard.share', { p })}
            emptyText={t('dashboard.empty')}
            rows={ORG_TYPES.map((k, i) => ({
              key: k,
              label: t(`orgType.${k}`),
              value: count(k),
              color: TYPE_COLORS[i] ?? '#c8102e',
            }))}
          />
        </Col>
        <Col xs={24} lg={12}>
          <DistributionCard
            title={
              <Space>
                <FlagOutlined />
                {t('dashboard.byDomain')}
              </Space>
            }
            loading={isPending}
            total={domainRows.reduce((s, r) => s + r.value, 0)}
            unit={t('dashboard.unit')}
            shareLabel={(p) => t('dashboard.share', { p })}
            emptyText={t('dashboard.empty')}
            rows={domainRows}
          />
        </Col>
      </Row>

      {links.length > 0 && (
        <Card title={t('dashboard.quickLinks')} className="re-quick-card">
          <Row gutter={[16, 16]}>
            {links.map((r) => (
              <Col key={r.path} xs={12} md={8} xl={6}>
                <Link to={r.path} className="re-quick-link">
                  <span className="re-quick-icon">{r.icon}</span>
                  <span>{t(r.nameKey)}</span>
                  <RightOutlined className="re-quick-arrow" />
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </div>
  );
}
