import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { userApi } from './api';

/** Masked phone; users allowed to see sensitive data can reveal it (an audited read). */
export function PhoneCell({
  userId,
  masked,
  canReveal,
}: {
  userId: string;
  masked: string | null;
  canReveal: boolean;
}) {
  const { t } = useI18n();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <span className="re-muted">—</span>;

  const toggle = async () => {
    if (full) {
      setFull(null);
      return;
    }
    setLoading(true);
    try {
      const res = await userApi.revealPhone(userId);
      setFull(res.phone ?? masked);
    } catch (e) {
      reportError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space size={2}>
      <span className="re-mono">{full ?? masked}</span>
      {canReveal && (
        <Tooltip
          title={
            full
              ? t('user.hidePhone')
              : t('common.withNote', { text: t('user.showPhone'), note: t('user.phoneAudited') })
          }
        >
          <Button
            type="text"
            size="small"
            loading={loading}
            icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            aria-label={full ? t('user.hidePhone') : t('user.showPhone')}
            onClick={toggle}
          />
        </Tooltip>
      )}
    </Space>
  );
}
