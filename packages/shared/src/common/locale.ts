export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Picks our locale from an Accept-Language header or a stored preference. */
export function pickLocale(input: string | undefined | null): Locale {
  if (!input) return DEFAULT_LOCALE;
  const lower = input.toLowerCase();
  const zh = lower.indexOf('zh');
  const en = lower.indexOf('en');
  if (en >= 0 && (zh < 0 || en < zh)) return 'en-US';
  return DEFAULT_LOCALE;
}
