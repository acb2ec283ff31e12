import type { Locale } from '@red-engine/shared';
import { reportError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { saveLocalePreference } from '../../lib/session';

/** Switches between 中文 and English; saves on the server when logged in. */
export function useToggleLocale() {
  const { locale, setLocale } = useI18n();
  return (next?: Locale) => {
    const target: Locale = next ?? (locale === 'zh-CN' ? 'en-US' : 'zh-CN');
    if (target === locale) return;
    setLocale(target);
    saveLocalePreference(target).catch(reportError);
  };
}

export function LocaleToggle() {
  const { locale, t } = useI18n();
  const toggle = useToggleLocale();
  return (
    <button type="button" className="m-locale-toggle" onClick={() => toggle()} aria-label={t('common.switchLanguage')}>
      {locale === 'zh-CN' ? 'EN' : '中文'}
    </button>
  );
}
