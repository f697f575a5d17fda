import { todayInMorocco } from './casablanca';

describe('todayInMorocco', () => {
  it('gives the calendar day in Morocco, not the server’s', () => {
    // 23:30 UTC on 31 December 2025 is already 1 January 2026 in Casablanca (UTC+1).
    expect(todayInMorocco(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInMorocco(new Date('2025-12-31T22:30:00Z'))).toBe('2025-12-31');
  });
});
