import { PlusOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import type { OrgRatingDetail } from '@red-engine/shared';
import { Button, Card, Empty, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useCandidates } from './api';
import { StarTimeline } from './StarHistory';

export type PanelActions = {
  assign: (userId: string) => void;
  unassign: (userId: string) => void;
  veto: (ruleId: string) => void;
  clearVeto: (vetoId: string) => void;
  answer: (objectionId: string) => void;
  object: () => void;
};

/** 党建创新项目: the branch claims one in its self-assessment (★5 needs one where the scheme says so). */
export function InnovationCard({
  rating,
  editable,
  value,
  onChange,
}: {
  rating: OrgRatingDetail;
  editable: boolean;
  value: { has: boolean; note: string };
  onChange: (v: { has: boolean; note: string }) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('rating.innovationProject')} className="rating-side">
      {rating.scheme.requiresInnovationFor5Star && (
        <Typography.Paragraph type="secondary" className="rating-side-help">
          {t('rating.innovationRule')}
        </Typography.Paragraph>
      )}
      {editable ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch
              checked={value.has}
              onChange={(has) => onChange({ ...value, has })}
              aria-label={t('rating.hasInnovation')}
            />
            <Typography.Text>{t('rating.hasInnovation')}</Typography.Text>
          </Space>
          {value.has && (
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('rating.innovationNote')}
              value={value.note}
              onChange={(e) => onChange({ ...value, note: e.target.value })}
            />
          )}
        </Space>
      ) : rating.hasInnovation ? (
        <Typography.Text>
          <Tag color="gold">{t('rating.innovation')}</Tag>
          {rating.innovationNote}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('rating.noInnovation')}</Typography.Text>
      )}
    </Card>
  );
}

