import type { OrgType } from '@red-engine/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

export const ORG_TYPE_COLORS: Record<OrgType, string> = {
  work_committee: 'red',
  party_committee: 'volcano',
  general_branch: 'orange',
  branch: 'gold',
  joint_branch: 'lime',
  temporary_branch: 'cyan',
  party_group: 'geekblue',
};

export function OrgTypeTag({ type, small = false }: { type: OrgType; small?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={ORG_TYPE_COLORS[type]} className={small ? 're-type-tag-sm' : undefined} variant="outlined">
      {t(`orgType.${type}`)}
    </Tag>
  );
}
