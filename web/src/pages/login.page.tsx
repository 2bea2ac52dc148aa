import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { ErrorBanner } from '../components/error-banner';
import { useI18n } from '../i18n/i18n-context';

/** Sign-in; asks for the TOTP code only when the server says it is needed. */
export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username: username.trim(), password, ...(needTotp && totp ? { totp } : {}) });
    } catch (reason) {
      if (reason instanceof ApiError && /TOTP/.test(reason.code)) setNeedTotp(true);
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand-large">{t('app.name')}</p>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <ErrorBanner error={error} />
        <label>
          {t('login.username')}
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {needTotp ? (
          <label>
            {t('login.totp')}
            <input name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" value={totp} onChange={(e) => setTotp(e.target.value)} />
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <div className="login-footer">
          <button type="button" className="link-button" lang={locale === 'vi' ? 'en' : 'vi'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
          <Link to="/public">{t('login.publicLinks')}</Link>
        </div>
      </form>
    </main>
  );
}
