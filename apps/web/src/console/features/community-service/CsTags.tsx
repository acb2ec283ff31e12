import type { ClaimStatus, NeedStatus, ReportStatus, ServiceCategory } from '@red-engine/shared';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

const NEED_COLORS: Record<NeedStatus, string> = { open: 'green', full: 'orange', closed: 'default' };
const CLAIM_COLORS: Record<ClaimStatus, string> = {
  claimed: 'blue',
  completed: 'gold',
  confirmed: 'green',
  cancelled: 'default',
};

export function ReportStatusTag({ status, overdue }: { status: ReportStatus; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={status === 'active' ? 'green' : 'default'}>{t(`reportStatus.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('cs.overdueTag')}</Tag>}
    </Space>
  );
}

export const NeedStatusTag = ({ status }: { status: NeedStatus }) => {
  const { t } = useI18n();
  return <Tag color={NEED_COLORS[status]}>{t(`needStatus.${status}`)}</Tag>;
};

export const ClaimStatusTag = ({ status }: { status: ClaimStatus }) => {
  const { t } = useI18n();
  return <Tag color={CLAIM_COLORS[status]}>{t(`claimStatus.${status}`)}</Tag>;
};

export function CategoryTags({ codes }: { codes: readonly ServiceCategory[] }) {
  const { t } = useI18n();
  if (codes.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((c) => (
        <Tag key={c} bordered={false} color="volcano">
          {t(`serviceCategory.${c}`)}
        </Tag>
      ))}
    </Space>
  );
}
