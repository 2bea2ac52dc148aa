import { useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { UserMenu } from './user-menu';

const sections: { to: string; key: MessageKey; visible?: (can: (a: string, s: string) => boolean) => boolean }[] = [
  { to: '/tasks', key: 'nav.tasks' },
  { to: '/cases', key: 'nav.cases', visible: (can) => can('read', 'Person') },
  { to: '/reports', key: 'nav.reports' },
  { to: '/designer', key: 'nav.designer', visible: (can) => can('deploy', 'Definition') || can('create', 'Variant') },
  { to: '/admin', key: 'nav.admin', visible: (can) => can('read', 'Incident') || can('update', 'User') },
];

/** Header with navigation (collapses into a menu button on a phone), language switch and user menu. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { can } = useSession();
  const [navOpen, setNavOpen] = useState(false);
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setNavOpen(false);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <button type="button" className="nav-toggle" aria-expanded={navOpen} aria-controls="main-nav" onClick={() => setNavOpen(!navOpen)}>
          ☰ <span>{t('nav.menu')}</span>
        </button>
        <nav id="main-nav" aria-label={t('nav.main')} className={navOpen ? 'open' : undefined}>
          <ul>
            {sections
              .filter((s) => !s.visible || s.visible(can))
              .map((s) => (
                <li key={s.to}>
                  <NavLink to={s.to}>{t(s.key)}</NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="header-tools">
          <button type="button" className="lang-switch" lang={locale === 'vi' ? 'en' : 'vi'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
