/** ISO 8601 durations, dates and repeating intervals (R[n]/[start/]duration) for timers. */

const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim()) && text.trim() !== 'P' && !text.trim().endsWith('T');
}

/** Adds an ISO duration to an instant (years/months by calendar, the rest exactly). */
export function addDuration(from: Date, text: string): Date {
  const match = DURATION.exec(text.trim());
  if (!match || !isDuration(text)) throw new Error(`invalid ISO 8601 duration: ${text}`);
  const sign = match[1] ? -1 : 1;
  const n = (index: number) => Number(match[index] ?? 0) * sign;
  const result = new Date(from.getTime());
  if (n(2) || n(3)) result.setUTCMonth(result.getUTCMonth() + n(2) * 12 + n(3));
  const ms = ((n(4) * 7 + n(5)) * 86_400 + n(6) * 3_600 + n(7) * 60 + n(8)) * 1000;
  return new Date(result.getTime() + ms);
}

export interface Cycle {
  /** remaining repetitions after the first firing; null = unbounded */
  repetitions: number | null;
  start: Date | null;
  duration: string;
}

export function parseCycle(text: string): Cycle {
  const parts = text.trim().split('/');
  const head = parts[0] ?? '';
  if (!/^R\d*$/.test(head) || parts.length < 2 || parts.length > 3) throw new Error(`invalid timer cycle: ${text}`);
  const repetitions = head === 'R' ? null : Number(head.slice(1));
  const duration = parts[parts.length - 1] ?? '';
  if (!isDuration(duration)) throw new Error(`invalid timer cycle duration: ${text}`);
  const start = parts.length === 3 ? new Date(parts[1] ?? '') : null;
  if (start && Number.isNaN(start.getTime())) throw new Error(`invalid timer cycle start: ${text}`);
  return { repetitions, start, duration };
}

export function parseDate(text: string): Date {
  const date = new Date(text.trim().replace(/@.*$/, ''));
  if (Number.isNaN(date.getTime())) throw new Error(`invalid timer date: ${text}`);
  return date;
}
