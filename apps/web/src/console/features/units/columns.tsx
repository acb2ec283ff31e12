import type { Unit } from '@red-engine/shared';
import { Badge, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../../lib/i18n';

export interface UnitColumnActions {
  canWrite: boolean;
  edit: (u: Unit) => void;
  remove: (u: Unit) => void;
  openOrg: (orgId: string) => void;
}

export function unitColumns(t: Translate, a: UnitColumnActions): ColumnsType<Unit> {
  const columns: ColumnsType<Unit> = [
    {
      title: t('unit.name'),
      dataIndex: 'name',
      width: 260,
      render: (_, u) => (
        <div>
          <div>{u.name}</div>
          {u.creditCode && <div className="re-cell-sub re-mono">{u.creditCode}</div>}
        </div>
      ),
    },
    { title: t('unit.kind'), dataIndex: 'kind', width: 110, render: (k: Unit['kind']) => t(`unitKind.${k}`) },
    {
      title: t('unit.enterpriseScale'),
      dataIndex: 'enterpriseScale',
      width: 150,
      render: (_, u) => (
        <Space size={4}>
          {u.enterpriseScale ? t(`enterpriseScale.${u.enterpriseScale}`) : '—'}
          {u.aboveDesignatedSize && <Tag color="gold">{t('unit.aboveSizeShort')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('unit.employees'),
      dataIndex: 'employees',
      width: 110,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('unit.partyOrg'),
      key: 'orgs',
      width: 260,
      render: (_, u) =>
        u.partyOrgEstablished ? (
          <div>
            <Badge status="success" text={t('unit.covered')} />
            {u.orgs
              .filter((o) => o.status === 'active')
              .map((o) => (
                <div key={o.id} className="re-cell-sub">
                  <Typography.Link onClick={() => a.openOrg(o.id)}>{o.name}</Typography.Link>
                </div>
              ))}
          </div>
        ) : (
          <Badge status="default" text={t('unit.notCovered')} />
        ),
    },
    { title: t('unit.ownerOrg'), dataIndex: 'ownerOrgName', width: 200 },
    { title: t('unit.address'), dataIndex: 'address', width: 220, render: (v: string | null) => v ?? '—' },
  ];
  if (!a.canWrite) return columns;
  return [
    ...columns,
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => a.edit(u)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('unit.deleteConfirm', { name: u.name })}
            description={t('unit.deleteNote')}
            okButtonProps={{ danger: true }}
            okText={t('common.delete')}
            onConfirm={() => a.remove(u)}
          >
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
}
