import { LockOutlined } from '@ant-design/icons';
import { type CampaignDetail, resultsVisible, type SecretaryResultRow } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { evaluationApi, evaluationKeys } from './api';
import { ChoiceTag, percentText, TallyBar } from './labels';

/** 测评结果: counts per secretary, satisfaction (好 + 较好) against the thresholds, the overall grade; items below. */
export function SecretaryResultsTab({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const visible = resultsVisible(c.status);
  const results = useQuery({
    queryKey: evaluationKeys.results(c.id),
    queryFn: () => evaluationApi.results(c.id),
    enabled: visible,
  });
  if (!visible)
    return <Empty image={<LockOutlined className="re-ev-empty-icon" />} description={t('ev.resultsHidden')} />;
  const r = results.data?.kind === 'secretary_review' ? results.data : null;
  const th = r?.thresholds;
  return (
    <>
      {th && (
        <Typography.Paragraph type="secondary" className="re-ev-note">
          {t('ev.form.thresholds')}：{t('ev.choice.good')} ≥ {th.good}% · {t('ev.choice.fairly_good')} ≥ {th.fairlyGood}
          % · {t('ev.choice.average')} ≥ {th.average}% · {t('ev.form.thresholdsHelp')}
        </Typography.Paragraph>
      )}
      <Table<SecretaryResultRow>
        rowKey="subjectId"
        size="middle"
        loading={results.isPending}
        dataSource={r?.rows ?? []}
        pagination={false}
        scroll={{ x: 980 }}
        expandable={
          r && r.items.length > 0
            ? {
                expandedRowRender: (row) => (
                  <Table
                    rowKey="key"
                    size="small"
                    pagination={false}
                    className="re-ev-items"
                    dataSource={row.items}
                    columns={[
                      {
                        title: t('ev.itemsTitle'),
                        dataIndex: 'key',
                        width: 260,
                        render: (k: string) => r.items.find((i) => i.key === k)?.label ?? k,
                      },
                      {
                        title: t('ev.col.tally'),
                        key: 'tally',
                        render: (_, it) => <TallyBar tally={it.tally} kind="secretary_review" />,
                      },
                      {
                        title: t('ev.col.satisfaction'),
                        dataIndex: 'satisfactionPercent',
                        width: 100,
                        align: 'right',
                        render: percentText,
                      },
                    ]}
                  />
                ),
              }
            : undefined
        }
        columns={[
          { title: t('ev.col.org'), dataIndex: 'orgName', ellipsis: true, width: 240 },
          { title: t('ev.col.secretary'), dataIndex: 'name', width: 90 },
          {
            title: t('ev.col.tally'),
            key: 'tally',
            render: (_, row) => <TallyBar tally={row.tally} kind="secretary_review" />,
          },
          { title: t('ev.col.total'), dataIndex: 'total', width: 70, align: 'right' },
          {
            title: t('ev.col.satisfaction'),
            dataIndex: 'satisfactionPercent',
            width: 120,
            align: 'right',
            sorter: (a, b) => (a.satisfactionPercent ?? -1) - (b.satisfactionPercent ?? -1),
            render: percentText,
          },
          {
            title: t('ev.col.resultGrade'),
            dataIndex: 'grade',
            width: 120,
            render: (g: SecretaryResultRow['grade']) => <ChoiceTag choice={g} />,
          },
        ]}
      />
    </>
  );
}
