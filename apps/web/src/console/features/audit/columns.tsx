import type { AuditEvent } from '@red-engine/shared';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../../lib/i18n';
import { formatDateTimeSeconds } from '../../../lib/time';
import { ActionTag } from './ActionTag';

export function auditColumns(t: Translate, open: (e: AuditEvent) => void): ColumnsType<AuditEvent> {
  return [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      width: 90,
      render: (v: number) => <span className="re-mono">#{v}</span>,
    },
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      width: 180,
      render: (v: string) => formatDateTimeSeconds(v),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (v: string | null) => v ?? <span className="re-muted">{t('audit.system')}</span>,
    },
    { title: t('audit.action'), dataIndex: 'action', width: 220, render: (v: string) => <ActionTag action={v} /> },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (_, e) => (
        <div>
          <span>{e.entity}</span>
          {e.entityId && (
            <Typography.Text type="secondary" className="re-cell-sub re-mono" ellipsis={{ tooltip: e.entityId }}>
              {e.entityId}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, e) => (
        <Button type="link" size="small" onClick={() => open(e)} aria-label={`${t('common.detail')} #${e.seq}`}>
          {t('common.detail')}
        </Button>
      ),
    },
  ];
}
