import type { TransferKind, TransferStatus } from '@red-engine/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

const STATUS_COLORS: Record<TransferStatus, string> = {
  pending: 'processing',
  approved: 'cyan',
  completed: 'success',
  rejected: 'error',
  revoked: 'default',
};

const KIND_COLORS: Record<TransferKind, string> = {
  within_zone: 'blue',
  out_of_zone: 'volcano',
  into_zone: 'green',
};

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`transferStatus.${status}`)}</Tag>;
}

export function TransferKindTag({ kind }: { kind: TransferKind }) {
  const { t } = useI18n();
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined">
      {t(`transferKind.${kind}`)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return <Tag color="red">{t('transfer.overdueTag')}</Tag>;
}