export function ReviewersCard({ rating, actions }: { rating: OrgRatingDetail; actions: PanelActions }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const open = rating.state === 'self_assessment' || rating.state === 'under_review';
  const candidates = useCandidates(rating.id, picking && rating.can.manage);
  const assigned = new Set(rating.reviewerList.map((r) => r.userId));
  return (
    <Card
      size="small"
      title={t('rating.reviewers')}
      className="rating-side"
      extra={
        rating.can.manage &&
        open && (
          <Button size="small" type="link" icon={<UserAddOutlined />} onClick={() => setPicking((p) => !p)}>
            {t('rating.assign')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="rating-side-help">
        {t('rating.reviewerRule')}
      </Typography.Paragraph>
      {picking && (
        <Select
          style={{ width: '100%', marginBottom: 8 }}
          placeholder={t('rating.pickReviewer')}
          loading={candidates.isPending}
          options={(candidates.data ?? [])
            .filter((c) => !assigned.has(c.userId))
            .map((c) => ({ value: c.userId, label: `${c.displayName}（${c.orgNames.join('、')}）` }))}
          onChange={(v: string) => {
            actions.assign(v);
            setPicking(false);
          }}
        />
      )}
      {rating.reviewerList.length === 0 ? (
        <Typography.Text type="secondary">{t('rating.noReviewers')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={rating.reviewerList}
          renderItem={(r) => (
            <List.Item
              actions={
                rating.can.manage && open && !r.submittedAt
                  ? [
                      <Button key="x" size="small" type="link" danger onClick={() => actions.unassign(r.userId)}>
                        {t('rating.unassign')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {r.name}
                    {r.submittedAt ? (
                      <Tag color="success">{t('rating.submitted')}</Tag>
                    ) : (
                      <Tag>{t('rating.reviewing')}</Tag>
                    )}
                  </Space>
                }
                description={r.comment ?? (r.submittedAt ? formatDateTime(r.submittedAt) : null)}
              />
            </List.Item>
          )}
        />
      )}
      {rating.can.reviewRefusal === 'belongs' && (
        <Typography.Paragraph type="warning" className="rating-side-help rating-belongs">
          {t('rating.youBelong')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function VetoCard({ rating, actions }: { rating: OrgRatingDetail; actions: PanelActions }) {
  const { t, locale } = useI18n();
  const [rule, setRule] = useState<string | undefined>();
  const editable = rating.can.manage && rating.state === 'under_review';
  const active = rating.vetoes.filter((v) => !v.clearedAt);
  const vetoRule =
    rating.scheme.vetoStars === null
      ? t('rating.vetoRuleUnrated')
      : t('rating.vetoRuleStars', { n: rating.scheme.vetoStars });
  return (
    <Card size="small" title={t('rating.vetoTitle')} className="rating-side">
      <Typography.Paragraph type="secondary" className="rating-side-help">
        {vetoRule}
      </Typography.Paragraph>
      {rating.vetoes.length === 0 && <Typography.Text type="secondary">{t('rating.noVeto')}</Typography.Text>}
      {rating.vetoes.map((v) => (
        <div key={v.id} className={`rating-veto${v.clearedAt ? ' cleared' : ''}`}>
          <Space size={6} wrap>
            <StopOutlined />
            <Typography.Text strong delete={Boolean(v.clearedAt)}>
              {locale === 'zh-CN' ? v.nameZh : v.nameEn}
            </Typography.Text>
            <Tag>{v.computed ? t('rating.vetoComputed') : t('rating.vetoManual')}</Tag>
          </Space>
          <div className="rating-reason">{v.reason}</div>
          {v.clearedAt && (
            <div className="rating-reason">{t('rating.vetoCleared', { reason: v.clearedReason ?? '' })}</div>
          )}
          {editable && !v.clearedAt && (
            <Button size="small" type="link" onClick={() => actions.clearVeto(v.id)}>
              {t('rating.clearVeto')}
            </Button>
          )}
        </div>
      ))}
      {editable && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Select
            style={{ width: '100%' }}
            placeholder={t('rating.pickVeto')}
            value={rule}
            onChange={setRule}
            options={rating.scheme.vetoRules
              .filter((r) => !active.some((a) => a.ruleId === r.id))
              .map((r) => ({ value: r.id, label: locale === 'zh-CN' ? r.nameZh : r.nameEn }))}
          />
          <Button
            danger
            icon={<PlusOutlined />}
            disabled={!rule}
            onClick={() => {
              actions.veto(rule!);
              setRule(undefined);
            }}
          >
            {t('rating.recordVeto')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

export function ObjectionsCard({ rating, actions }: { rating: OrgRatingDetail; actions: PanelActions }) {
  const { t } = useI18n();
  if (rating.state !== 'published' && rating.objections.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('rating.objections')}
      className="rating-side"
      extra={
        rating.can.object && (
          <Button size="small" type="link" onClick={actions.object}>
            {t('rating.raiseObjection')}
          </Button>
        )
      }
    >
      {rating.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rating.noObjections')} />
      ) : (
        rating.objections.map((o) => (
          <div key={o.id} className="rating-objection">
            <div>
              <Typography.Text strong>{o.raisedByName}</Typography.Text>
              <Typography.Text type="secondary"> · {formatDateTime(o.createdAt)}</Typography.Text>
            </div>
            <div className="rating-objection-text">{o.text}</div>
            {o.answeredAt ? (
              <div className="rating-answer">
                <Tag color={o.outcome === 'upheld' ? 'red' : 'default'}>
                  {t(`rating.outcome.${o.outcome ?? 'dismissed'}`)}
                </Tag>
                {o.answer}
                <div className="re-muted">
                  {o.answeredByName} · {formatDateTime(o.answeredAt)}
                </div>
              </div>
            ) : rating.can.manage && rating.state === 'published' ? (
              <Button size="small" type="primary" ghost onClick={() => actions.answer(o.id)}>
                {t('rating.answer')}
              </Button>
            ) : (
              <Tag color="orange">{t('rating.awaitingAnswer')}</Tag>
            )}
          </div>
        ))
      )}
    </Card>
  );
}

export function HistoryCard({ rating }: { rating: OrgRatingDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('rating.history')} className="rating-side">
      <StarTimeline entries={rating.history} />
    </Card>
  );
}
