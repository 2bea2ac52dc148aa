import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

type Health = 'checking' | 'ok' | 'down';

export function HomePage() {
  const { t } = useI18n();
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    let alive = true;
    fetch('/health')
      .then((response) => alive && setHealth(response.ok ? 'ok' : 'down'))
      .catch(() => alive && setHealth('down'));
    return () => {
      alive = false;
    };
  }, []);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('app.tagline')}</p>
      <p>{t('home.body')}</p>
      <p role="status" data-testid="health" className={`health health-${health}`}>
        {t(`health.${health}`)}
      </p>
    </section>
  );
}
