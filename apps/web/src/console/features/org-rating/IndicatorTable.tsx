import { FileOutlined, InfoCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { OrgRatingDetail, RatingIndicatorScore } from '@red-engine/shared';
import { Button, Input, InputNumber, Popover, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../lib/i18n';
import { ratingApi } from './api';
import { fmtPct, fmtScore } from './labels';

export type Draft = Record<string, { points?: number | null; adjustment?: number | null; reason?: string | null }>;
export type EditMode = 'self' | 'review' | null;

const clamp = (v: number, max: number) => Math.round(Math.min(max, Math.max(0, v)) * 10) / 10;

/** What a computed metric looks like: rates as %, points as points. */
function metric(row: RatingIndicatorScore) {
  const v = row.computed?.value;
  if (v === null || v === undefined) return null;
  return row.indicator.source === 'member_points' ? v.toFixed(1) : fmtPct(v);
}

/**
 * 指标评分: per indicator the maximum and criteria, what the data says (with why), the self-assessment, the
 * reviews (and their mean), and the evidence. In self or review mode the caller's own column is editable:
 * computed indicators take an adjustment with a reason, the others take points.
 */
export function IndicatorTable({
  rating,
  mode,
  draft,
  onDraft,
  myId,
  onUpload,
  onRemoveEvidence,
}: {
  rating: OrgRatingDetail;
  mode: EditMode;
  draft: Draft;
  onDraft: (indicatorId: string, patch: Draft[string]) => void;
  myId: string;
  onUpload: (indicatorId: string, file: File) => void;
  onRemoveEvidence: (fileId: string) => void;
}) {
  const { t, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const reviewerName = new Map(rating.reviewerList.map((r) => [r.userId, r.name]));

  /** The editable cell of the caller's own column. */
  const editor = (
    row: RatingIndicatorScore,
    saved: { points: number | null; adjustment: number | null; reason: string | null } | null,
  ) => {
    const id = row.indicator.id;
    const d = { ...saved, ...draft[id] };
    const computed = row.computed?.points ?? null;
    if (computed !== null) {
      const adj = d.adjustment ?? 0;
      return (
        <div className="rating-edit">
          <Space size={4}>
            <InputNumber
              size="small"
              step={0.5}
              min={-row.indicator.maxPoints}
              max={row.indicator.maxPoints}
              value={adj}
              onChange={(v) => onDraft(id, { adjustment: v ?? 0 })}
              prefix={adj > 0 ? '+' : undefined}
              aria-label={t('rating.adjustmentOf', { name: row.indicator.nameZh })}
              style={{ width: 92 }}
            />
            <Typography.Text type="secondary">= {clamp(computed + adj, row.indicator.maxPoints)}</Typography.Text>
          </Space>
          {adj !== 0 && (
            <Input
              size="small"
              placeholder={t('rating.adjustmentReason')}
              value={d.reason ?? ''}
              onChange={(e) => onDraft(id, { reason: e.target.value })}
              status={d.reason?.trim() ? undefined : 'warning'}
              maxLength={500}
            />
          )}
        </div>
      );
    }
    return (
      <div className="rating-edit">
        <InputNumber
          size="small"
          min={0}
          max={row.indicator.maxPoints}
          step={0.5}
          value={d.points ?? null}
          onChange={(v) => onDraft(id, { points: v })}
          aria-label={t('rating.pointsOf', { name: row.indicator.nameZh })}
          placeholder={`0–${row.indicator.maxPoints}`}
          style={{ width: 92 }}
        />
        <Input
          size="small"
          placeholder={t('rating.noteOptional')}
          value={d.reason ?? ''}
          onChange={(e) => onDraft(id, { reason: e.target.value })}
          maxLength={500}
        />
      </div>
    );
  };

  const entry = (e: { points: number | null; adjustment: number | null; reason: string | null } | null) =>
    e ? (
      <div>
        <Typography.Text strong>{fmtScore(e.points)}</Typography.Text>
        {e.adjustment ? (
          <Tag className="rating-adj" color={e.adjustment > 0 ? 'red' : 'default'}>
            {e.adjustment > 0 ? '+' : ''}
            {e.adjustment}
          </Tag>
        ) : null}
        {e.reason && <div className="rating-reason">{e.reason}</div>}
      </div>
    ) : (
      <span className="re-muted">—</span>
    );

  const columns: ColumnsType<RatingIndicatorScore> = [
    {
      title: t('rating.indicator'),
      key: 'indicator',
      width: 160,
      render: (_, r) => (
        <div>
          <Space size={6}>
            <Typography.Text strong>{zh ? r.indicator.nameZh : r.indicator.nameEn}</Typography.Text>
            <Popover
              title={zh ? r.indicator.nameZh : r.indicator.nameEn}
              content={
                <div className="rating-criteria">
                  {zh ? r.indicator.criteriaZh : r.indicator.criteriaEn || r.indicator.criteriaZh}
                </div>
              }
            >
              <InfoCircleOutlined className="re-muted" aria-label={t('rating.criteria')} />
            </Popover>
          </Space>
          <div className="rating-ind-meta">
            {t('rating.maxPoints', { n: r.indicator.maxPoints })}
            {r.indicator.kind === 'bonus' && <Tag color="gold">{t('rating.bonus')}</Tag>}
            {r.indicator.evidenceRequired && <Tag>{t('rating.evidenceRequired')}</Tag>}
          </div>
        </div>
      ),
    },
    {
      title: (
        <Tooltip title={t('rating.computedHelp')}>
          {t('rating.computed')} <InfoCircleOutlined />
        </Tooltip>
      ),
      key: 'computed',
      width: 250,
      render: (_, r) =>
        !r.indicator.source ? (
          <Typography.Text type="secondary">{t('rating.manual')}</Typography.Text>
        ) : (
          <div className="rating-computed">
            <Space size={6}>
              <Typography.Text strong className="rating-computed-points">
                {r.computed?.points === null || r.computed?.points === undefined
                  ? t('rating.notComputable')
                  : t('rating.pointsN', { n: r.computed.points })}
              </Typography.Text>
              {metric(r) && <Tag color="blue">{metric(r)}</Tag>}
            </Space>
            <div className="rating-why">
              <span className="rating-why-label">{t('rating.why')}</span>
              {r.computed ? (zh ? r.computed.whyZh : r.computed.whyEn) : t('rating.notComputedYet')}
            </div>
          </div>
        ),
    },
    {
      title: t('rating.selfCol'),
      key: 'self',
      width: 150,
      render: (_, r) => (mode === 'self' ? editor(r, r.self) : entry(r.self)),
    },
    {
      title: t('rating.reviewCol'),
      key: 'review',
      width: 160,
      render: (_, r) => {
        const mine = r.reviews.find((x) => x.reviewerId === myId) ?? null;
        if (mode === 'review') return editor(r, mine);
        if (r.reviewMean === null) return <span className="re-muted">—</span>;
        return (
          <Popover
            title={t('rating.reviewersScores')}
            content={
              <div className="rating-reviews">
                {r.reviews.map((x) => (
                  <div key={x.reviewerId}>
                    {reviewerName.get(x.reviewerId) ?? x.byName}：{fmtScore(x.points)}
                    {x.reason ? `（${x.reason}）` : ''}
                  </div>
                ))}
              </div>
            }
          >
            <Typography.Text strong className="rating-mean">
              {fmtScore(r.reviewMean)}
            </Typography.Text>
            {r.reviews.length > 1 && (
              <Typography.Text type="secondary"> {t('rating.meanOf', { n: r.reviews.length })}</Typography.Text>
            )}
          </Popover>
        );
      },
    },
    {
      title: t('rating.evidence'),
      key: 'evidence',
      width: 180,
      render: (_, r) => (
        <div className="rating-evidence">
          {r.evidence.map((e) => (
            <div key={e.id} className="rating-evidence-file">
              <a href={ratingApi.evidenceUrl(e.id)} target="_blank" rel="noreferrer">
                <FileOutlined /> {e.fileName}
              </a>
              {mode === 'self' && (
                <Button type="link" size="small" danger onClick={() => onRemoveEvidence(e.id)}>
                  {t('common.delete')}
                </Button>
              )}
            </div>
          ))}
          {mode === 'self' && (
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              beforeUpload={(file) => {
                onUpload(r.indicator.id, file);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                {t('rating.upload')}
              </Button>
            </Upload>
          )}
          {r.evidence.length === 0 && mode !== 'self' && <span className="re-muted">—</span>}
        </div>
      ),
    },
  ];

  return (
    <Table<RatingIndicatorScore>
      rowKey={(r) => r.indicator.id}
      size="middle"
      columns={columns}
      dataSource={rating.indicators}
      pagination={false}
      scroll={{ x: 900 }}
      summary={() => (
        <Table.Summary.Row className="rating-summary-row">
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{t('rating.totalRow', { max: rating.scheme.maxScore })}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} />
          <Table.Summary.Cell index={2}>
            <Typography.Text strong>{fmtScore(rating.selfTotals?.total)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3}>
            <Typography.Text strong>{fmtScore(rating.reviewTotals?.total ?? rating.score)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} />
        </Table.Summary.Row>
      )}
    />
  );
}
