/**
 * Exact arithmetic on Decimal strings ("500000000.00"), in hundredths with BigInt: amounts are
 * compared and subtracted here, never as floats.
 */

const DECIMAL = /^\d{1,16}(\.\d{1,2})?$/;

/**
 * What a person typed as a non-negative decimal, as the api expects it ("1 000 000,5" → "1000000.5"):
 * spaces (including the narrow no-break spaces of French grouping) dropped, a decimal comma allowed.
 * null when it is not such a number (negative, more than 2 decimals, letters…).
 */
export function normalizeDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return DECIMAL.test(compact) ? compact : null;
}

export function toHundredths(value: string): bigint {
  const [units, fraction = ''] = value.split('.');
  return BigInt(units || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
}

export function fromHundredths(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const absolute = hundredths < 0n ? -hundredths : hundredths;
  const fraction = (absolute % 100n).toString().padStart(2, '0');
  return `${sign}${absolute / 100n}.${fraction}`;
}

/** What remains owed of `promised` once `fulfilled` is counted (never below 0); null: nothing promised. */
export function remainingOf(promised: string | null, fulfilled: string): string | null {
  if (promised === null) return null;
  const rest = toHundredths(promised) - toHundredths(fulfilled);
  return fromHundredths(rest > 0n ? rest : 0n);
}

/** Whether `a` is greater than `b`. */
export function exceeds(a: string, b: string): boolean {
  return toHundredths(a) > toHundredths(b);
}

export function isZero(value: string): boolean {
  return toHundredths(value) === 0n;
}
