/** Vietnamese number format (1.234,5) with at most one decimal; '–' for no value. */
export function formatIndicator(value: number | null | undefined, locale: 'vi' | 'en', unit?: string): string {
  if (value === null || value === undefined) return '–';
  const text = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  return unit === 'percent' ? `${text} %` : text;
}
