import { useI18n } from '../i18n/i18n-context';

/** Shown for anything that takes more than a moment; announced to screen readers. */
export function Spinner({ label }: { label?: string }) {
  const { locale } = useI18n();
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      <span>{label ?? (locale === 'vi' ? 'Đang tải…' : 'Loading…')}</span>
    </div>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div className="progress">
      <progress max={100} value={percent} aria-label={label} />
      <span>{percent}%</span>
    </div>
  );
}
