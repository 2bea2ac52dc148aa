import type { WidgetProps } from '@rjsf/utils';
import { normalizeVnPhone } from '../formats/vn-id.format';
import { contextOf, pick } from './form-context';

/** `id-number`: CCCD/CMND digits only (up to 12); non-digits typed are dropped. */
export function IdNumberWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, registry, rawErrors } = props;
  const locale = contextOf(registry).locale;
  return (
    <input
      id={id}
      name={id}
      data-testid={id}
      className="form-control qt-id-number"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={12}
      placeholder={pick(locale, '12 chữ số', '12 digits')}
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      onChange={(e) => {
        const digits = e.target.value.replace(/\D/g, '');
        onChange(digits === '' ? undefined : digits);
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}

/** `vn-phone`: a tel input; spaces, dots and dashes are removed before the value is stored. */
export function VnPhoneWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, rawErrors } = props;
  return (
    <input
      id={id}
      name={id}
      data-testid={id}
      className="form-control qt-vn-phone"
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      placeholder="0912 345 678"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      onChange={(e) => {
        const normalized = normalizeVnPhone(e.target.value);
        onChange(normalized === '' ? undefined : normalized);
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
