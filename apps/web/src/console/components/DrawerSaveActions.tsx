import { Button, Space } from 'antd';
import { useI18n } from '../../lib/i18n';

/** Cancel and save buttons for the header of a form drawer; save submits the drawer's form. */
export function DrawerSaveActions({
  onCancel,
  onSave,
  saving,
}: {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" loading={saving} onClick={onSave}>
        {t('common.save')}
      </Button>
    </Space>
  );
}
