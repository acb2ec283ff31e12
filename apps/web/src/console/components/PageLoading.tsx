import { Spin } from 'antd';
import { useI18n } from '../../lib/i18n';

export function PageLoading({ fullscreen = false }: { fullscreen?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={fullscreen ? 're-loading re-loading-full' : 're-loading'}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}
