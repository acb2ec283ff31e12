import type { Org } from '@red-engine/shared';
import { Badge, Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { OrgTypeTag } from './OrgTypeTag';

export interface OrgColumnActions {
  canCreate: boolean;
  canUpdate: boolean;
  open: (org: Org) => void;
  edit: (org: Org) => void;
  createChild: (org: Org) => void;
}

export function orgColumns(t: Translate, a: OrgColumnActions): ColumnsType<Org> {
  const columns: ColumnsType<Org> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      width: 280,
      render: (_, org) => (
        <div>
          <Typography.Link onClick={() => a.open(org)}>{org.name}</Typography.Link>
          {org.shortName && org.shortName !== org.name && <div className="re-cell-sub">{org.shortName}</div>}
        </div>
      ),
    },
    { title: t('org.type'), dataIndex: 'type', width: 120, render: (_, org) => <OrgTypeTag type={org.type} /> },
    {
      title: t('org.domain'),
      dataIndex: 'domain',
      width: 120,
      render: (_, org) => (org.domain ? t(`orgDomain.${org.domain}`) : '—'),
    },
    { title: t('org.code'), dataIndex: 'code', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('org.childCount'), dataIndex: 'childCount', width: 100, align: 'right', render: (v?: number) => v ?? 0 },
    {
      title: t('org.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, org) => (
        <Badge status={org.status === 'active' ? 'success' : 'default'} text={t(`orgStatus.${org.status}`)} />
      ),
    },
    {
      title: t('org.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      render: (v: string) => formatDateTime(v),
    },
  ];
  if (!a.canCreate && !a.canUpdate) return columns;
  return [
    ...columns,
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_, org) => (
        <Space size={0}>
          {a.canUpdate && (
            <Button type="link" size="small" onClick={() => a.edit(org)}>
              {t('common.edit')}
            </Button>
          )}
          {a.canCreate && org.type !== 'party_group' && (
            <Button type="link" size="small" onClick={() => a.createChild(org)}>
              {t('org.createChild')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
