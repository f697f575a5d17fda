/** How many failures, within how long, lock an address, and for how long (issue #2, ADR 0004). */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_DURATION_MS = 15 * 60_000;

/**
 * When the address is locked until, given its most recent failures (newest first), or null.
 * Locked when the last 10 failures all fall within 15 minutes: for 15 minutes after the 10th.
 * Attempts during a lock are refused before the password is checked, so they do not extend it.
 */
export function lockedUntil(recentFailuresNewestFirst: Date[], now: Date): Date | null {
  if (recentFailuresNewestFirst.length < LOCKOUT_THRESHOLD) return null;
  const newest = recentFailuresNewestFirst[0].getTime();
  const tenth = recentFailuresNewestFirst[LOCKOUT_THRESHOLD - 1].getTime();
  if (newest - tenth > LOCKOUT_WINDOW_MS) return null;
  const until = new Date(newest + LOCKOUT_DURATION_MS);
  return until > now ? until : null;
}
