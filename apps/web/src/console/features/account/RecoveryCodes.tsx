import { Alert, Button, Space } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { CopyButton } from '../../components/CopyButton';

/** The one-time list of recovery codes, with copy and an explicit "I have saved them". */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div>
      <Alert type="warning" showIcon title={t('account.recoveryCodes')} description={t('account.recoveryCodesHint')} />
      <ul className="re-recovery-codes" aria-label={t('account.recoveryCodes')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <Space>
        <CopyButton text={codes.join('\n')} label={t('account.copyAll')} />
        <Button type="primary" onClick={onDone}>
          {t('account.recoverySaved')}
        </Button>
      </Space>
    </div>
  );
}
