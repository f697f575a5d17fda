import { digestPeriodStart } from './digest-period';

describe('digestPeriodStart', () => {
  it('is the day itself for a daily digest', () => {
    expect(digestPeriodStart('DAILY', '2026-03-04')).toBe('2026-03-04');
  });

  it('is the Monday of the week for a weekly digest, Sunday included in the week before it', () => {
    expect(digestPeriodStart('WEEKLY', '2026-03-02')).toBe('2026-03-02'); // Monday
    expect(digestPeriodStart('WEEKLY', '2026-03-04')).toBe('2026-03-02'); // Wednesday
    expect(digestPeriodStart('WEEKLY', '2026-03-08')).toBe('2026-03-02'); // Sunday
    expect(digestPeriodStart('WEEKLY', '2026-01-01')).toBe('2025-12-29'); // across a year
  });
});
