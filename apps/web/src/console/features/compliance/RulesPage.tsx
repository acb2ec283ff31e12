import { PlusOutlined } from '@ant-design/icons';
import type { ActivityType, ComplianceRule } from '@red-engine/shared';
import { App, Button, Card, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { PageContainer } from '../../components/PageContainer';
import { ActivityTypeFormModal, type TypeTarget } from './ActivityTypeFormModal';
import { useComplianceRules, useUpdateActivityType } from './api';
import { expectedLabel } from './labels';
import { RuleFormModal, type RuleTarget } from './RuleFormModal';

const STATE_COLORS: Record<ComplianceRule['state'], string> = {
  current: 'green',
  scheduled: 'gold',
  superseded: 'default',
};
const TABS = ['rules', 'types'] as const;

/** 考核规则: the rule table (activity type × kind of branch → expected count per cycle) and the activity types. */
export default function RulesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'rules';
  return (
    <PageContainer title={t('menu.complianceRules')} subTitle={t('rules.subTitle')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'rules', label: t('rules.tab.rules'), children: <RulesTab /> },
            { key: 'types', label: t('rules.tab.types'), children: <TypesTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

function useTypeLabel() {
  const { locale } = useI18n();
  const rules = useComplianceRules();
  return (code: string) => {
    const type = rules.data?.activityTypes.find((x) => x.code === code);
    return type ? (locale === 'zh-CN' ? type.nameZh : type.nameEn) : code;
  };
}

function RulesTab() {
  const { t } = useI18n();
  const rules = useComplianceRules();
  const typeLabel = useTypeLabel();
  const [history, setHistory] = useState(false);
  const [target, setTarget] = useState<RuleTarget | null>(null);
  const types = rules.data?.activityTypes ?? [];
  const order = (code: string) => types.findIndex((x) => x.code === code);
  const rows = (rules.data?.rules ?? [])
    .filter((r) => history || r.state !== 'superseded')
    .sort(
      (a, b) =>
        order(a.typeCode) - order(b.typeCode) ||
        a.orgType.localeCompare(b.orgType) ||
        a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
          {t('rules.create')}
        </Button>
        <Space>
          <Switch checked={history} onChange={setHistory} aria-label={t('rules.showHistory')} />
          <Typography.Text>{t('rules.showHistory')}</Typography.Text>
        </Space>
        {rules.data && (
          <Typography.Text type="secondary">
            {t('compliance.asOf', { date: rules.data.today, days: rules.data.warnDays })}
          </Typography.Text>
        )}
      </Space>
      <Table<ComplianceRule>
        rowKey="id"
        size="small"
        loading={rules.isFetching}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('rules.type'),
            dataIndex: 'typeCode',
            render: (code: string) => (
              <Space size={4}>
                {typeLabel(code)}
                {types.find((x) => x.code === code)?.active === false && <Tag>{t('rules.typeInactive')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('rules.orgType'),
            dataIndex: 'orgType',
            width: 130,
            render: (o: ComplianceRule['orgType']) => t(`orgType.${o}`),
          },
          {
            title: t('rules.expectedCount'),
            key: 'expected',
            width: 220,
            render: (_: unknown, r) => expectedLabel(r, t),
          },
          { title: t('rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
          {
            title: t('rules.state'),
            dataIndex: 'state',
            width: 100,
            render: (s: ComplianceRule['state']) => <Tag color={STATE_COLORS[s]}>{t(`rules.state.${s}`)}</Tag>,
          },
          { title: t('rules.note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r) =>
              r.state !== 'superseded' && (
                <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', rule: r })}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <RuleFormModal target={target} today={rules.data?.today} types={types} onClose={() => setTarget(null)} />
    </Space>
  );
}

function TypesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useComplianceRules();
  const update = useUpdateActivityType();
  const [target, setTarget] = useState<TypeTarget | null>(null);
  const toggle = (type: ActivityType, active: boolean) =>
    update.mutate(
      { code: type.code, body: { active } },
      {
        onSuccess: () => message.success(t(active ? 'types.activated' : 'types.deactivated', { name: type.nameZh })),
        onError: reportError,
      },
    );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
          {t('types.create')}
        </Button>
        <Typography.Text type="secondary">{t('types.activeHelp')}</Typography.Text>
      </Space>
      <Table<ActivityType>
        rowKey="code"
        size="small"
        loading={rules.isFetching}
        dataSource={rules.data?.activityTypes ?? []}
        pagination={false}
        columns={[
          { title: t('types.sortOrder'), dataIndex: 'sortOrder', width: 70 },
          {
            title: t('types.code'),
            dataIndex: 'code',
            width: 170,
            render: (c: string) => <span className="re-mono">{c}</span>,
          },
          { title: t('types.nameZh'), dataIndex: 'nameZh' },
          { title: t('types.nameEn'), dataIndex: 'nameEn' },
          {
            title: t('types.category'),
            dataIndex: 'category',
            width: 130,
            render: (c: ActivityType['category']) => t(`compliance.category.${c}`),
          },
          {
            title: t('types.builtin'),
            dataIndex: 'builtin',
            width: 90,
            render: (b: boolean) => (b ? <Tag color="red">{t('types.builtin')}</Tag> : <Tag>{t('types.custom')}</Tag>),
          },
          {
            title: t('types.active'),
            dataIndex: 'active',
            width: 80,
            render: (active: boolean, type) => (
              <Switch
                size="small"
                checked={active}
                aria-label={`${t('types.active')} ${type.nameZh}`}
                loading={update.isPending && update.variables?.code === type.code}
                onChange={(v) => toggle(type, v)}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, type) => (
              <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', type })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <ActivityTypeFormModal target={target} onClose={() => setTarget(null)} />
    </Space>
  );
}
