const DAY_MS = 24 * 3600 * 1000;

/** Today's calendar date in Morocco (YYYY-MM-DD): the api derives `late` from it too. */
export function todayInMorocco(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Casablanca',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from `dueDate` to `today` (both YYYY-MM-DD); at least 1 for a late commitment. */
export function daysLate(dueDate: string, today: string = todayInMorocco()): number {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
  return Math.max(1, days);
}
