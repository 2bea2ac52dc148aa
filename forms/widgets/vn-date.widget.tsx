import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState, type ChangeEvent } from 'react';
import { formatVnDate, formatVnDateTime, isIsoDate, parseVnDate, parseVnDateTime } from '../formats/vn-date.format';
import { contextOf, pick } from './form-context';

function useTextValue(value: unknown, format: (v: string) => string): [string, (t: string) => void, (f: boolean) => void] {
  const shown = typeof value === 'string' ? format(value) : '';
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown);
  }, [shown, focused]);
  return [text, setText, setFocused];
}

/**
 * `vn-date`: a dd/mm/yyyy text box storing `YYYY-MM-DD`. Text that is not a real date is passed on as
 * typed, so the `format: date` validation reports it next to the field.
 */
export function VnDateWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, registry, rawErrors } = props;
  const locale = contextOf(registry).locale;
  const [text, setText, setFocused] = useTextValue(value, (v) => (isIsoDate(v) ? formatVnDate(v) : v));
  const handle = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    onChange(typed.trim() === '' ? undefined : (parseVnDate(typed) ?? typed));
  };
  return (
    <input
      id={id}
      name={id}
      data-testid={id}
      className="form-control qt-vn-date"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={pick(locale, 'dd/mm/yyyy', 'dd/mm/yyyy')}
      value={text}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={`${id}__error ${id}__help`}
      onChange={handle}
      onFocus={() => {
        setFocused(true);
        onFocus(id, value);
      }}
      onBlur={() => {
        setFocused(false);
        onBlur(id, value);
      }}
    />
  );
}

/** `vn-datetime`: `dd/mm/yyyy HH:mm` (Vietnam time, 24 h) storing ISO 8601 with `+07:00`. */
export function VnDateTimeWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, rawErrors } = props;
  const [text, setText, setFocused] = useTextValue(value, (v) => (Number.isNaN(Date.parse(v)) ? v : formatVnDateTime(v)));
  const handle = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    onChange(typed.trim() === '' ? undefined : (parseVnDateTime(typed) ?? typed));
  };
  return (
    <input
      id={id}
      name={id}
      data-testid={id}
      className="form-control qt-vn-datetime"
      type="text"
      autoComplete="off"
      placeholder="dd/mm/yyyy HH:mm"
      value={text}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
      aria-describedby={`${id}__error ${id}__help`}
      onChange={handle}
      onFocus={() => {
        setFocused(true);
        onFocus(id, value);
      }}
      onBlur={() => {
        setFocused(false);
        onBlur(id, value);
      }}
    />
  );
}
