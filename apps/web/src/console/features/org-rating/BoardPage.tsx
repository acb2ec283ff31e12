import { CheckCircleOutlined, DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { RatingBoard, RatingRow, RatingState } from '@red-engine/shared';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/http';
import { type MessageKey, useI18n } from '../../../lib/i18n';
import { useAccess } from '../../app/access';
import { PageContainer } from '../../components/PageContainer';
import { ratingApi, useBoard, useCampaigns, useFinalizeCampaign } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { ChangeTag, fmtScore, Stars, StateTag } from './labels';
import { StarHistoryDrawer } from './StarHistory';

const STATES: RatingState[] = ['self_assessment', 'under_review', 'published', 'final'];

/** 星级评定看板: one campaign — its organizations by state, the stars distribution and the quota usage. */
export default function BoardPage() {
  const { t } = useI18n();
  const { can } = useAccess();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  const campaignId = params.get('campaign') ?? campaigns.data?.data[0]?.id;
  const [state, setState] = useState<RatingState | 'all'>('all');
  const [mine, setMine] = useState(false);
  const board = useBoard(campaignId, { state: state === 'all' ? undefined : state, mine: mine ? 'true' : undefined });
  const [creating, setCreating] = useState(false);
  const [historyOf, setHistoryOf] = useState<{ id: string; name: string } | null>(null);
  const finalizeAll = useFinalizeCampaign();
  const b = board.data;

  useEffect(() => {
    if (!params.get('campaign') && campaignId) setParams({ campaign: campaignId }, { replace: true });
  }, [campaignId, params, setParams]);

  const onFinalizeAll = async () => {
    try {
      const r = await finalizeAll.mutateAsync(campaignId!);
      message.success(t('rating.finalizedAll', { n: r.finalized }));
      if (r.waiting.length)
        modal.info({
          title: t('rating.waitingTitle', { n: r.waiting.length }),
          content: (
            <ul className="rating-waiting">
              {r.waiting.map((w) => (
                <li key={w.ratingId}>
                  {w.orgName}：{w.blockers.map((x) => t(`rating.blocker.${x}` as MessageKey)).join('、')}
                </li>
              ))}
            </ul>
          ),
        });
    } catch (e) {
      if (isApiError(e)) modal.error({ title: t('rating.finalizeRefused'), content: e.message });
    }
  };

  const columns: ColumnsType<RatingRow> = useMemo(
    () => [
      {
        title: t('rating.org'),
        key: 'org',
        fixed: 'left',
        width: 250,
        render: (_, r) => (
          <div className="rating-org">
            <Link to={`/org-rating/${r.id}`} className="rating-org-name">
              {r.orgName}
            </Link>
            <Typography.Text type="secondary" className="rating-org-sub" ellipsis>
              {r.parentName}
            </Typography.Text>
          </div>
        ),
      },
      { title: t('rating.stateCol'), key: 'state', width: 110, render: (_, r) => <StateTag state={r.state} /> },
      { title: t('rating.selfScore'), dataIndex: 'selfScore', width: 110, align: 'right', render: fmtScore },
      { title: t('rating.reviewScore'), dataIndex: 'reviewScore', width: 100, align: 'right', render: fmtScore },
      {
        title: t('rating.stars'),
        key: 'stars',
        width: 130,
        render: (_, r) =>
          r.state === 'published' || r.state === 'final' ? (
            <Stars value={r.stars} />
          ) : (
            <span className="re-muted">—</span>
          ),
      },
      {
        title: t('rating.previous'),
        key: 'previous',
        width: 120,
        render: (_, r) =>
          r.previousStars === null && r.change !== 'new' ? (
            <span className="re-muted">—</span>
          ) : (
            <Stars value={r.previousStars} size={12} />
          ),
      },
      { title: t('rating.changeCol'), key: 'change', width: 90, render: (_, r) => <ChangeTag change={r.change} /> },
      {
        title: t('rating.flags'),
        key: 'flags',
        width: 150,
        render: (_, r) => (
          <Space size={4} wrap>
            {r.vetoed && <Tag color="red">{t('rating.vetoed')}</Tag>}
            {r.hasInnovation && <Tag color="gold">{t('rating.innovation')}</Tag>}
            {r.openObjections > 0 && <Tag color="orange">{t('rating.openObjections', { n: r.openObjections })}</Tag>}
            {r.myReviewPending && <Tag color="blue">{t('rating.myReview')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('rating.reviewProgress'),
        key: 'reviews',
        width: 100,
        render: (_, r) => (r.reviewers ? `${r.reviewsSubmitted}/${r.reviewers}` : <span className="re-muted">—</span>),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        width: 150,
        render: (_, r) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => navigate(`/org-rating/${r.id}`)}>
              {t('rating.open')}
            </Button>
            <Button type="link" size="small" onClick={() => setHistoryOf({ id: r.orgId, name: r.orgName })}>
              {t('rating.history')}
            </Button>
          </Space>
        ),
      },
    ],
    [t, navigate],
  );

  return (
    <PageContainer
      title={t('menu.orgRating')}
      subTitle={t('rating.subTitle')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('rating.campaign')}
            style={{ width: 340 }}
            value={campaignId}
            loading={campaigns.isPending}
            onChange={(v) => setParams({ campaign: v })}
            options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.name}` }))}
            placeholder={t('rating.chooseCampaign')}
          />
          {can('rating:read') && (
            <Button icon={<SettingOutlined />} onClick={() => navigate('/org-rating/schemes')}>
              {t('menu.ratingSchemes')}
            </Button>
          )}
          {can('rating:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('rating.newCampaign')}
            </Button>
          )}
        </Space>
      }
    >
      {!campaignId && !campaigns.isPending ? (
        <Card>
          <Empty description={t('rating.noCampaign')} />
        </Card>
      ) : (
        <>
          {b && <Overview board={b} />}
          <Card
            className="rating-table-card"
            title={
              <Space wrap>
                <Segmented
                  value={state}
                  onChange={(v) => setState(v as RatingState | 'all')}
                  options={[
                    { value: 'all', label: t('common.all') },
                    ...STATES.map((s) => ({
                      value: s,
                      label: `${t(`rating.state.${s}`)} ${b ? b.campaign.counts[s] : ''}`,
                    })),
                  ]}
                />
                {can('rating:manage') && (
                  <Space size={6}>
                    <Switch size="small" checked={mine} onChange={setMine} aria-label={t('rating.onlyMine')} />
                    <Typography.Text>{t('rating.onlyMine')}</Typography.Text>
                  </Space>
                )}
              </Space>
            }
            extra={
              <Space>
                {b?.canManage && (
                  <Popconfirm title={t('rating.finalizeAllConfirm')} onConfirm={onFinalizeAll}>
                    <Button icon={<CheckCircleOutlined />} loading={finalizeAll.isPending}>
                      {t('rating.finalizeAll')}
                    </Button>
                  </Popconfirm>
                )}
                {campaignId && (
                  <Tooltip title={t('rating.exportHelp')}>
                    <Button icon={<DownloadOutlined />} href={ratingApi.exportUrl(campaignId)} download>
                      {t('rating.export')}
                    </Button>
                  </Tooltip>
                )}
              </Space>
            }
          >
            <Table<RatingRow>
              rowKey="id"
              size="middle"
              loading={board.isFetching}
              dataSource={b?.ratings ?? []}
              columns={columns}
              scroll={{ x: 1280 }}
              pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => t('rating.total', { n }) }}
            />
          </Card>
        </>
      )}
      <CampaignFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setParams({ campaign: id });
        }}
      />
      <StarHistoryDrawer org={historyOf} onClose={() => setHistoryOf(null)} />
    </PageContainer>
  );
}

/** State counts, the distribution of published and final stars, and (for managers) the quotas. */
function Overview({ board }: { board: RatingBoard }) {
  const { t, locale } = useI18n();
  const c = board.campaign.counts;
  const max = Math.max(1, ...board.distribution.map((d) => d.final + d.published));
  return (
    <Row gutter={[16, 16]} className="rating-overview">
      <Col xs={24} xl={8}>
        <Card title={t('rating.progress')} size="small" className="rating-card">
          <div className="rating-states">
            {STATES.map((s) => (
              <div key={s} className={`rating-state rating-state-${s}`}>
                <div className="rating-state-n">{c[s]}</div>
                <div className="rating-state-label">{t(`rating.state.${s}`)}</div>
              </div>
            ))}
          </div>
          <Typography.Text type="secondary" className="rating-meta">
            {t('rating.campaignMeta', {
              scheme: `${locale === 'zh-CN' ? board.scheme.nameZh : board.scheme.nameEn} v${board.scheme.version}`,
              total: c.total,
              days: board.scheme.publicationDays,
            })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card title={t('rating.distribution')} size="small" className="rating-card">
          <div className="rating-bars">
            {board.distribution.map((d) => (
              <div key={d.stars} className="rating-bar-row">
                <span className="rating-bar-label">
                  {d.stars ? t('rating.nStars', { n: d.stars }) : t('rating.unrated')}
                </span>
                <div className="rating-bar-track">
                  <div className="rating-bar final" style={{ width: `${(d.final / max) * 100}%` }} />
                  <div className="rating-bar published" style={{ width: `${(d.published / max) * 100}%` }} />
                </div>
                <span className="rating-bar-n">{d.final + d.published}</span>
              </div>
            ))}
          </div>
          <Space size={16} className="rating-legend">
            <span>
              <i className="dot final" />
              {t('rating.state.final')}
            </span>
            <span>
              <i className="dot published" />
              {t('rating.state.published')}
            </span>
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Card title={t('rating.quotas')} size="small" className="rating-card">
          {board.quotas.length === 0 ? (
            <Typography.Text type="secondary">
              {board.canManage ? t('rating.noQuotas') : t('rating.quotasHidden')}
            </Typography.Text>
          ) : (
            board.quotas.map((q) => {
              const over = q.used + q.pending > q.allowed;
              return (
                <div key={q.stars} className="rating-quota">
                  <div className="rating-quota-head">
                    <span>
                      <Stars value={q.stars} size={12} /> {t('rating.quotaRule', { pct: q.maxPercent })}
                    </span>
                    <span className={over ? 'rating-quota-over' : ''}>
                      {t('rating.quotaUsage', { used: q.used, pending: q.pending, allowed: q.allowed })}
                    </span>
                  </div>
                  <div className="rating-quota-track">
                    <div
                      className="used"
                      style={{ width: `${q.allowed ? Math.min(100, (q.used / q.allowed) * 100) : 0}%` }}
                    />
                    <div
                      className={`pending${over ? ' over' : ''}`}
                      style={{
                        width: `${q.allowed ? Math.min(100, (q.pending / q.allowed) * 100) : q.pending ? 100 : 0}%`,
                      }}
                    />
                  </div>
                </div>
              );
            })
          )}
        </Card>
      </Col>
    </Row>
  );
}
