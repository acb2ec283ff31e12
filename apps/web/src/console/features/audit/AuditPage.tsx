import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEvent } from '@red-engine/shared';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { QueryParams } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { fromBeijing } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { AuditDetailDrawer } from './AuditDetailDrawer';
import { auditApi, auditKeys } from './api';
import { auditColumns } from './columns';
import { VerifyChainButton } from './VerifyChainButton';

interface FilterValues {
  action?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ENTITY_SUGGESTIONS = ['organization', 'user', 'api_token', 'audit_events'];
const ACTION_SUGGESTIONS = ['org.', 'user.', 'account.', 'auth.', 'auth.login', 'sensitive.read', 'audit.export'];

function toParams(v: FilterValues): QueryParams {
  return {
    action: v.action?.trim() || undefined,
    entity: v.entity?.trim() || undefined,
    entityId: v.entityId?.trim() || undefined,
    from: v.range?.[0] ? fromBeijing(v.range[0]) : undefined,
    to: v.range?.[1] ? fromBeijing(v.range[1]) : undefined,
  };
}

/** 审计日志: every change and sensitive read, filterable, exportable, and verifiable as a hash chain. */
export default function AuditPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<QueryParams>({});
  const [detail, setDetail] = useState<AuditEvent | null>(null);
  const table = useProTable<AuditEvent>({ queryKey: auditKeys.lists(), request: auditApi.list, params: filters });

  return (
    <PageContainer
      title={t('menu.audit')}
      extra={
        <Space>
          {can('audit:verify') && <VerifyChainButton />}
          {can('audit:export') && (
            <Button icon={<DownloadOutlined />} onClick={() => window.location.assign(auditApi.exportUrl(filters))}>
              {t('audit.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Card className="re-search-card">
        <Form
          form={form}
          name="audit-filter"
          layout="inline"
          onFinish={(v) => setFilters(toParams(v))}
          className="re-search-form"
        >
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              style={{ width: 220 }}
              options={ACTION_SUGGESTIONS.map((value) => ({ value }))}
            />
          </Form.Item>
          <Form.Item name="entity" label={t('audit.entity')}>
            <AutoComplete
              allowClear
              placeholder={t('audit.entityPlaceholder')}
              style={{ width: 160 }}
              options={ENTITY_SUGGESTIONS.map((value) => ({ value }))}
            />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.timeRange')}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Table<AuditEvent>
          rowKey="seq"
          size="middle"
          columns={auditColumns(t, setDetail)}
          scroll={{ x: 1100 }}
          expandable={{
            expandedRowRender: (e) => (
              <pre className="re-json re-json-inline">
                {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
              </pre>
            ),
            rowExpandable: (e) => e.before !== null || e.after !== null,
          }}
          {...table.tableProps}
          pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        />
      </Card>
      <AuditDetailDrawer event={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
