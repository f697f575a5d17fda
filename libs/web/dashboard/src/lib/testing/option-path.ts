/** Reads a path in an ECharts option (loosely typed unions) as a test sees it. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Calls a formatter found in an option. */
export function call(formatter: unknown, ...args: unknown[]): unknown {
  if (typeof formatter !== 'function') throw new Error('not a function');
  return (formatter as (...values: unknown[]) => unknown)(...args);
}

/** `path` of every element of the array at `arrayPath`. */
export function each(
  value: unknown,
  arrayPath: (string | number)[],
  ...path: (string | number)[]
): unknown[] {
  const array = at(value, ...arrayPath);
  return Array.isArray(array) ? array.map((item) => at(item, ...path)) : [];
}
