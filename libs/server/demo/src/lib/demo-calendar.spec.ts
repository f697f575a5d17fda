import { DemoCalendar, addDays, daysBetween } from './demo-calendar';

describe('DemoCalendar', () => {
  const calendar = new DemoCalendar('2028-02-28');

  it('counts days across months and leap years', () => {
    expect(calendar.day(1)).toBe('2028-02-29');
    expect(calendar.day(2)).toBe('2028-03-01');
    expect(calendar.day(-59)).toBe('2027-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2027-12-31', '2028-02-28')).toBe(59);
    expect(daysBetween('2028-02-28', '2027-12-31')).toBe(-59);
  });

  it('names the first day of a month and the last day of a year around today', () => {
    expect(calendar.monthStart(0)).toBe('2028-02-01');
    expect(calendar.monthStart(-14)).toBe('2026-12-01');
    expect(calendar.monthStart(11)).toBe('2029-01-01');
    expect(calendar.yearEnd(0)).toBe('2028-12-31');
    expect(calendar.yearEnd(-1)).toBe('2027-12-31');
  });

  it('dates events of a past day before now', () => {
    expect(DemoCalendar.at('2018-10-11').toISOString()).toBe('2018-10-11T10:00:00.000Z');
    expect(DemoCalendar.at('2018-10-11', 15).toISOString()).toBe('2018-10-11T15:00:00.000Z');
  });
});
