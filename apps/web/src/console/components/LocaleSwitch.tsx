import { TranslationOutlined } from '@ant-design/icons';
import { LOCALES, type Locale } from '@red-engine/shared';
import { Button, Dropdown } from 'antd';
import { reportError } from '../../lib/errors';
import { LOCALE_LABELS, useI18n } from '../../lib/i18n';
import { saveLocalePreference } from '../../lib/session';

/** Language switch: changes at once, remembers locally, and saves on the server when logged in. */
export function LocaleSwitch({ light = false }: { light?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    saveLocalePreference(next).catch(reportError);
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: LOCALE_LABELS[l] })),
        onClick: ({ key }) => choose(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        aria-label={t('common.switchLanguage')}
        className={light ? 're-header-btn re-header-btn-light' : 're-header-btn'}
      >
        {LOCALE_LABELS[locale]}
      </Button>
    </Dropdown>
  );
}
