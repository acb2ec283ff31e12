import type { Org } from '@red-engine/shared';
import { Alert, Badge, Descriptions } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { todayIsoInBeijing } from '../../../lib/time';
import { useOrg } from './api';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** 组织信息: the national record fields of the selected organization, under its name in the header card. */
export function OrgInfo({ org }: { org: Org }) {
  const { t } = useI18n();
  const contact = [org.contactPerson, org.contactPhone].filter(Boolean).join(' · ');
  const approver = useOrg(org.parentApprovedBy ?? undefined);
  const overdue =
    org.type === 'temporary_branch' &&
    org.status === 'active' &&
    org.temporaryUntil !== null &&
    org.temporaryUntil < todayIsoInBeijing();
  return (
    <>
      {org.status === 'dissolved' && (
        <Alert
          type="warning"
          showIcon
          className="re-modal-alert"
          title={t('org.dissolvedBanner', { date: org.dissolvedOn ?? '—', reason: org.dissolvedReason ?? '—' })}
        />
      )}
      {overdue && <Alert type="warning" showIcon className="re-modal-alert" title={t('org.projectOverdue')} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3, xxl: 4 }} className="re-org-desc">
        <Descriptions.Item label={t('org.shortName')}>{dash(org.shortName)}</Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>
          <span className="re-mono">{dash(org.code)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('org.domain')}>
          {org.domain ? `${t(`orgDomain.${org.domain}`)} · ${t(`orgBrand.${org.domain}`)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.status')}>
          <Badge status={org.status === 'active' ? 'success' : 'default'} text={t(`orgStatus.${org.status}`)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.foundedOn')}>{dash(org.foundedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('org.foundingDocNo')}>{dash(org.foundingDocNo)}</Descriptions.Item>
        <Descriptions.Item label={t('org.unitSituation')}>
          {org.unitSituation ? t(`unitSituation.${org.unitSituation}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('org.secretaryName')}>{dash(org.secretaryName)}</Descriptions.Item>
        <Descriptions.Item label={t('org.address')}>{dash(org.address)}</Descriptions.Item>
        <Descriptions.Item label={t('org.contactPerson')}>{dash(contact)}</Descriptions.Item>
        {org.type === 'temporary_branch' && (
          <>
            <Descriptions.Item label={t('org.projectName')}>{dash(org.projectName)}</Descriptions.Item>
            <Descriptions.Item label={t('org.temporaryUntil')}>{dash(org.temporaryUntil)}</Descriptions.Item>
            <Descriptions.Item label={t('org.parentApprovedBy')}>
              {dash(org.parentApprovedBy ? (approver.data?.name ?? '…') : null)}
            </Descriptions.Item>
            {org.projectEndedOn && (
              <Descriptions.Item label={t('org.projectEndedOn')}>{org.projectEndedOn}</Descriptions.Item>
            )}
          </>
        )}
        {org.status === 'dissolved' && (
          <>
            <Descriptions.Item label={t('org.dissolvedOn')}>{dash(org.dissolvedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('org.dissolvedReason')}>{dash(org.dissolvedReason)}</Descriptions.Item>
          </>
        )}
      </Descriptions>
    </>
  );
}
