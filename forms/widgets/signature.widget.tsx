import type { WidgetProps } from '@rjsf/utils';
import { contextOf, pick } from './form-context';

/**
 * `signature` on a string or boolean field (the object form is SignatureField): a "signed" checkbox;
 * for a string the signer types their full name as the signature text, cleared when unticked.
 */
export function SignatureWidget(props: WidgetProps) {
  const { id, value, schema, disabled, readonly, onChange, registry, required, rawErrors } = props;
  const locale = contextOf(registry).locale;
  const off = disabled || readonly;
  const invalid = rawErrors && rawErrors.length > 0 ? true : undefined;
  if (schema.type === 'boolean') {
    return (
      <span className="qt-signature-flag">
        <input id={id} data-testid={id} type="checkbox" checked={value === true} disabled={off} required={required} aria-invalid={invalid} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{pick(locale, 'Đã ký', 'Signed')}</label>
      </span>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="qt-signature-text" data-testid={`${id}-block`}>
      <input
        id={id}
        data-testid={id}
        className="form-control"
        value={text}
        placeholder={pick(locale, 'Gõ họ tên để ký', 'Type your full name to sign')}
        disabled={off}
        required={required}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      <input id={`${id}__signed`} data-testid={`${id}__signed`} type="checkbox" checked={text !== ''} disabled={off || text === ''} onChange={(e) => !e.target.checked && onChange(undefined)} />
      <label htmlFor={`${id}__signed`}>{pick(locale, 'Đã ký', 'Signed')}</label>
    </div>
  );
}
