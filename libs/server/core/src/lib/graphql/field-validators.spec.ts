import { isCalendarDate } from './field-validators';

describe('isCalendarDate', () => {
  it('accepts real days written YYYY-MM-DD and nothing else', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isCalendarDate('2026-02-28T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20260228)).toBe(false);
  });
});
