import { PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS, type Unit, type UnitKind } from '@red-engine/shared';
import { App, Button, Card, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { unitApi, unitKeys, useDeleteUnit, useUnitCoverage } from './api';
import { unitColumns } from './columns';
import { UnitCoverageCards } from './UnitCoverageCards';
import { UnitFormDrawer, type UnitFormTarget } from './UnitFormDrawer';

type Flag = 'true' | 'false';

/** 单位管理: the zone's units with their party coverage; create, edit and delete. */
export default function UnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const navigate = useNavigate();
  const [kind, setKind] = useState<UnitKind>();
  const [aboveSize, setAboveSize] = useState<Flag>();
  const [covered, setCovered] = useState<Flag>();
  const [keyword, setKeyword] = useState('');
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const coverage = useUnitCoverage();
  const remove = useDeleteUnit();
  const table = useProTable<Unit>({
    queryKey: unitKeys.lists(),
    request: unitApi.list,
    params: { kind, aboveSize, covered, keyword: keyword.trim() || undefined },
  });
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const canWrite = can('unit:write');

  const columns = unitColumns(t, {
    canWrite,
    edit: (u) => setFormTarget({ mode: 'edit', unit: u }),
    remove: (u) => remove.mutate(u.id, { onSuccess: () => message.success(t('unit.deleted', { name: u.name })) }),
    openOrg: (id) => navigate(`/orgs?org=${id}&tab=units`),
  });

  return (
    <PageContainer
      title={t('menu.units')}
      subTitle={t('unit.subTitle')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('unit.create')}
          </Button>
        )
      }
    >
      <UnitCoverageCards coverage={coverage.data} loading={coverage.isPending} />
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            aria-label={t('common.keyword')}
            placeholder={t('unit.keywordPlaceholder')}
            style={{ width: 280 }}
            onSearch={setKeyword}
          />
          <Select
            allowClear
            aria-label={t('unit.filterKind')}
            placeholder={t('unit.filterKind')}
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
          <Select
            allowClear
            aria-label={t('unit.filterAboveSize')}
            placeholder={t('unit.filterAboveSize')}
            style={{ width: 150 }}
            value={aboveSize}
            onChange={setAboveSize}
            options={yesNo}
          />
          <Select
            allowClear
            aria-label={t('unit.filterCovered')}
            placeholder={t('unit.filterCovered')}
            style={{ width: 160 }}
            value={covered}
            onChange={setCovered}
            options={yesNo}
          />
        </div>
        <Table<Unit>
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 1500 }}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      <UnitFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
    </PageContainer>
  );
}
