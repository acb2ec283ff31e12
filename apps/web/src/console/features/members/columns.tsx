import type { Locale, Member } from '@red-engine/shared';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../../lib/i18n';
import { educationLabel, ethnicityLabel } from '../../../lib/member-labels';
import { CategoryTag, MemberFlagTags, MongolianName } from './MemberTags';
import { SensitiveValue } from './SensitiveValue';

export interface MemberColumnOptions {
  locale: Locale;
  canReveal: boolean;
  open: (m: Member) => void;
}

export function memberColumns(t: Translate, o: MemberColumnOptions): ColumnsType<Member> {
  return [
    {
      title: t('member.name'),
      dataIndex: 'name',
      width: 130,
      fixed: 'left',
      sorter: true,
      render: (_, m) => (
        <div>
          <Typography.Link onClick={() => o.open(m)} strong>
            {m.name}
          </Typography.Link>
          {m.nameMongolian && (
            <div className="re-cell-sub">
              <MongolianName name={m.nameMongolian} />
            </div>
          )}
        </div>
      ),
    },
    { title: t('member.gender'), dataIndex: 'gender', width: 70, render: (v: Member['gender']) => t(`gender.${v}`) },
    { title: t('member.age'), dataIndex: 'age', width: 70, align: 'right' },
    {
      title: t('member.ethnicity'),
      dataIndex: 'ethnicity',
      width: 100,
      render: (v: string) => ethnicityLabel(v, o.locale),
    },
    {
      title: t('member.education'),
      dataIndex: 'education',
      width: 110,
      render: (v: string) => educationLabel(v, o.locale),
    },
    {
      title: t('member.category'),
      dataIndex: 'category',
      width: 110,
      render: (v: Member['category']) => <CategoryTag category={v} />,
    },
    {
      title: t('member.org'),
      dataIndex: 'orgName',
      width: 180,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('member.joinDate'),
      dataIndex: 'joinDate',
      width: 115,
      sorter: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('member.partyAge'),
      dataIndex: 'partyAgeYears',
      width: 80,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : t('member.years', { n: v })),
    },
    {
      title: t('member.phone'),
      dataIndex: 'phoneMasked',
      width: 150,
      render: (_, m) => <SensitiveValue memberId={m.id} field="phone" masked={m.phoneMasked} canReveal={o.canReveal} />,
    },
    { title: t('member.flags'), key: 'flags', width: 120, render: (_, m) => <MemberFlagTags member={m} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => o.open(m)} aria-label={`${t('member.open')} ${m.name}`}>
          {t('common.detail')}
        </Button>
      ),
    },
  ];
}
