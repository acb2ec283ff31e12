import { BulbOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import {
  type CampaignDetail,
  checkExcellentQuota,
  excellentQuota,
  MEMBER_GRADES,
  type MemberGrade,
  type MemberResultRow,
  resultsVisible,
} from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi, evaluationKeys } from './api';
import { GradeTag, TallyBar } from './labels';

/**
 * 计票与等次: each member's ballots, the suggested grade, the branch's proposal (editable after the count, until it
 * is submitted) and the confirmed grade; the 1/3 check follows the draft as it is edited.
 */
export function GradesTab({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const visible = resultsVisible(c.status);
  const results = useQuery({
    queryKey: evaluationKeys.results(c.id),
    queryFn: () => evaluationApi.results(c.id),
    enabled: visible,
  });
  const r = results.data?.kind === 'member_evaluation' ? results.data : null;
  const editable = c.canManage && c.status === 'closed';
  const [draft, setDraft] = useState<Record<string, MemberGrade | null>>({});
  useEffect(() => {
    if (r) setDraft(Object.fromEntries(r.rows.filter((x) => x.graded).map((x) => [x.subjectId, x.proposedGrade])));
  }, [r]);
  const denominator = r?.quota.denominator ?? 3;
  const graded = useMemo(() => (r?.rows ?? []).filter((x) => x.graded), [r]);
  const check = checkExcellentQuota(
    graded.map((x) => draft[x.subjectId] ?? null),
    denominator,
  );
  const excellent = graded.filter((x) => draft[x.subjectId] === 'excellent').length;
  const max = excellentQuota(graded.length, denominator);
  const save = useMutation({
    mutationFn: () =>
      evaluationApi.propose(c.id, {
        proposals: graded.map((x) => ({ subjectId: x.subjectId, grade: draft[x.subjectId] ?? null })),
      }),
    onSuccess: () => {
      message.success(t('ev.proposalsSaved'));
      queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    },
    onError: reportError,
  });

  if (!visible)
    return <Empty image={<LockOutlined className="re-ev-empty-icon" />} description={t('ev.resultsHidden')} />;

  const quotaText = t('ev.quota', { graded: graded.length, max, denominator, excellent });
  const alert =
    !check.ok && check.reason === 'over'
      ? { type: 'error' as const, text: t('ev.quotaOver', { excellent, denominator, max }) }
      : !check.ok && check.reason === 'missing'
        ? { type: 'warning' as const, text: `${quotaText}；${t('ev.quotaMissing', { missing: check.missing })}` }
        : { type: 'success' as const, text: `${quotaText}；${t('ev.quotaOk')}` };

  return (
    <>
      <Alert type={alert.type} showIcon className="re-modal-alert" title={alert.text} data-testid="ev-quota" />
      {editable && (
        <Space className="re-ev-toolbar">
          <Button
            icon={<BulbOutlined />}
            onClick={() => setDraft(Object.fromEntries(graded.map((x) => [x.subjectId, x.suggestedGrade])))}
          >
            {t('ev.applySuggestions')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()}>
            {t('ev.saveProposals')}
          </Button>
          <Typography.Text type="secondary">{t('ev.suggestHelp')}</Typography.Text>
        </Space>
      )}
      <Table<MemberResultRow>
        rowKey="subjectId"
        size="middle"
        loading={results.isPending}
        dataSource={r?.rows ?? []}
        pagination={(r?.rows.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('ev.col.name'), dataIndex: 'name', width: 100 },
          {
            title: t('ev.col.tally'),
            key: 'tally',
            render: (_, row) =>
              row.graded ? (
                <TallyBar tally={row.tally} kind="member_evaluation" />
              ) : (
                <span className="re-muted">{t('ev.notGraded')}</span>
              ),
          },
          { title: t('ev.col.total'), dataIndex: 'total', width: 70, align: 'right' },
          {
            title: t('ev.col.suggested'),
            dataIndex: 'suggestedGrade',
            width: 110,
            render: (g: MemberGrade | null, row) => (row.graded ? <GradeTag grade={g} /> : null),
          },
          {
            title: t('ev.col.proposed'),
            key: 'proposed',
            width: 150,
            render: (_, row) =>
              !row.graded ? null : editable ? (
                <Select<MemberGrade>
                  size="small"
                  style={{ width: 130 }}
                  aria-label={`${t('ev.col.proposed')} ${row.name}`}
                  value={draft[row.subjectId] ?? undefined}
                  allowClear
                  onChange={(v) => setDraft((d) => ({ ...d, [row.subjectId]: v ?? null }))}
                  options={MEMBER_GRADES.map((g) => ({ value: g, label: t(`ev.grade.${g}`) }))}
                />
              ) : (
                <GradeTag grade={row.proposedGrade} />
              ),
          },
          {
            title: t('ev.col.final'),
            dataIndex: 'finalGrade',
            width: 110,
            render: (g: MemberGrade | null, row) => (row.graded ? <GradeTag grade={g} /> : null),
          },
        ]}
      />
    </>
  );
}
