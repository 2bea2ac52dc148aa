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

describe('FEEL memo', () => {
  const calendar = new BusinessCalendar();
  const clock = new FakeClock('2026-02-12T09:00:00+07:00');

  it('should give the same answers with and without the memo, including names with spaces', () => {
    // given
    const memoised = new FeelEvaluator(clock, calendar);
    const plain = new FeelEvaluator(clock, calendar, {}, 0);
    const cases: [string, Record<string, unknown>][] = [
      ['approved = true', { approved: true, note: 'x' }],
      ['approved = true', { approved: false, note: 'x' }],
      ['số ngày + 1', { 'số ngày': 4, other: 1 }],
      ['person.age >= 18 and count(items) > 1', { person: { age: 20 }, items: [1, 2], unrelated: { deep: [1] } }],
      ['{ a: x, b: [x, y] }', { x: 1, y: 'z' }],
      ['missing = null', { present: 1 }],
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const [expression, variables] of cases) {
        // when / then
        expect(memoised.evaluate(expression, variables)).toEqual(plain.evaluate(expression, variables));
      }
    }
  });

  it('should not mix a Date with its ISO string, which feelin reads differently', () => {
    // given
    const feel = new FeelEvaluator(clock, calendar);
    const plain = new FeelEvaluator(clock, calendar, {}, 0);
    const when = new Date('2026-02-12T02:00:00Z');

    // when
    const asString = feel.evaluate('string(x)', { x: when.toISOString() });
    const asDate = feel.evaluate('string(x)', { x: when });

    // then
    expect(asString).toBe(plain.evaluate('string(x)', { x: when.toISOString() }));
    expect(asDate).toBe(plain.evaluate('string(x)', { x: when }));
    expect(feel.remembers('string(x)', { x: when })).toBe(false);
  });

  it('should not let a caller change a remembered result', () => {
    // given
    const feel = new FeelEvaluator(clock, calendar);
    const first = feel.evaluate('{ list: [x] }', { x: 1 }) as { list: number[] };

    // when
    first.list.push(99);

    // then
    expect(feel.evaluate('{ list: [x] }', { x: 1 })).toEqual({ list: [1] });
  });

  it('should re-evaluate expressions that read the clock or the business calendar', () => {
    // given
    const movingClock = new FakeClock('2026-02-12T09:00:00+07:00');
    const changingCalendar = new BusinessCalendar();
    const feel = new FeelEvaluator(movingClock, changingCalendar);
    expect(feel.evaluate('string(today())', {})).toBe('2026-02-12');
    expect(feel.evaluate('add working days(date("2026-02-12"), 1)', {})).toBe('2026-02-13');

    // when
    movingClock.advance(24 * 3_600_000);
    changingCalendar.setHolidays(['2026-02-13']);

    // then
    expect(feel.evaluate('string(today())', {})).toBe('2026-02-13');
    expect(feel.evaluate('add working days(date("2026-02-12"), 1)', {})).toBe('2026-02-16');
  });

  it('should keep at most its size of results, dropping the least recently used', () => {
    // given a memo of two
    const feel = new FeelEvaluator(clock, calendar, {}, 2);
    feel.evaluate('x + 0', { x: 1 });
    feel.evaluate('x + 1', { x: 1 });

    // when the first is used again, then a third arrives
    feel.evaluate('x + 0', { x: 1 });
    feel.evaluate('x + 2', { x: 1 });

    // then the one used longest ago is gone
    expect(feel.remembers('x + 0', { x: 1 })).toBe(true);
    expect(feel.remembers('x + 1', { x: 1 })).toBe(false);
    expect(feel.remembers('x + 2', { x: 1 })).toBe(true);
    expect(feel.remembers('x + 2', { x: 2 })).toBe(false);
  });
});
