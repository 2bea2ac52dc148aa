import { describe, expect, it } from 'vitest';
import {
  formatVnDate,
  formatVnDateTime,
  formatVnNumber,
  isCccd,
  isCmnd,
  isIsoDate,
  isJurisdictionCode,
  isUuid,
  isVnPhone,
  normalizeVnPhone,
  parseVnDate,
  parseVnDateTime,
  parseVnNumber,
} from '../../../forms/index';

describe('Vietnamese formats', () => {
  it('should accept CCCD numbers with a province code 001–096 only', () => {
    expect(isCccd('001090012345')).toBe(true);
    expect(isCccd('096190012345')).toBe(true);
    expect(isCccd('000090012345')).toBe(false);
    expect(isCccd('097090012345')).toBe(false);
    expect(isCccd('00109001234')).toBe(false);
    expect(isCccd('00109001234a')).toBe(false);
  });

  it('should accept CMND of 9 or 12 digits', () => {
    expect(isCmnd('123456789')).toBe(true);
    expect(isCmnd('123456789012')).toBe(true);
    expect(isCmnd('1234567890')).toBe(false);
  });

  it('should accept Vietnamese mobile and landline numbers, local or +84', () => {
    for (const ok of ['0912345678', '0387654321', '+84912345678', '02438251234', '+842438251234']) expect(isVnPhone(ok), ok).toBe(true);
    for (const bad of ['091234567', '0112345678', '84912345678', '0912 345 678', '+8491234567']) expect(isVnPhone(bad), bad).toBe(false);
    expect(normalizeVnPhone('0912 345.678')).toBe('0912345678');
  });

  it('should accept jurisdiction codes of 2, 3 or 5 digits and UUIDs', () => {
    expect(['44', '449', '19300'].every(isJurisdictionCode)).toBe(true);
    expect(['4', '4490', '193001', 'ab'].some(isJurisdictionCode)).toBe(false);
    expect(isUuid('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(true);
    expect(isUuid('3f2504e0')).toBe(false);
  });

  it('should format and parse dd/mm/yyyy dates', () => {
    expect(formatVnDate('2024-03-05')).toBe('05/03/2024');
    expect(parseVnDate('5/3/2024')).toBe('2024-03-05');
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('29/02/2023')).toBeNull();
    expect(parseVnDate('31/04/2024')).toBeNull();
    expect(parseVnDate('2024-03-05')).toBeNull();
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(formatVnDate(undefined)).toBe('');
  });

  it('should format date-times in Vietnam time and parse them back with +07:00', () => {
    expect(formatVnDateTime('2026-03-02T01:30:00Z')).toBe('02/03/2026 08:30');
    expect(formatVnDateTime('2026-03-01T23:15:00+07:00')).toBe('01/03/2026 23:15');
    expect(parseVnDateTime('02/03/2026 08:30')).toBe('2026-03-02T08:30:00+07:00');
    expect(parseVnDateTime('2/3/2026')).toBe('2026-03-02T00:00:00+07:00');
    expect(parseVnDateTime('02/03/2026 24:00')).toBeNull();
  });

  it('should format and parse numbers with Vietnamese separators', () => {
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
    expect(formatVnNumber(1234567)).toBe('1.234.567');
    expect(formatVnNumber(-0.25, 2)).toBe('-0,25');
    expect(parseVnNumber('1.234,5')).toBe(1234.5);
    expect(parseVnNumber('-12,75')).toBe(-12.75);
    expect(parseVnNumber('1234')).toBe(1234);
    expect(parseVnNumber('1,234.5')).toBeNull();
    expect(parseVnNumber('12.34')).toBeNull();
  });
});
