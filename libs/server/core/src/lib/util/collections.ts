/** The same id named twice counts once; nulls are dropped. Order of first appearance is kept. */
export function uniqueValues<T>(values: readonly (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== null && value !== undefined))];
}

/** The fields actually given, so that an update leaves the absent ones as they are (null is a value). */
export function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** What a DataLoader batch found: its loaders answer null for what the reader may not read. */
export function foundOnly<T>(items: readonly (T | null | Error)[]): T[] {
  return items.filter((item): item is T => item !== null && !(item instanceof Error));
}
