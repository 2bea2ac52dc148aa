import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState, type ChangeEvent } from 'react';
import { formatVnDate, formatVnDateTime, isIsoDate, parseVnDate, parseVnDateTime } from '../formats/vn-date.format';

function useTextValue(value: unknown, format: (v: string) => string): [string, (t: string) => void, (f: boolean) => void] {
  const shown = typeof value === 'string' ? format(value) : '';
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown);
  }, [shown, focused]);
  return [text, setText, setFocused];
}

interface TextFormat {
  className: string;
  placeholder: string;
  inputMode?: 'numeric';
  /** Stored value → text shown. */
  show(value: string): string;
  /** Text typed → stored value, or null when it is not a real date (then passed on as typed). */
  parse(text: string): string | null;
}

/**
 * A text box that shows Vietnamese dd/mm/yyyy text and stores ISO values. Text that does not parse is
 * passed on as typed, so the schema's `format` validation reports it next to the field.
 */
function FormattedTextInput({ props, format }: { props: WidgetProps; format: TextFormat }) {
  const { id, value, required, disabled, readonly, autofocus, onChange, onBlur, onFocus, rawErrors } = props;
  const [text, setText, setFocused] = useTextValue(value, format.show);
  const handle = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.target.value;
    setText(typed);
    onChange(typed.trim() === '' ? undefined : (format.parse(typed) ?? typed));
  };
  return (
    <input
      id={id}
      name={id}
      data-testid={id}
      className={`form-control ${format.className}`}
      type="text"
      inputMode={format.inputMode}
      autoComplete="off"
      placeholder={format.placeholder}
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

const dateFormat: TextFormat = {
  className: 'qt-vn-date',
  placeholder: 'dd/mm/yyyy',
  inputMode: 'numeric',
  show: (v) => (isIsoDate(v) ? formatVnDate(v) : v),
  parse: parseVnDate,
};

const dateTimeFormat: TextFormat = {
  className: 'qt-vn-datetime',
  placeholder: 'dd/mm/yyyy HH:mm',
  show: (v) => (Number.isNaN(Date.parse(v)) ? v : formatVnDateTime(v)),
  parse: parseVnDateTime,
};

/** `vn-date`: a dd/mm/yyyy text box storing `YYYY-MM-DD`. */
export function VnDateWidget(props: WidgetProps) {
  return <FormattedTextInput props={props} format={dateFormat} />;
}

/** `vn-datetime`: `dd/mm/yyyy HH:mm` (Vietnam time, 24 h) storing ISO 8601 with `+07:00`. */
export function VnDateTimeWidget(props: WidgetProps) {
  return <FormattedTextInput props={props} format={dateTimeFormat} />;
}
