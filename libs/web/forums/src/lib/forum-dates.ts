/** Today as an ISO date (YYYY-MM-DD) in the browser's time zone, to compare with `heldOn`. */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A forum dated after today is scheduled (API: "one dated after today is scheduled"). */
export function isScheduled(heldOn: string, today = todayIso()): boolean {
  return heldOn > today;
}
