import {
  ArrowLeftOutlined,
  CheckOutlined,
  ReloadOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { OrgRatingDetail, RatingScoreInput } from '@red-engine/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Result,
  Row,
  Space,
  Steps,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { reportError } from '../../../lib/errors';
import { isApiError } from '../../../lib/http';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { ActionModal, type ActionTarget, type ActionValues } from './ActionModal';
import { useRating, useRatingActions } from './api';
import { type Draft, type EditMode, IndicatorTable } from './IndicatorTable';
import { ChangeTag, fmtScore, Stars, StateTag } from './labels';
import { HistoryCard, InnovationCard, ObjectionsCard, ReviewersCard, VetoCard } from './SidePanels';

const STEP: Record<OrgRatingDetail['state'], number> = { self_assessment: 0, under_review: 1, published: 2, final: 3 };

/** The entries of the draft as the API takes them (only indicators touched, computed ones as adjustments). */
function scoresOf(r: OrgRatingDetail, draft: Draft): RatingScoreInput[] {
  return Object.entries(draft).map(([indicatorId, d]) => {
    const row = r.indicators.find((i) => i.indicator.id === indicatorId)!;
    const computed = row.computed?.points !== null && row.computed?.points !== undefined;
    return computed
      ? { indicatorId, adjustment: d.adjustment ?? 0, reason: d.reason?.trim() || null }
      : { indicatorId, points: d.points ?? null, reason: d.reason?.trim() || null };
  });
}

/** 评定详情: self-assessment, review with computed indicators and their "why", publication, objections, final. */
export default function RatingPage() {
  const { t, locale } = useI18n();
  const { me } = useAccess();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams<{ id: string }>();
  const query = useRating(id);
  const act = useRatingActions(id);
  const [draft, setDraft] = useState<Draft>({});
  const [innovation, setInnovation] = useState({ has: false, note: '' });
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const r = query.data;

  // What the user typed survives refetches (an upload refreshes the rating); a new rating or state starts afresh.
  const stateKey = r ? `${r.id}|${r.state}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the rating or its state changes
  useEffect(() => {
    if (!r) return;
    setInnovation({ has: r.hasInnovation, note: r.innovationNote ?? '' });
    setComment(r.reviewerList.find((x) => x.userId === me?.userId)?.comment ?? '');
    setDraft({});
  }, [stateKey, me?.userId]);

  if (query.isPending) return <PageLoading />;
  if (!r) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('error.notFoundTitle') : t('app.loadFailed')}
        extra={<Button onClick={() => navigate('/org-rating')}>{t('rating.backToBoard')}</Button>}
      />
    );
  }
  const mode: EditMode = r.can.selfAssess ? 'self' : r.can.review ? 'review' : null;
  const myReview = r.reviewerList.find((x) => x.userId === me?.userId);
  const busy = Object.values(act).some((m) => m.isPending);
  const run = async <T,>(p: Promise<T>, ok?: string) => {
    try {
      await p;
      if (ok) message.success(ok);
    } catch (e) {
      reportError(e);
    }
  };
  // After a save the server holds the values: the draft is emptied and the saved entries show.
  const saveSelf = () =>
    act.saveSelf
      .mutateAsync({
        scores: scoresOf(r, draft),
        hasInnovation: innovation.has,
        innovationNote: innovation.has ? innovation.note.trim() || null : null,
      })
      .then(() => setDraft({}));
  const saveReview = () =>
    act.saveReview
      .mutateAsync({ scores: scoresOf(r, draft), comment: comment.trim() || null })
      .then(() => setDraft({}));

  const onAction = async (a: ActionTarget, v: ActionValues) => {
    const reason = v.reason?.trim() ?? '';
    switch (a.kind) {
      case 'return':
        return act.returnToSelf.mutateAsync({ reason });
      case 'reopen':
        return act.reopen.mutateAsync({ reason });
      case 'veto':
        return act.veto.mutateAsync({ ruleId: a.id!, reason });
      case 'clearVeto':
        return act.clearVeto.mutateAsync({ vetoId: a.id!, reason });
      case 'removeEvidence':
        return act.removeEvidence.mutateAsync({ fileId: a.id!, reason });
      case 'object':
        return act.object.mutateAsync({ text: v.text!.trim() });
      case 'answer':
        return act.answer.mutateAsync({ objectionId: a.id!, outcome: v.outcome!, answer: v.answer!.trim() });
      case 'publish':
        return act.publish.mutateAsync({ stars: v.stars ?? null, reason: reason || null });
      case 'adjust':
        return act.adjust.mutateAsync({ stars: v.stars!, reason });
    }
  };

  const stepItems = ['self_assessment', 'under_review', 'published', 'final'].map((s) => ({
    title: t(`rating.step.${s}` as MessageKey),
  }));
  const reasons = r.starsReasons.filter((x) => x !== 'below_lowest');
  const openObjections = r.objections.filter((o) => !o.answeredAt).length;
  const finalizeBlocked =
    r.objectionDeadline && new Date(r.now) < new Date(r.objectionDeadline)
      ? t('rating.blocker.window_open')
      : openObjections > 0
        ? t('rating.blocker.open_objections')
        : null;

  return (
    <PageContainer
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate(-1)}
            aria-label={t('rating.backToBoard')}
          />
          {r.orgName}
          <Typography.Text type="secondary" className="rating-title-year">
            {t('rating.yearN', { year: r.year })}
          </Typography.Text>
          <StateTag state={r.state} />
        </Space>
      }
      subTitle={r.campaignName}
      extra={
        <Space wrap>
          {(r.state === 'self_assessment' || r.state === 'under_review') && (r.can.selfAssess || r.can.manage) && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => run(act.recompute.mutateAsync({}), t('rating.recomputed'))}
            >
              {t('rating.recompute')}
            </Button>
          )}
          {mode === 'self' && (
            <>
              <Button
                icon={<SaveOutlined />}
                loading={act.saveSelf.isPending}
                onClick={() => run(saveSelf(), t('rating.saved'))}
              >
                {t('rating.saveDraft')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={act.submit.isPending}
                onClick={() =>
                  run(
                    saveSelf().then(() => act.submit.mutateAsync({})),
                    t('rating.selfSubmitted'),
                  )
                }
                data-testid="rating-submit-self"
              >
                {t('rating.submitSelf')}
              </Button>
            </>
          )}
          {mode === 'review' && !myReview?.submittedAt && (
            <>
              <Button icon={<SaveOutlined />} onClick={() => run(saveReview(), t('rating.saved'))}>
                {t('rating.saveDraft')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() =>
                  run(
                    act.submitReview.mutateAsync({ scores: scoresOf(r, draft), comment: comment.trim() || null }),
                    t('rating.reviewSubmitted'),
                  )
                }
                data-testid="rating-submit-review"
              >
                {t('rating.submitReview')}
              </Button>
            </>
          )}
          {r.can.manage && r.state === 'under_review' && (
            <>
              <Button icon={<RollbackOutlined />} onClick={() => setTarget({ kind: 'return' })}>
                {t('rating.action.return')}
              </Button>
              <Button type="primary" danger onClick={() => setTarget({ kind: 'publish' })} data-testid="rating-publish">
                {t('rating.action.publish')}
              </Button>
            </>
          )}
          {r.can.manage && r.state === 'published' && (
            <>
              <Button icon={<RollbackOutlined />} onClick={() => setTarget({ kind: 'reopen' })}>
                {t('rating.action.reopen')}
              </Button>
              <Tooltip title={finalizeBlocked ?? undefined}>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={Boolean(finalizeBlocked)}
                  onClick={() => run(act.finalize.mutateAsync({}), t('rating.finalized'))}
                >
                  {t('rating.finalize')}
                </Button>
              </Tooltip>
            </>
          )}
          {r.can.manage && r.state === 'final' && (
            <Button onClick={() => setTarget({ kind: 'adjust' })}>{t('rating.action.adjust')}</Button>
          )}
        </Space>
      }
    >
      <Card className="rating-head">
        <Steps
          size="small"
          current={STEP[r.state]}
          status={r.state === 'final' ? 'finish' : 'process'}
          items={stepItems}
        />
        {r.returnedReason && r.state === 'self_assessment' && (
          <Alert
            type="warning"
            showIcon
            className="rating-head-alert"
            message={t('rating.returned', { reason: r.returnedReason })}
          />
        )}
        {r.can.reviewRefusal === 'belongs' && r.state === 'under_review' && (
          <Alert type="info" showIcon className="rating-head-alert" message={t('rating.youBelong')} />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} className="rating-figures">
          <Descriptions.Item
            label={t('rating.scheme')}
          >{`${locale === 'zh-CN' ? r.scheme.nameZh : r.scheme.nameEn} v${r.scheme.version}`}</Descriptions.Item>
          <Descriptions.Item label={t('rating.selfScore')}>{fmtScore(r.selfTotals?.total)}</Descriptions.Item>
          <Descriptions.Item label={r.score !== null ? t('rating.score') : t('rating.previewScore')}>
            {fmtScore(r.score ?? r.preview?.score)}
          </Descriptions.Item>
          <Descriptions.Item label={t('rating.stars')}>
            {r.state === 'published' || r.state === 'final' ? (
              <Stars value={r.stars} size={16} />
            ) : r.preview ? (
              <Space size={4}>
                <Stars value={r.preview.stars} />
                <Typography.Text type="secondary">{t('rating.preview')}</Typography.Text>
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('rating.previous')}>
            <Space size={4}>
              <Stars value={r.previousStars ?? (r.history.find((h) => h.year < r.year) ? null : undefined)} size={12} />
              {r.state === 'final' && <ChangeTag change={r.change} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('rating.objectionUntil')}>
            {r.objectionDeadline ? formatDateTime(new Date(new Date(r.objectionDeadline).getTime() - 60_000)) : '—'}
          </Descriptions.Item>
        </Descriptions>
        {(reasons.length > 0 || r.overrideReason) && (
          <div className="rating-reasons">
            {reasons.map((x) => (
              <Alert
                key={x}
                type={x === 'veto' ? 'error' : 'warning'}
                showIcon
                message={t(`rating.reason.${x}` as MessageKey)}
              />
            ))}
            {r.overrideReason && (
              <Alert type="warning" showIcon message={t('rating.overridden', { reason: r.overrideReason })} />
            )}
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Card
            title={t('rating.indicators')}
            className="rating-indicators"
            extra={
              r.computedAt && (
                <Typography.Text type="secondary">
                  {t('rating.computedAt', { at: formatDateTime(r.computedAt) })}
                </Typography.Text>
              )
            }
          >
            <IndicatorTable
              rating={r}
              mode={mode}
              draft={draft}
              myId={me?.userId ?? ''}
              onDraft={(indicatorId, patch) =>
                setDraft((d) => ({ ...d, [indicatorId]: { ...d[indicatorId], ...patch } }))
              }
              onUpload={(indicatorId, file) =>
                run(act.upload.mutateAsync({ indicatorId, file }), t('rating.uploaded', { name: file.name }))
              }
              onRemoveEvidence={(fileId) => setTarget({ kind: 'removeEvidence', id: fileId })}
            />
            {mode === 'review' && !myReview?.submittedAt && (
              <div className="rating-comment">
                <Typography.Text strong>{t('rating.reviewComment')}</Typography.Text>
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <InnovationCard rating={r} editable={mode === 'self'} value={innovation} onChange={setInnovation} />
            <ObjectionsCard rating={r} actions={panelActions()} />
            <VetoCard rating={r} actions={panelActions()} />
            <ReviewersCard rating={r} actions={panelActions()} />
            <HistoryCard rating={r} />
          </Space>
        </Col>
      </Row>
      <ActionModal target={target} rating={r} busy={busy} onClose={() => setTarget(null)} onSubmit={onAction} />
    </PageContainer>
  );

  function panelActions() {
    return {
      assign: (userId: string) => run(act.assign.mutateAsync({ userId }), t('rating.assigned')),
      unassign: (userId: string) => run(act.unassign.mutateAsync({ userId })),
      veto: (ruleId: string) => setTarget({ kind: 'veto', id: ruleId }),
      clearVeto: (vetoId: string) => setTarget({ kind: 'clearVeto', id: vetoId }),
      answer: (objectionId: string) => setTarget({ kind: 'answer', id: objectionId }),
      object: () => setTarget({ kind: 'object' }),
    };
  }
}
