/**
 * Dates: stored `YYYY-MM-DD` (format `date`), shown `dd/mm/yyyy`; date-times stored ISO 8601 with offset,
 * shown `dd/mm/yyyy HH:mm` in Vietnam time (UTC+7, no daylight saving).
 */

const VN_OFFSET_MINUTES = 7 * 60;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** A real calendar date `YYYY-MM-DD` (rejects 2023-02-29). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `2024-03-05` → `05/03/2024`; anything else is returned unchanged. */
export function formatVnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `5/3/2024`, `05/03/2024`, `05-03-2024`, `05.03.2024` → `2024-03-05`; invalid → null. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isIsoDate(iso) ? iso : null;
}

/** ISO date-time (any offset) → `dd/mm/yyyy HH:mm` in Vietnam time. */
export function formatVnDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + VN_OFFSET_MINUTES * 60_000);
  return (
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
  );
}

/** `dd/mm/yyyy HH:mm` (Vietnam time, 24 h) → `YYYY-MM-DDTHH:mm:00+07:00`; invalid → null. */
export function parseVnDateTime(text: string): string | null {
  const m = /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const date = parseVnDate(m[1]);
  if (!date) return null;
  const hours = m[2] === undefined ? 0 : Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return `${date}T${pad(hours)}:${pad(minutes)}:00+07:00`;
}
