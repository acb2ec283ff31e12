import type { AuditEvent } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Empty, Pagination, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { type Translate, useI18n } from '../../../lib/i18n';
import { TONE_HEX } from '../../../lib/member-labels';
import { formatDateTime } from '../../../lib/time';
import { ActionTag } from '../audit/ActionTag';
import { orgApi, orgKeys } from './api';

type Rec = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The facts worth a line under an event: the new parent, the receiving organization, the reason, a name. */
function detailLines(e: AuditEvent, t: Translate): string[] {
  const after = (e.after ?? {}) as Rec;
  const before = (e.before ?? {}) as Rec;
  const lines: string[] = [];
  const parent = str(after.parentName);
  if (e.action === 'org.move' && parent) lines.push(t('orgHistory.newParent', { name: parent }));
  const into = str(after.intoName);
  if (into) lines.push(t('orgHistory.into', { name: into }));
  if (typeof after.organizationsMoved === 'number' && after.organizationsMoved > 1)
    lines.push(t('orgHistory.orgsMoved', { n: after.organizationsMoved }));
  const splitFrom = str(after.splitFromName);
  if (splitFrom) lines.push(t('orgHistory.splitFrom', { name: splitFrom }));
  if (e.action === 'org.split' && Array.isArray(after.newOrgs))
    lines.push(
      t('orgHistory.splitInto', {
        names: (after.newOrgs as Rec[])
          .map((o) => str(o.name))
          .filter(Boolean)
          .join('、'),
      }),
    );
  if (e.action === 'org.project_end' && Array.isArray(after.membersReturned))
    lines.push(t('orgHistory.returned', { n: after.membersReturned.length }));
  if (e.action === 'org.rename' && str(before.name) && str(after.name) !== str(before.name))
    lines.push(t('orgHistory.renamed', { from: str(before.name) ?? '', to: str(after.name) ?? '' }));
  const reason = str(after.dissolvedReason) ?? str(after.reason);
  if (reason) lines.push(t('orgHistory.reason', { reason }));
  if (typeof after.termNumber === 'number') lines.push(t('orgHistory.term', { n: after.termNumber }));
  const name = str(after.name);
  if (name && e.entity === 'member') lines.push(t('orgHistory.member', { name }));
  else if (name && name !== str(before.name) && e.action !== 'org.move' && e.action !== 'org.rename')
    lines.push(t('orgHistory.name', { name }));
  return lines;
}

function tone(action: string): string {
  if (/dissolve|delete/.test(action)) return TONE_HEX.red ?? '#c8102e';
  if (/project_end/.test(action)) return TONE_HEX.red ?? '#c8102e';
  if (/move|merge|split/.test(action)) return TONE_HEX.orange ?? '#fa8c16';
  if (/create|elect/.test(action)) return TONE_HEX.green ?? '#52c41a';
  return TONE_HEX.blue ?? '#1677ff';
}

/** 历史沿革: the organization's audited events (its own, its committees', unit links and member moves). */
export function OrgHistoryTab({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const history = useQuery({
    queryKey: [...orgKeys.history(orgId), page],
    queryFn: () => orgApi.history(orgId, page),
  });
  if (history.isPending) return <Spin className="re-center" />;
  const events = history.data?.data ?? [];
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgHistory.empty')} />;
  return (
    <>
      <Timeline
        className="re-history"
        items={events.map((e) => ({
          key: e.seq,
          color: tone(e.action),
          content: (
            <div className="re-history-item">
              <div className="re-history-head">
                <span className="re-history-date re-mono">{formatDateTime(e.occurredAt)}</span>
                <ActionTag action={e.action} />
              </div>
              {detailLines(e, t).map((l) => (
                <div key={l} className="re-history-detail">
                  {l}
                </div>
              ))}
              {e.actorName && (
                <Typography.Text type="secondary" className="re-history-meta">
                  {t('orgHistory.by', { name: e.actorName })}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
      <Pagination
        size="small"
        align="end"
        current={page.current}
        pageSize={page.pageSize}
        total={history.data?.total ?? 0}
        showTotal={(total) => t('common.total', { total })}
        onChange={(current, pageSize) => setPage({ current, pageSize })}
      />
    </>
  );
}
