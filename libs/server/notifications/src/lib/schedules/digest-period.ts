import type { DigestMode } from './notification-digest.entity';

/**
 * The first day of the period a digest covers, for a calendar day in Morocco: the day itself for a
 * daily digest, the Monday of its week for a weekly one. One digest per user, mode and period.
 */
export function digestPeriodStart(mode: DigestMode, day: string): string {
  if (mode === 'DAILY') return day;
  const date = new Date(`${day}T00:00:00Z`);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - daysSinceMonday);
  return date.toISOString().slice(0, 10);
}
