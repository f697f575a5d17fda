import { Field, InputType } from '@nestjs/graphql';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { DecimalScalar } from '@convergence/server/core';

/** A latitude or longitude as a `Decimal`: within ±`max` degrees, at most 6 decimals (the column's scale). */
function IsCoordinate(max: 90 | 180, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'coordinate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { ...options, context: { max } },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^-?\d{1,3}(\.\d{1,6})?$/.test(value) &&
          Math.abs(Number(value)) <= max,
        // class-validator only reports the `context` (the bound) of a constraint with a non-empty message.
        defaultMessage: () => 'coordinate',
      },
    });
}

@InputType()
export class GeoPointInput {
  @Field(() => DecimalScalar, { description: 'Latitude in degrees, -90 to 90.' })
  @IsCoordinate(90)
  lat!: string;

  @Field(() => DecimalScalar, { description: 'Longitude in degrees, -180 to 180.' })
  @IsCoordinate(180)
  lng!: string;
}
