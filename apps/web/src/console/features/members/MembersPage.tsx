import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import type { Member } from '@red-engine/shared';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { type Key, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { isAfterToday } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { ImportExportButtons } from '../imports/ImportExportButtons';
import { OrgTreePanel } from '../orgs/OrgTreePanel';
import { useOrgTree } from '../orgs/useOrgTree';
import { memberApi, memberKeys, useMemberStats } from './api';
import { memberColumns } from './columns';
import { filterParams, MemberFilters, type MemberFilterValues } from './MemberFilters';
import { MemberFormDrawer, type MemberFormTarget } from './MemberFormDrawer';
import { BRANCH_TYPES } from './MemberFormFields';
import { MemberStatsCards } from './MemberStatsCards';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** 党员管理: the organization tree on the left; the selected organization's members (subtree) on the right. */
export default function MembersPage() {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? undefined;
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && ISO.test(asOfParam) ? asOfParam : undefined;
  const tree = useOrgTree();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [filters, setFilters] = useState<MemberFilterValues>({});
  const [formTarget, setFormTarget] = useState<MemberFormTarget | null>(null);

  const setParam = (key: 'org' | 'asOf', value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'asOf' },
    );

  // Start from the first root of the user's scope.
  useEffect(() => {
    const first = tree.roots?.[0];
    if (!orgId && first) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('org', first.id);
          return next;
        },
        { replace: true },
      );
      setExpanded((e) => (e.includes(first.id) ? e : [...e, first.id]));
    }
  }, [orgId, tree.roots, setParams]);

  const stats = useMemberStats(orgId, asOf);
  const table = useProTable<Member>({
    queryKey: memberKeys.lists(),
    request: memberApi.list,
    enabled: Boolean(orgId),
    params: { orgId, asOf, ...filterParams(filters) },
  });

  const selected = orgId ? tree.findNode(orgId) : undefined;
  const open = (m: Member) => navigate(`/members/${m.id}${asOf ? `?asOf=${asOf}` : ''}`);
  const createOrg =
    selected && BRANCH_TYPES.includes(selected.type) ? { value: selected.id, label: selected.name } : undefined;

  return (
    <PageContainer
      title={t('menu.members')}
      extra={
        <Space>
          <ImportExportButtons
            kind="members"
            exportParams={{ orgId, asOf, ...filterParams(filters) }}
            invalidate={memberKeys.all}
          />
          {can('member:create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ mode: 'create', org: createOrg })}
            >
              {t('member.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={16} wrap={false} className="re-split">
        <Col flex="300px" className="re-split-side">
          <OrgTreePanel
            tree={tree}
            selectedId={orgId}
            expandedKeys={expanded}
            onExpand={setExpanded}
            onSelect={(id) => setParam('org', id)}
          />
        </Col>
        <Col flex="auto" className="re-split-main">
          <div className="re-member-main">
            <div className="re-toolbar re-member-toolbar">
              <Typography.Text strong className="re-member-scope">
                {selected?.name ?? ''}
                {selected && <span className="re-card-note"> · {t('member.scopeNote')}</span>}
              </Typography.Text>
              <Space>
                <CalendarOutlined />
                <span>{t('member.asOf')}</span>
                <DatePicker
                  aria-label={t('member.asOf')}
                  placeholder={t('member.asOfPlaceholder')}
                  value={asOf ? dayjs(asOf) : null}
                  disabledDate={isAfterToday}
                  onChange={(d) => setParam('asOf', d ? d.format('YYYY-MM-DD') : undefined)}
                  style={{ width: 190 }}
                />
              </Space>
            </div>
            {asOf && (
              <Alert
                type="warning"
                showIcon
                title={t('member.asOfNote', { date: asOf })}
                action={
                  <Button size="small" type="link" onClick={() => setParam('asOf', undefined)}>
                    {t('member.asOfClear')}
                  </Button>
                }
              />
            )}
            <MemberStatsCards stats={stats.data} loading={stats.isPending} />
            <Card>
              <MemberFilters value={filters} onChange={setFilters} />
              <Table<Member>
                rowKey="id"
                size="middle"
                columns={memberColumns(t, { locale, canReveal: can('member:read-sensitive'), open })}
                scroll={{ x: 1300 }}
                {...table.tableProps}
                pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
              />
            </Card>
          </div>
        </Col>
      </Row>
      <MemberFormDrawer
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(m) => navigate(`/members/${m.id}`)}
      />
    </PageContainer>
  );
}
