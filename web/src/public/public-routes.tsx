import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context';
import { RegisterPage } from './register.page';
import { ReportPage } from './report.page';
import { StatusPage } from './status.page';

/** Online public services (no sign-in): voluntary-rehab registration, hotline report, status lookup. */
export default function PublicRoutes() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="shell public-shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="shell-header">
        <Link to="/public" className="brand">
          {t('app.name')} — {t('public.title')}
        </Link>
        <nav aria-label={t('public.title')}>
          <ul>
            <li>
              <NavLink to="/public/register">{t('public.register')}</NavLink>
            </li>
            <li>
              <NavLink to="/public/report">{t('public.report')}</NavLink>
            </li>
            <li>
              <NavLink to="/public/status">{t('public.status')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="header-tools">
          <button type="button" className="lang-switch" lang={locale === 'vi' ? 'en' : 'vi'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
          <Link to="/">{t('public.login')}</Link>
        </div>
      </header>
      <main id="main" className="shell-main narrow" tabIndex={-1}>
        <Routes>
          <Route index element={<PublicHome />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="report" element={<ReportPage />} />
          <Route path="status" element={<StatusPage />} />
        </Routes>
      </main>
    </div>
  );
}

function PublicHome() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('public.title')}</h1>
      <ul className="cards">
        <li>
          <Link to="/public/register">{t('public.register')}</Link>
        </li>
        <li>
          <Link to="/public/report">{t('public.report')}</Link>
        </li>
        <li>
          <Link to="/public/status">{t('public.status')}</Link>
        </li>
      </ul>
    </section>
  );
}
