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

/**
 * The values of `source` up to and including the first one `isLast` accepts; the source is let go as
 * that one is handed out, and the next `next()` ends the iteration.
 */
export function endingAfter<T>(
  source: AsyncIterableIterator<T>,
  isLast: (value: T) => boolean,
): AsyncIterableIterator<T> {
  let ended = false;
  const done = async (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      await source.return?.();
    }
    return { done: true, value: undefined };
  };
  return {
    async next(): Promise<IteratorResult<T>> {
      if (ended) return { done: true, value: undefined };
      const result = await source.next();
      if (result.done) ended = true;
      else if (isLast(result.value)) await done();
      return result;
    },
    return: done,
    async throw(error: unknown): Promise<IteratorResult<T>> {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
