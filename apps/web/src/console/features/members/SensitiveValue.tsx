import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { memberApi, type SensitiveField } from './api';

/**
 * A masked ID number, phone or address; people with member:read-sensitive can reveal it
 * (GET /members/:id/sensitive, an audited read), like the users' PhoneCell.
 */
export function SensitiveValue({
  memberId,
  field,
  masked,
  canReveal,
}: {
  memberId: string;
  field: SensitiveField;
  masked: ReactNode | null;
  canReveal: boolean;
}) {
  const { t } = useI18n();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (masked === null || masked === '') return <span className="re-muted">—</span>;

  const toggle = async () => {
    if (full !== null) {
      setFull(null);
      return;
    }
    setLoading(true);
    try {
      const res = await memberApi.reveal(memberId, field);
      setFull(res.value ?? '');
    } catch (e) {
      reportError(e);
    } finally {
      setLoading(false);
    }
  };

  const label = t(`member.${field}`);
  return (
    <Space size={2}>
      <span className={field === 'address' ? undefined : 're-mono'}>{full ?? masked}</span>
      {canReveal && (
        <Tooltip
          title={
            full !== null
              ? t('member.hide')
              : t('common.withNote', { text: t('member.reveal'), note: t('member.revealAudited') })
          }
        >
          <Button
            type="text"
            size="small"
            loading={loading}
            icon={full !== null ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            aria-label={`${full !== null ? t('member.hide') : t('member.reveal')} ${label}`}
            onClick={toggle}
          />
        </Tooltip>
      )}
    </Space>
  );
}
