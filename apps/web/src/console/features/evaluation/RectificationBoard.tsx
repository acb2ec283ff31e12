import type { Rectification, RectificationSummary } from '@red-engine/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useProTable } from '../../../lib/pro-table';
import { formatBeijingDate } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { type OrgOption, OrgTreeSelect } from '../../components/OrgTreeSelect';
import { AttachmentLinks, UploadButton } from './Attachments';
import { evaluationApi, evaluationKeys } from './api';
import { RectStateTag } from './labels';
import { RectificationUpdateModal } from './RectificationModals';
import { TextModal } from './TextModal';

type State = Rectification['state'];

/**
 * 整改清单 board: the counts (open, in progress, closed, overdue, due soon) and the items in scope — of one campaign
 * or of all — with progress updates, evidence, 销号 and reopening.
 */
export function RectificationBoard({ campaignId }: { campaignId?: string }) {
  const { t } = useI18n();
  const { can } = useAccess();
  const queryClient = useQueryClient();
  const write = can('evaluation:manage');
  const [state, setState] = useState<State>();
  const [org, setOrg] = useState<OrgOption>();
  const [keyword, setKeyword] = useState('');
  const [editing, setEditing] = useState<Rectification | null>(null);
  const [closing, setClosing] = useState<Rectification | null>(null);
  const [reopening, setReopening] = useState<Rectification | null>(null);
  const summary = useQuery({
    queryKey: evaluationKeys.summary(campaignId),
    queryFn: () => evaluationApi.summary(campaignId),
  });
  const table = useProTable<Rectification>({
    queryKey: [...evaluationKeys.rectifications(), campaignId ?? 'all'],
    request: evaluationApi.rectifications,
    params: { campaignId, state, orgId: org?.value, keyword: keyword.trim() || undefined },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all });

  const columns: TableColumnsType<Rectification> = [
    {
      title: t('ev.col.org'),
      key: 'org',
      width: 180,
      render: (_, r) => (
        <div>
          <div>{r.orgName}</div>
          <Typography.Text type="secondary" className="re-ev-small">
            {r.subjectName}
            {!campaignId && ` · ${r.year}`}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('ev.col.problem'),
      key: 'problem',
      render: (_, r) => (
        <div>
          <div>{r.problem}</div>
          {r.measure && (
            <Typography.Text type="secondary" className="re-ev-small">
              {t('ev.col.measure')}：{r.measure}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('ev.col.owner'), dataIndex: 'ownerName', width: 80 },
    { title: t('ev.col.due'), dataIndex: 'dueOn', width: 100 },
    {
      title: t('ev.col.rectStatus'),
      key: 'state',
      width: 110,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <span>{t(`ev.rect.${r.status}`)}</span>
          <RectStateTag r={r} />
        </Space>
      ),
    },
    {
      title: t('ev.col.progress'),
      key: 'progress',
      width: 220,
      render: (_, r) => (
        <div>
          {r.status === 'closed' ? (
            <div>
              {r.closingNote}
              <Typography.Text type="secondary" className="re-ev-small">
                {' '}
                · {r.closedByName} {formatBeijingDate(r.closedAt)}
              </Typography.Text>
            </div>
          ) : (
            (r.progressNote ?? <span className="re-muted">—</span>)
          )}
          {r.attachments.length > 0 && <AttachmentLinks files={r.attachments} />}
        </div>
      ),
    },
    ...(write
      ? [
          {
            title: t('ev.col.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, r: Rectification) =>
              r.status === 'closed' ? (
                <Button size="small" onClick={() => setReopening(r)}>
                  {t('ev.rect.reopen')}
                </Button>
              ) : (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('ev.rect.update')}
                  </Button>
                  <UploadButton
                    label={t('ev.rect.evidence')}
                    upload={(file) => evaluationApi.uploadEvidence(r.id, file)}
                    onDone={refresh}
                  />
                  <Button size="small" type="primary" onClick={() => setClosing(r)}>
                    {t('ev.rect.close')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <div className="re-ev-board">
      <SummaryStrip s={summary.data} active={state} onPick={setState} />
      <div className="re-filter-bar">
        {!campaignId && (
          <OrgTreeSelect
            allowClear
            value={org}
            onChange={setOrg}
            placeholder={t('ev.filterOrg')}
            aria-label={t('ev.filterOrg')}
          />
        )}
        <Select<State>
          allowClear
          aria-label={t('ev.board.filterState')}
          placeholder={t('ev.board.filterState')}
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={[
            { value: 'overdue', label: t('ev.board.overdue') },
            { value: 'due_soon', label: t('ev.board.dueSoon') },
            { value: 'on_track', label: t('ev.rectState.on_track') },
            { value: 'closed', label: t('ev.board.closed') },
          ]}
        />
        <Input.Search
          allowClear
          aria-label={t('common.keyword')}
          placeholder={t('ev.board.keyword')}
          style={{ width: 240 }}
          onSearch={setKeyword}
        />
      </div>
      <Table<Rectification>
        rowKey="id"
        size="middle"
        scroll={{ x: 1140 }}
        {...table.tableProps}
        locale={{ emptyText: t('ev.board.empty') }}
        pagination={{ ...table.tableProps.pagination, showTotal: (total) => t('common.total', { total }) }}
        columns={columns}
        rowClassName={(r) => (r.state === 'overdue' ? 're-ev-overdue-row' : '')}
      />
      <RectificationUpdateModal item={editing} onClose={() => setEditing(null)} onSaved={refresh} />
      <TextModal
        open={Boolean(closing)}
        title={`${t('ev.rect.closeTitle')} · ${closing?.orgName ?? ''}`}
        label={t('ev.rect.closingNote')}
        maxLength={2_000}
        rows={4}
        extra={closing && <AttachmentLinks files={closing.attachments} />}
        onClose={() => setClosing(null)}
        onSubmit={async (note) => {
          await evaluationApi.closeRectification(closing!.id, note);
          refresh();
        }}
      />
      <TextModal
        open={Boolean(reopening)}
        title={t('ev.rect.reopenTitle')}
        label={t('ev.rect.reopenReason')}
        maxLength={500}
        rows={3}
        onClose={() => setReopening(null)}
        onSubmit={async (reason) => {
          await evaluationApi.reopenRectification(reopening!.id, reason);
          refresh();
        }}
      />
    </div>
  );
}

function SummaryStrip({
  s,
  active,
  onPick,
}: {
  s: RectificationSummary | undefined;
  active: State | undefined;
  onPick: (s: State | undefined) => void;
}) {
  const { t } = useI18n();
  const cells: { key: string; label: string; value: number | undefined; state?: State; tone?: string }[] = [
    { key: 'total', label: t('ev.board.total'), value: s?.total },
    { key: 'open', label: t('ev.board.open'), value: s?.open },
    { key: 'inProgress', label: t('ev.board.inProgress'), value: s?.inProgress },
    { key: 'closed', label: t('ev.board.closed'), value: s?.closed, state: 'closed', tone: 'green' },
    { key: 'overdue', label: t('ev.board.overdue'), value: s?.overdue, state: 'overdue', tone: 'red' },
    { key: 'dueSoon', label: t('ev.board.dueSoon'), value: s?.dueSoon, state: 'due_soon', tone: 'orange' },
  ];
  return (
    <div className="re-ev-strip">
      {cells.map((c) => (
        <button
          key={c.key}
          type="button"
          className="re-ev-strip-cell"
          data-tone={c.tone}
          data-active={c.state !== undefined && c.state === active}
          disabled={!c.state}
          onClick={() => onPick(active === c.state ? undefined : c.state)}
        >
          <output aria-label={c.label}>{c.value ?? '—'}</output>
          <span className="re-ev-strip-label">{c.label}</span>
        </button>
      ))}
    </div>
  );
}
