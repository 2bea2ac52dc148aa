import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

const sections: { to: string; key: MessageKey }[] = [
  { to: '/tasks', key: 'nav.tasks' },
  { to: '/cases', key: 'nav.cases' },
  { to: '/reports', key: 'nav.reports' },
  { to: '/designer', key: 'nav.designer' },
  { to: '/admin', key: 'nav.admin' },
];

export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {locale === 'vi' ? 'Bỏ qua điều hướng' : 'Skip to content'}
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <nav aria-label={locale === 'vi' ? 'Điều hướng chính' : 'Main navigation'}>
          <ul>
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to}>{t(s.key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="lang-switch" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
          {t('lang.switch')}
        </button>
      </header>
      <main id="main" className="shell-main">
        {children}
      </main>
    </div>
  );
}
