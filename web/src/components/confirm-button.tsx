import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/**
 * A state-changing button that says what will happen and asks once more when the action cannot be
 * undone (DESIGN.md §12).
 */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  busy,
  className,
}: {
  children: ReactNode;
  question?: string;
  onConfirm(): void;
  busy?: boolean;
  className?: string;
}) {
  const { locale } = useI18n();
  const [asking, setAsking] = useState(false);
  if (asking && question) {
    return (
      <span className="confirm" role="group">
        <span>{question}</span>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {locale === 'vi' ? 'Đồng ý' : 'Confirm'}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {locale === 'vi' ? 'Hủy' : 'Cancel'}
        </button>
      </span>
    );
  }
  return (
    <button type="button" className={className ?? 'primary'} disabled={busy} aria-busy={busy} onClick={() => (question ? setAsking(true) : onConfirm())}>
      {children}
    </button>
  );
}
