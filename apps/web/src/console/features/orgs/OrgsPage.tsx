import { DownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ALLOWED_CHILD_TYPES, type Org, type RestructurePreview } from '@red-engine/shared';
import { Button, Card, Col, Dropdown, Empty, Row, Space, Tabs, Tooltip } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { ImportExportButtons } from '../imports/ImportExportButtons';
import { orgKeys, useOrg } from './api';
import { ChildOrgsTab } from './ChildOrgsTab';
import { CommitteeTab } from './CommitteeTab';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgHistoryTab } from './OrgHistoryTab';
import { OrgInfo } from './OrgInfo';
import { OrgTreePanel } from './OrgTreePanel';
import { OrgTypeTag } from './OrgTypeTag';
import { OrgUnitsTab } from './OrgUnitsTab';
import { RestructureModal, type RestructureTarget } from './RestructureModal';
import { SplitModal } from './SplitModal';
import { useOrgTree } from './useOrgTree';

const TABS = ['children', 'committee', 'units', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** 组织管理: the tree on the left; the selected organization's record, and its tabs, on the right. */
export default function OrgsPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org') ?? undefined;
  const tabParam = params.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'children';
  const tree = useOrgTree();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);
  const [restructure, setRestructure] = useState<RestructureTarget | null>(null);
  const [splitting, setSplitting] = useState<Org | null>(null);

  const select = (id: string, nextTab: TabKey = tab) =>
    setParams(nextTab === 'children' ? { org: id } : { org: id, tab: nextTab });
  const expand = (id: string | null | undefined) => {
    if (id) setExpanded((e) => (e.includes(id) ? e : [...e, id]));
  };

  // Open the first root of the user's scope by default.
  useEffect(() => {
    const first = tree.roots?.[0];
    if (!selectedId && first) {
      setParams({ org: first.id }, { replace: true });
      setExpanded((e) => (e.includes(first.id) ? e : [...e, first.id]));
    }
  }, [selectedId, tree.roots, setParams]);

  const selected = useOrg(selectedId);
  const org = selected.data;

  // Opened by a link (换届提醒, 单位管理): unfold the tree down to the organization.
  const orgPath = org?.path;
  const { loadData } = tree;
  useEffect(() => {
    const ancestors = (orgPath ?? '').split('/').filter(Boolean).slice(0, -1);
    if (ancestors.length === 0) return;
    for (const id of ancestors) void loadData({ key: id });
    setExpanded((e) => [...new Set([...e, ...ancestors])]);
  }, [orgPath, loadData]);
  const canCreate = can('org:create');
  const canUpdate = can('org:update');
  const canRestructure = can('org:restructure');
  const childTypes = org ? ALLOWED_CHILD_TYPES[org.type] : [];
  const active = org?.status === 'active';

  const onSaved = (saved: Org) => {
    const parentId = formTarget?.mode === 'create' ? formTarget.parent.id : saved.parentId;
    setFormTarget(null);
    void tree.refresh([parentId, saved.id]);
    expand(parentId);
  };

  const onRestructured = (done: RestructureTarget, preview: RestructurePreview) => {
    setRestructure(null);
    setSplitting(null);
    const { org: moved } = done;
    void tree.refresh([moved.parentId, preview.target?.id, ...preview.creates.map((c) => c.id)]);
    expand(preview.target?.id);
    select(moved.id, 'history');
  };

  const columnActions = {
    canCreate,
    canUpdate,
    open: (o: Org) => {
      expand(o.parentId);
      if (o.parentId) void tree.loadData({ key: o.parentId });
      select(o.id, 'children');
    },
    edit: (o: Org) => setFormTarget({ mode: 'edit', org: o }),
    createChild: (o: Org) => setFormTarget({ mode: 'create', parent: o }),
  };

  const restructureMenu = org && canRestructure && active && org.parentId && (
    <Dropdown
      menu={{
        items: (
          [
            'move',
            'merge',
            'split',
            'dissolve',
            ...(org.type === 'temporary_branch' ? (['projectEnd'] as const) : []),
          ] as const
        ).map((action) => ({
          key: action,
          label: t(`restructure.${action}`),
          danger: action === 'dissolve' || action === 'projectEnd',
        })),
        onClick: ({ key }) =>
          key === 'split' ? setSplitting(org) : setRestructure({ action: key as RestructureTarget['action'], org }),
      }}
    >
      <Button>
        {t('org.restructure')} <DownOutlined />
      </Button>
    </Dropdown>
  );

  const createButton = org && canCreate && active && (
    <Tooltip title={childTypes.length === 0 ? t('org.noChildTypes', { type: t(`orgType.${org.type}`) }) : undefined}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={childTypes.length === 0}
        onClick={() => setFormTarget({ mode: 'create', parent: org })}
      >
        {t('org.createChild')}
      </Button>
    </Tooltip>
  );

  return (
    <PageContainer
      title={t('menu.orgs')}
      extra={
        <ImportExportButtons kind="organizations" exportParams={{ withinId: selectedId }} invalidate={orgKeys.all} />
      }
    >
      <Row gutter={16} wrap={false} className="re-split">
        <Col flex="320px" className="re-split-side">
          <OrgTreePanel
            tree={tree}
            selectedId={selectedId}
            expandedKeys={expanded}
            onExpand={setExpanded}
            onSelect={(id) => select(id)}
          />
        </Col>
        <Col flex="auto" className="re-split-main">
          <Card
            loading={Boolean(selectedId) && selected.isPending}
            title={
              org ? (
                <Space>
                  <span>{org.name}</span>
                  <OrgTypeTag type={org.type} />
                </Space>
              ) : (
                t('org.tree')
              )
            }
            extra={
              org && (
                <Space>
                  {canUpdate && (
                    <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', org })}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {restructureMenu}
                  {createButton}
                </Space>
              )
            }
          >
            {!org ? (
              <Empty description={t('org.selectHint')} />
            ) : (
              <>
                <OrgInfo org={org} />
                <Tabs
                  activeKey={tab}
                  onChange={(k) => select(org.id, k as TabKey)}
                  destroyOnHidden
                  items={[
                    {
                      key: 'children',
                      label: t('org.tabChildren'),
                      children: <ChildOrgsTab orgId={org.id} actions={columnActions} />,
                    },
                    { key: 'committee', label: t('org.tabCommittee'), children: <CommitteeTab org={org} /> },
                    { key: 'units', label: t('org.tabUnits'), children: <OrgUnitsTab org={org} /> },
                    { key: 'history', label: t('org.tabHistory'), children: <OrgHistoryTab orgId={org.id} /> },
                  ]}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} />
      <RestructureModal
        target={restructure}
        nameOf={(id) => tree.findNode(id)?.name}
        onClose={() => setRestructure(null)}
        onDone={onRestructured}
      />
      <SplitModal
        org={splitting}
        nameOf={(id) => tree.findNode(id)?.name}
        onClose={() => setSplitting(null)}
        onDone={(o, p) => onRestructured({ action: 'split', org: o }, p)}
      />
    </PageContainer>
  );
}
