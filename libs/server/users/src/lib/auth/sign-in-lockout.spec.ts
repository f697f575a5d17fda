import { lockedUntil } from './sign-in-lockout';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 9, minute));
const failures = (...minutes: number[]) => minutes.map(at).sort((a, b) => b.getTime() - a.getTime());

describe('lockedUntil', () => {
  it('does not lock after nine failures', () => {
    expect(lockedUntil(failures(0, 1, 2, 3, 4, 5, 6, 7, 8), at(9))).toBeNull();
  });

  it('locks for 15 minutes after the tenth failure within 15 minutes', () => {
    const tenInTen = failures(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    expect(lockedUntil(tenInTen, at(9))).toEqual(at(24));
    expect(lockedUntil(tenInTen, at(23))).toEqual(at(24));
    expect(lockedUntil(tenInTen, at(24))).toBeNull();
  });

  it('does not lock when the ten failures are spread over more than 15 minutes', () => {
    expect(lockedUntil(failures(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), at(18))).toBeNull();
  });
});
