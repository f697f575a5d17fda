import DataLoader from 'dataloader';
import type { GraphqlContext } from './graphql-context';

/**
 * The request's DataLoader for `name`, created on first use: every row of a page that resolves the
 * same relation shares one batched query.
 */
export function requestLoader<K, V>(
  context: GraphqlContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
): DataLoader<K, V> {
  let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    context.loaders.set(name, loader);
  }
  return loader;
}

/** Orders batch results as the keys were asked, with `null` where nothing was found. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}
