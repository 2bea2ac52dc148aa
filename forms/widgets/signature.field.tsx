import type { FieldProps } from '@rjsf/utils';
import { useState } from 'react';
import { formatVnDate, isIsoDate, parseVnDate } from '../formats/vn-date.format';
import { contextOf, pick } from './form-context';
import { displayValue } from './summary.widget';

interface SignatureValue {
  name?: string;
  position?: string;
  date?: string;
  signed?: boolean;
}

function errorsOf(errorSchema: FieldProps['errorSchema'], key: string): string[] {
  const node = (errorSchema as Record<string, { __errors?: string[] }> | undefined)?.[key];
  return node?.__errors ?? [];
}

/**
 * `signature` (on an object `{ name, position, date, signed }`): the approval block at the foot of a
 * Mẫu — signer's name, position, date (dd/mm/yyyy) and a "signed" checkbox. Inputs are
 * `<id>_name`, `<id>_position`, `<id>_date`, `<id>_signed`, each with its own label.
 */
export function SignatureField(props: FieldProps) {
  const { fieldPathId, formData, onChange, schema, registry, disabled, readonly, errorSchema, required } = props;
  const locale = contextOf(registry).locale;
  const id = fieldPathId.$id;
  const value: SignatureValue = (formData as SignatureValue | undefined) ?? {};
  const [dateText, setDateText] = useState(value.date && isIsoDate(value.date) ? formatVnDate(value.date) : (value.date ?? ''));
  const props2 = (schema.properties ?? {}) as Record<string, { title?: string }>;
  const title = (key: string, vi: string, en: string) => props2[key]?.title ?? pick(locale, vi, en);
  const set = (patch: Partial<SignatureValue>) => {
    const next: SignatureValue = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof SignatureValue)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as FieldProps['formData'], fieldPathId.path);
  };
  const off = disabled || readonly;
  const errorList = (key: string) => {
    const errors = errorsOf(errorSchema, key);
    return errors.length > 0 ? (
      <ul id={`${id}_${key}__error`} className="error-detail" role="alert">
        {errors.map((e) => (
          <li key={e} className="text-danger">
            {e}
          </li>
        ))}
      </ul>
    ) : null;
  };
  return (
    <fieldset id={id} data-testid={id} className="qt-signature">
      <legend>
        {schema.title ?? pick(locale, 'Xác nhận, ký', 'Approval')}
        {required ? <span className="required">*</span> : null}
      </legend>
      <div className="qt-signature-row">
        <label htmlFor={`${id}_name`}>{title('name', 'Họ tên người ký', 'Signer name')}</label>
        <input id={`${id}_name`} data-testid={`${id}_name`} className="form-control" disabled={off} value={value.name ?? ''} onChange={(e) => set({ name: e.target.value })} />
        {errorList('name')}
      </div>
      <div className="qt-signature-row">
        <label htmlFor={`${id}_position`}>{title('position', 'Chức vụ', 'Position')}</label>
        <input id={`${id}_position`} data-testid={`${id}_position`} className="form-control" disabled={off} value={value.position ?? ''} onChange={(e) => set({ position: e.target.value })} />
        {errorList('position')}
      </div>
      <div className="qt-signature-row">
        <label htmlFor={`${id}_date`}>{title('date', 'Ngày ký', 'Date')}</label>
        <input
          id={`${id}_date`}
          data-testid={`${id}_date`}
          className="form-control"
          placeholder="dd/mm/yyyy"
          disabled={off}
          value={dateText}
          onChange={(e) => {
            setDateText(e.target.value);
            set({ date: e.target.value.trim() === '' ? undefined : (parseVnDate(e.target.value) ?? e.target.value) });
          }}
        />
        {errorList('date')}
      </div>
      <div className="qt-signature-row">
        <input id={`${id}_signed`} data-testid={`${id}_signed`} type="checkbox" disabled={off} checked={value.signed === true} onChange={(e) => set({ signed: e.target.checked })} />
        <label htmlFor={`${id}_signed`}>{title('signed', 'Đã ký', 'Signed')}</label>
        {errorList('signed')}
      </div>
    </fieldset>
  );
}

/** A read-only section (`ui:widget: summary` or `x-readonly-summary` on an object): label/value pairs. */
export function SummarySectionField(props: FieldProps) {
  const { fieldPathId, formData, schema, registry } = props;
  const locale = contextOf(registry).locale;
  const id = fieldPathId.$id;
  const data = (formData ?? {}) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, { title?: string; format?: string; enum?: unknown[]; enumNames?: string[] }>;
  return (
    <section id={id} data-testid={id} className="qt-summary-section" aria-labelledby={`${id}__title`}>
      {schema.title && <h3 id={`${id}__title`}>{schema.title}</h3>}
      <dl>
        {Object.entries(properties).map(([key, sub]) => (
          <div key={key} className="qt-summary-row">
            <dt id={`${id}_${key}__label`}>{sub.title ?? key}</dt>
            <dd data-testid={`${id}_${key}`} aria-labelledby={`${id}_${key}__label`}>
              {displayValue(
                data[key],
                sub.format,
                sub.enum?.map((v, i) => ({ value: v, label: sub.enumNames?.[i] ?? String(v) })),
                locale,
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
