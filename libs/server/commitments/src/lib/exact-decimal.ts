/**
 * Sums and comparisons of `numeric(16,2)` values (amounts in MAD, quantities) without binary floats:
 * a decimal string becomes a whole number of hundredths, exactly.
 */
export function toHundredths(value: string): bigint {
  const [units, fraction = ''] = value.split('.');
  const sign = units.startsWith('-') ? -1n : 1n;
  const digits = units.replace('-', '');
  return sign * (BigInt(digits) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
}

/** The form PostgreSQL returns for `numeric(16,2)`: "1500.50", "-3.00". */
export function fromHundredths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}
