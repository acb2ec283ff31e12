import type { Member } from '@red-engine/shared';
import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { educationLabel, ethnicityLabel, jobCategoryLabel } from '../../../lib/member-labels';
import { formatDateTime } from '../../../lib/time';
import { CategoryTag, MongolianName } from './MemberTags';
import { SensitiveValue } from './SensitiveValue';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
const tagList = (items: string[], color?: string) =>
  items.length === 0 ? (
    '—'
  ) : (
    <Space size={[4, 4]} wrap>
      {items.map((x) => (
        <Tag key={x} color={color}>
          {x}
        </Tag>
      ))}
    </Space>
  );

/** Every field of the record: the 16 national items, Party membership, then the extended items. */
export function MemberDescriptions({ member: m, canReveal }: { member: Member; canReveal: boolean }) {
  const { t, locale } = useI18n();
  const column = { xs: 1, sm: 2, lg: 3 };
  return (
    <>
      <Descriptions title={t('member.sectionBasic')} size="small" column={column} className="re-member-desc">
        <Descriptions.Item label={t('member.name')}>{m.name}</Descriptions.Item>
        <Descriptions.Item label={t('member.nameMongolian')}>
          {m.nameMongolian ? <MongolianName name={m.nameMongolian} /> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.gender')}>{t(`gender.${m.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('member.idNumber')}>
          <SensitiveValue memberId={m.id} field="idNumber" masked={m.idNumberMasked} canReveal={canReveal} />
        </Descriptions.Item>
        <Descriptions.Item label={t('member.ethnicity')}>{ethnicityLabel(m.ethnicity, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('member.birthDate')}>
          {m.birthDate} <span className="re-muted">({t('member.ageValue', { n: m.age })})</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('member.education')}>{educationLabel(m.education, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('member.jobCategory')}>{jobCategoryLabel(m.jobCategory, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('member.phone')}>
          <SensitiveValue memberId={m.id} field="phone" masked={m.phoneMasked} canReveal={canReveal} />
        </Descriptions.Item>
        <Descriptions.Item label={t('member.address')}>
          <SensitiveValue
            memberId={m.id}
            field="address"
            masked={m.hasAddress ? <span className="re-muted">{t('member.addressOnFile')}</span> : null}
            canReveal={canReveal}
          />
        </Descriptions.Item>
      </Descriptions>

      <Descriptions title={t('member.sectionParty')} size="small" column={column} className="re-member-desc">
        <Descriptions.Item label={t('member.category')}>
          <CategoryTag category={m.category} />
        </Descriptions.Item>
        <Descriptions.Item label={t('member.org')}>{dash(m.orgName)}</Descriptions.Item>
        <Descriptions.Item label={t('member.status')}>{t(`memberStatus.${m.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('member.joinDate')}>{dash(m.joinDate)}</Descriptions.Item>
        <Descriptions.Item label={t('member.fullMemberDate')}>{dash(m.fullMemberDate)}</Descriptions.Item>
        <Descriptions.Item label={t('member.partyAge')}>
          {m.partyAgeYears === null ? '—' : t('member.years', { n: m.partyAgeYears })}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.partyStatus')}>
          {m.partyStatus === 'suspended' ? (
            <Tag color="red">{t('partyStatus.suspended')}</Tag>
          ) : (
            t('partyStatus.normal')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.lostContact')}>
          {m.lostContact ? (
            <Tag color="orange">{m.lostSince ? `${t('common.yes')} · ${m.lostSince}` : t('common.yes')}</Tag>
          ) : (
            t('common.no')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.flowing')}>
          {m.flowing ? <Tag color="blue">{m.flowDestination ?? t('common.yes')}</Tag> : t('common.no')}
        </Descriptions.Item>
      </Descriptions>

      <Descriptions title={t('member.sectionExtended')} size="small" column={column} className="re-member-desc">
        <Descriptions.Item label={t('member.nativePlace')}>{dash(m.nativePlace)}</Descriptions.Item>
        <Descriptions.Item label={t('member.degree')}>{dash(m.degree)}</Descriptions.Item>
        <Descriptions.Item label={t('member.title')}>{dash(m.title)}</Descriptions.Item>
        <Descriptions.Item label={t('member.workUnit')}>{dash(m.workUnit)}</Descriptions.Item>
        <Descriptions.Item label={t('member.workPost')}>{dash(m.workPost)}</Descriptions.Item>
        <Descriptions.Item label={t('member.talentFlags')}>
          {tagList(
            m.talentFlags.map((f) =>
              ['doctor', 'master', 'senior_engineer'].includes(f)
                ? t(`talent.${f as 'doctor' | 'master' | 'senior_engineer'}`)
                : f,
            ),
            'purple',
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('member.tags')}>{tagList(m.tags, 'volcano')}</Descriptions.Item>
        <Descriptions.Item label={t('member.partyPosts')}>{tagList(m.partyPosts, 'red')}</Descriptions.Item>
        <Descriptions.Item label={t('member.updatedAt')}>{formatDateTime(m.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
