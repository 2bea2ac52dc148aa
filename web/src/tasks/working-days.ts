/**
 * Working days between today and a due date, in Vietnam time, skipping weekends (the server's
 * business calendar also skips public holidays; when it sends `working_days_left` that wins).
 * 0 = due today, negative = overdue by that many working days.
 */
const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;

function vnDayNumber(date: Date): number {
  return Math.floor((date.getTime() + VN_OFFSET) / DAY);
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function workingDaysLeft(due: string | Date | null | undefined, now: Date = new Date()): number | null {
  if (!due) return null;
  const dueDate = new Date(due);
  if (Number.isNaN(dueDate.getTime())) return null;
  if (dueDate.getTime() < now.getTime() && vnDayNumber(dueDate) < vnDayNumber(now)) {
    // overdue: count working days after the due day up to today
    let count = 0;
    for (let d = vnDayNumber(dueDate) + 1; d <= vnDayNumber(now); d++) if (!isWeekend(d)) count++;
    return -Math.max(1, count);
  }
  if (dueDate.getTime() < now.getTime()) return -1;
  let count = 0;
  for (let d = vnDayNumber(now) + 1; d <= vnDayNumber(dueDate); d++) if (!isWeekend(d)) count++;
  return count;
}
