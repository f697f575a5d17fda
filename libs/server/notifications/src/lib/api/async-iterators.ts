/**
 * The values of `source` turned by `map`, skipping those it maps to null. Unlike an async generator,
 * `return()` reaches the source at once even while a `next()` is pending, so a client that stops
 * listening unsubscribes immediately rather than at the next message.
 */
export function filterMapAsync<T, U>(
  source: AsyncIterator<T>,
  map: (value: T) => Promise<U | null>,
): AsyncIterableIterator<U> {
  const done = async (): Promise<IteratorResult<U>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { done: true, value: undefined };
        const mapped = await map(result.value);
        if (mapped !== null) return { done: false, value: mapped };
      }
    },
    return: done,
    async throw(error: unknown): Promise<IteratorResult<U>> {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
