import { PlusOutlined } from '@ant-design/icons';
import { RECRUITMENT_STAGES, type RecruitmentCase, stepsOfStage } from '@red-engine/shared';
import { Badge, Button, Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { recruitmentApi, recruitmentKeys, useRecruitmentBoard } from './api';
import { CaseDrawer } from './CaseDrawer';
import { CreateCaseModal } from './CreateCaseModal';
import { DueTag, RecruitmentStatusTag, STAGE_COLORS, stageName, stageTitle, stepName } from './labels';

interface Filters {
  stage?: number;
  due?: 'overdue' | 'soon' | 'any';
  status?: string;
  keyword?: string;
  org?: OrgOption;
}

/** 发展党员: the board of the five stages, the list behind each, and each case's 25-step record. */
export default function RecruitmentPage() {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const openId = params.get('id') ?? undefined;
  const [filters, setFilters] = useState<Filters>({});
  const [keyword, setKeyword] = useState('');
  const [creating, setCreating] = useState(false);
  const orgId = filters.org?.value;
  const board = useRecruitmentBoard(orgId);
  const table = useProTable<RecruitmentCase>({
    queryKey: recruitmentKeys.lists(),
    request: recruitmentApi.list,
    params: { stage: filters.stage, due: filters.due, status: filters.status, keyword: filters.keyword, orgId },
  });

  const setOpen = (id: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('id', id);
      else next.delete('id');
      return next;
    });
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => setFilters((f) => ({ ...f, [key]: v }));

  return (
    <PageContainer
      title={t('menu.recruitment')}
      subTitle={t('recruitment.subTitle')}
      extra={
        can('recruitment:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('recruitment.create')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} className="re-recruit-board" wrap>
        {RECRUITMENT_STAGES.map((stage) => {
          const s = board.data?.stages.find((x) => x.stage === stage);
          const selected = filters.stage === stage;
          return (
            <Col key={stage} xs={24} sm={12} lg={8} xl={24 / 5} style={{ flex: '1 1 0', minWidth: 190 }}>
              <Card
                hoverable
                size="small"
                role="button"
                aria-pressed={selected}
                aria-label={stageName(stage, locale)}
                data-stage={stage}
                className={`re-recruit-stage${selected ? ' is-selected' : ''}`}
                style={{
                  borderTop: `3px solid ${STAGE_COLORS[stage - 1]}`,
                  boxShadow: selected ? `0 0 0 2px ${STAGE_COLORS[stage - 1]}55` : undefined,
                  background: selected ? '#fffaf5' : undefined,
                }}
                onClick={() => set('stage', selected ? undefined : stage)}
                loading={board.isPending}
              >
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong style={{ fontSize: 15 }}>
                      {stage}. {stageName(stage, locale)}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('recruitment.stepsCount', { n: stepsOfStage(stage).length })}
                    </Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {stageTitle(stage, locale)}
                  </Typography.Text>
                  <Typography.Title level={2} style={{ margin: '4px 0', color: STAGE_COLORS[stage - 1] }}>
                    {s?.active ?? 0}
                  </Typography.Title>
                  <Space size={4} wrap>
                    {(s?.overdue ?? 0) > 0 && (
                      <Badge color="red" text={t('recruitment.overdueN', { n: s?.overdue ?? 0 })} />
                    )}
                    {(s?.dueSoon ?? 0) > 0 && (
                      <Badge color="orange" text={t('recruitment.dueSoonN', { n: s?.dueSoon ?? 0 })} />
                    )}
                    {!s?.overdue && !s?.dueSoon && <Typography.Text type="secondary">—</Typography.Text>}
                  </Space>
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card style={{ marginTop: 12 }}>
        <Space wrap className="re-filter-bar">
          <Select
            allowClear
            aria-label={t('recruitment.filterStage')}
            placeholder={t('recruitment.filterStage')}
            style={{ width: 160 }}
            value={filters.stage}
            onChange={(v) => set('stage', v)}
            options={RECRUITMENT_STAGES.map((s) => ({ value: s, label: `${s}. ${stageName(s, locale)}` }))}
          />
          <Select
            allowClear
            aria-label={t('recruitment.filterDue')}
            placeholder={t('recruitment.filterDue')}
            style={{ width: 140 }}
            value={filters.due}
            onChange={(v) => set('due', v)}
            options={[
              { value: 'overdue', label: t('recruitment.dueOverdue') },
              { value: 'soon', label: t('recruitment.dueSoonOption') },
              { value: 'any', label: t('recruitment.dueAny') },
            ]}
          />
          <Select
            aria-label={t('recruitment.filterStatus')}
            style={{ width: 120 }}
            value={filters.status ?? 'active'}
            onChange={(v) => set('status', v === 'active' ? undefined : v)}
            options={(['active', 'completed', 'cancelled', 'rejected'] as const).map((s) => ({
              value: s,
              label: t(`recruitmentStatus.${s}`),
            }))}
          />
          <OrgTreeSelect
            allowClear
            aria-label={t('recruitment.org')}
            placeholder={t('recruitment.org')}
            style={{ width: 240 }}
            value={filters.org ?? null}
            onChange={(v) => set('org', v)}
          />
          <Input.Search
            allowClear
            aria-label={t('recruitment.keyword')}
            placeholder={t('recruitment.keyword')}
            style={{ width: 260 }}
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(v) => set('keyword', v.trim() || undefined)}
          />
          {board.data && (
            <Typography.Text type="secondary">
              {t('recruitment.completedThisYear', { n: board.data.completedThisYear })}
            </Typography.Text>
          )}
        </Space>
        <Table<RecruitmentCase>
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('recruitment.empty') }}
          onRow={(c) => ({ onClick: () => setOpen(c.id), className: 're-row-link' })}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            {
              title: t('recruitment.name'),
              dataIndex: 'name',
              width: 110,
              sorter: true,
              render: (name: string, c) => <Typography.Link onClick={() => setOpen(c.id)}>{name}</Typography.Link>,
            },
            { title: t('recruitment.org'), dataIndex: 'orgName', ellipsis: true },
            {
              title: t('recruitment.stage'),
              dataIndex: 'stage',
              width: 130,
              render: (s: number) => (
                <Tag color={STAGE_COLORS[s - 1]} variant="outlined">
                  {stageName(s, locale)}
                </Tag>
              ),
            },
            {
              title: t('recruitment.currentStep'),
              dataIndex: 'currentStep',
              width: 200,
              render: (n: number) => `${n}. ${stepName(n, locale)}`,
            },
            {
              title: t('recruitment.nextDue'),
              dataIndex: 'nextDueOn',
              width: 170,
              sorter: true,
              render: (_: unknown, c) => <DueTag level={c.dueLevel} date={c.nextDue} />,
            },
            { title: t('recruitment.appliedOn'), dataIndex: 'appliedOn', key: 'appliedOn', width: 120, sorter: true },
            {
              title: t('recruitment.status'),
              dataIndex: 'status',
              width: 100,
              render: (_: unknown, c) => <RecruitmentStatusTag status={c.status} />,
            },
            {
              title: t('recruitment.overrides'),
              dataIndex: 'overrides',
              width: 100,
              render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : null),
            },
          ]}
        />
      </Card>
      <CaseDrawer id={openId} onClose={() => setOpen(undefined)} />
      {can('recruitment:write') && (
        <CreateCaseModal open={creating} onClose={() => setCreating(false)} onCreated={setOpen} />
      )}
    </PageContainer>
  );
}
