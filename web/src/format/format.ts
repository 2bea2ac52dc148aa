/** Vietnamese display conventions (DESIGN.md §12): dd/mm/yyyy, 24 h, 1.234,5. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Vietnam has been on UTC+7 without daylight saving since 13/06/1975: later instants are formatted by
 * hand. Building the first Intl.DateTimeFormat with a time zone loads ICU's zone data (15 – 35 ms of a
 * task list's first render in Chromium, and a task list showed two dates per row, each with a new
 * formatter). Earlier instants (old records) still go through Intl, built once.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1975, 5, 12, 17);
const OFFSET_MS = 7 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const dateFormat = once(() => new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }));
const dateTimeParts = once(
  () => new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
);
const numberFormats = { vi: once(() => new Intl.NumberFormat('vi-VN')), en: once(() => new Intl.NumberFormat('en-GB')) };

/** Day, month, year, hour, minute of `date` in Vietnam time. */
function vietnamParts(date: Date): { day: string; month: string; year: string; hour: string; minute: string } {
  if (date.getTime() >= FIXED_OFFSET_SINCE) {
    const local = new Date(date.getTime() + OFFSET_MS);
    return { day: pad(local.getUTCDate()), month: pad(local.getUTCMonth() + 1), year: String(local.getUTCFullYear()), hour: pad(local.getUTCHours()), minute: pad(local.getUTCMinutes()) };
  }
  const parts = dateTimeParts().formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), hour: get('hour'), minute: get('minute') };
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  if (date.getTime() < FIXED_OFFSET_SINCE) return dateFormat().format(date);
  const { day, month, year } = vietnamParts(date);
  return `${day}/${month}/${year}`;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const { day, month, year, hour, minute } = vietnamParts(date);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

export function formatNumber(value: number, locale: 'vi' | 'en' = 'vi'): string {
  // Whole numbers (counts, page numbers) are grouped by hand: the first Intl.NumberFormat costs
  // ≈ 20 ms in Chromium, and the task list's pagination and counts show one on first paint.
  if (Number.isSafeInteger(value)) return `${value < 0 ? '-' : ''}${String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, locale === 'vi' ? '.' : ',')}`;
  return numberFormats[locale]().format(value);
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
export const vietnameseCollator = /* @__PURE__ */ new Intl.Collator('vi', { sensitivity: 'base' });
