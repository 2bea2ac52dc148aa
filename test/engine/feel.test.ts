import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../engine/index';
import { FeelEvaluator } from '../../engine/feel/feel-evaluator';
import { FakeClock } from '../support/clock';

const TET_2026 = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];

describe('FEEL with the business calendar', () => {
  const calendar = new BusinessCalendar();
  calendar.setHolidays(TET_2026);
  const clock = new FakeClock('2026-02-12T23:30:00+07:00');
  const feel = new FeelEvaluator(clock, calendar, { 'parent jurisdiction': (code: unknown) => String(code).slice(0, 2) });

  it('should take now() and today() from the injected clock in Asia/Ho_Chi_Minh', () => {
    expect(feel.evaluate('today()', {})).toBe('2026-02-12');
    expect(feel.evaluate('string(now())', {})).toBe('2026-02-12T23:30:00+07:00');
  });

  it('should add working days across weekends and the Tết span', () => {
    expect(feel.evaluate('add working days(date("2026-02-12"), 1)', {})).toBe('2026-02-13');
    expect(feel.evaluate('add working days(date("2026-02-12"), 2)', {})).toBe('2026-02-23');
    expect(feel.evaluate('addWorkingDays(date("2026-02-13"), 5)', {})).toBe('2026-02-27');
    expect(feel.evaluate('add working days(date and time("2026-02-13T10:00:00+07:00"), 1)', {})).toBe('2026-02-23T10:00:00+07:00');
  });

  it('should count working days between two dates', () => {
    expect(feel.evaluate('working days between(date("2026-02-12"), date("2026-02-24"))', {})).toBe(3);
    expect(feel.evaluate('working days between(date("2026-02-24"), date("2026-02-12"))', {})).toBe(-3);
  });

  it('should add calendar days and hours, and expose extra functions', () => {
    expect(feel.evaluate('add calendar days(date("2026-02-12"), 3)', {})).toBe('2026-02-15');
    expect(feel.evaluate('add hours(date and time("2026-02-12T23:00:00+07:00"), 2)', {})).toBe('2026-02-13T01:00:00+07:00');
    expect(feel.evaluate('parent jurisdiction("19300")', {})).toBe('19');
  });

  it('should agree: adding the working days between a and b lands on b (b a working day)', () => {
    for (const b of ['2026-02-13', '2026-02-23', '2026-03-02', '2026-02-27']) {
      const n = calendar.workingDaysBetween('2026-02-10', b);
      expect(calendar.addWorkingDays('2026-02-10', n)).toBe(b);
    }
  });
});
