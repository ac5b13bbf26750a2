import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/lib/dates.ts';

describe('formatIsoDate', () => {
  it('writes a day, a month or a year as a reader would', () => {
    expect(formatIsoDate('2015-10-05')).toBe('5 October 2015');
    expect(formatIsoDate('2014-11')).toBe('November 2014');
    expect(formatIsoDate('2024')).toBe('2024');
  });

  it('leaves anything else as it is', () => {
    expect(formatIsoDate('2015-13')).toBe('2015-13');
    expect(formatIsoDate('5 October 2015')).toBe('5 October 2015');
  });
});
