import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerifyResult } from '@red-engine/shared';
import { Button, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { reportError } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n';
import { auditApi } from './api';

/** 校验审计链: recomputes the hash chain on the server and reports ok or the first broken entry. */
export function VerifyChainButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);

  const verify = async () => {
    setBusy(true);
    try {
      setResult(await auditApi.verify());
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify}>
        {t('audit.verify')}
      </Button>
      <Modal
        open={Boolean(result)}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            {t('common.close')}
          </Button>
        }
        title={t('audit.verify')}
      >
        {result && (
          <Result
            status={result.ok ? 'success' : 'error'}
            title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
            subTitle={
              result.ok
                ? t('audit.verifyOkDetail', { checked: result.checked, head: result.headSeq ?? 0 })
                : t('audit.verifyBrokenDetail', { seq: result.brokenAt ?? '?', reason: result.reason ?? '' })
            }
            extra={
              result.headHash && (
                <Typography.Text type="secondary" className="re-mono re-hash">
                  {t('common.labelValue', { label: t('audit.headHash'), value: result.headHash })}
                </Typography.Text>
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
