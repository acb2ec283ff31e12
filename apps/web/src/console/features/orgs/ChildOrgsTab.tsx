import { ORG_DOMAINS, ORG_TYPES, type Org, type OrgDomain, type OrgType } from '@red-engine/shared';
import { Input, Segmented, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { orgApi, orgKeys } from './api';
import { type OrgColumnActions, orgColumns } from './columns';

/** 下级组织: the selected organization's direct children or whole subtree, with filters. */
export function ChildOrgsTab({ orgId, actions }: { orgId: string; actions: OrgColumnActions }) {
  const { t } = useI18n();
  const [scope, setScope] = useState<'direct' | 'subtree'>('direct');
  const [type, setType] = useState<OrgType>();
  const [domain, setDomain] = useState<OrgDomain>();
  const [keyword, setKeyword] = useState('');
  const table = useProTable<Org>({
    queryKey: orgKeys.lists(),
    request: orgApi.list,
    params: {
      parentId: scope === 'direct' ? orgId : undefined,
      withinId: scope === 'subtree' ? orgId : undefined,
      type,
      domain,
      keyword: keyword.trim() || undefined,
    },
  });
  return (
    <>
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
        columns={orgColumns(t, actions)}
        scroll={{ x: 1160 }}
        {...table.tableProps}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
      />
    </>
  );
}
