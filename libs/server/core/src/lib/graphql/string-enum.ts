import { registerEnumType } from '@nestjs/graphql';

/**
 * Registers a union of string literals (as kept in libs/shared/domain) as a GraphQL enum whose
 * values are the strings themselves, and returns the object to pass to `@Field(() => …)`.
 */
export function registerStringEnum<T extends string>(
  values: readonly T[],
  name: string,
  description?: string,
) {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
