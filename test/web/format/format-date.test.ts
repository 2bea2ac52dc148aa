import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../../web/src/format/format';

describe('formatDate / formatDateTime / formatNumber (formatters built once)', () => {
  it('should give dd/mm/yyyy and 24 h times in Vietnam time on every call', () => {
    // when / then (twice: the second call reuses the formatter)
    for (let i = 0; i < 2; i += 1) {
      expect(formatDate('2026-11-25T18:30:00Z')).toBe('26/11/2026');
      expect(formatDate('2026-03-02')).toBe('02/03/2026');
      expect(formatDateTime('2026-11-25T18:30:00Z')).toBe('26/11/2026 01:30');
    }
  });

  it('should leave empty and invalid values empty', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
    expect(formatDateTime(undefined)).toBe('');
  });

  it('should group digits per language', () => {
    expect(formatNumber(1234567, 'vi')).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});

describe('formatDate / formatDateTime by hand (UTC+7 since 1975) agree with Intl', () => {
  it('should give what Intl gives in Asia/Ho_Chi_Minh for instants from 1975 to 2100, around midnight too', () => {
    // given Intl's answer as the reference
    const intlDate = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
    const intlParts = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    const reference = (d: Date) => {
      const parts = intlParts.formatToParts(d);
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
    };
    // when / then: every 7 days and 37 minutes, plus the minutes around Vietnamese midnight
    for (let t = Date.UTC(1975, 5, 13); t < Date.UTC(2100, 0, 1); t += 7 * 86_400_000 + 37 * 60_000) {
      const d = new Date(t);
      expect(formatDateTime(d)).toBe(reference(d));
      expect(formatDate(d)).toBe(intlDate.format(d));
    }
    for (const iso of ['2026-11-25T16:59:00Z', '2026-11-25T17:00:00Z', '2026-12-31T16:59:59Z', '2026-12-31T17:00:00Z']) {
      expect(formatDateTime(iso)).toBe(reference(new Date(iso)));
      expect(formatDate(iso)).toBe(intlDate.format(new Date(iso)));
    }
  });

  it('should still format older instants and calendar dates (birth dates) as Intl does', () => {
    const intlDate = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
    expect(formatDate('1968-01-31T16:30:00Z')).toBe(intlDate.format(new Date('1968-01-31T16:30:00Z')));
    expect(formatDate('1960-07-21')).toBe('21/07/1960');
    expect(formatDate('2026-11-25')).toBe('25/11/2026');
    // an impossible day rolls over as Date does, as before
    expect(formatDate('2026-02-30')).toBe(intlDate.format(new Date('2026-02-30T00:00:00+07:00')));
  });
});

describe('formatNumber by hand for whole numbers', () => {
  it('should group whole numbers exactly as Intl does in each language, and leave fractions to Intl', () => {
    // given
    const intl = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };
    // when / then
    for (const n of [0, 7, 42, 999, 1000, 1234, 99_999, 100_000, 1_234_567, -5, -1234, -1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(formatNumber(n, 'vi')).toBe(intl.vi.format(n));
      expect(formatNumber(n, 'en')).toBe(intl.en.format(n));
    }
    expect(formatNumber(1234.5, 'vi')).toBe(intl.vi.format(1234.5));
  });
});
