import { ArrowDownOutlined, ArrowUpOutlined, StarFilled } from '@ant-design/icons';
import type { MyOrgRating } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, NavBar, ProgressBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { formatBeijingDate, formatDateTime } from '../../../lib/time';
import './org-rating.css';

const SLOTS = [1, 2, 3, 4, 5];

function Stars({ n, size = 18 }: { n: number | null; size?: number }) {
  const { t } = useI18n();
  if (n === null) return <span className="m-or-unrated">{t('rating.unrated')}</span>;
  return (
    <span className="m-or-stars" role="img" aria-label={t('rating.starsLabel', { n })}>
      {SLOTS.map((slot) => (
        <StarFilled key={slot} style={{ fontSize: size }} className={slot <= n ? 'on' : 'off'} />
      ))}
    </span>
  );
}

function Change({ change }: { change: MyOrgRating['history'][number]['change'] | null }) {
  const { t } = useI18n();
  if (!change) return null;
  const icon = change === 'up' ? <ArrowUpOutlined /> : change === 'down' ? <ArrowDownOutlined /> : null;
  return (
    <Tag color={change === 'up' ? 'danger' : change === 'down' ? 'warning' : 'default'} fill="outline">
      {icon} {t(`rating.change.${change}`)}
    </Tag>
  );
}

/** 我的 → 支部星级: my branch's latest published or final stars, the points per indicator, and the history. */
export function MyOrgRatingPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['me', 'org-rating'],
    queryFn: () => api.get<MyOrgRating>('/me/org-rating'),
    meta: { silent: true },
  });
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));
  const d = query.data;

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="m-loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (query.isError || !d) {
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error?.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  } else if (!d.orgId) {
    body = <ErrorBlock status="empty" title={t('m.or.noBranch')} description={t('m.recordEmptyHint')} />;
  } else {
    const c = d.current;
    body = (
      <>
        <section className="m-card m-or-hero">
          <div className="m-or-org">{d.orgName}</div>
          {c ? (
            <>
              <div className="m-or-year">
                {t('rating.yearN', { year: c.year })} · {c.schemeName}
              </div>
              <Stars n={c.stars} size={30} />
              <div className="m-or-score">
                {c.score !== null && t('m.or.score', { n: c.score })}{' '}
                <Change change={c.state === 'final' ? c.change : null} />
              </div>
              {c.state === 'published' && (
                <div className="m-or-note">
                  {t('m.or.publishing', {
                    until: formatDateTime(
                      c.objectionDeadline ? new Date(new Date(c.objectionDeadline).getTime() - 60_000) : null,
                    ),
                  })}
                </div>
              )}
            </>
          ) : (
            <div className="m-or-note">{t('m.or.none')}</div>
          )}
        </section>
        {c && (
          <section className="m-card">
            <h3 className="m-or-h">{t('m.or.breakdown')}</h3>
            {c.indicators.map((i) => (
              <div key={i.nameZh} className="m-or-ind">
                <div className="m-or-ind-head">
                  <span>{locale === 'zh-CN' ? i.nameZh : i.nameEn}</span>
                  <span className="m-or-ind-points">
                    {i.points ?? '—'} / {i.maxPoints}
                  </span>
                </div>
                <ProgressBar percent={i.points === null ? 0 : (i.points / i.maxPoints) * 100} />
              </div>
            ))}
          </section>
        )}
        <section className="m-card">
          <h3 className="m-or-h">{t('m.or.history')}</h3>
          {d.history.length === 0 ? (
            <p className="m-hint">{t('rating.noHistory')}</p>
          ) : (
            d.history.map((h) => (
              <div key={h.id} className="m-or-hist">
                <div className="m-or-hist-head">
                  <strong>{t('rating.yearN', { year: h.year })}</strong>
                  <Stars n={h.stars} size={14} />
                  <Change change={h.change} />
                </div>
                <div className="m-hint">
                  {h.kind === 'adjustment' ? t('rating.kind.adjustment') : t('rating.kind.rating')} ·{' '}
                  {formatBeijingDate(h.at)}
                  {h.reason ? ` · ${h.reason}` : ''}
                </div>
              </div>
            ))
          )}
        </section>
        <p className="m-hint m-pad">{t('m.or.hint')}</p>
      </>
    );
  }
  return (
    <div className="m-page m-or">
      <NavBar back={t('common.back')} onBack={back}>
        {t('m.or.title')}
      </NavBar>
      {body}
    </div>
  );
}
