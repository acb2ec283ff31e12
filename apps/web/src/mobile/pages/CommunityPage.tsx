import { ClockCircleOutlined, EnvironmentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import {
  type Claim,
  type Community,
  type MemberReport,
  type MyCommunityService,
  type Need,
  type Page,
  SERVICE_CATEGORY_CODES,
  type ServiceCategory,
} from '@red-engine/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DotLoading,
  ErrorBlock,
  Form,
  NavBar,
  Popup,
  ProgressBar,
  Selector,
  Stepper,
  Tabs,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { reportError } from '../../lib/errors';
import { api, isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { formatBeijing } from '../../lib/time';
import '../community.css';

const KEY = ['me', 'community-service'] as const;
const CLAIM_TAG: Record<Claim['status'], string> = {
  claimed: 'primary',
  completed: 'warning',
  confirmed: 'success',
  cancelled: 'default',
};

function useMine() {
  return useQuery({
    queryKey: [...KEY, 'summary'],
    queryFn: () => api.get<MyCommunityService>('/me/community-service'),
    meta: { silent: true },
  });
}

function useAct<A>(fn: (a: A) => Promise<unknown>, done: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      Toast.show({ icon: 'success', content: done });
      void qc.invalidateQueries({ queryKey: KEY });
    },
    onError: reportError,
  });
}

