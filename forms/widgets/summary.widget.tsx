import type { WidgetProps } from '@rjsf/utils';
import { formatVnDate, formatVnDateTime, isIsoDate } from '../formats/vn-date.format';
import { formatVnNumber } from '../formats/vn-number.format';
import { contextOf, pick } from './form-context';

/**
 * `summary`: read-only display of a value (typically an `x-computed` one, e.g. the TT18 conclusion):
 * enum values show their label (`enumOptions`), dates dd/mm/yyyy, numbers with Vietnamese separators.
 * Renders an `<output>` tied to the label so screen readers announce changes.
 */
export function SummaryWidget(props: WidgetProps) {
  const { id, value, schema, options, registry } = props;
  const locale = contextOf(registry).locale;
  return (
    <output id={id} data-testid={id} className="qt-summary" aria-live="polite">
      {displayValue(value, schema.format, options.enumOptions, locale)}
    </output>
  );
}

export function displayValue(
  value: unknown,
  format: string | undefined,
  enumOptions: { value: unknown; label: string }[] | undefined,
  locale: 'vi' | 'en' | undefined,
): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = enumOptions?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return value ? pick(locale, 'Có', 'Yes') : pick(locale, 'Không', 'No');
  if (typeof value === 'number') return locale === 'en' ? String(value) : formatVnNumber(value);
  if (typeof value === 'string') {
    if (format === 'date' && isIsoDate(value)) return formatVnDate(value);
    if (format === 'date-time') return formatVnDateTime(value);
    return value;
  }
  return JSON.stringify(value);
}
