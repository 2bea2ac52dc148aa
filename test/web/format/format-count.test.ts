import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../web/src/format/format';

describe('formatCount', () => {
  it('should mark a count the server capped with "+" in each language\'s digit grouping', () => {
    // when / then
    expect(formatCount(1000, true, 'vi')).toBe('1.000+');
    expect(formatCount(1000, true, 'en')).toBe('1,000+');
  });

  it('should show an exact count as it is', () => {
    expect(formatCount(37, false, 'vi')).toBe('37');
    expect(formatCount(1234, false, 'en')).toBe('1,234');
  });
});
