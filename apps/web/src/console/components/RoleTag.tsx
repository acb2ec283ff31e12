import type { RoleGrant } from '@red-engine/shared';
import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n';

const ROLE_COLORS: Record<RoleGrant['role'], string> = {
  zone_admin: 'red',
  org_admin: 'volcano',
  viewer: 'gold',
  member: 'blue',
  checkin_staff: 'cyan',
};

/** "组织管理员 · 某某党委". */
export function RoleTag({ grant }: { grant: RoleGrant }) {
  const { t } = useI18n();
  return (
    <Tag color={ROLE_COLORS[grant.role]} className="re-role-tag">
      {t(`role.${grant.role}`)}
      {grant.orgName ? ` · ${grant.orgName}` : ''}
    </Tag>
  );
}
