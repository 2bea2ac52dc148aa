import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context';

export function TrackingCode({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <div className="success tracking" role="status">
      <p>{t('public.sent')}</p>
      <p className="tracking-code" data-testid="tracking-code">
        {code}
      </p>
      <p>{t('public.keepCode')}</p>
      <Link to={`/public/status?code=${encodeURIComponent(code)}`}>{t('public.status')}</Link>
    </div>
  );
}
