import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';

export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale } = useI18n();
  if (!error) return null;
  const text = error instanceof ApiError ? error.text(locale) : locale === 'vi' ? 'Đã có lỗi xảy ra.' : 'Something went wrong.';
  return (
    <div className="error-banner" role="alert">
      <span>{text}</span>
      {error instanceof ApiError && error.code ? <code className="error-code">{error.code}</code> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {locale === 'vi' ? 'Thử lại' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}
