/** Vietnamese display conventions (DESIGN.md §12): dd/mm/yyyy, 24 h, 1.234,5. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

export function formatNumber(value: number, locale: 'vi' | 'en' = 'vi'): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(value);
}

/** A count the server may have capped (task lists stop counting at 1 000): "1.000+". */
export function formatCount(value: number, capped: boolean, locale: 'vi' | 'en' = 'vi'): string {
  return `${formatNumber(value, locale)}${capped ? '+' : ''}`;
}

export type DeadlineTone = 'ok' | 'soon' | 'overdue' | 'none';

/** Green while more than a working day is left, amber at ≤ 1 working day, red once overdue. */
export function deadlineTone(workingDaysLeft: number | null | undefined): DeadlineTone {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return 'none';
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft <= 1) return 'soon';
  return 'ok';
}

/** Vietnamese collation for sorting names (đ after d, tones ignored at first level). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base' });
