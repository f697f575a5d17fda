/**
 * "Today" for due dates, lateness and health is the calendar day in Morocco, whatever the server's
 * time zone (ADR 0008). The SQL and the TypeScript forms must agree; both name the zone explicitly.
 */
export const BUSINESS_TIME_ZONE = 'Africa/Casablanca';

/** PostgreSQL: today's date in Morocco. */
export const TODAY_SQL = `(now() AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date`;

/** Today's date in Morocco as YYYY-MM-DD. */
export function todayInMorocco(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE }).format(now);
}
