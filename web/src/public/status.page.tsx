import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { formatDate } from '../format/format';
import { useQuery } from '../hooks/use-query';
import { stateLabel } from '../i18n/state-label';
import { useI18n } from '../i18n/i18n-context';
import { publicApi } from './public-api';

/** Status lookup by tracking code (no personal data is shown). */
export function StatusPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const [text, setText] = useState(code);
  const status = useQuery((signal) => publicApi.status(code, signal), [code], { enabled: code !== '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(text.trim() ? { code: text.trim().toUpperCase() } : {});
  }

  return (
    <section>
      <h1>{t('public.status')}</h1>
      <form className="filters" onSubmit={submit}>
        <label className="grow">
          {t('public.code')}
          <input name="code" value={text} onChange={(e) => setText(e.target.value)} autoCapitalize="characters" />
        </label>
        <button type="submit" className="primary">
          {t('public.lookup')}
        </button>
      </form>
      {code && status.loading ? <Spinner /> : null}
      <ErrorBanner error={status.error} />
      {code && status.data ? (
        <dl className="facts" data-testid="public-status">
          <dt>{t('public.code')}</dt>
          <dd>{status.data.code}</dd>
          <dt>{t('public.received')}</dt>
          <dd>{formatDate(status.data.receivedAt)}</dd>
          <dt>{t('public.statusLabel')}</dt>
          <dd>{stateLabel(t, status.data.state)}</dd>
          <dt>{t('public.currentStep')}</dt>
          <dd>{status.data.currentSteps.join(', ') || '—'}</dd>
        </dl>
      ) : null}
    </section>
  );
}
