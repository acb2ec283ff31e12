import { ApartmentOutlined, CalendarOutlined, LockOutlined } from '@ant-design/icons';
import type { CampaignDetail, CampaignStatus } from '@red-engine/shared';
import { Alert, Card, Progress, Steps } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { StatusTag } from './labels';

const SECRETARY_STEPS: CampaignStatus[] = ['preparing', 'voting', 'closed'];
const MEMBER_STEPS: CampaignStatus[] = ['preparing', 'voting', 'closed', 'submitted', 'confirmed'];

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="re-ev-stat">
      <output className="re-ev-stat-value" aria-label={label}>
        {value}
      </output>
      <div className="re-ev-stat-label">{label}</div>
    </div>
  );
}

/** Title, stage, the steps of the campaign and its figures (subjects, reports or self-assessments, turnout). */
export function CampaignHeader({ c }: { c: CampaignDetail }) {
  const { t } = useI18n();
  const secretary = c.kind === 'secretary_review';
  const steps = secretary ? SECRETARY_STEPS : MEMBER_STEPS;
  const stepTitle = (s: CampaignStatus) =>
    !secretary && (s === 'preparing' || s === 'closed')
      ? t(s === 'preparing' ? 'ev.detail.steps.preparingMember' : 'ev.detail.steps.closedMember')
      : t(`ev.detail.steps.${s}`);
  const current = steps.indexOf(c.status);
  const finished = secretary ? c.status === 'closed' : c.status === 'confirmed';
  const written = secretary
    ? c.subjects.filter((s) => s.report).length
    : c.subjects.filter((s) => s.selfAssessment).length;
  return (
    <Card className="re-ev-header">
      {c.status === 'closed' && c.returnedReason && (
        <Alert
          type="warning"
          showIcon
          className="re-modal-alert"
          title={t('ev.detail.returned', { reason: c.returnedReason })}
        />
      )}
      <div className="re-ev-header-inner">
        <div className="re-ev-header-main">
          <div className="re-ev-header-title">
            <h2>{c.title}</h2>
            <StatusTag kind={c.kind} status={c.status} />
          </div>
          <div className="re-ev-facts">
            <span>
              <ApartmentOutlined /> {t('ev.detail.orgLine', { org: c.orgName, year: c.year })}
            </span>
            {(c.startsOn || c.endsOn) && (
              <span>
                <CalendarOutlined /> {c.startsOn ?? ''} ~ {c.endsOn ?? ''}
              </span>
            )}
          </div>
          <Steps
            size="small"
            className="re-ev-steps"
            current={finished ? steps.length : current}
            items={steps.map((s) => ({ title: stepTitle(s) }))}
          />
        </div>
        <div className="re-ev-figures">
          <Stat label={t('ev.detail.subjectsCount')} value={c.subjects.length} />
          <Stat
            label={t(secretary ? 'ev.detail.reportsIn' : 'ev.detail.selfIn')}
            value={`${written}/${c.subjects.length}`}
          />
          <Stat label={t('ev.detail.eligible')} value={c.turnout.eligible || '—'} />
          <Stat label={t('ev.detail.cast')} value={c.turnout.eligible ? c.turnout.cast : '—'} />
          <Progress
            type="circle"
            size={92}
            percent={c.turnout.percent ?? 0}
            strokeColor="#c8102e"
            format={() => (
              <span className="re-ev-rate">
                <strong>{c.turnout.percent === null ? '—' : `${c.turnout.percent}%`}</strong>
                <small>{t('ev.detail.turnout')}</small>
              </span>
            )}
          />
        </div>
      </div>
      <div className="re-ev-secrecy">
        <LockOutlined /> {t('ev.detail.secrecy')}
      </div>
    </Card>
  );
}
