import { GENDERS, MEMBER_CATEGORIES, MEMBER_STATUSES, PARTY_STATUSES } from '@red-engine/shared';
import { Input, Select } from 'antd';
import type { QueryParams } from '../../../lib/http';
import { useI18n } from '../../../lib/i18n';
import { educationOptions, ethnicityOptions } from '../../../lib/member-labels';

export interface MemberFilterValues {
  keyword?: string;
  category?: string;
  gender?: string;
  ethnicity?: string;
  education?: string;
  tag?: string;
  lostContact?: 'true' | 'false';
  flowing?: 'true' | 'false';
  status?: string;
  partyStatus?: string;
}

export const filterParams = (f: MemberFilterValues): QueryParams => ({
  ...f,
  keyword: f.keyword?.trim() || undefined,
  tag: f.tag?.trim() || undefined,
});

/** The search bar above the member table: keyword (name / pinyin initials / ID or phone tail) and the code filters. */
export function MemberFilters({
  value,
  onChange,
}: {
  value: MemberFilterValues;
  onChange: (next: MemberFilterValues) => void;
}) {
  const { t, locale } = useI18n();
  const set =
    <K extends keyof MemberFilterValues>(key: K) =>
    (v: MemberFilterValues[K]) =>
      onChange({ ...value, [key]: v });
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const select = (
    key: keyof MemberFilterValues,
    label: string,
    options: { value: string; label: string }[],
    width = 120,
  ) => (
    <Select
      allowClear
      showSearch={options.length > 12 ? { optionFilterProp: 'label' } : false}
      aria-label={label}
      placeholder={label}
      style={{ width }}
      value={value[key]}
      onChange={set(key)}
      options={options}
    />
  );

  return (
    <div className="re-filter-bar">
      <Input.Search
        allowClear
        aria-label={t('common.keyword')}
        placeholder={t('member.keywordPlaceholder')}
        style={{ width: 300 }}
        onSearch={set('keyword')}
      />
      {select(
        'category',
        t('member.filterCategory'),
        MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`memberCategory.${c}`) })),
      )}
      {select(
        'gender',
        t('member.filterGender'),
        GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })),
        100,
      )}
      {select('ethnicity', t('member.filterEthnicity'), ethnicityOptions(locale), 130)}
      {select('education', t('member.filterEducation'), educationOptions(locale), 130)}
      <Input
        allowClear
        aria-label={t('member.filterTag')}
        placeholder={t('member.filterTag')}
        style={{ width: 120 }}
        onPressEnter={(e) => set('tag')(e.currentTarget.value)}
        onBlur={(e) => set('tag')(e.currentTarget.value)}
        onClear={() => set('tag')(undefined)}
      />
      {select('lostContact', t('member.filterLost'), yesNo, 100)}
      {select('flowing', t('member.filterFlowing'), yesNo, 100)}
      {select(
        'status',
        t('member.filterStatus'),
        MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) })),
      )}
      {select(
        'partyStatus',
        t('member.filterPartyStatus'),
        PARTY_STATUSES.map((s) => ({ value: s, label: t(`partyStatus.${s}`) })),
        130,
      )}
    </div>
  );
}
