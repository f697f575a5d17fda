import { registerDecorator, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date of the product may fall in: wide enough for any plan, archive or deadline, and
 * inside what PostgreSQL's `date` accepts (it refuses the year 0 that the format alone would let in).
 */
export const CALENDAR_YEARS = { min: 1900, max: 2200 } as const;

/** A calendar date written YYYY-MM-DD that exists (no 31 February); any year of four digits. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date (see `isCalendarDate`) whose year is within `CALENDAR_YEARS`. */
function isDateInCalendarYears(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}

/**
 * A calendar date YYYY-MM-DD between 1900 and 2200. Two constraints, so that a reader is told either
 * the format (`validation.isDateString`) or the range of years (`validation.dateOutOfRange`).
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isDateString',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: isCalendarDate },
    });
    registerDecorator({
      name: 'dateOutOfRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, context: { ...CALENDAR_YEARS, ...options?.context } },
      validator: {
        // A value that is not a date at all is the format constraint's to report.
        validate: (value: unknown) => !isCalendarDate(value) || isDateInCalendarYears(value),
        // class-validator only reports the `context` (the years) of a constraint with a non-empty message.
        defaultMessage: () => 'dateOutOfRange',
      },
    });
  };
}

/** The largest value of a `numeric(integerDigits + scale, scale)` column, as a `Decimal`: 99999999.99. */
function largestDecimal(scale: number, integerDigits: number): string {
  return scale > 0 ? `${'9'.repeat(integerDigits)}.${'9'.repeat(scale)}` : '9'.repeat(integerDigits);
}

/**
 * A `Decimal` that is zero or more and fits its column, `numeric(integerDigits + scale, scale)`: at
 * most `scale` decimals and `integerDigits` digits before the point (leading zeros aside), so that
 * PostgreSQL never refuses it with a numeric overflow. Defaults: `numeric(16,2)`, amounts in MAD.
 * The scalar already guarantees the digits; this adds the sign and the precision of the column.
 */
export function IsNonNegativeDecimal(
  scale = 2,
  integerDigits = 14,
  options?: ValidationOptions,
): PropertyDecorator {
  const fraction = scale > 0 ? `(\\.\\d{1,${scale}})?` : '';
  const pattern = new RegExp(`^0*\\d{1,${integerDigits}}${fraction}$`);
  const max = largestDecimal(scale, integerDigits);
  return (target, propertyName) =>
    registerDecorator({
      name: 'decimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, context: { scale, max, ...options?.context } },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && pattern.test(value),
        // class-validator only reports the `context` (scale and maximum) of a constraint with a non-empty message.
        defaultMessage: () => 'decimal',
      },
    });
}

/** Leading and trailing blanks are not part of a text field (so a blank one is empty). */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}
