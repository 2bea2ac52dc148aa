/**
 * Working-day arithmetic: weekends (Saturday, Sunday) and the `calendar_holiday` rows are not
 * working days. Day boundaries are taken in the configured time zone (Asia/Ho_Chi_Minh by default).
 */
export class BusinessCalendar {
  private holidays = new Set<string>();

  constructor(readonly timeZone = 'Asia/Ho_Chi_Minh') {}

  setHolidays(dates: Iterable<string>): void {
    this.holidays = new Set(dates);
  }

  isWorkingDay(ymd: string): boolean {
    const weekday = new Date(`${ymd}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(ymd);
  }

  /** n working days after `ymd` (n = 0: the same day if it is a working day, else the next one). */
  addWorkingDays(ymd: string, n: number): string {
    let current = ymd;
    if (n === 0) {
      while (!this.isWorkingDay(current)) current = addDays(current, 1);
      return current;
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      current = addDays(current, step);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  /** Working days d with a < d ≤ b (negative when b is before a). */
  workingDaysBetween(a: string, b: string): number {
    if (a === b) return 0;
    const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return sign * count;
  }

  /** The local calendar date of an instant in the calendar's time zone. */
  localDate(instant: Date): string {
    return localParts(instant, this.timeZone).date;
  }

  /** The offset (e.g. "+07:00") of the calendar's time zone at an instant. */
  offset(instant: Date): string {
    return localParts(instant, this.timeZone).offset;
  }
}

export function addDays(ymd: string, days: number): string {
  const date = new Date(`${ymd}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localParts(instant: Date, timeZone: string): { date: string; time: string; offset: string } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  const asUtc = Date.parse(`${date}T${time}Z`);
  const minutes = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { date, time, offset };
}
