import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  label,
}: {
  children: ReactNode;
  /** Accessible name when the visible text alone is ambiguous (e.g. one button per table row). */
  label?: string;
  question?: string;
  onConfirm(): void;
  busy?: boolean;
  className?: string;
}) {
  const { locale } = useI18n();
  const [asking, setAsking] = useState(false);
  // Keyboard users keep their place: the question's confirm button takes the focus, Cancel gives it back.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) buttonRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (asking && question) {
    return (
      <span className="confirm" role="group">
        <span>{question}</span>
        <button
          type="button"
          className="primary"
          ref={confirmRef}
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
    <button type="button" ref={buttonRef} className={className ?? 'primary'} disabled={busy} aria-busy={busy} aria-label={label} onClick={() => (question ? setAsking(true) : onConfirm())}>
      {children}
    </button>
  );
}
