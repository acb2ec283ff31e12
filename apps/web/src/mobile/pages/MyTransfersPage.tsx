import { ArrowDownOutlined } from '@ant-design/icons';
import type { Transfer } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, Steps, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { formatBeijingDate } from '../../lib/time';
import '../community.css';

const STATUS_TAG: Record<Transfer['status'], string> = {
  pending: 'primary',
  approved: 'success',
  completed: 'success',
  rejected: 'danger',
  revoked: 'default',
};

/** 我的组织关系转接: the member's own transfers (GET /me/transfers) with status and approval steps. */
export function MyTransfersPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['me', 'transfers'],
    queryFn: () => api.get<Transfer[]>('/me/transfers'),
    meta: { silent: true },
  });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (query.isError && isApiError(query.error) && query.error.status === 404) {
    body = <ErrorBlock status="empty" title={t('m.recordEmpty')} description={t('m.recordEmptyHint')} />;
  } else if (query.isError || !query.data) {
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error?.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  } else if (query.data.length === 0) {
    body = <ErrorBlock status="empty" title={t('m.tr.empty')} description={t('m.tr.hint')} className="m-empty" />;
  } else {
    body = (
      <>
        {query.data.map((tr) => {
          const current = tr.steps.findIndex((s) => s.status === 'pending');
          return (
            <section key={tr.id} className="m-card m-tr-card" aria-label={t(`transferStatus.${tr.status}`)}>
              <div className="m-tr-head">
                <Tag color="default" fill="outline">
                  {t(`transferKind.${tr.kind}`)}
                </Tag>
                <Tag color={STATUS_TAG[tr.status]}>{t(`transferStatus.${tr.status}`)}</Tag>
              </div>
              <div className="m-tr-route">
                {tr.fromOrgName ?? tr.source ?? '—'}
                <br />
                <ArrowDownOutlined style={{ color: '#c8102e', fontSize: 12 }} /> {tr.toOrgName ?? tr.destination ?? '—'}
              </div>
              <p className="m-hint" style={{ margin: '6px 0 0' }}>
                {t('m.tr.requestedOn', { date: tr.requestedOn })} · {tr.reason}
              </p>
              {tr.rejectionReason && (
                <div className="m-tr-reject">{t('m.tr.rejected', { reason: tr.rejectionReason })}</div>
              )}
              {tr.letterNo && tr.letterValidUntil && (
                <p className="m-hint">{t('m.tr.letter', { no: tr.letterNo, date: tr.letterValidUntil })}</p>
              )}
              <Steps direction="vertical" current={current === -1 ? tr.steps.length : current}>
                {tr.steps.map((s) => (
                  <Steps.Step
                    key={s.stepNo}
                    title={s.orgName}
                    status={
                      s.status === 'approved'
                        ? 'finish'
                        : s.status === 'rejected'
                          ? 'error'
                          : current === s.stepNo - 1 && tr.status === 'pending'
                            ? 'process'
                            : 'wait'
                    }
                    description={
                      <>
                        {t(`transferStep.${s.status}`)}
                        {s.actedAt && ` · ${formatBeijingDate(s.actedAt)}`}
                        {s.comment && ` · ${s.comment}`}
                      </>
                    }
                  />
                ))}
              </Steps>
            </section>
          );
        })}
        <p className="m-hint m-pad">{t('m.tr.hint')}</p>
      </>
    );
  }
  return (
    <div className="m-page m-cs">
      <NavBar back={t('common.back')} onBack={back}>
        {t('m.tr.title')}
      </NavBar>
      {body}
    </div>
  );
}
