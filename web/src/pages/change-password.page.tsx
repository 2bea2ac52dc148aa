import { useState, type FormEvent } from 'react';
import { sessionApi } from '../api/endpoints';
import { ErrorBanner } from '../components/error-banner';
import { useAction } from '../hooks/use-query';
import { useI18n } from '../i18n/i18n-context';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const action = useAction(sessionApi.changePassword);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    const result = await action.execute({ currentPassword: current, newPassword: next });
    if (result.ok) {
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <section className="narrow">
      <h1>{t('password.title')}</h1>
      <form onSubmit={submit} className="stack">
        <ErrorBanner error={action.error} />
        {done ? (
          <p role="status" className="success">
            {t('password.done')}
          </p>
        ) : null}
        <label>
          {t('password.current')}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          {t('password.new')}
          <input type="password" autoComplete="new-password" required aria-describedby="password-hint" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <p id="password-hint" className="muted">
          {t('password.hint')}
        </p>
        <label>
          {t('password.repeat')}
          <input type="password" autoComplete="new-password" required value={repeat} aria-invalid={mismatch} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        {mismatch ? (
          <p role="alert" className="field-error">
            {t('password.mismatch')}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={action.busy} aria-busy={action.busy}>
          {t('password.submit')}
        </button>
      </form>
    </section>
  );
}
