import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ALLOWED_CHILD_TYPES,
  ORG_DOMAINS,
  ORG_TYPES,
  type Org,
  type OrgDomain,
  type OrgType,
} from '@red-engine/shared';
import { Button, Card, Col, Descriptions, Empty, Input, Row, Segmented, Select, Space, Table, Tooltip } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { orgApi, orgKeys, useOrg } from './api';
import { orgColumns } from './columns';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { OrgTreePanel } from './OrgTreePanel';
import { OrgTypeTag } from './OrgTypeTag';
import { useOrgTree } from './useOrgTree';

/** 组织管理: the tree on the left, the selected organization and its sub-organizations on the right. */
export default function OrgsPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org') ?? undefined;
  const tree = useOrgTree();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [scope, setScope] = useState<'direct' | 'subtree'>('direct');
  const [type, setType] = useState<OrgType>();
  const [domain, setDomain] = useState<OrgDomain>();
  const [keyword, setKeyword] = useState('');
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);

  const select = (id: string) => setParams({ org: id });

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
  const table = useProTable<Org>({
    queryKey: orgKeys.lists(),
    request: orgApi.list,
    enabled: Boolean(selectedId),
    params: {
      parentId: scope === 'direct' ? selectedId : undefined,
      withinId: scope === 'subtree' ? selectedId : undefined,
      type,
      domain,
      keyword: keyword.trim() || undefined,
    },
  });

  const canCreate = can('org:create');
  const canUpdate = can('org:update');
  const childTypes = org ? ALLOWED_CHILD_TYPES[org.type] : [];

  const onSaved = (saved: Org) => {
    const parentId = formTarget?.mode === 'create' ? formTarget.parent.id : saved.parentId;
    setFormTarget(null);
    void tree.refresh([parentId, saved.id]);
    if (parentId) setExpanded((e) => (e.includes(parentId) ? e : [...e, parentId]));
  };

  const columns = orgColumns(t, {
    canCreate,
    canUpdate,
    open: (o) => {
      const parentId = o.parentId;
      if (parentId) {
        setExpanded((e) => (e.includes(parentId) ? e : [...e, parentId]));
        void tree.loadData({ key: parentId });
      }
      select(o.id);
    },
    edit: (o) => setFormTarget({ mode: 'edit', org: o }),
    createChild: (o) => setFormTarget({ mode: 'create', parent: o }),
  });

  const createButton = org && canCreate && (
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
    <PageContainer title={t('menu.orgs')}>
      <Row gutter={16} wrap={false} className="re-split">
        <Col flex="320px" className="re-split-side">
          <OrgTreePanel
            tree={tree}
            selectedId={selectedId}
            expandedKeys={expanded}
            onExpand={setExpanded}
            onSelect={select}
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
                  {createButton}
                </Space>
              )
            }
          >
            {!org ? (
              <Empty description={t('org.selectHint')} />
            ) : (
              <>
                <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }} className="re-org-desc">
                  <Descriptions.Item label={t('org.shortName')}>{org.shortName ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('org.code')}>{org.code ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('org.domain')}>
                    {org.domain ? `${t(`orgDomain.${org.domain}`)} · ${t(`orgBrand.${org.domain}`)}` : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('org.status')}>{t(`orgStatus.${org.status}`)}</Descriptions.Item>
                </Descriptions>
                <div className="re-filter-bar">
                  <Segmented
                    value={scope}
                    onChange={(v) => setScope(v as 'direct' | 'subtree')}
                    options={[
                      { value: 'direct', label: t('org.scopeDirect') },
                      { value: 'subtree', label: t('org.scopeSubtree') },
                    ]}
                  />
                  <Select
                    allowClear
                    aria-label={t('org.filterType')}
                    placeholder={t('org.filterType')}
                    style={{ width: 150 }}
                    value={type}
                    onChange={setType}
                    options={ORG_TYPES.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))}
                  />
                  <Select
                    allowClear
                    aria-label={t('org.filterDomain')}
                    placeholder={t('org.filterDomain')}
                    style={{ width: 150 }}
                    value={domain}
                    onChange={setDomain}
                    options={ORG_DOMAINS.map((d) => ({ value: d, label: t(`orgDomain.${d}`) }))}
                  />
                  <Input.Search
                    allowClear
                    aria-label={t('common.keyword')}
                    placeholder={t('org.keywordPlaceholder')}
                    style={{ width: 260 }}
                    onSearch={setKeyword}
                  />
                </div>
                <Table<Org>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  scroll={{ x: 1160 }}
                  {...table.tableProps}
                  pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} />
    </PageContainer>
  );
}