/** 双报到 (H5): my registration with a community, this year's hours, the community's needs and my claims. */
export function CommunityPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mine = useMine();
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  let body: ReactNode;
  if (mine.isPending) {
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (mine.isError && isApiError(mine.error) && mine.error.status === 404) {
    body = <ErrorBlock status="empty" title={t('m.recordEmpty')} description={t('m.recordEmptyHint')} />;
  } else if (mine.isError || !mine.data) {
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={mine.error?.message}>
        <Button color="primary" onClick={() => void mine.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  } else {
    const m = mine.data;
    body = (
      <>
        <ReportCard report={m.report} />
        <HoursCard mine={m} />
        {m.report && (
          <div className="m-card m-cs-tabs">
            <Tabs defaultActiveKey="needs">
              <Tabs.Tab title={t('m.cs.tab.needs')} key="needs">
                <NeedsList />
              </Tabs.Tab>
              <Tabs.Tab title={t('m.cs.tab.claims')} key="claims">
                <ClaimsList />
              </Tabs.Tab>
            </Tabs>
          </div>
        )}
      </>
    );
  }
  return (
    <div className="m-page m-cs">
      <NavBar back={t('common.back')} onBack={back}>
        {t('m.cs.title')}
      </NavBar>
      {body}
    </div>
  );
}

function ReportCard({ report }: { report: MemberReport | null }) {
  const { t } = useI18n();
  const [registering, setRegistering] = useState(false);
  const renew = useAct(() => api.post('/me/community-report/renew'), t('m.cs.renewed'));
  const withdraw = useAct(() => api.post('/me/community-report/withdraw', { reason: 'moved' }), t('m.cs.withdrawn'));
  if (!report)
    return (
      <section className="m-card m-cs-report m-cs-report-empty">
        <HomeOutlined className="m-cs-report-icon" />
        <div className="m-cs-report-title">{t('m.cs.notRegistered')}</div>
        <p className="m-hint">{t('m.cs.registerHint')}</p>
        <Button block color="primary" size="large" onClick={() => setRegistering(true)}>
          {t('m.cs.register')}
        </Button>
        <RegisterPopup open={registering} onClose={() => setRegistering(false)} />
      </section>
    );
  return (
    <section className="m-card m-cs-report" aria-label={t('m.cs.title')}>
      <div className="m-card-label">{t('cs.community')}</div>
      <div className="m-cs-community">{report.communityName}</div>
      <div className="m-cs-report-meta">
        <span>{t('m.cs.since', { date: report.reportedOn })}</span>
        {report.reReportDueOn && <span>{t('m.cs.dueOn', { date: report.reReportDueOn })}</span>}
      </div>
      {report.serviceCategories.length > 0 && (
        <div className="m-cs-tags">
          {report.serviceCategories.map((c) => (
            <Tag key={c} color="#fff1f0" style={{ '--text-color': '#c8102e' } as React.CSSProperties}>
              {t(`serviceCategory.${c}`)}
            </Tag>
          ))}
        </div>
      )}
      {report.reReportOverdue && <div className="m-cs-warn">{t('m.cs.overdue')}</div>}
      <div className="m-cs-actions">
        <Button
          size="small"
          color="primary"
          fill="outline"
          loading={renew.isPending}
          onClick={() => renew.mutate(undefined)}
        >
          {t('m.cs.renew')}
        </Button>
        <Button
          size="small"
          fill="none"
          onClick={async () => {
            if (await Dialog.confirm({ content: t('m.cs.withdrawConfirm'), cancelText: t('common.cancel') }))
              withdraw.mutate(undefined);
          }}
        >
          {t('m.cs.withdraw')}
        </Button>
      </div>
    </section>
  );
}

function RegisterPopup({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const communities = useQuery({
    queryKey: [...KEY, 'communities'],
    queryFn: () => api.get<Community[]>('/community-service/communities'),
    enabled: open,
  });
  const [community, setCommunity] = useState<string[]>([]);
  const [categories, setCategories] = useState<ServiceCategory[]>([]);
  const register = useAct(
    () => api.post('/me/community-report', { communityOrgId: community[0], serviceCategories: categories }),
    t('m.cs.registered'),
  );
  return (
    <Popup visible={open} onMaskClick={onClose} bodyClassName="m-cs-popup" destroyOnClose>
      <h3 className="m-section-title">{t('m.cs.register')}</h3>
      <div className="m-cs-field">{t('m.cs.chooseCommunity')}</div>
      {communities.isPending ? (
        <DotLoading />
      ) : (
        <Selector
          columns={2}
          value={community}
          onChange={setCommunity}
          options={(communities.data ?? []).map((c) => ({ label: c.name.replace(/党支部$/, ''), value: c.id }))}
        />
      )}
      <div className="m-cs-field">{t('m.cs.chooseCategories')}</div>
      <Selector
        columns={4}
        multiple
        value={categories}
        onChange={(v) => setCategories(v as ServiceCategory[])}
        options={SERVICE_CATEGORY_CODES.map((c) => ({ label: t(`serviceCategory.${c}`), value: c }))}
      />
      <Button
        block
        color="primary"
        size="large"
        className="m-cs-submit"
        disabled={community.length === 0}
        loading={register.isPending}
        onClick={() => register.mutate(undefined, { onSuccess: onClose })}
      >
        {t('common.submit')}
      </Button>
    </Popup>
  );
}

function HoursCard({ mine }: { mine: MyCommunityService }) {
  const { t } = useI18n();
  const percent = Math.min(100, (mine.confirmedHours / mine.hoursTarget) * 100);
  return (
    <section className="m-card m-cs-hours">
      <div className="m-cs-hours-head">
        <span className="m-card-label">{t('m.cs.hoursTitle', { year: mine.year })}</span>
        <span className="m-cs-hours-value">
          {mine.confirmedHours}
          <small> / {mine.hoursTarget} h</small>
        </span>
      </div>
      <ProgressBar
        percent={percent}
        style={{ '--fill-color': '#c8102e', '--track-width': '8px' } as React.CSSProperties}
      />
      <div className="m-hint m-cs-hours-note">
        {t('m.cs.hoursProgress', { confirmed: mine.confirmedHours, target: mine.hoursTarget })}
        {mine.pendingHours > 0 && <> · {t('m.cs.pendingHours', { hours: mine.pendingHours })}</>}
      </div>
    </section>
  );
}

const when = (iso: string) => formatBeijing(iso, 'M月D日 HH:mm');

function NeedsList() {
  const { t, locale } = useI18n();
  const needs = useQuery({
    queryKey: [...KEY, 'needs'],
    queryFn: () => api.get<Page<Need>>('/me/community-needs', { pageSize: 50 }),
  });
  const claims = useQuery({
    queryKey: [...KEY, 'claims'],
    queryFn: () => api.get<Page<Claim>>('/me/community-claims', { pageSize: 100 }),
  });
  const claim = useAct((id: string) => api.post(`/me/community-needs/${id}/claim`), t('m.cs.claimed'));
  if (needs.isPending) return <DotLoading />;
  const mine = new Set((claims.data?.data ?? []).filter((c) => c.status !== 'cancelled').map((c) => c.needId));
  const list = needs.data?.data ?? [];
  if (list.length === 0) return <ErrorBlock status="empty" title={t('m.cs.needsEmpty')} description="" />;
  return (
    <div className="m-cs-list">
      {list.map((n) => (
        <article key={n.id} className="m-cs-need" aria-label={n.title}>
          <div className="m-cs-need-head">
            <span className="m-cs-need-title">{n.title}</span>
            <Tag color={n.status === 'open' ? 'success' : 'warning'} fill="outline">
              {t(`needStatus.${n.status}`)}
            </Tag>
          </div>
          <div className="m-cs-need-meta">
            <Tag color="#fff1f0" style={{ '--text-color': '#c8102e' } as React.CSSProperties}>
              {t(`serviceCategory.${n.category}`)}
            </Tag>
            {n.source === 'resident' && (
              <Tag color="#fff0f6" style={{ '--text-color': '#c41d7f' } as React.CSSProperties}>
                {t('needSource.resident')}
              </Tag>
            )}
          </div>
          <div className="m-cs-line">
            <ClockCircleOutlined /> {locale === 'zh-CN' ? when(n.startsAt) : formatBeijing(n.startsAt, 'MMM D HH:mm')} ·{' '}
            {t('m.cs.hoursEst', { hours: n.hours })}
          </div>
          <div className="m-cs-line">
            <EnvironmentOutlined /> {n.place}
          </div>
          <div className="m-cs-need-foot">
            <span className="m-cs-line">
              <TeamOutlined /> {t('m.cs.seats', { claimed: n.claimedCount, capacity: n.capacity })}
            </span>
            {mine.has(n.id) ? (
              <Tag color="primary">{t('claimStatus.claimed')}</Tag>
            ) : (
              <Button
                size="small"
                color="primary"
                disabled={n.status !== 'open'}
                loading={claim.isPending && claim.variables === n.id}
                onClick={async () => {
                  if (
                    await Dialog.confirm({
                      content: t('m.cs.claimConfirm', { title: n.title }),
                      cancelText: t('common.cancel'),
                    })
                  )
                    claim.mutate(n.id);
                }}
              >
                {t('m.cs.claim')}
              </Button>
            )}
          </div>
        </article>
      ))}
    </div>
  );
}

function ClaimsList() {
  const { t } = useI18n();
  const claims = useQuery({
    queryKey: [...KEY, 'claims'],
    queryFn: () => api.get<Page<Claim>>('/me/community-claims', { pageSize: 100 }),
  });
  const [completing, setCompleting] = useState<Claim | null>(null);
  const cancel = useAct((id: string) => api.post(`/me/community-claims/${id}/cancel`, {}), t('m.cs.cancelled'));
  if (claims.isPending) return <DotLoading />;
  const list = claims.data?.data ?? [];
  if (list.length === 0) return <ErrorBlock status="empty" title={t('m.cs.claimsEmpty')} description="" />;
  return (
    <div className="m-cs-list">
      {list.map((c) => (
        <article key={c.id} className="m-cs-need" aria-label={c.needTitle}>
          <div className="m-cs-need-head">
            <span className="m-cs-need-title">{c.needTitle}</span>
            <Tag color={CLAIM_TAG[c.status]}>{t(`claimStatus.${c.status}`)}</Tag>
          </div>
          <div className="m-cs-line">
            <ClockCircleOutlined /> {when(c.needStartsAt)} · {c.communityName.replace(/党支部$/, '')}
          </div>
          {c.confirmedHours !== null ? (
            <div className="m-cs-line m-cs-ok">{t('m.cs.confirmedHours', { hours: c.confirmedHours })}</div>
          ) : c.reportedHours !== null ? (
            <div className="m-cs-line">{t('m.cs.reportedHours', { hours: c.reportedHours })}</div>
          ) : null}
          {c.status === 'claimed' && (
            <div className="m-cs-actions">
              <Button size="small" color="primary" onClick={() => setCompleting(c)}>
                {t('m.cs.complete')}
              </Button>
              <Button
                size="small"
                fill="none"
                onClick={async () => {
                  if (await Dialog.confirm({ content: t('m.cs.cancelConfirm'), cancelText: t('common.cancel') }))
                    cancel.mutate(c.id);
                }}
              >
                {t('m.cs.cancel')}
              </Button>
            </div>
          )}
        </article>
      ))}
      <CompletePopup claim={completing} onClose={() => setCompleting(null)} />
    </div>
  );
}

function CompletePopup({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useI18n();
  const complete = useAct(
    (v: { hours: number; note?: string }) => api.post(`/me/community-claims/${claim!.id}/complete`, v),
    t('m.cs.completed'),
  );
  return (
    <Popup visible={claim !== null} onMaskClick={onClose} bodyClassName="m-cs-popup" destroyOnClose>
      <h3 className="m-section-title">{t('m.cs.completeTitle')}</h3>
      <p className="m-hint">{claim?.needTitle}</p>
      <Form
        layout="vertical"
        initialValues={{ hours: 2 }}
        onFinish={(v: { hours: number; note?: string }) =>
          complete.mutate(v.note ? v : { hours: v.hours }, { onSuccess: onClose })
        }
        footer={
          <Button block type="submit" color="primary" size="large" loading={complete.isPending}>
            {t('common.submit')}
          </Button>
        }
      >
        <Form.Item name="hours" label={t('m.cs.hoursLabel')}>
          <Stepper min={0.5} max={24} step={0.5} digits={1} aria-label={t('m.cs.hoursLabel')} />
        </Form.Item>
        <Form.Item name="note" label={t('m.cs.noteLabel')}>
          <TextArea rows={3} maxLength={500} showCount aria-label={t('m.cs.noteLabel')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
