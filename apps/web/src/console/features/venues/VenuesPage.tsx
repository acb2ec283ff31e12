import { EnvironmentOutlined, FieldTimeOutlined, PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import type { Venue } from '@red-engine/shared';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageContainer } from '../../components/PageContainer';
import { useDeleteVenue, venueApi, venueKeys } from './api';
import { VenueFormDrawer, type VenueFormTarget } from './VenueFormDrawer';

/** 阵地管理: the 党群活动中心 and other venues, with create / edit / delete. */
export default function VenuesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAccess();
  const [keyword, setKeyword] = useState('');
  const [owner, setOwner] = useState<OrgOption>();
  const [formTarget, setFormTarget] = useState<VenueFormTarget | null>(null);
  const remove = useDeleteVenue();
  const canWrite = can('venue:write');
  const canCalendar = can('meeting:read');
  const navigate = useNavigate();
  const table = useProTable<Venue>({
    queryKey: venueKeys.lists(),
    request: venueApi.list,
    params: { keyword: keyword.trim() || undefined, ownerOrgId: owner?.value },
  });

  return (
    <PageContainer
      title={t('menu.venues')}
      subTitle={t('venue.subTitle')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('venue.create')}
          </Button>
        )
      }
    >
      <Card>
        <div className="re-filter-bar">
          <Input.Search
            allowClear
            aria-label={t('common.keyword')}
            placeholder={t('venue.keywordPlaceholder')}
            style={{ width: 260 }}
            onSearch={setKeyword}
          />
          <OrgTreeSelect
            allowClear
            value={owner}
            onChange={setOwner}
            placeholder={t('venue.filterOrg')}
            aria-label={t('venue.filterOrg')}
          />
        </div>
        <Table<Venue>
          rowKey="id"
          size="middle"
          scroll={{ x: 1400 }}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            {
              title: t('venue.name'),
              dataIndex: 'name',
              width: 220,
              render: (_, v) => (
                <div>
                  <strong>{v.name}</strong>
                  {v.address && (
                    <div className="re-cell-sub">
                      <EnvironmentOutlined /> {v.address}
                    </div>
                  )}
                </div>
              ),
            },
            { title: t('venue.ownerOrg'), dataIndex: 'ownerOrgName', width: 220 },
            {
              title: t('venue.capacity'),
              dataIndex: 'capacity',
              width: 100,
              align: 'right',
              render: (n: number | null) => (n ? t('venue.capacityValue', { n }) : '—'),
            },
            {
              title: t('venue.facilities'),
              dataIndex: 'facilities',
              width: 320,
              render: (list: string[]) =>
                list.length === 0 ? (
                  '—'
                ) : (
                  <Space size={[0, 4]} wrap>
                    {list.map((f) => (
                      <Tag key={f} color="red" variant="outlined">
                        {f}
                      </Tag>
                    ))}
                  </Space>
                ),
            },
            { title: t('venue.openHours'), dataIndex: 'openHours', width: 220, render: (v: string | null) => v ?? '—' },
            {
              title: t('venue.contact'),
              key: 'contact',
              width: 160,
              render: (_, v) =>
                v.contactPerson || v.contactPhone ? (
                  <div>
                    <div>{v.contactPerson ?? '—'}</div>
                    {v.contactPhone && (
                      <div className="re-cell-sub re-mono">
                        <PhoneOutlined /> {v.contactPhone}
                      </div>
                    )}
                  </div>
                ) : (
                  '—'
                ),
            },
            ...(canWrite || canCalendar
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: canWrite && canCalendar ? 210 : 130,
                    render: (_: unknown, v: Venue) => (
                      <Space size={0}>
                        {canCalendar && (
                          <Button
                            type="link"
                            size="small"
                            icon={<FieldTimeOutlined />}
                            onClick={() => navigate(`/venues/calendar/${v.id}`)}
                          >
                            {t('venueCal.calendarLink')}
                          </Button>
                        )}
                        {canWrite && (
                          <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', venue: v })}>
                            {t('common.edit')}
                          </Button>
                        )}
                        {canWrite && (
                          <Popconfirm
                            title={t('venue.deleteConfirm', { name: v.name })}
                            okButtonProps={{ danger: true }}
                            okText={t('common.delete')}
                            onConfirm={() =>
                              remove.mutate(v.id, {
                                onSuccess: () => message.success(t('venue.deleted', { name: v.name })),
                              })
                            }
                          >
                            <Button type="link" size="small" danger>
                              {t('common.delete')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <VenueFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
    </PageContainer>
  );
}
