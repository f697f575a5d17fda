import { registerDecorator, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateString',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: isCalendarDate },
    });
}

/**
 * A `Decimal` that is zero or more with at most `scale` decimals: amounts, quantities, hectares.
 * The scalar already guarantees the digits; this adds the sign and the precision of the column.
 */
export function IsNonNegativeDecimal(scale = 2, options?: ValidationOptions): PropertyDecorator {
  const pattern = new RegExp(`^\\d{1,14}(\\.\\d{1,${scale}})?$`);
  return (target, propertyName) =>
    registerDecorator({
      name: 'decimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, context: { scale, ...options?.context } },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && pattern.test(value),
        // class-validator only reports the `context` (the scale) of a constraint with a non-empty message.
        defaultMessage: () => 'decimal',
      },
    });
}
