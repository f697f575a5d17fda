import { ValidateBy, type ValidationOptions } from 'class-validator';

/** An HCP code: the region's two digits, then up to three dotted parts ("06", "06.141", "06.141.01.0"). */
const TERRITORY_CODE = /^\d{2}(\.\d{1,3}){0,3}$/;

export function IsTerritoryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'territoryCode',
      validator: { validate: (value) => typeof value === 'string' && TERRITORY_CODE.test(value) },
    },
    options,
  );
}
