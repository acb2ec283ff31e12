import type { Member, MemberEventType } from '@red-engine/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, List, NavBar, Steps, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../../lib/http';
import { useI18n } from '../../lib/i18n';
import { educationLabel, ethnicityLabel, FLAG_COLORS, jobCategoryLabel, memberFlags } from '../../lib/member-labels';

const FLAG_TAG: Record<string, string> = { blue: 'primary', orange: 'warning', red: 'danger' };

/** The dated milestones the record itself carries (the member cannot read the full event log). */
function milestones(m: Member): { date: string; type: MemberEventType }[] {
  const list: { date: string; type: MemberEventType }[] = [];
  if (m.joinDate) list.push({ date: m.joinDate, type: 'joined' });
  if (m.fullMemberDate) list.push({ date: m.fullMemberDate, type: 'converted' });
  if (m.lostSince) list.push({ date: m.lostSince, type: 'lost' });
  return list.sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** 我的档案: my own member record (GET /me/member), masked, with my branch, category and Party standing. */
export function RecordPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['me', 'member'],
    queryFn: () => api.get<Member>('/me/member'),
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
    body = (
      <ErrorBlock status="empty" title={t('m.recordEmpty')} description={t('m.recordEmptyHint')} className="m-empty" />
    );
  } else if (query.isError || !query.data) {
    body = (
      <ErrorBlock status="disconnected" title={t('app.loadFailed')} description={query.error?.message}>
        <Button color="primary" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </Button>
      </ErrorBlock>
    );
  } else {
    const m = query.data;
    const row = (label: string, value: ReactNode) => <List.Item extra={value ?? '—'}>{label}</List.Item>;
    body = (
      <>
        <header className="m-profile m-record-head">
          <div className="m-avatar" aria-hidden="true">
            {m.name.slice(0, 1)}
          </div>
          <div className="m-record-who">
            <div className="m-profile-name">{m.name}</div>
            {m.nameMongolian && (
              <div lang="mn-Mong" className="m-mongolian">
                {m.nameMongolian}
              </div>
            )}
            <div className="m-record-tags">
              {m.category && (
                <Tag color="#ffe7a3" fill="solid" className="m-record-category">
                  {t(`memberCategory.${m.category}`)}
                </Tag>
              )}
              {memberFlags(m).map((f) => (
                <Tag key={f} color={FLAG_TAG[FLAG_COLORS[f]] ?? 'default'} fill="solid">
                  {t(`memberFlag.${f}`)}
                </Tag>
              ))}
            </div>
          </div>
        </header>

        <List header={t('m.recordParty')} className="m-list">
          {row(t('member.org'), m.orgName)}
          {row(t('member.category'), m.category ? t(`memberCategory.${m.category}`) : null)}
          {row(t('member.joinDate'), m.joinDate)}
          {row(t('member.fullMemberDate'), m.fullMemberDate)}
          {row(t('member.partyAge'), m.partyAgeYears === null ? null : t('member.years', { n: m.partyAgeYears }))}
          {row(t('member.partyStatus'), t(`partyStatus.${m.partyStatus}`))}
          {m.flowing && row(t('member.flowDestination'), m.flowDestination)}
        </List>

        <List header={t('m.recordBasic')} className="m-list">
          {row(t('member.gender'), t(`gender.${m.gender}`))}
          {row(t('member.ethnicity'), ethnicityLabel(m.ethnicity, locale))}
          {row(t('member.birthDate'), m.birthDate)}
          {row(t('member.education'), educationLabel(m.education, locale))}
          {row(t('member.jobCategory'), jobCategoryLabel(m.jobCategory, locale))}
          {row(t('member.idNumber'), <span className="m-mono">{m.idNumberMasked}</span>)}
          {row(t('member.phone'), m.phoneMasked ? <span className="m-mono">{m.phoneMasked}</span> : null)}
          {m.workUnit && row(t('member.workUnit'), m.workUnit)}
        </List>
        <p className="m-hint m-pad">{t('m.recordMasked')}</p>

        <section className="m-card">
          <h2 className="m-section-title">{t('m.recordHistory')}</h2>
          {milestones(m).length === 0 ? (
            <p className="m-hint">{t('member.historyEmpty')}</p>
          ) : (
            <Steps direction="vertical" current={0}>
              {milestones(m).map((s) => (
                <Steps.Step
                  key={`${s.type}-${s.date}`}
                  title={t(`memberEvent.${s.type}`)}
                  description={s.date}
                  status="finish"
                />
              ))}
            </Steps>
          )}
        </section>
      </>
    );
  }

  return (
    <div className="m-page m-record">
      <NavBar back={t('common.back')} onBack={back}>
        {t('m.record')}
      </NavBar>
      {body}
    </div>
  );
}
