import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { CampaignDetail, Subject } from '@red-engine/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi, evaluationKeys } from './api';
import { GradeTag } from './labels';
import { TextModal } from './TextModal';

/** 党员自评与互评: each member's self-assessment (written on H5) and the branch's summary of the peer assessment. */
export function MembersTab({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ kind: 'self' | 'peer'; s: Subject } | null>(null);
  const editable = c.canManage && c.status !== 'submitted' && c.status !== 'confirmed';
  const s = dialog?.s;
  return (
    <>
      <Table<Subject>
        rowKey="id"
        size="middle"
        dataSource={c.subjects}
        pagination={c.subjects.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('ev.col.name'), dataIndex: 'name', width: 110 },
          {
            title: t('ev.col.category'),
            dataIndex: 'category',
            width: 170,
            render: (cat: string | null, row) => (
              <Space size={4}>
                <Tag color={cat === 'probationary' ? 'gold' : 'default'}>
                  {t(cat === 'probationary' ? 'ev.category.probationary' : 'ev.category.full')}
                </Tag>
                {!row.graded && <Typography.Text type="secondary">{t('ev.notGraded')}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('ev.col.self'),
            key: 'self',
            width: 160,
            render: (_, row) =>
              row.selfAssessment ? (
                <Space size={4}>
                  <Tag icon={<CheckCircleFilled />} color="green">
                    {t('ev.reportSubmitted')}
                  </Tag>
                  <Typography.Link onClick={() => setDialog({ kind: 'self', s: row })}>
                    {t('ev.viewReport')}
                  </Typography.Link>
                </Space>
              ) : (
                <Tag icon={<ClockCircleOutlined />}>{t('ev.reportMissing')}</Tag>
              ),
          },
          {
            title: t('ev.col.peer'),
            dataIndex: 'peerSummary',
            ellipsis: true,
            render: (v: string | null) => v ?? <span className="re-muted">—</span>,
          },
          {
            title: t('ev.col.final'),
            dataIndex: 'finalGrade',
            width: 110,
            render: (g: Subject['finalGrade'], row) =>
              row.graded ? <GradeTag grade={g} /> : <span className="re-muted">{t('ev.notGraded')}</span>,
          },
          ...(editable
            ? [
                {
                  title: t('ev.col.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, row: Subject) => (
                    <Button size="small" onClick={() => setDialog({ kind: 'peer', s: row })}>
                      {t('ev.peerAction')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TextModal
        open={dialog?.kind === 'self'}
        readOnly
        title={t('ev.selfModalTitle', { name: s?.name ?? '' })}
        label={t('ev.col.self')}
        initial={s?.selfAssessment}
        maxLength={5_000}
        rows={8}
        onClose={() => setDialog(null)}
        onSubmit={async () => undefined}
      />
      <TextModal
        open={dialog?.kind === 'peer'}
        title={t('ev.peerModalTitle', { name: s?.name ?? '' })}
        label={t('ev.peerText')}
        initial={s?.peerSummary}
        maxLength={2_000}
        required={false}
        onClose={() => setDialog(null)}
        onSubmit={async (peerSummary) => {
          await evaluationApi.updateSubject(s!.id, { peerSummary: peerSummary || null });
          queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
        }}
      />
    </>
  );
}
