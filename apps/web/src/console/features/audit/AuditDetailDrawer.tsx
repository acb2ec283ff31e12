import type { AuditEvent } from '@red-engine/shared';
import { Collapse, Descriptions, Drawer, Empty, Table, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatBeijing } from '../../../lib/time';
import { ActionTag } from './ActionTag';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field-by-field comparison of the top-level keys of before/after. */
function diff(before: unknown, after: unknown): ChangeRow[] {
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
}

export function AuditDetailDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useI18n();
  const rows = event ? diff(event.before, event.after) : [];
  const changed = rows.filter((r) => r.changed);
  return (
    <Drawer
      open={Boolean(event)}
      onClose={onClose}
      size={720}
      title={event ? t('audit.detailTitle', { seq: event.seq }) : ''}
    >
      {event && (
        <>
          <Descriptions column={1} size="small" bordered className="re-audit-desc">
            <Descriptions.Item label={t('audit.occurredAt')}>
              {formatBeijing(event.occurredAt, 'YYYY-MM-DD HH:mm:ss.SSS')}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>
              {event.actorName ?? t('audit.system')}
              {event.actorId && <span className="re-muted re-mono"> ({event.actorId})</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              <ActionTag action={event.action} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entity')}>{event.entity}</Descriptions.Item>
            <Descriptions.Item label={t('audit.entityId')}>
              <span className="re-mono">{event.entityId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{event.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.requestId')}>
              <span className="re-mono">{event.requestId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.hash')}>
              <Typography.Text className="re-mono re-hash" copyable>
                {event.hash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.prevHash')}>
              <span className="re-mono re-hash">{event.prevHash}</span>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} className="re-section-title">
            {t('audit.changes')}
          </Typography.Title>
          {changed.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noChanges')} />
          ) : (
            <Table<ChangeRow>
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={changed}
              columns={[
                { title: t('audit.field'), dataIndex: 'field', width: 140, render: (v: string) => <code>{v}</code> },
                {
                  title: t('audit.before'),
                  dataIndex: 'before',
                  render: (v: unknown) => <span className="re-diff-before">{show(v)}</span>,
                },
                {
                  title: t('audit.after'),
                  dataIndex: 'after',
                  render: (v: unknown) => <span className="re-diff-after">{show(v)}</span>,
                },
              ]}
            />
          )}

          <Collapse
            className="re-raw-json"
            size="small"
            items={[
              {
                key: 'raw',
                label: t('audit.raw'),
                children: (
                  <div className="re-json-grid">
                    <div>
                      <div className="re-json-label">{t('audit.before')}</div>
                      <pre className="re-json">{JSON.stringify(event.before, null, 2) ?? 'null'}</pre>
                    </div>
                    <div>
                      <div className="re-json-label">{t('audit.after')}</div>
                      <pre className="re-json">{JSON.stringify(event.after, null, 2) ?? 'null'}</pre>
                    </div>
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
