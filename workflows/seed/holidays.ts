import type { SeedHoliday } from '../types';

/**
 * Public holidays (days off for state agencies) 2025–2027 for the business calendar.
 * 2025 and the announced 2026 days follow the Government's announcements; days marked
 * `estimated` were not announced when this list was written (lunar dates computed, swap days
 * guessed) — admins must confirm them each year in the calendar screen.
 * Make-up working Saturdays cannot be represented as holidays and are not listed.
 *
 * An estimated day is seeded into the business calendar (it counts as a day off, so deadlines
 * are not shortened) under its name + ESTIMATED_HOLIDAY_MARK: an unconfirmed setting. An admin
 * confirms it by renaming it without the mark (PUT /api/admin/holidays/:date, audited) or removes
 * it (DELETE) once the Government's announcement is out. The seed only adds missing days, and
 * estimated days only to a year the calendar does not hold yet (holidaysToSeed), so it never
 * re-marks a confirmed day nor brings back a removed one.
 */
export const ESTIMATED_HOLIDAY_MARK = '(dự kiến – chờ xác nhận)';

/** The name a holiday gets in the business calendar (estimated days carry the mark). */
export function holidayCalendarName(holiday: SeedHoliday): string {
  return holiday.estimated ? `${holiday.name} ${ESTIMATED_HOLIDAY_MARK}` : holiday.name;
}

/**
 * The seed days to add to a calendar that holds `existingDates`: missing announced days, and the
 * estimated days of a year the calendar holds no day of yet (after that, admins own the year).
 */
export function holidaysToSeed<H extends SeedHoliday>(seed: H[], existingDates: Iterable<string>): H[] {
  const existing = new Set(existingDates);
  const years = new Set([...existing].map((d) => d.slice(0, 4)));
  return seed.filter((h) => !existing.has(h.date) && !(h.estimated && years.has(h.date.slice(0, 4))));
}

/** True for a calendar day still waiting for an admin's confirmation. */
export function isUnconfirmedHoliday(name: string): boolean {
  return name.includes(ESTIMATED_HOLIDAY_MARK);
}

const tet = (dates: string[], year: number, estimated = false): SeedHoliday[] =>
  dates.map((date) => ({ date, name: `Tết Nguyên đán ${year}`, ...(estimated ? { estimated } : {}) }));

export const holidays: SeedHoliday[] = [
  // 2025
  { date: '2025-01-01', name: 'Tết Dương lịch' },
  ...tet(['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'], 2025),
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2025-09-02', name: 'Quốc khánh' },
  // 2026
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  { date: '2026-01-02', name: 'Nghỉ hoán đổi Tết Dương lịch', estimated: true },
  ...tet(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'], 2026),
  { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật)' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)', estimated: true },
  { date: '2026-09-02', name: 'Quốc khánh' },
  // 2027 (lunar dates computed; official announcement pending)
  { date: '2027-01-01', name: 'Tết Dương lịch' },
  ...tet(['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'], 2027, true),
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', estimated: true },
  { date: '2027-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { date: '2027-05-01', name: 'Ngày Quốc tế Lao động' },
  { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (trùng thứ Bảy)', estimated: true },
  { date: '2027-09-02', name: 'Quốc khánh' },
  { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)', estimated: true },
];
