import { CheckCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { nowInBeijing } from '../../../lib/time';
import { LocaleSwitch } from '../../components/LocaleSwitch';
import { LogoMark } from '../../components/Logo';

/** Split screen for login and first-login steps: party-red brand panel on the left, the form on the right. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="re-auth">
      <div className="re-auth-topbar">
        <LocaleSwitch />
      </div>
      <main className="re-auth-card">
        <section className="re-auth-brand" aria-hidden="false">
          <div className="re-auth-brand-head">
            <LogoMark size={44} />
            <div>
              <div className="re-auth-brand-name">{t('app.name')}</div>
              <div className="re-auth-brand-sub">{t('app.fullName')}</div>
            </div>
          </div>
          <h1 className="re-auth-slogan">{t('app.slogan')}</h1>
          <ul className="re-auth-features">
            {(['auth.feature1', 'auth.feature2', 'auth.feature3'] as const).map((k) => (
              <li key={k}>
                <CheckCircleFilled />
                <span>{t(k)}</span>
              </li>
            ))}
          </ul>
          <div className="re-auth-brand-foot">{t('app.owner')}</div>
        </section>
        <section className="re-auth-form">{children}</section>
      </main>
      <footer className="re-auth-footer">{t('app.footer', { year: nowInBeijing().year() })}</footer>
    </div>
  );
}
