const DAY_MS = 86_400_000;

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The calendar day `days` after `day` (YYYY-MM-DD, negative: before). */
export function addDays(day: string, days: number): string {
  return toDay(new Date(parseDay(day).getTime() + days * DAY_MS));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/**
 * "Today" for the demo story. History is dated absolutely (the forum of 11 October 2018, reports of
 * past years); whatever must stay late, due soon or fresh whenever the demo is loaded is dated
 * relative to the day it is loaded, so that the story reads the same on any day.
 */
export class DemoCalendar {
  constructor(readonly today: string) {}

  /** `offset` days from today: `day(-20)` was 20 days ago. */
  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** The first day of the month `offset` months from this one. */
  monthStart(offset: number): string {
    const today = parseDay(this.today);
    return toDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1)));
  }

  /** 31 December of the year `offset` years from this one. */
  yearEnd(offset: number): string {
    return `${parseDay(this.today).getUTCFullYear() + offset}-12-31`;
  }

  /** A moment of `day` (late morning in Casablanca) for timestamps: before now for any past day. */
  static at(day: string, hourUtc = 10): Date {
    return new Date(`${day}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
  }
}
